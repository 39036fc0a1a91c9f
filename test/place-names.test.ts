import { describe, expect, it } from 'vitest';
import { findDocumentPlaces, repairPlaceNames } from '../extractors/text/place-names.js';
import { charNotes, type PositionedText } from '../extractors/text/positioned-text.js';
import { placedText } from './helpers/builders.js';

/** Text as OCR read it: every character at `confidence`, those at `doubtful` indexes at 0.5. */
function ocrText(text: string, doubtful: number[] = [], confidence = 0.97): PositionedText {
  const t = placedText(text);
  return { text: t.text, boxes: t.boxes.map((b, i) => (b ? { ...b, confidence: doubtful.includes(i) ? 0.5 : confidence } : b)) };
}

const LIWAN = [{ city: '广州市', division: '荔湾区' }];

describe('findDocumentPlaces', () => {
  it('finds the city and division a department name spells', () => {
    expect(findDocumentPlaces(['部门名称：广州市荔湾区卫生健康局'])).toEqual(LIWAN);
  });

  it('takes a division one character off when only one of the city’s divisions fits', () => {
    expect(findDocumentPlaces(['广州市功湾区民营经济和中小企业服务中心'])).toEqual(LIWAN);
  });

  it('works for municipalities, whose districts sit under the municipality itself', () => {
    expect(findDocumentPlaces(['北京市朝阳区卫生健康委员会'])).toEqual([{ city: '北京市', division: '朝阳区' }]);
  });

  it('finds nothing in text that names no place, or a division of another city', () => {
    expect(findDocumentPlaces(['项目支出绩效目标表', '广州市市场监督管理局'])).toEqual([]);
    expect(findDocumentPlaces(['广州市朝阳区'])).toEqual([]);
  });
});

