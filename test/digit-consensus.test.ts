import { describe, expect, it } from 'vitest';
import {
  agreeDigits,
  readToDigitShapes,
  clusterToVerdict,
  DEFAULT_DIGIT_CONSENSUS,
  SHAPE_HEIGHT,
  SHAPE_WIDTH,
  shapeDistance,
  shapesToClusters,
  type DigitShape,
  type DigitSpecimen,
} from '../extractors/raster/digit-consensus.js';
import { agreeDigitShapes } from '../pipeline/stages/digit-consensus.js';
import { DIGIT_CONSENSUS_CAP } from '../pipeline/confidence.js';
import type { Glyph } from '../extractors/pdf/glyph.js';
import type { PageRead, StageContext } from '../pipeline/types.js';
import { DEFAULT_OCR_CELL_SETTINGS } from '../extractors/raster/ocr-cells.js';
import { excerptSymbols, fixtureCrop } from './helpers/ocr-fixtures.js';

/** A shape drawn in `SHAPE_HEIGHT` rows of `SHAPE_WIDTH` characters: '#' full ink, '+' half, '.' white. */
function drawnShape(rows: readonly string[], aspect = 0.6, neighbours = ''): DigitShape {
  if (rows.length !== SHAPE_HEIGHT || rows.some((r) => r.length !== SHAPE_WIDTH)) throw new Error(`Expected ${SHAPE_HEIGHT} rows of ${SHAPE_WIDTH}, got ${rows.map((r) => r.length).join(',')}`);
  const cells = Uint8Array.from(rows.flatMap((r) => [...r].map((c) => (c === '#' ? 255 : c === '+' ? 128 : 0))));
  return { cells, aspect, neighbours };
}

/** The shape with the cells at `flips` (indices, row by row) turned from ink to white or white to ink: noise, or another glyph. */
function withFlips(shape: DigitShape, flips: readonly number[], neighbours = shape.neighbours): DigitShape {
  const cells = Uint8Array.from(shape.cells);
  for (const k of flips) cells[k] = 255 - cells[k]!;
  return { ...shape, cells, neighbours };
}

// A Ming face's 5 and 3, alike where they are alike: the bowl they share, 8 rows, set a row lower in the 3.
const BOWL = ['.........###', '..........##', '..........##', '..........##', '.##.......##', '.###.....###', '..########+.', '...######...'];
const FIVE = drawnShape(['..#########.', '..#########.', '..##........', '..##........', '..##........', '..##.####...', '..#########.', '..##....###.', ...BOWL, '............', '............']);
const THREE = drawnShape(['...######...', '..########..', '.###....###.', '.........##.', '.........##.', '........###.', '....######..', '....######..', '........###.', ...BOWL, '............']);

const specimen = (digit: string, shape: DigitShape, confidence = 0.95, doubted = false): DigitSpecimen => ({ digit, confidence, doubted, shape });

describe('shapeDistance', () => {
  it('is the sum of squared cell differences, 0..1 each: a 3 and a 5 of one face lie far apart, a cell of noise adds a quarter or one', () => {
    expect(shapeDistance(FIVE, FIVE)).toBe(0);
    expect(shapeDistance(FIVE, THREE)).toBeGreaterThan(2 * DEFAULT_DIGIT_CONSENSUS.maxDistance);
    expect(shapeDistance(FIVE, withFlips(FIVE, [0, 100, 200]))).toBeCloseTo(3, 5);
  });
});

describe('shapesToClusters', () => {
  it('puts the same glyph with a few cells of noise in one cluster, and another digit of the face in another', () => {
    const specimens = [specimen('5', FIVE), specimen('3', THREE), specimen('5', withFlips(FIVE, [5, 77, 150, 201])), specimen('3', withFlips(THREE, [13, 90])), specimen('5', withFlips(FIVE, [30, 31]))];
    const clusters = shapesToClusters(specimens).map((c) => [...c].sort((a, b) => a - b));
    expect(clusters.sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 2, 4], [1, 3]]);
  });

  it('keeps shapes apart whose aspects differ more than the setting, however their cells compare (a 1 and an l fill the cells alike)', () => {
    const clusters = shapesToClusters([specimen('1', { ...FIVE, aspect: 0.3 }), specimen('1', { ...FIVE, aspect: 0.3 * DEFAULT_DIGIT_CONSENSUS.maxAspectRatio * 1.05 })]);
    expect(clusters).toHaveLength(2);
  });

  it('lets a leader, not a drifting mean, stand for its cluster: a shape near a member but far from the leader leads its own', () => {
    const near = withFlips(FIVE, [0, 1, 2, 3, 4, 5, 6]);
    const far = withFlips(near, [100, 101, 102, 103, 104, 105, 106]);
    expect(shapeDistance(FIVE, near)).toBeLessThan(DEFAULT_DIGIT_CONSENSUS.maxDistance);
    expect(shapeDistance(near, far)).toBeLessThan(DEFAULT_DIGIT_CONSENSUS.maxDistance);
    expect(shapeDistance(FIVE, far)).toBeGreaterThan(DEFAULT_DIGIT_CONSENSUS.maxDistance);
    // The surest read leads: FIVE, then near joins it, and far does not.
    const clusters = shapesToClusters([specimen('5', far, 0.91), specimen('5', near, 0.93), specimen('5', FIVE, 0.99)]);
    expect(clusters).toEqual([[2, 1], [0]]);
  });

  it('joins a shape to the nearest leader within reach, not the first', () => {
    const leaderB = withFlips(FIVE, [200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210]);
    const between = withFlips(FIVE, [200, 201, 202, 203, 204, 205]);
    expect(shapeDistance(between, FIVE)).toBe(6);
    expect(shapeDistance(between, leaderB)).toBe(5);
    expect(shapesToClusters([specimen('5', FIVE, 0.99), specimen('5', leaderB, 0.98), specimen('5', between, 0.9)])).toEqual([[0], [1, 2]]);
  });
});

