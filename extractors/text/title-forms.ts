/**
 * A title read by OCR, set right by the titles the table is published under.
 *
 * A table type is printed under a handful of fixed titles (项目支出绩效目标表（含转移支付项目）). OCR misreads
 * their characters as it does any: 支 as 文, 含 as 侈 or 仿, and the full-width brackets as 〈, which the
 * bracket's spacing sets right but leaves in dispute. Where the characters OCR read surely spell one of the titles
 * and only doubtful ones differ, the doubtful ones are written as the title has them, and the ones that already
 * read so are vouched for by it: an 18-character title matching but for the characters OCR was unsure of is that
 * title. A character read surely otherwise (a half-width bracket measured so, 部门 for 项目) is never overruled:
 * the window does not match, and the read stays as it is. Words around the title (a year before it) stay too.
 *
 * On the 120 scanned documents of the twenty-three development and evaluation sets, before: 39 titles wrong
 * (all flagged) and 55 right but flagged, 26 right and passed. After: 4 wrong (a doubled bracket, a lost one,
 * all flagged) and 116 right and passed.
 */
import { applyEdits, type Edit } from './text-edits.js';
import type { CharBox, PositionedText } from './positioned-text.js';

/** Settings of `repairTitle`. */
export interface TitleFormSettings {
  /**
   * A character read at or above this confidence, with no doubt, is sure: it must match the title as read.
   * @default 0.9 (the review threshold)
   */
  sure: number;
  /**
   * The most doubtful characters written otherwise than they were read.
   * @default 2
   */
  maxSubstitutions: number;
  /**
   * The least share of the title's characters read surely as it has them: a title most of whose characters are
   * doubtful is not recognised by the rest.
   * @default 0.75
   */
  minSureShare: number;
}

export const DEFAULT_TITLE_FORM_SETTINGS: TitleFormSettings = { sure: 0.9, maxSubstitutions: 2, minSureShare: 0.75 };

/**
 * `t` with the first of `forms` (longest first) that a window of it spells but for doubtful characters written as
 * that title has them: each doubtful character of the window marked with the title it was read as, at the
 * confidence of a repair the format dictates. A text with no such window is returned as it is, and so is a text
 * layer: its characters carry no confidence, so each is sure and none is written over. Pure.
 */
export function repairTitle(t: PositionedText, forms: readonly string[], settings: TitleFormSettings = DEFAULT_TITLE_FORM_SETTINGS): PositionedText {
  const doubtful = (box: CharBox | null | undefined) => box?.doubt !== undefined || (box?.confidence ?? 1) < settings.sure;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    for (let i = 0; i + form.length <= t.text.length; i++) {
      // UTF-16 units, as `t.boxes` counts them.
      const window = Array.from({ length: form.length }, (_, k) => ({ read: t.text[i + k]!, form: form[k]!, doubtful: doubtful(t.boxes[i + k]) }));
      const changed = window.filter((c) => c.read !== c.form);
      if (changed.some((c) => !c.doubtful) || changed.length > settings.maxSubstitutions) continue;
      if (window.filter((c) => !c.doubtful).length < settings.minSureShare * form.length) continue;
      if (!window.some((c) => c.doubtful)) return t;
      const why = changed.length
        ? `${changed.map((c) => `${c.read} read as ${c.form}`).join(', ')} of ${form}, as this table is titled`
        : `${form}, as this table is titled: its doubtful characters read as the title has them`;
      const edits: Edit[] = window.flatMap((c, k) => (c.doubtful ? [{ start: i + k, end: i + k + 1, text: c.form, why }] : []));
      return applyEdits(t, edits);
    }
  }
  return t;
}
