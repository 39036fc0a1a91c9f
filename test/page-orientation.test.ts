/**
 * The orient stage on its own: connected pieces of ink, quarter turns of an image and of a point, which way up a
 * real scanned page stands turned every way, and, where the ink does not say, what reading a cell both ways up
 * says (with the OCR engine) and how the page is then settled.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from '../extractors/ocr/ocr-engine.js';
import { probeHalfTurn, sureChineseShare } from '../extractors/raster/orientation-probe.js';
import { greyToInkComponents } from '../extractors/raster/ink-components.js';
import { estimateOrientation, turnedToPage, turnImage, type QuarterTurn } from '../extractors/raster/page-orientation.js';
import { preprocessPage } from '../extractors/raster/preprocess.js';
import type { GreyImage } from '../extractors/raster/grey-image.js';
import { orient, settleOrientation } from '../pipeline/stages/scan-pages.js';
import { UNSURE_ORIENTATION_CAP } from '../pipeline/confidence.js';
import type { PageRead } from '../pipeline/types.js';

/** An image from rows of text: `#` ink, anything else paper. */
function drawn(rows: string[]): GreyImage {
  const width = rows[0]!.length;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => [...row].forEach((ch, x) => (data[y * width + x] = ch === '#' ? 0 : 255)));
  return { width, height: rows.length, data, dpi: 300 };
}

/**
 * Lines of square "characters" with no punctuation (300 dpi, an em of 30 pixels, 4 pixels apart along a line and
 * 15 between lines): which way its lines run shows, and nothing shows which way up it stands.
 */
function blockText(lines = 10, perLine = 20): GreyImage {
  const width = 40 + perLine * 34;
  const height = 40 + lines * 45;
  const data = new Uint8Array(width * height).fill(255);
  for (let l = 0; l < lines; l++) {
    for (let c = 0; c < perLine; c++) {
      for (let y = 0; y < 30; y++) data.fill(0, (20 + l * 45 + y) * width + 20 + c * 34, (20 + l * 45 + y) * width + 20 + c * 34 + 30);
    }
  }
  return { width, height, data, dpi: 300 };
}

/** A scanned sample's page, levelled and normalised as the pipeline does before orienting it. */
async function scannedPage(file: string): Promise<GreyImage> {
  const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
  const meta = await sharp(file).metadata();
  return (await preprocessPage({ width: info.width, height: info.height, data: new Uint8Array(data), dpi: meta.density ?? 300 })).image;
}