describe('clusterToVerdict', () => {
  const fives = (n: number, confidence = 0.95, doubted = false) => Array.from({ length: n }, () => specimen('5', FIVE, confidence, doubted));
  const all = (s: readonly DigitSpecimen[]) => s.map((_, i) => i);

  it('gives the digit of at least four sure votes that make at least 80% of the votes', () => {
    const s = [...fives(4), specimen('3', FIVE, 0.97)];
    expect(clusterToVerdict(s, all(s))).toEqual({ digit: '5', votes: 4 });
  });

  it('gives none with three votes, or where another digit has more than a fifth of them', () => {
    expect(clusterToVerdict(fives(3), [0, 1, 2])).toBeNull();
    const split = [...fives(4), specimen('3', FIVE, 0.97), specimen('3', FIVE, 0.99)];
    expect(clusterToVerdict(split, all(split))).toBeNull();
  });

  it('counts no vote from a read below the vote threshold or one a check doubted or repaired', () => {
    const s = [...fives(3), ...fives(3, DEFAULT_DIGIT_CONSENSUS.voteFrom - 0.01), ...fives(3, 0.99, true)];
    expect(clusterToVerdict(s, all(s))).toBeNull();
    // Unsure reads of another digit do not dilute the sure ones either.
    const t = [...fives(4), ...Array.from({ length: 5 }, () => specimen('3', FIVE, 0.6))];
    expect(clusterToVerdict(t, all(t))).toEqual({ digit: '5', votes: 4 });
  });
});

describe('agreeDigits', () => {
  const document = (odd: DigitSpecimen) => [specimen('5', FIVE, 0.99), specimen('5', withFlips(FIVE, [3]), 0.96), specimen('5', withFlips(FIVE, [40, 41]), 0.95), specimen('5', withFlips(FIVE, [120]), 0.93), specimen('3', THREE, 0.98), odd];

  it('puts right a digit read otherwise than its cluster’s sure reads (HanaMinA’s 5 read as 3, surely), saying why', () => {
    const changes = agreeDigits(document(specimen('3', withFlips(FIVE, [7, 8]), 0.96)));
    expect([...changes.keys()]).toEqual([5]);
    expect(changes.get(5)!.digit).toBe('5');
    expect(changes.get(5)!.why).toBe('OCR read 3 where the ink is the glyph of 4 digits read surely as 5 in this document');
  });

  it('leaves the real 3 alone, and every digit of a cluster without a verdict', () => {
    expect(agreeDigits(document(specimen('3', withFlips(THREE, [7]), 0.96))).size).toBe(0);
    const fewVotes = [specimen('5', FIVE), specimen('5', FIVE), specimen('5', FIVE), specimen('3', FIVE, 0.6)];
    expect(agreeDigits(fewVotes).size).toBe(0);
  });

  it('leaves a digit whose verdict is the digit read beside it in its number: its glyphs may be matched one place off', () => {
    // ≥95% read as ≥953: the 3 given the glyph of the 5 before it.
    expect(agreeDigits(document(specimen('3', withFlips(FIVE, [7, 8], '5'), 0.96))).size).toBe(0);
  });
});

