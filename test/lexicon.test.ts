/**
 * The general lexicon (jieba's dictionary as a unigram model), the verdicts it gives between two readings, and the
 * characters it finds out of place.
 */
import { describe, expect, it } from 'vitest';
import { createLexicon, dictTextToEntries, judgeReadings, loadLexicon, textToWords } from '../extractors/text/lexicon.js';
import { doubtConfusables, doubtConfusablesInWords, doubtLoneOnes, doubtRareCharacters, doubtZerosAmongCapitals, MISREADING_REPAIR_CONFIDENCE, repairOneWayMisreadings } from '../extractors/text/lexicon-doubts.js';
import type { PositionedText } from '../extractors/text/positioned-text.js';
import { placedText } from './helpers/builders.js';

describe('dictTextToEntries', () => {
  it('reads word, count and tag lines, keeping words that hold a Han character', () => {
    expect([...dictTextToEntries('覆盖 2078 v\nAT&T 3 nz\n4S店 3 n\n\n坏行 0 n\n')]).toEqual([
      ['覆盖', 2078],
      ['4S店', 3],
    ]);
  });
});

describe('createLexicon', () => {
  it('counts each word once, at its larger count, and rejects counts that are not positive', () => {
    const lexicon = createLexicon([
      ['筛查', 27],
      ['筛查', 30],
      ['查', 5],
    ]);
    expect([lexicon.count('筛查'), lexicon.count('查'), lexicon.count('簿查'), lexicon.total, lexicon.longest]).toEqual([30, 5, 0, 35, 2]);
    expect(() => createLexicon([['查', 0]])).toThrow('Expected a positive count for 查, got 0');
  });
});

describe('textToWords', () => {
  const lexicon = createLexicon([
    ['听力', 10],
    ['筛查', 10],
    ['听', 5],
    ['力', 5],
    ['筛', 1],
    ['查', 20],
  ]);

  it('splits into the likeliest words, and scores the split as the product of their probabilities', () => {
    const split = textToWords(lexicon, '听力筛查');
    expect(split.words).toEqual(['听力', '筛查']);
    expect(split.logProbability).toBeCloseTo(2 * Math.log(10 / 51), 10);
  });

  it('scores a character the dictionary lacks as seen half a time', () => {
    const split = textToWords(lexicon, '簿查');
    expect(split.words).toEqual(['簿', '查']);
    expect(split.logProbability).toBeCloseTo(Math.log(0.5 / 51) + Math.log(20 / 51), 10);
  });
});

describe('judgeReadings (jieba’s dictionary)', () => {
  const lexicon = loadLexicon();

  it('takes the other reading where it makes a word and the first makes none (对簿查 against 对筛查)', () => {
    expect(judgeReadings(lexicon, '听力筛查，对', '簿', '筛', '查阳性个案')).toEqual({ pick: 'other', word: '筛查' });
  });

  it('confirms the first reading where it makes a word and the other does not (殡葬 against 殡匡)', () => {
    expect(judgeReadings(lexicon, '殡', '葬', '匡', '服务')).toEqual({ pick: 'first', word: '殡葬' });
  });

  it('says nothing where neither reading is much likelier', () => {
    expect(judgeReadings(lexicon, '', '踊沥', '踴瀝', '')).toBeNull();
  });

  it('says nothing where the likelier reading stands alone, outside any word (加国 against 加囹: 国 is only commoner)', () => {
    expect(judgeReadings(lexicon, '抢险', '国', '囹', '和修缮')).toBeNull();
  });

  it('reads the context only up to a mark: what stands beyond a comma is another phrase', () => {
    // Without the comma, 查 would join 筛 across it.
    expect(judgeReadings(lexicon, '对', '簿', '筛', '，查')).toBeNull();
  });

  it('compares only runs of Han characters of the same length', () => {
    expect(judgeReadings(lexicon, '', '覆', '履盖', '率')).toBeNull();
    expect(judgeReadings(lexicon, '', '1', '工', '作')).toBeNull();
  });
});

/** `text` as OCR read it, every character at `confidence`. */
function ocr(text: string, confidence = 0.94): PositionedText {
  const t = placedText(text);
  return { text: t.text, boxes: t.boxes.map((b) => (b ? { ...b, confidence } : b)) };
}

/** Each of `texts`, read by OCR, comes back from `doubt` as the very same object: nothing doubted. */
function expectLeftAlone(doubt: (read: PositionedText) => PositionedText, texts: readonly string[]): void {
  for (const text of texts) {
    const read = ocr(text);
    expect(doubt(read)).toBe(read);
  }
}

