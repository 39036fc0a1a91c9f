/**
 * Ruling lines found in the pixels of a scanned page, as `Edge`s for the same table finder as text-layer PDFs.
 *
 * A line is a long run of ink along a row (or column) that continues over a few neighbouring rows (its
 * thickness). Text is made of short strokes separated by gaps, so requiring runs of a few ems keeps it out.
 */
import { horizontalEdge, verticalEdge, type Edge } from '../table/edge.js';
import { pointsPerPixel, type GreyImage } from './grey-image.js';

/** Settings of `greyToEdges`, in page units (1/72 inch) unless said otherwise. */
export interface PixelLineSettings {
  /**
   * Pixels darker than this are ink. Lines are thin and a resampled scan greys them, so this is lighter than
   * the threshold for text.
   * @default 190
   */
  inkThreshold: number;
  /**
   * Shortest run that can be a ruling line: longer than any stroke of a character.
   * @default 24
   */
  minLength: number;
  /**
   * Gaps of white inside a line (noise, JPEG, a faint print) bridged, in pixels.
   * @default 2
   */
  maxGap: number;
  /**
   * Thickest line; thicker dark areas (filled boxes, photos) are not lines.
   * @default 4
   */
  maxThickness: number;
}

export const DEFAULT_PIXEL_LINE_SETTINGS: PixelLineSettings = { inkThreshold: 190, minLength: 24, maxGap: 2, maxThickness: 4 };

interface Segment {
  start: number;
  end: number;
  first: number;
  last: number;
}

/** Horizontal and vertical ruling lines of a page image, in page units (origin top-left). Pure. */
export function greyToEdges(image: GreyImage, settings: PixelLineSettings = DEFAULT_PIXEL_LINE_SETTINGS): Edge[] {
  const scale = pointsPerPixel(image);
  const minRun = Math.round(settings.minLength / scale);
  const maxThickness = Math.max(2, Math.round(settings.maxThickness / scale));
  const { width, height, data } = image;
  const t = settings.inkThreshold;
  // A thin line that a rotation resampled runs a little off its pixel row (or column): the neighbouring row
  // counts as the line's too, so the run does not break where the line steps by a pixel.
  const hInk = (line: number, i: number) => data[line * width + i]! < t || (line + 1 < height && data[(line + 1) * width + i]! < t);
  const vInk = (line: number, i: number) => data[i * width + line]! < t || (line + 1 < width && data[i * width + line + 1]! < t);
  const horizontal = scanRuns(height, width, hInk, minRun, settings.maxGap, maxThickness + 1);
  const vertical = scanRuns(width, height, vInk, minRun, settings.maxGap, maxThickness + 1);
  return [
    ...horizontal.map((s) => horizontalEdge(s.start * scale, (s.end + 1) * scale, ((s.first + s.last + 1) / 2) * scale)),
    ...vertical.map((s) => verticalEdge(((s.first + s.last + 1) / 2) * scale, s.start * scale, (s.end + 1) * scale)),
  ];
}

/**
 * Runs of ink at least `minRun` long along each of `lines` lines of `length` pixels, merged with the runs that
 * overlap them on the next lines into segments no thicker than `maxThickness`.
 */
function scanRuns(lines: number, length: number, ink: (line: number, i: number) => boolean, minRun: number, maxGap: number, maxThickness: number): Segment[] {
  const done: Segment[] = [];
  let active: Segment[] = [];
  for (let line = 0; line < lines; line++) {
    const runs: [number, number][] = [];
    let start = -1;
    let lastInk = -1;
    for (let i = 0; i < length; i++) {
      if (!ink(line, i)) continue;
      if (start < 0 || i - lastInk - 1 > maxGap) {
        if (start >= 0 && lastInk - start + 1 >= minRun) runs.push([start, lastInk]);
        start = i;
      }
      lastInk = i;
    }
    if (start >= 0 && lastInk - start + 1 >= minRun) runs.push([start, lastInk]);

    const next: Segment[] = [];
    for (const [s, e] of runs) {
      const match = active.find((a) => Math.min(a.end, e) - Math.max(a.start, s) > 0.5 * Math.min(a.end - a.start, e - s));
      if (match && !next.includes(match)) {
        match.start = Math.min(match.start, s);
        match.end = Math.max(match.end, e);
        match.last = line;
        next.push(match);
      } else {
        next.push({ start: s, end: e, first: line, last: line });
      }
    }
    for (const a of active) if (!next.includes(a)) done.push(a);
    active = next;
  }
  done.push(...active);
  return done.filter((s) => s.last - s.first + 1 <= maxThickness);
}
