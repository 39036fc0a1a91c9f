import { describe, expect, it } from 'vitest';
import { countDocumentBigrams, resolveDisputesByVocabulary, VOCABULARY_REPAIR_CONFIDENCE } from '../extractors/text/document-vocabulary.js';
import { charRepairs, type CharBox, type PositionedText } from '../extractors/text/positioned-text.js';
import { DISPUTED_DOUBT } from '../extractors/raster/ocr-read.js';

/** An OCR-read text; the characters at `disputed` carry a dispute with the other model's reading. */
function read(text: string, disputed: Record<number, string> = {}): PositionedText {
  return {
    text,
    boxes: [...text].map((ch, i): CharBox => ({
      page: 1,
      bbox: [i * 10, 0, i * 10 + 10, 10],
      confidence: disputed[i] ? 0.5 : 0.98,
      ...(disputed[i] ? { doubt: `${DISPUTED_DOUBT}: one read ${ch}, the other ${disputed[i]}` } : {}),
    })),
  };
}

describe('resolveDisputesByVocabulary', () => {
  /** The bigrams of a document of the given texts: plain ones read with no dispute. */
  const document = (...texts: (string | PositionedText)[]) => countDocumentBigrams(texts.map((t) => (typeof t === 'string' ? read(t) : t)));

  it('takes the other model’s character where the document writes it so elsewhere, and the first reading nowhere', () => {
    const cell = read('新生儿听力簿查率', { 5: '筛' });
    const out = resolveDisputesByVocabulary(cell, document(cell, '完成适龄妇女两癌筛查人数', '新生儿疾病得查人数'));
    expect(out.text).toBe('新生儿听力筛查率');
    expect(out.boxes[5]).toMatchObject({ confidence: VOCABULARY_REPAIR_CONFIDENCE });
    expect(charRepairs(out)).toEqual(['簿 read as 筛, as the other OCR model read it and the document writes 筛查 elsewhere']);
  });

  it('takes a run of characters the other model read with as many (谍荆 against 殡葬), where the document writes its words elsewhere', () => {
    const text = '惠民谍荆基本服务费用减免经费';
    const cell: PositionedText = { text, boxes: read(text).boxes.map((b, i) => (i === 2 || i === 3 ? { ...b!, confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read 谍荆, the other 殡葬` } : b)) };
    const out = resolveDisputesByVocabulary(cell, document(cell, '保障殡葬服务信息管理系统稳定运行'));
    expect(out.text).toBe('惠民殡葬基本服务费用减免经费');
    expect(charRepairs(out)).toEqual(['谍荆 read as 殡葬, as the other OCR model read it and the document writes 殡葬 elsewhere']);
    // Read with fewer characters by the other model: not a like-for-like reading, left alone.
    const shorter: PositionedText = { text, boxes: read(text).boxes.map((b, i) => (i === 2 || i === 3 ? { ...b!, confidence: 0.5, doubt: `${DISPUTED_DOUBT}: one read 谍荆, the other 殡` } : b)) };
    expect(resolveDisputesByVocabulary(shorter, document(shorter, '殡仪馆')).text).toBe(text);
  });

  it('keeps the first reading when the document writes it elsewhere too, or neither reading', () => {
    // The same misread in another cell: a word repeats, and so does its misread.
    const cell = read('新增种子独角首企业数量', { 5: '兽' });
    expect(resolveDisputesByVocabulary(cell, document(cell, '对认定为独角首企业', '兽医')).text).toBe(cell.text);
    expect(resolveDisputesByVocabulary(cell, document(cell, '其他')).text).toBe(cell.text);
  });

  it('does not count the first reading where it was in dispute elsewhere too: the first model repeats its misread', () => {
    // 得查 three times over, the other model reading 筛 each time, and 筛查 read surely once.
    const cell = read('新生儿疾病得查人数', { 5: '筛' });
    const name = read('免费得查及听力得查', { 2: '筛', 7: '筛' });
    const out = resolveDisputesByVocabulary(cell, document(cell, name, '对筛查阳性个案及时召回'));
    expect(out.text).toBe('新生儿疾病筛查人数');
    expect(charRepairs(out)).toEqual(['得 read as 筛, as the other OCR model read it and the document writes 筛查 elsewhere']);
    // Read so without a dispute somewhere, the first reading is the document's word.
    expect(resolveDisputesByVocabulary(cell, document(cell, name, '对筛查阳性个案', '听力得查')).text).toBe(cell.text);
  });

  it('does not count the cell’s own words as the document’s', () => {
    const cell = read('筛查结果告知时限，簿查阳性', { 10: '筛' });
    expect(resolveDisputesByVocabulary(cell, document(cell)).text).toBe(cell.text);
  });

  it('leaves runs of more than one disputed character, and undisputed ones, alone', () => {
    const run = read('听力簿查率', { 2: '筛', 3: '筛' });
    run.boxes[3]!.doubt = run.boxes[2]!.doubt;
    expect(resolveDisputesByVocabulary(run, document(run, '筛查')).text).toBe(run.text);
    const plain = read('听力簿查率');
    expect(resolveDisputesByVocabulary(plain, document(plain, '筛查')).text).toBe(plain.text);
  });
});