describe('doubtRareCharacters', () => {

  it('doubts a sure character that stands alone and that the dictionary seldom has alone (孚产妇, both models agreeing on 孚)', () => {
    const out = doubtRareCharacters(ocr('孚产妇及儿童健康管理'), loadLexicon(), 0.9);
    expect(out.boxes.map((b) => b!.confidence)).toEqual([0.8, 0.94, 0.94, 0.94, 0.94, 0.94, 0.94, 0.94, 0.94, 0.94]);
    expect(out.boxes[0]!.doubt).toBe('孚 stands alone here, and the dictionary seldom has it alone: it may be misread');
  });

  it('leaves the same text read right alone, characters common alone (及, 的), characters already doubted or repaired, and text layers', () => {
    const lexicon = loadLexicon();
    const right = ocr('孕产妇及儿童健康管理');
    expect(doubtRareCharacters(right, lexicon, 0.9)).toBe(right);
    const doubtful = ocr('孚产妇', 0.6);
    expect(doubtRareCharacters(doubtful, lexicon, 0.9)).toBe(doubtful);
    const repaired = ocr('孚产妇');
    const marked = { ...repaired, boxes: [{ ...repaired.boxes[0]!, repair: 'a repair' }, ...repaired.boxes.slice(1)] };
    expect(doubtRareCharacters(marked, lexicon, 0.9)).toBe(marked);
    const layer = placedText('孚产妇');
    expect(doubtRareCharacters(layer, lexicon, 0.9)).toBe(layer);
  });
});

describe('doubtLoneOnes', () => {
  it('doubts 一 alone between two words, where both models read a dash (发现—派遣—处置 read 发现一派遣一处置)', () => {
    const out = doubtLoneOnes(ocr('发现一派遣一处置'), loadLexicon(), 0.9);
    expect(out.boxes.map((b) => b!.confidence)).toEqual([0.94, 0.94, 0.8, 0.94, 0.94, 0.8, 0.94, 0.94]);
    expect(out.boxes[2]!.doubt).toBe('一 stands alone between 发现 and 派遣: it may be a dash (—)');
  });

  it('leaves 一 beside a one-character word or in a word (一户一表, 统一管理, 全区一盘棋), and text layers', () => {
    const lexicon = loadLexicon();
    expectLeftAlone((read) => doubtLoneOnes(read, lexicon, 0.9), ['一户一表抄表到户', '统一管理', '全区一盘棋', '区一校两级教研']);
    const layer = placedText('发现一派遣');
    expect(doubtLoneOnes(layer, lexicon, 0.9)).toBe(layer);
  });
});

describe('doubtConfusables', () => {
  it('doubts a character alone where the one alike on the page makes a word (每季度末前 read 每季度未前 by both models)', () => {
    const out = doubtConfusables(ocr('每季度未前'), loadLexicon(), 0.9);
    expect(out.boxes.map((b) => b!.confidence)).toEqual([0.94, 0.94, 0.94, 0.8, 0.94]);
    expect(out.boxes[3]!.doubt).toBe('未 stands alone here, where 末 (alike on the page) would make 季度末: it may be misread');
  });

  it('doubts the pairs both models confused on the evaluation scans (推动企业沙实 for 落实), and leaves them in their own words (沙面, 牵头, 通过)', () => {
    const lexicon = loadLexicon();
    expect(doubtConfusables(ocr('推动企业沙实安全生产'), lexicon, 0.9).boxes[4]!.doubt).toMatch(/^沙 stands alone here, where 落 \(alike on the page\) would make/);
    expectLeftAlone((read) => doubtConfusables(read, lexicon, 0.9), ['沙面街道', '牵头单位', '通过验收']);
    // 自付部分 read 自付邵分 by both models (WenQuanYi Micro Hei at 200 dpi).
    expect(doubtConfusables(ocr('医疗费用中的自付邵分'), lexicon, 0.9).boxes[8]!.doubt).toMatch(/^邵 stands alone here, where 部 \(alike on the page\) would make/);
  });

  it('doubts a character OCR makes of a rarer one only that way round (人网率 for 入网率, 治线 for 沿线), never the rarer one read right (新入职)', () => {
    const lexicon = loadLexicon();
    expect(doubtConfusables(ocr('卫星定位装置人网率'), lexicon, 0.9).boxes[6]!.doubt).toMatch(/^人 stands alone here, where 入 \(alike on the page\) would make 入网/);
    expect(doubtConfusables(ocr('治线市民满意度'), lexicon, 0.9).boxes[0]!.doubt).toMatch(/^治 stands alone here, where 沿 \(alike on the page\) would make 沿线/);
    expect(doubtConfusables(ocr('网络安全防折'), lexicon, 0.9).boxes[5]!.doubt).toMatch(/^折 stands alone here, where 护 \(alike on the page\) would make 防护/);
    expectLeftAlone((read) => doubtConfusables(read, lexicon, 0.9), ['新入职教师培训', '新入矫对象首次评估', '服务对象满意度', '固定资产折旧']);
  });

  it('doubts a far misreading only where the character on the page makes the run far likelier (区通运输 for 交通运输, HanaMinA), not where it makes a word a little likelier (区管单位 against 交管单位, 1.3)', () => {
    const lexicon = loadLexicon();
    expect(doubtConfusables(ocr('区通运输行业从业人员培训'), lexicon, 0.9).boxes[0]!.doubt).toBe('区 stands alone here, where 交 (alike on the page) would make 交通运输: it may be misread');
    expectLeftAlone((read) => doubtConfusables(read, lexicon, 0.9), ['区管单位', '区办事项', '城区管理', '交通运输']);
  });

  it('leaves a confusable character inside a word (尚未完成, 未来, 已经) or one whose twin makes no word, and text layers', () => {
    const lexicon = loadLexicon();
    expectLeftAlone((read) => doubtConfusables(read, lexicon, 0.9), ['尚未完成', '未来五年', '已经完成', '工作日']);
    const layer = placedText('每季度未前');
    expect(doubtConfusables(layer, lexicon, 0.9)).toBe(layer);
  });
});