describe('agreeDigitShapes (stage)', () => {
  // The stage reads nothing from its context: its input is the whole of what it decides on.
  const ctx = { file: 'scan.pdf', errors: [] } as unknown as StageContext;
  const glyph = (char: string, shape: DigitShape | undefined, confidence: number, extra: Partial<Glyph> = {}): Glyph => ({ char, x0: 0, y0: 0, x1: 5, y1: 10, size: 10, page: 1, run: 0, confidence, ...(shape ? { shape } : {}), ...extra });
  const page = (n: number, method: 'ocr' | 'text', glyphs: Glyph[]): PageRead =>
    ({ page: n, width: 595, height: 842, method, glyphs, edges: [], quality: {} as PageRead['quality'], readConfidence: 0.9, notes: [], skew: 0, turn: 0 }) as PageRead;

  it('compares the digits of every scanned page of the document, caps a changed one at DIGIT_CONSENSUS_CAP and records the repair', async () => {
    const pages = [
      page(1, 'ocr', [glyph('5', FIVE, 0.99), glyph('5', FIVE, 0.97), glyph('%', undefined, 0.9)]),
      page(2, 'ocr', [glyph('5', FIVE, 0.95), glyph('5', FIVE, 0.92), glyph('3', FIVE, 0.96, { repair: 'an earlier repair' })]),
    ];
    const out = await agreeDigitShapes(pages, ctx);
    const changed = out[1]!.glyphs[2]!;
    expect(changed.char).toBe('5');
    expect(changed.confidence).toBe(DIGIT_CONSENSUS_CAP);
    expect(changed.repair).toBe('an earlier repair; OCR read 3 where the ink is the glyph of 4 digits read surely as 5 in this document');
    expect(out[0]!.glyphs.map((g) => g.char).join('')).toBe('55%');
  });

  it('leaves text-layer pages out: their characters are the PDF’s own, and vote for nothing', async () => {
    const pages = [page(1, 'text', [glyph('5', FIVE, 1), glyph('5', FIVE, 1), glyph('5', FIVE, 1), glyph('5', FIVE, 1)]), page(2, 'ocr', [glyph('3', FIVE, 0.96)])];
    expect((await agreeDigitShapes(pages, ctx))[1]!.glyphs[0]!.char).toBe('3');
  });
});

type Tuple = [string, number, number, number, number, number];

/** The specimens of one fixture line: its digits with the shapes `readToDigitShapes` finds, all read at 0.95 (the helper's) and not doubted. */
async function lineSpecimens(fixture: string, read: Tuple[], dx: number, dy: number): Promise<{ text: string; specimens: DigitSpecimen[] }> {
  const symbols = excerptSymbols(read, dx, dy);
  const shapes = readToDigitShapes(symbols, await fixtureCrop(fixture), DEFAULT_OCR_CELL_SETTINGS.padding, DEFAULT_OCR_CELL_SETTINGS.inkThreshold);
  const indices = [...shapes.keys()].sort((a, b) => a - b);
  return { text: indices.map((i) => symbols[i]!.text).join(''), specimens: indices.map((i) => specimen(symbols[i]!.text, shapes.get(i)!)) };
}