describe('repairPlaceNames', () => {
  it('writes the division right after its city, however confidently the wrong character was read', () => {
    const fixed = repairPlaceNames(ocrText('广州市切湾区疾病预防控制中心'), LIWAN);
    expect(fixed.text).toBe('广州市荔湾区疾病预防控制中心');
    expect(charNotes(fixed, 'repair')).toEqual(['切 read as 荔 of 荔湾区, the document\'s own 广州市荔湾区']);
  });

  it('puts back the division’s first character dropped after the city (the city’s 市 is never taken for it)', () => {
    const fixed = repairPlaceNames(ocrText('广州市湾区疾病预防控制中心'), LIWAN);
    expect(fixed.text).toBe('广州市荔湾区疾病预防控制中心');
    expect(fixed.boxes).toHaveLength(fixed.text.length);
  });

  it('without the city, repairs a doubtful character, and a surely read first character only as the likely reading', () => {
    expect(repairPlaceNames(ocrText('两新组织党员活动经费(功湾区)', [11]), LIWAN).text).toBe('两新组织党员活动经费(荔湾区)');
    // 药湾区 read by both models at 0.95: the rare 荔 misread as ever, but nothing vouches for it, so flagged.
    const sure = repairPlaceNames(ocrText('药湾区重点优抚对象抚恤和生活补助经费'), LIWAN);
    expect(sure.text).toBe('荔湾区重点优抚对象抚恤和生活补助经费');
    expect(charNotes(sure, 'repair')).toEqual(['药 read as 荔 of 荔湾区, the document\'s own 广州市荔湾区 (药 was read surely: a likely reading)']);
    expect(sure.boxes[0]!.confidence).toBeLessThan(0.9);
    // A sure character elsewhere in the name makes a name of its own (荔湾湖公园, 荔湾路).
    for (const text of ['荔湾湖公园景观提升', '荔湾路沿线绿化']) expect(repairPlaceNames(ocrText(text), LIWAN).text).toBe(text);
  });

  it('leaves names of their own alone: 大湾区, and other real divisions', () => {
    expect(repairPlaceNames(ocrText('打造大湾区氢能产业谷', [2]), LIWAN).text).toBe('打造大湾区氢能产业谷');
    expect(repairPlaceNames(ocrText('温州市龙湾区', [3]), LIWAN).text).toBe('温州市龙湾区');
  });

  it('leaves a doubtful quote mark where the division’s character would stand: it is a mark (“文化荔湾”公共)', () => {
    expect(repairPlaceNames(ocrText('公益性文艺培训及“文化荔湾”公共文化服务', [13]), LIWAN).text).toBe('公益性文艺培训及“文化荔湾”公共文化服务');
    expect(repairPlaceNames(ocrText('及文化荔湾“公共文化', [5]), LIWAN).text).toBe('及文化荔湾“公共文化');
  });

  it('vouches for a division an earlier likely repair already spelled right (荔 taken from the other OCR model), and for no other repaired or doubted character', () => {
    const read = ocrText('荔湾区科技计划');
    const likely = { ...read.boxes[0]!, confidence: 0.85, repair: 'OCR read 莎, the other OCR model 荔: the dictionary has 荔湾区' };
    const doubted = { ...read.boxes[1]!, confidence: 0.5, doubt: 'a character read where the ink is as wide as two: one may be missing' };
    const elsewhere = { ...read.boxes[4]!, confidence: 0.85, repair: 'OCR read 枝, the other OCR model 技: the dictionary has 科技' };
    const t: PositionedText = { text: read.text, boxes: [likely, doubted, ...read.boxes.slice(2, 4), elsewhere, ...read.boxes.slice(5)] };
    const fixed = repairPlaceNames(t, LIWAN);
    expect(fixed.text).toBe('荔湾区科技计划');
    expect(fixed.boxes.map((b) => b?.confidence)).toEqual([0.96, 0.5, 0.97, 0.97, 0.85, 0.97, 0.97]);
    expect(fixed.boxes[0]!.repair).toBe("OCR read 莎, the other OCR model 荔: the dictionary has 荔湾区; 荔 of 荔湾区, the document's own 广州市荔湾区");
  });

  it('vouches for the first model’s reading of a division’s character the other model read otherwise (荔 against 荡), unless the other’s is a division too', () => {
    const read = ocrText('荔湾区老字号');
    const disputed = (first: string, other: string) => ({ ...read.boxes[0]!, confidence: 0.5, doubt: `two OCR models read these characters differently: one read ${first}, the other ${other}; the dictionary has 荔湾区` });
    const t: PositionedText = { text: read.text, boxes: [disputed('荔', '荡'), ...read.boxes.slice(1)] };
    const fixed = repairPlaceNames(t, LIWAN);
    expect(fixed.text).toBe('荔湾区老字号');
    expect(fixed.boxes.map((b) => b?.confidence)).toEqual([0.96, 0.97, 0.97, 0.97, 0.97, 0.97]);
    expect(fixed.boxes[0]!.doubt).toBeUndefined();
    expect(fixed.boxes[0]!.repair).toBe("OCR read 荔, the other OCR model 荡: 荔 of 荔湾区, the document's own 广州市荔湾区");
    // The other model's 龙 makes 龙湾区, a division of its own (of Wenzhou): the dispute stands.
    const division = repairPlaceNames({ text: read.text, boxes: [disputed('荔', '龙'), ...read.boxes.slice(1)] }, LIWAN);
    expect(division.boxes[0]!.doubt).toMatch(/one read 荔, the other 龙/);
    // A dispute over more than the one character stays too.
    const longer = { ...read.boxes[0]!, confidence: 0.5, doubt: 'two OCR models read these characters differently: one read 荔湾, the other 荡弯' };
    expect(repairPlaceNames({ text: read.text, boxes: [longer, longer, ...read.boxes.slice(2)] }, LIWAN).boxes[0]!.doubt).toBe(longer.doubt);
  });

  it('never touches a text layer', () => {
    const layer = placedText('广州市功湾区');
    expect(repairPlaceNames(layer, LIWAN)).toBe(layer);
  });
});