describe('greyToInkComponents', () => {
  it('joins pieces that touch at a corner or meet lower down (a U), and keeps apart those that do not', () => {
    const pieces = greyToInkComponents(
      drawn([
        '#...#..##',
        '#...#....',
        '.###.....',
        '.......#.',
        '........#',
      ]),
      128,
    );
    const boxes = pieces.map((c) => [c.x0, c.y0, c.x1, c.y1, c.pixels]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(boxes).toEqual([
      [0, 0, 5, 3, 7],
      [7, 0, 9, 1, 2],
      [7, 3, 9, 5, 2],
    ]);
  });

  it('finds nothing on blank paper', () => {
    expect(greyToInkComponents(drawn(['....', '....']), 128)).toEqual([]);
  });
});

describe('turnImage and turnedToPage', () => {
  const image = drawn(['#...', '....', '..#.']);

  it('turns an image clockwise by each quarter, and back to itself in four', () => {
    expect(turnImage(image, 90)).toMatchObject({ width: 3, height: 4 });
    // The ink at the top-left corner goes to the top-right corner when turned clockwise by 90°.
    expect(turnImage(image, 90).data[2]).toBe(0);
    expect(turnImage(turnImage(turnImage(turnImage(image, 90), 90), 90), 90).data).toEqual(image.data);
    expect(turnImage(turnImage(image, 90), 270).data).toEqual(image.data);
    expect(turnImage(turnImage(image, 180), 180).data).toEqual(image.data);
  });

  it('maps each inked pixel of a turned image back to where it was on the page', () => {
    for (const turn of [0, 90, 180, 270] as QuarterTurn[]) {
      const turned = turnImage(image, turn);
      for (let y = 0; y < turned.height; y++) {
        for (let x = 0; x < turned.width; x++) {
          if (turned.data[y * turned.width + x] !== 0) continue;
          // Pixel centres, in the page's own frame of width × height.
          const [px, py] = turnedToPage(x + 0.5, y + 0.5, turn, image.width, image.height);
          expect(image.data[Math.floor(py) * image.width + Math.floor(px)]).toBe(0);
        }
      }
    }
  });
});

describe('estimateOrientation', () => {
  it('finds a real scan upright, and each quarter turn of it, from its lines and its punctuation', async () => {
    const page = await scannedPage('samples/liwan-weijian-short.chromium.png300.png');
    for (const turn of [0, 90, 180, 270] as QuarterTurn[]) {
      const found = estimateOrientation(turnImage(page, turn));
      expect(found.decided).toBe(true);
      // Turned clockwise by `turn`, it must be turned on by the rest of the circle to stand upright.
      expect(found.turn).toBe((360 - turn) % 360);
      expect(found.evidence.em).toBeGreaterThan(25);
      // With a margin: the marks on the winning side outnumber the others many times over.
      const { low, high } = found.evidence;
      expect(Math.max(low, high)).toBeGreaterThan(20);
      expect(Math.max(low, high)).toBeGreaterThan(5 * Math.min(low, high));
    }
  }, 60_000);

  it('decides nothing on a page with too little text, and leaves it as it is', () => {
    const found = estimateOrientation(drawn(['........', '.##..##.', '.##..##.', '........']));
    expect(found).toMatchObject({ turn: 0, decided: false });
  });
});

describe('orient (stage unit)', () => {
  const read = (): PageRead => ({ page: 1, width: 0, height: 0, method: 'ocr', glyphs: [], edges: [], quality: { characters: 0, suspectShare: 0, hanShare: 0, commonHanShare: 0, usable: false, reason: 'an image has no text layer' }, readConfidence: 0.99, notes: [], skew: 0, turn: 0 });

  it('leaves a page whose lines run across it as it is when nothing shows which way up it stands', () => {
    const page = read();
    const oriented = orient({ image: blockText(), skew: 0, denoised: false }, page);
    expect(oriented.orientation).toMatchObject({ turn: 0, decided: false, lines: 'across' });
    expect(page.notes).toEqual([]);
    expect(page.readConfidence).toBe(0.99);
  });

  it('turns a page whose lines run down it by 90° for reading to settle, and notes nothing yet', () => {
    const page = read();
    const image = turnImage(blockText(), 90);
    const oriented = orient({ image, skew: 0, denoised: false }, page);
    expect(oriented.orientation).toMatchObject({ turn: 90, decided: false, lines: 'down' });
    expect([oriented.image.width, oriented.image.height]).toEqual([image.height, image.width]);
    expect(page.notes).toEqual([]);
  });
});

describe('settleOrientation (stage unit)', () => {
  const read = (): PageRead => ({ page: 1, width: 0, height: 0, method: 'ocr', glyphs: [], edges: [], quality: { characters: 0, suspectShare: 0, hanShare: 0, commonHanShare: 0, usable: false, reason: 'an image has no text layer' }, readConfidence: 0.99, notes: [], skew: 0, turn: 0 });
  const sideways = () => orient({ image: turnImage(blockText(), 90), skew: 0, denoised: false }, read());
  const across = () => orient({ image: blockText(), skew: 0, denoised: false }, read());

  it('keeps a page on its side turned by 90° as a guess where reading did not settle it, and doubts all of it', () => {
    const page = read();
    const settled = settleOrientation(sideways(), page, { halfTurn: null, asIs: 0.7, turned: 0.6, cells: 2 });
    expect(settled.orientation.turn).toBe(90);
    expect(page.notes.join(' ')).toMatch(/^turned by 90° clockwise as a guess/);
    expect(page.readConfidence).toBe(UNSURE_ORIENTATION_CAP);
  });

  it('turns half a circle more where OCR read sure Chinese so, and says by how much in all', () => {
    const page = read();
    const before = sideways();
    const settled = settleOrientation(before, page, { halfTurn: true, asIs: 0.53, turned: 0.92, cells: 2 });
    expect(settled.orientation.turn).toBe(270);
    expect(settled.image.data).toEqual(turnImage(before.image, 180).data);
    expect(page.notes).toEqual(['turned by 270° clockwise: its ink did not show which way up, and OCR read its cells with more confidence so (92% of its characters read as sure Chinese against 53%)']);
    expect(page.readConfidence).toBe(0.99);
  });

  it('keeps a page as it is where reading confirms it, with a note only when it was turned', () => {
    const upright = read();
    const kept = across();
    expect(settleOrientation(kept, upright, { halfTurn: false, asIs: 1, turned: 0.45, cells: 2 })).toBe(kept);
    expect(upright.notes).toEqual([]);
    const onItsSide = read();
    expect(settleOrientation(sideways(), onItsSide, { halfTurn: false, asIs: 0.92, turned: 0.53, cells: 2 }).orientation.turn).toBe(90);
    expect(onItsSide.notes.join(' ')).toMatch(/^turned by 90° clockwise: its text lines ran down the page, and OCR read its cells with more confidence this way up \(92%/);
    expect(onItsSide.readConfidence).toBe(0.99);
  });
});

describe('probeHalfTurn (with the OCR engine)', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createOcrEngine({ workers: 1 });
  }, 60_000);
  afterAll(async () => {
    await engine?.terminate();
  });

  /** A project-name cell of AR PL UMing at 300 dpi (`--fresh15`), whose ，。 stand in the middle of their em. */
  async function umingCell(): Promise<GreyImage> {
    const { data, info } = await sharp('test/fixtures/ocr/text-cell-uming-300dpi.png').greyscale().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data), dpi: 300 };
  }
  const wholeCell = (image: GreyImage) => [{ rect: { x0: 0, y0: 0, x1: (image.width * 72) / 300, y1: (image.height * 72) / 300 }, role: 'cell' as const }];

  it('finds the cell upright as it is, and upside down turned by 180°: sure Chinese one way, garbage the other', async () => {
    const cell = await umingCell();
    const asIs = await probeHalfTurn(cell, wholeCell(cell), 38, engine);
    expect(asIs).toMatchObject({ halfTurn: false, cells: 1 });
    expect(asIs.asIs).toBeGreaterThan(0.8);
    const upsideDown = turnImage(cell, 180);
    const turned = await probeHalfTurn(upsideDown, wholeCell(upsideDown), 38, engine);
    expect(turned).toMatchObject({ halfTurn: true, cells: 1 });
    expect(turned.turned).toBeCloseTo(asIs.asIs, 5);
  }, 60_000);

  it('reads no cell narrower than five ems (amounts and codes read as confidently upside down), and decides nothing', async () => {
    const cell = await umingCell();
    expect(await probeHalfTurn(cell, wholeCell(cell), 60, engine)).toEqual({ halfTurn: null, asIs: 0, turned: 0, cells: 0 });
  });

  it('counts as sure Chinese only Chinese characters read at the confidence asked for', () => {
    const symbol = (text: string, confidence: number, k: number) => ({ text, confidence, x0: k * 10, y0: 0, x1: k * 10 + 9, y1: 10, word: k, line: 0 });
    const read = { text: '荔0湾区', confidence: 0.81, symbols: [symbol('荔', 0.9, 0), symbol('0', 0.99, 1), symbol('湾', 0.5, 2), symbol('区', 0.86, 3)] };
    expect(sureChineseShare(read, 0.85)).toBe(0.5);
    expect(sureChineseShare({ text: '', confidence: 0, symbols: [] }, 0.85)).toBe(0);
  });
});