describe('repairOneWayMisreadings', () => {
  it('puts back the character OCR makes of a rarer one where that makes a word and the run far likelier (HanaMinA: 维折, 保扩, 安装折栏), flagged', () => {
    const lexicon = loadLexicon();
    const out = repairOneWayMisreadings(ocr('设施维折经费'), lexicon);
    expect(out.text).toBe('设施维护经费');
    expect(out.boxes[3]!.confidence).toBe(MISREADING_REPAIR_CONFIDENCE);
    expect(out.boxes[3]!.repair).toBe('折 read where 护 makes 维护: both OCR models read 护 as 折 in some faces, and 折 stands alone here');
    expect(['等级保扩测评', '安装折栏', '轨道治线'].map((t) => repairOneWayMisreadings(ocr(t), lexicon).text)).toEqual(['等级保护测评', '安装护栏', '轨道沿线']);
  });

  it('never raises a doubtful read: the repair keeps the lower of its confidence and the read’s', () => {
    const read = ocr('设施维折经费');
    const doubtful = { ...read, boxes: read.boxes.map((b, i) => (i === 3 ? { ...b!, confidence: 0.5 } : b)) };
    expect(repairOneWayMisreadings(doubtful, loadLexicon()).boxes[3]!.confidence).toBe(0.5);
  });

  it('leaves the misreading inside a word (打折, 扩大, 防治), where the gain is small (育人按摩: 育人 is a word too), the other way round (新入职), and text layers', () => {
    const lexicon = loadLexicon();
    for (const text of ['商品打折促销', '扩大覆盖面', '病虫害防治', '育人按摩培训', '新入职教师培训', '护栏维护']) expect(repairOneWayMisreadings(ocr(text), lexicon).text).toBe(text);
    const layer = placedText('设施维折经费');
    expect(repairOneWayMisreadings(layer, lexicon)).toBe(layer);
  });
});

describe('doubtConfusablesInWords', () => {
  it('doubts a character inside a word where its look-alike makes the text far likelier (狂犬病 read 狂大病, 大病 a word too)', () => {
    const out = doubtConfusablesInWords(ocr('犬只狂大病免疫'), loadLexicon(), 0.9, 0.8);
    expect(out.boxes.map((b) => b!.confidence)).toEqual([0.94, 0.94, 0.94, 0.8, 0.94, 0.94, 0.94]);
    expect(out.boxes[3]!.doubt).toBe('大 in 大病, where 犬 (alike on the page) would make 狂犬病, likelier here: it may be misread');
  });

  it('doubts 文 in 收文 where 支 makes 财政收支 (FandolSong, both models), and leaves 收文 where it is the word (收文登记)', () => {
    const lexicon = loadLexicon();
    expect(doubtConfusablesInWords(ocr('其他财政收文审计经费'), lexicon, 0.9, 0.8).boxes[5]!.doubt).toBe('文 in 收文, where 支 (alike on the page) would make 财政收支, likelier here: it may be misread');
    expectLeftAlone((read) => doubtConfusablesInWords(read, lexicon, 0.9, 0.8), ['收文登记', '财政收支平衡', '公文收文']);
  });

  it('leaves words whose look-alike reading is no likelier, or only a little (大型, 日常, 自行, 天然), and text layers', () => {
    const lexicon = loadLexicon();
    expectLeftAlone((read) => doubtConfusablesInWords(read, lexicon, 0.9, 0.8), ['开展大型宣传活动', '日常巡查', '自行车道', '天然气管道', '已经完成', '干部培训']);
    const layer = placedText('犬只狂大病免疫');
    expect(doubtConfusablesInWords(layer, lexicon, 0.9, 0.8)).toBe(layer);
  });
});

describe('doubtZerosAmongCapitals', () => {
  it('doubts a 0 between two capital letters (一键S0S for SOS), and leaves digits in codes (H7N9, B2B, PM2.5, 5G)', () => {
    const out = doubtZerosAmongCapitals(ocr('安装一键S0S求助柱'), 0.9, 0.8);
    expect(out.boxes[5]).toMatchObject({ confidence: 0.8, doubt: '0 between two capital letters: it may be the letter O' });
    for (const text of ['H7N9防控', 'B2B平台', 'PM2.5浓度', '5G基站', '2025年']) {
      const read = ocr(text);
      expect(doubtZerosAmongCapitals(read, 0.9, 0.8)).toBe(read);
    }
  });
});