// Four lines of one scan (HanaMinA, A4 portrait, 300 dpi, --fresh21), as the pipeline read them.
const HANAMIN_LINES: [string, Tuple[], number, number][] = [
  [
    'five-read-as-three-beside-a-five-read-surely-hanamin.png',
    [['值', 24, 75, 1650, 1688, 30], [':', 91, 111, 1653, 1683, 30], ['≥', 128, 140, 1653, 1684, 30], ['8', 139, 155, 1653, 1684, 30], ['3', 149, 165, 1654, 1684, 30], ['%', 166, 188, 1653, 1684, 30], [';', 188, 248, 1659, 1683, 30], ['年', 248, 268, 1650, 1688, 30], ['度', 291, 331, 1650, 1688, 30], ['指', 332, 372, 1650, 1688, 30], ['标', 370, 450, 1650, 1688, 30], ['值', 418, 452, 1646, 1704, 30], [':', 451, 466, 1646, 1704, 30], ['≥', 487, 513, 1653, 1684, 30], ['8', 513, 528, 1653, 1687, 30], ['5', 523, 539, 1654, 1684, 30], ['%', 541, 563, 1653, 1684, 30], ['。', 565, 576, 1676, 1687, 30]],
    16,
    1638,
  ],
  [
    'threes-read-surely-hanamin.png',
    [['值', 24, 75, 350, 388, 6], [':', 79, 98, 346, 405, 6], ['≥', 91, 118, 353, 383, 6], ['3', 128, 144, 354, 384, 6], ['8', 149, 165, 353, 384, 6], ['座', 182, 206, 350, 388, 6], ['；', 206, 270, 359, 383, 6], ['年', 270, 289, 350, 388, 6], ['度', 311, 352, 350, 388, 6], ['指', 353, 393, 350, 388, 6], ['标', 396, 441, 350, 388, 6], ['值', 441, 473, 365, 384, 6], [':', 473, 489, 346, 405, 6], ['≥', 499, 514, 353, 383, 6], ['3', 523, 539, 354, 384, 6], ['8', 544, 560, 353, 384, 6], ['座', 573, 602, 350, 388, 6], ['。', 607, 618, 376, 387, 6]],
    16,
    338,
  ],
  [
    'fives-read-surely-hanamin.png',
    [['指', 24, 80, 135, 173, 2], ['标', 78, 159, 135, 173, 2], ['值', 128, 162, 131, 189, 2], [':', 161, 187, 131, 189, 2], ['≥', 186, 201, 138, 168, 2], ['4', 211, 227, 138, 169, 2], ['5', 232, 291, 136, 172, 2], ['处', 266, 300, 131, 189, 2], ['；', 300, 353, 144, 168, 2], ['年', 353, 372, 135, 173, 2], ['度', 393, 435, 135, 173, 2], ['指', 436, 476, 135, 173, 2], ['标', 474, 554, 135, 173, 2], ['值', 523, 557, 131, 189, 2], [':', 556, 568, 131, 189, 2], ['≥', 589, 597, 138, 168, 2], ['4', 614, 623, 138, 169, 2], ['5', 628, 644, 139, 169, 2]],
    16,
    123,
  ],
  [
    'three-and-five-read-surely-hanamin.png',
    [['成', 24, 103, 1216, 1254, 22], ['本', 83, 107, 1211, 1271, 22], ['；', 107, 162, 1225, 1249, 22], ['实', 162, 187, 1215, 1254, 22], ['施', 190, 228, 1216, 1253, 22], ['周', 248, 295, 1216, 1254, 22], ['期', 286, 331, 1216, 1254, 22], ['指', 335, 372, 1216, 1254, 22], ['标', 370, 422, 1216, 1254, 22], ['值', 422, 451, 1231, 1250, 22], [':', 451, 467, 1211, 1271, 22], ['≤', 467, 507, 1220, 1249, 22], ['3', 507, 519, 1220, 1250, 22], ['5', 523, 539, 1220, 1250, 22], ['万', 556, 581, 1219, 1254, 22], ['元', 601, 624, 1218, 1253, 22], ['/', 627, 646, 1219, 1252, 22]],
    16,
    1203,
  ],
];

describe('readToDigitShapes and agreeDigits on real scans (HanaMinA, 300 dpi: both models read its 5 as 3, surely)', () => {
  it('finds each digit’s glyph by its place in the number, however the boxes stand (the 3 of ≥83% boxed over the 8’s right half)', async () => {
    const lines = await Promise.all(HANAMIN_LINES.map(([f, read, dx, dy]) => lineSpecimens(f, read, dx, dy)));
    expect(lines.map((l) => l.text)).toEqual(['8385', '3838', '4545', '35']);
    // The 3 of ≥83% is the 5's glyph: nearer the 5s of the scan than any of its 3s, and within reach of them.
    const [misread, threes, fives, mixed] = lines.map((l) => l.specimens);
    const toFives = [fives![1]!, fives![3]!, mixed![1]!, misread![3]!].map((s) => shapeDistance(misread![1]!.shape, s.shape));
    const toThrees = [threes![0]!, threes![2]!, mixed![0]!].map((s) => shapeDistance(misread![1]!.shape, s.shape));
    expect(Math.max(...toFives)).toBeLessThan(DEFAULT_DIGIT_CONSENSUS.maxDistance);
    expect(Math.min(...toThrees)).toBeGreaterThan(DEFAULT_DIGIT_CONSENSUS.maxDistance);
  });

  it('puts the 5 read as 3 right from the scan’s four 5s read surely, and changes nothing else', async () => {
    const lines = await Promise.all(HANAMIN_LINES.map(([f, read, dx, dy]) => lineSpecimens(f, read, dx, dy)));
    const changes = agreeDigits(lines.flatMap((l) => l.specimens));
    expect([...changes].map(([i, c]) => [i, c.digit])).toEqual([[1, '5']]);
  });

  it('gives no shape where one ink number is the only one near two read numbers (2、1-: the 1’s glyph joined to its hyphen, the 1 boxed on the 、)', async () => {
    const symbols = excerptSymbols([['处', 255, 296, 184, 242, 3], ['。', 315, 318, 192, 224, 3], ['2', 315, 331, 192, 222, 3], ['、', 338, 348, 215, 224, 3], ['1', 347, 348, 192, 224, 3], ['-', 347, 348, 192, 224, 3], ['产', 433, 457, 188, 226, 3]], 247, 176);
    const crop = await fixtureCrop('item-number-before-a-one-joined-to-its-hyphen-hanamin.png');
    expect(readToDigitShapes(symbols, crop, DEFAULT_OCR_CELL_SETTINGS.padding, DEFAULT_OCR_CELL_SETTINGS.inkThreshold).size).toBe(0);
  });
});
