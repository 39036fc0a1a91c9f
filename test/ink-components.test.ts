/**
 * The pieces of ink and the holes they enclose, on small drawn bitmaps ('#' ink, '.' white).
 */
import { describe, expect, it } from 'vitest';
import { greyToInkPieces, runsToHoles } from '../extractors/raster/ink-components.js';

/** A grey image drawn as rows of text: '#' black, anything else white. */
function drawn(rows: readonly string[]) {
  const width = rows[0]!.length;
  const data = new Uint8Array(rows.flatMap((row) => [...row].map((c) => (c === '#' ? 0 : 255))));
  return { width, height: rows.length, data };
}

describe('runsToHoles', () => {
  it('finds the white each ring of a ‰ encloses, centres in image pixels', () => {
    const image = drawn([
      '###.......', //
      '#.#....#..',
      '###...#...',
      '.....#....',
      '....###.###',
      '....#.#.#.#',
      '....###.###',
    ].map((r) => r.padEnd(11, '.')));
    const holes = runsToHoles(greyToInkPieces(image, 128).flat());
    expect(holes.map((h) => [h.cx, h.cy, h.pixels]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [1.5, 1.5, 1],
      [5.5, 5.5, 1],
      [9.5, 5.5, 1],
    ]);
  });

  it('counts white that reaches the edge of the ink’s bounds as no hole, and white that touches it only corner to corner as one', () => {
    const open = drawn(['###', '#..', '###']);
    expect(runsToHoles(greyToInkPieces(open, 128).flat())).toEqual([]);
    // The white in the middle meets the white outside corner to corner only: the 8-connected ink around it closes it.
    const corner = drawn(['###', '#.#', '##.']);
    expect(runsToHoles(greyToInkPieces(corner, 128).flat())).toEqual([{ cx: 1.5, cy: 1.5, pixels: 1 }]);
  });

  it('measures a hole by the pixels it holds', () => {
    const ring = drawn(['#####', '#...#', '#...#', '#####']);
    expect(runsToHoles(greyToInkPieces(ring, 128).flat())).toEqual([{ cx: 2.5, cy: 2, pixels: 6 }]);
  });
});
