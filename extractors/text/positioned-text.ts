/**
 * Text that remembers where each character came from, so that a value parsed out of a cell can name the
 * region of the page it was read from.
 *
 * Coordinates: page units (1/72 inch), origin at the top-left of the page.
 */
import type { BBox, Source } from '../../schemas/extraction.js';

/** Where one UTF-16 unit of a text was read: a 1-based page and a box in page units, origin top-left. */
export interface CharBox {
  page: number;
  bbox: BBox;
  /** Probability (0..1) that the character is right, when it was read by OCR. */
  confidence?: number;
  /** What was changed from the OCR reading and why, when the character was repaired. */
  repair?: string;
  /** Why the OCR reading is doubtful, when it is. */
  doubt?: string;
}

/** A string and, for each of its UTF-16 units, the box it came from (null for inserted separators). */
export interface PositionedText {
  readonly text: string;
  readonly boxes: readonly (CharBox | null)[];
}

export const EMPTY_TEXT: PositionedText = { text: '', boxes: [] };

/** Text with no position, such as a separator the reader inserted. */
export function unplacedText(text: string): PositionedText {
  return { text, boxes: Array.from({ length: text.length }, () => null) };
}

/** Join texts with a separator that has no position. */
export function concatTexts(parts: readonly PositionedText[], separator = ''): PositionedText {
  let text = '';
  const boxes: (CharBox | null)[] = [];
  parts.forEach((part, i) => {
    if (i > 0 && separator) {
      text += separator;
      for (let k = 0; k < separator.length; k++) boxes.push(null);
    }
    text += part.text;
    boxes.push(...part.boxes);
  });
  return { text, boxes };
}

/** The part from `start` to `end` (UTF-16 offsets, end exclusive). */
export function sliceText(t: PositionedText, start: number, end = t.text.length): PositionedText {
  return { text: t.text.slice(start, end), boxes: t.boxes.slice(start, end) };
}

/** Without leading and trailing white space. */
export function trimText(t: PositionedText): PositionedText {
  const start = t.text.length - t.text.trimStart().length;
  const end = t.text.trimEnd().length;
  return start >= end ? EMPTY_TEXT : sliceText(t, start, end);
}

/** The union of the boxes of `t.text[start..end)`, one source per page, in page order. */
export function textToSources(t: PositionedText, start = 0, end = t.text.length): Source[] {
  const byPage = new Map<number, BBox>();
  for (let i = start; i < end; i++) {
    const box = t.boxes[i];
    if (!box) continue;
    const prev = byPage.get(box.page);
    byPage.set(box.page, prev ? unionBBox(prev, box.bbox) : [...box.bbox]);
  }
  return [...byPage.entries()]
    .sort(([a], [b]) => a - b)
    .map(([page, bbox]) => ({ page, bbox: bbox.map(round2) as BBox }));
}

/** The pages `t` was read from, in order. */
export function textPages(t: PositionedText): number[] {
  return [...new Set(t.boxes.filter((b): b is CharBox => b !== null).map((b) => b.page))].sort((a, b) => a - b);
}

export function unionBBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The lowest OCR confidence of the characters in `t.text[start..end)`, or null when none was read by OCR. */
export function lowestCharConfidence(t: PositionedText, start = 0, end = t.text.length): number | null {
  let lowest: number | null = null;
  for (let i = start; i < end; i++) {
    const c = t.boxes[i]?.confidence;
    if (c !== undefined && (lowest === null || c < lowest)) lowest = c;
  }
  return lowest;
}

/** The notes of one kind (`repair` or `doubt`) on the characters of `t.text[start..end)`, each once. */
export function charNotes(t: PositionedText, kind: 'repair' | 'doubt', start = 0, end = t.text.length): string[] {
  const out = new Set<string>();
  for (let i = start; i < end; i++) {
    const note = t.boxes[i]?.[kind];
    if (note) out.add(note);
  }
  return [...out];
}

/** The repairs made to the characters of `t.text[start..end)`, each once. */
export const charRepairs = (t: PositionedText, start = 0, end = t.text.length): string[] => charNotes(t, 'repair', start, end);

/** The doubts about the characters of `t.text[start..end)`, each once. */
export const charDoubts = (t: PositionedText, start = 0, end = t.text.length): string[] => charNotes(t, 'doubt', start, end);
