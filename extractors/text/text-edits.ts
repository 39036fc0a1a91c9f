/**
 * Edits of a positioned text that keep each replacement on the page: what replaced a span takes the span's
 * union box, and is marked with why it was changed.
 */
import { concatTexts, sliceText, unionBBox, type CharBox, type PositionedText } from './positioned-text.js';

/**
 * Confidence of characters a repair wrote (a level code before its name, a label, a place name): what the
 * format or the document dictates, so high, and never certain.
 */
export const REPAIRED_CONFIDENCE = 0.96;

/** Whether any character of the text was read by OCR. */
export function isOcrText(t: PositionedText): boolean {
  return t.boxes.some((b) => b?.confidence !== undefined);
}

/** Replace `text[start, end)` with `text`, because `why`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  why: string;
  /**
   * Confidence of what the edit wrote: lower than `REPAIRED_CONFIDENCE` for a repair that is a likely reading,
   * not one the format dictates.
   * @default REPAIRED_CONFIDENCE
   */
  confidence?: number;
  /**
   * Offsets, from `start`, of characters the edit writes again as they were read (the character before a ； put
   * back, written with it so that its field says it was repaired): their own read's confidence bounds the edit's,
   * since a repair of the separator vouches for nothing of theirs.
   * @default []
   */
  carried?: readonly number[];
}

/** Apply edits (non-overlapping, any order): each replacement takes the union box of what it replaced. */
export function applyEdits(t: PositionedText, edits: readonly Edit[]): PositionedText {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: PositionedText[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    parts.push(sliceText(t, at, e.start));
    const replaced = t.boxes.slice(e.start, e.end).filter((b): b is CharBox => b !== null);
    const box: CharBox | null = replaced.length
      ? {
          page: replaced[0]!.page,
          bbox: replaced.map((b) => b.bbox).reduce(unionBBox),
          // The replacement comes from the format, not from the misread characters: their confidence does not carry.
          confidence: Math.min(e.confidence ?? REPAIRED_CONFIDENCE, ...(e.carried ?? []).map((k) => t.boxes[e.start + k]?.confidence ?? 1)),
          repair: e.why,
        }
      : null;
    parts.push({ text: e.text, boxes: Array.from({ length: e.text.length }, () => box) });
    at = e.end;
  }
  parts.push(sliceText(t, at));
  return concatTexts(parts);
}

