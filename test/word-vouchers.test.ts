/**
 * Values whose one doubt is a dispute the dictionary decided for the first reading, vouched for where the document
 * writes the word surely elsewhere; the cases measured wrong on the evaluation scans stay flagged.
 */
import { describe, expect, it } from 'vitest';
import { vouchForDictionaryWords } from '../extractors/profiles/project-expenditure/word-vouchers.js';
import { VOUCHED_WORD_CONFIDENCE } from '../pipeline/confidence.js';
import type { DraftField } from '../pipeline/field.js';
import type { DraftRow } from '../pipeline/types.js';
import { hasLikelierConfusable } from '../extractors/text/lexicon-doubts.js';
import { loadLexicon } from '../extractors/text/lexicon.js';
import { draftIndicator, draftRow } from './helpers/builders.js';

const THRESHOLD = 0.9;
const OCR = 'read by OCR (lowest character confidence 0.50)';
const sure = (notes: string[] = ['read by OCR (lowest character confidence 0.97)']) => ({ confidence: 0.97, notes });
const doubted = (notes: string[]) => ({ confidence: 0.5, notes: [OCR, ...notes] });
const dispute = (first: string, other: string, word?: string) => `two OCR models read these characters differently: one read ${first}, the other ${other}${word ? `; the dictionary has ${word}` : ''}`;

/** A project whose one indicator is named `name`, that field given `state`; the row's own name given `rowName`. */
function project(name: string, state: { confidence: number; notes: string[] }, rowName = '住房保障经费', rowState = sure()): DraftRow {
  const ind = draftIndicator(1, ['1', '11'], ['≥90%', '≥90%'], name);
  Object.assign(ind.name, state);
  const row = draftRow('project', rowName, [1, 1, null, null], { indicators: [ind] });
  Object.assign(row.name, rowState);
  for (const f of [ind.level1, ind.level2, ind.periodTarget, ind.annualTarget] as DraftField<unknown>[]) Object.assign(f, sure());
  return row;
}
const nameOf = (row: DraftRow) => row.indicators[0]!.name;

describe('vouchForDictionaryWords', () => {
  it('raises a name whose one doubt is a dispute the dictionary decided, its word written surely in another value', () => {
    const target = project('户均住房租赁补贴标准', doubted([dispute('赁', '贩', '租赁')]));
    vouchForDictionaryWords([project('公共租赁住房运营', sure()), target], THRESHOLD);
    expect(nameOf(target).confidence).toBe(VOUCHED_WORD_CONFIDENCE);
    expect(nameOf(target).notes.at(-1)).toBe('vouched for by the dictionary, the same word read surely in this document: raised from 0.5000');
  });

  it('raises a name where the other model’s reading was taken on the dictionary’s word, the word written surely elsewhere', () => {
    const target = project('户均住房租赁补贴标准', doubted(['repaired: OCR read 贩, the other OCR model 赁: the dictionary has 租赁']));
    vouchForDictionaryWords([project('公共租赁住房运营', sure()), target], THRESHOLD);
    expect(nameOf(target).confidence).toBe(VOUCHED_WORD_CONFIDENCE);
    // Any other repair keeps it flagged.
    const other = project('户均住房租赁补贴标准', doubted(['repaired: OCR read 贩, the other OCR model 赁: the dictionary has 租赁', 'repaired: «;» before a label read as ；']));
    vouchForDictionaryWords([project('公共租赁住房运营', sure()), other], THRESHOLD);
    expect(nameOf(other).confidence).toBe(0.5);
  });

  it('raises a target whose dispute the note carries on the colon before it, the word in a sure goal', () => {
    const row = project('完成率', sure());
    const annual = row.indicators[0]!.annualTarget as DraftField<unknown>;
    Object.assign(annual, { value: { raw: '100%完成', comparator: null, value: null, unit: null }, ...doubted([`the colon before it: ${dispute('成', '戌', '完成')}`]) });
    const other = project('其他', sure());
    Object.assign(other.goal, { value: '按期完成建设任务。', confidence: 0.97, notes: [] });
    vouchForDictionaryWords([other, row], THRESHOLD);
    expect(annual.confidence).toBe(VOUCHED_WORD_CONFIDENCE);
  });

  it('leaves a value whose word the document writes nowhere else surely (手动 for 撬动, both models wrong)', () => {
    const target = project('财政资金手动社会投资比例', doubted([dispute('手', '援', '手动')]));
    const doubtedElsewhere = project('手动操作', doubted([dispute('手', '于', '手动')]));
    vouchForDictionaryWords([project('社会投资', sure()), doubtedElsewhere, target], THRESHOLD);
    expect(nameOf(target).confidence).toBe(0.5);
    expect(nameOf(doubtedElsewhere).confidence).toBe(0.5);
  });

  it('leaves a value where a lone character would read likelier as its confusable (合规牵: 率 read as 牵 by both models)', () => {
    const target = project('保障性租赁住房项目认定合规牵', doubted([dispute('赁', '贫', '租赁')]));
    vouchForDictionaryWords([project('公共租赁住房运营', sure()), target], THRESHOLD);
    expect(nameOf(target).confidence).toBe(0.5);
  });

  it('leaves a value with any other doubt, a dispute the dictionary did not decide, or no OCR read', () => {
    const cases = [
      doubted([dispute('赁', '贩', '租赁'), 'ink between two characters that OCR did not read: a character may be missing']),
      doubted([dispute('赁', '贩')]),
      { confidence: 0.5, notes: [dispute('赁', '贩', '租赁')] },
    ];
    for (const state of cases) {
      const target = project('户均住房租赁补贴标准', state);
      vouchForDictionaryWords([project('公共租赁住房运营', sure()), target], THRESHOLD);
      expect(nameOf(target).confidence).toBe(0.5);
    }
  });

  it('leaves goals to the reviewer: long enough to hold a misread no model disputed', () => {
    const row = project('公共租赁住房运营', sure());
    Object.assign(row.goal, { value: '发放住房租赁补贴。', ...doubted([dispute('赁', '贩', '租赁')]) });
    vouchForDictionaryWords([project('租赁补贴', sure()), row], THRESHOLD);
    expect(row.goal.confidence).toBe(0.5);
  });
});

describe('hasLikelierConfusable', () => {
  it('finds a lone character whose confusable reads likelier, and none in a run of words', () => {
    const lexicon = loadLexicon();
    expect(hasLikelierConfusable(lexicon, '抽检不合格建材处置牵')).toBe(true);
    expect(hasLikelierConfusable(lexicon, '抽检不合格建材处置率')).toBe(false);
    // 王 for 主 (自主就业): no 王 stood in a right value of the evaluation scans.
    expect(hasLikelierConfusable(lexicon, '退役士兵自王就业一次性经济补助经费')).toBe(true);
  });
});
