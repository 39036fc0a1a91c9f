/**
 * Connected pieces of ink on a grey image (8-connected), found by labelling runs of ink row by row and joining
 * the runs that touch: a page of 3,500 × 2,500 pixels takes tens of milliseconds, and only the boxes are kept.
 *
 * Coordinates: pixels of the image, origin top-left, ends exclusive.
 */
import type { GreyImage } from './grey-image.js';

/** One connected piece of ink: its bounds (pixels, ends exclusive) and how many pixels it holds. */
export interface InkComponent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

/** The 8-connected pieces of ink (pixels darker than `inkBelow`) of `image`, in no particular order. Pure. */
export function greyToInkComponents(image: GreyImage, inkBelow: number): InkComponent[] {
  const { width, height, data } = image;
  // Runs of the previous and the current row: start, end (exclusive), label.
  let previous: number[] = [];
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const boxes: InkComponent[] = [];
  for (let y = 0; y < height; y++) {
    const current: number[] = [];
    const row = y * width;
    let k = 0;
    for (let x = 0; x < width; ) {
      if (data[row + x]! >= inkBelow) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && data[row + x]! < inkBelow) x++;
      let label = -1;
      // Runs of the row above that touch this one, diagonals included.
      while (k < previous.length && previous[k + 1]! < start) k += 3;
      for (let j = k; j < previous.length && previous[j]! <= x; j += 3) {
        const other = find(previous[j + 2]!);
        if (label < 0) label = other;
        else if (other !== label) {
          parent[other] = label;
          const a = boxes[label]!;
          const b = boxes[other]!;
          a.x0 = Math.min(a.x0, b.x0);
          a.y0 = Math.min(a.y0, b.y0);
          a.x1 = Math.max(a.x1, b.x1);
          a.y1 = Math.max(a.y1, b.y1);
          a.pixels += b.pixels;
        }
      }
      if (label < 0) {
        label = parent.length;
        parent.push(label);
        boxes.push({ x0: start, y0: y, x1: x, y1: y + 1, pixels: 0 });
      }
      const box = boxes[label]!;
      box.x0 = Math.min(box.x0, start);
      box.x1 = Math.max(box.x1, x);
      box.y1 = y + 1;
      box.pixels += x - start;
      current.push(start, x, label);
    }
    previous = current;
  }
  return boxes.filter((_, label) => parent[label] === label);
}
