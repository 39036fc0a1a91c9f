/**
 * Reading an amount cell (总计, 财政拨款, 财政专户拨款, 其他资金), in the table's own unit (万元 in the seed).
 */

/** `value` null means the cell is deliberately empty (blank or a dash); `ok: false` means it is not an amount. */
export type AmountParse = { ok: true; value: number | null } | { ok: false; reason: string };

/** Cells that publishers use for "nothing here". */
const EMPTY_MARKS = new Set(['-', '－', '—', '–', '——', '－－', '--']);

const LOOSE_SHAPE_RE = /^-?[0-9]+(?:,[0-9]+)*(?:\.[0-9]+)?$/;
const GROUPED_RE = /^-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;

function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/，/g, ',')
    .replace(/．/g, '.')
    .replace(/^[－−]/, '-');
}

/**
 * Reads an amount such as `21,947.14`.
 *
 * Blank, whitespace or a dash gives `{ ok: true, value: null }`. Thousands separators (`,` or `，`) must group
 * the integer digits by three, since a misplaced one usually means a misread digit; a leading minus and
 * full-width digits are accepted. The value is the JS number nearest the decimal text, so `21,947.14` gives
 * exactly `21947.14`, not the result of arithmetic on its parts.
 */
export function parseAmount(text: string): AmountParse {
  const trimmed = text.trim();
  if (trimmed === '' || EMPTY_MARKS.has(trimmed)) return { ok: true, value: null };
  const s = normalize(trimmed);
  if (!LOOSE_SHAPE_RE.test(s)) return { ok: false, reason: `Expected an amount such as 21,947.14, got ${trimmed}` };
  if (s.includes(',') && !GROUPED_RE.test(s)) {
    return { ok: false, reason: `Expected digits grouped by thousands, got ${trimmed}` };
  }
  const value = Number(s.replace(/,/g, ''));
  return { ok: true, value: value === 0 ? 0 : value };
}
