/**
 * The scan stages on their own: deskew, ruling lines from pixels, comparators from their shape, OCR repairs.
 * Images are drawn here, pixel by pixel, so each case shows exactly what it covers.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../extractors/raster/deskew.js';
import { ocrRegions } from '../extractors/raster/ocr-cells.js';
import type { OcrEngine, OcrJob, OcrResult } from '../extractors/ocr/ocr-engine.js';
import { greyToEdges } from '../extractors/raster/pixel-lines.js';
import { inkBesideTables } from '../extractors/raster/ink-beside-tables.js';
import { blackPercentile, DEFAULT_PREPROCESS_SETTINGS, preprocessPage } from '../extractors/raster/preprocess.js';
import { imagePages } from '../extractors/raster/image-input.js';
import { replayNotes } from '../review/check-notes.js';
import { readPages } from '../pipeline/stages/read-pages.js';
import { classifyComparator, classifyComparatorAmongDigits, isolateGlyph } from '../extractors/raster/comparator-glyph.js';
import { edgesToPageTables } from '../extractors/table/page-table.js';
import { repairAmountText, repairIndicatorText } from '../extractors/profiles/project-expenditure/repairs.js';
import { REPAIRED_CONFIDENCE } from '../extractors/text/text-edits.js';
import { charRepairs, type PositionedText } from '../extractors/text/positioned-text.js';
import type { GreyImage } from '../extractors/raster/grey-image.js';

/** A white page with a ruled grid (300 dpi), lines `thickness` px, plus short "text" strokes in each cell. */
function gridPage(width = 1800, height = 1200, cols = [100, 500, 800, 1700], rows = [100, 300, 500, 900], thickness = 3): GreyImage {
  const data = new Uint8Array(width * height).fill(255);
  for (const y of rows) for (let t = 0; t < thickness; t++) for (let x = cols[0]!; x <= cols[cols.length - 1]!; x++) data[(y + t) * width + x] = 0;
  for (const x of cols) for (let t = 0; t < thickness; t++) for (let y = rows[0]!; y <= rows[rows.length - 1]!; y++) data[y * width + x + t] = 0;
  // Text-like strokes: 30 px long, shorter than any line, inside each cell.
  for (let r = 0; r + 1 < rows.length; r++) for (let c = 0; c + 1 < cols.length; c++) {
    for (let k = 0; k < 4; k++) for (let x = 0; x < 30; x++) data[(rows[r]! + 40 + k * 12) * width + cols[c]! + 40 + x + k * 40] = 20;
  }
  return { width, height, data, dpi: 300 };
}

async function rotate(image: GreyImage, degrees: number): Promise<GreyImage> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .extract({ left: 0, top: 0, width: image.width, height: image.height })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data), dpi: image.dpi };
}

describe('estimateSkew', () => {
  it('reads a level page as 0', () => {
    expect(Math.abs(estimateSkew(gridPage()))).toBeLessThanOrEqual(0.05);
  });

  it.each([1.0, -1.3, 2.4])('finds a rotation of %s° within 0.1°', async (degrees) => {
    expect(estimateSkew(await rotate(gridPage(), degrees))).toBeCloseTo(degrees, 1);
  });

  it('gives 0 for an empty page', () => {
    expect(estimateSkew({ width: 100, height: 100, data: new Uint8Array(10000).fill(255), dpi: 300 })).toBe(0);
  });
});

describe('greyToEdges', () => {
  it('finds the ruling lines of a grid, and not the strokes of the text in it', () => {
    const edges = greyToEdges(gridPage());
    expect(edges.filter((e) => e.orientation === 'h')).toHaveLength(4);
    expect(edges.filter((e) => e.orientation === 'v')).toHaveLength(4);
    const { tables } = edgesToPageTables(1, edges, []);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.length)).toEqual([3, 3, 3]);
    // 300 dpi: 100 px is 24 page units.
    expect(tables[0]!.bounds.x0).toBeCloseTo(24.4, 0);
  });

  it('bridges a line broken by a gap of two pixels (a faint scan)', () => {
    const page = gridPage();
    for (let t = 0; t < 3; t++) for (let x = 600; x < 602; x++) page.data[(300 + t) * page.width + x] = 255;
    const h = greyToEdges(page).filter((e) => e.orientation === 'h');
    expect(h).toHaveLength(4);
  });

  it('closes a table whose right border printed as a hairline too faint to be ink (Chromium, a table as wide as the page)', () => {
    // The right border at x = 1700 is one pixel of grey 223, as on the Smiley Sans scans: lighter than ink.
    const page = gridPage();
    for (let y = 100; y <= 900; y++) for (let t = 0; t < 3; t++) page.data[y * page.width + 1700 + t] = t === 0 ? 223 : 255;
    expect(greyToEdges(page).filter((e) => e.orientation === 'v')).toHaveLength(3);
    const { tables } = edgesToPageTables(1, greyToEdges(page), []);
    // The horizontal lines still run to x = 1700: the last column is closed there, not lost.
    expect(tables[0]!.rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(tables[0]!.bounds.x1).toBeCloseTo((1700 * 72) / 300, 0);
  });

  it('finds the grid of a page skewed by 1.2° once the page is levelled', async () => {
    const skewed = await rotate(gridPage(), 1.2);
    const levelled = await preprocessPage(skewed);
    expect(levelled.skew).toBeCloseTo(1.2, 1);
    const { tables } = edgesToPageTables(1, greyToEdges(levelled.image), []);
    expect(tables[0]!.rows.map((r) => r.length)).toEqual([3, 3, 3]);
  });
});

describe('inkBesideTables', () => {
  const tablesOf = (page: GreyImage) => edgesToPageTables(1, greyToEdges(page), []).tables.map((t) => t.bounds);

  it('finds text level with a table and right of it, which no cell holds (a column whose border was lost)', () => {
    const page = gridPage();
    // Four strokes of a character, 35 px wide, right of the table's border at x = 1700..1703.
    for (let k = 0; k < 4; k++) for (let x = 1725; x < 1760; x++) for (let t = 0; t < 3; t++) page.data[(400 + k * 10 + t) * page.width + x] = 10;
    expect(inkBesideTables(page, tablesOf(page)).map((b) => b.side)).toEqual(['right']);
  });

  it('finds nothing beside a table with blank margins, nor in a speck, nor at the paper\'s edge', () => {
    const page = gridPage();
    expect(inkBesideTables(page, tablesOf(page))).toEqual([]);
    for (let y = 400; y < 403; y++) for (let x = 1730; x < 1733; x++) page.data[y * page.width + x] = 10;
    // A scanner's shadow down the right edge of the paper.
    for (let y = 0; y < page.height; y++) for (let x = 1790; x < 1800; x++) page.data[y * page.width + x] = 30;
    expect(inkBesideTables(page, tablesOf(page))).toEqual([]);
  });
});

/**
 * A page that is nearly all paper (200 dpi): grey specks over the paper, the grid of a short table at the top
 * with text strokes whose edges are grey (anti-aliased), as on the last page of a table holding one row.
 */
function barePage(): GreyImage {
  const width = 1600;
  const height = 2200;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // Paper at 248–255, and four pixels in a hundred grey specks (160–247): the darkest 1% of the page is paper.
  const data = new Uint8Array(width * height).map(() => (random() < 0.04 ? 160 + Math.floor(random() * 88) : 248 + Math.floor(random() * 8)));
  for (const y of [100, 180, 300]) for (let t = 0; t < 2; t++) for (let x = 100; x <= 1500; x++) data[(y + t) * width + x] = 30;
  for (const x of [100, 500, 900, 1500]) for (let t = 0; t < 2; t++) for (let y = 100; y <= 300; y++) data[y * width + x + t] = 30;
  // Text strokes 12 px long, two px apart in a row: a grey edge either side of each.
  for (let row = 0; row < 4; row++) for (let k = 0; k < 20; k++) {
    const x0 = 120 + k * 16;
    const y = 200 + row * 20;
    for (let x = x0; x < x0 + 12; x++) {
      data[y * width + x] = 30;
      data[(y - 1) * width + x] = 150;
      data[(y + 1) * width + x] = 150;
    }
  }
  return { width, height, data, dpi: 200 };
}

describe('preprocessPage', () => {
  it('stretches contrast from the ink on a page that is nearly all paper, keeping the paper light', async () => {
    const page = barePage();
    expect(blackPercentile(page, DEFAULT_PREPROCESS_SETTINGS.maxBlackPointShift)).toBeLessThan(1);
    const { image } = await preprocessPage(page);
    // Ink and its grey edges are under 0.3% of the page; the specks must not join them.
    const dark = image.data.filter((v) => v < 128).length / image.data.length;
    expect(dark).toBeLessThan(0.005);
    // No run of noise and text strokes is taken for a ruling line: the table's own 3 + 4 lines are found.
    const edges = greyToEdges(image);
    expect(edges.filter((e) => e.orientation === 'h')).toHaveLength(3);
    expect(edges.filter((e) => e.orientation === 'v')).toHaveLength(4);
  });

  it('keeps sharp’s 1% on a page with ink enough', () => {
    expect(blackPercentile(gridPage(), DEFAULT_PREPROCESS_SETTINGS.maxBlackPointShift)).toBe(1);
  });
});

/** Draw a comparator glyph: a chevron (pointing `dir`) of `size` px, a bar under it or two bars. */
function comparatorImage(kind: '≥' | '≤' | '>' | '<' | '='): { data: Uint8Array; width: number; height: number } {
  const width = 40;
  const height = 50;
  const data = new Uint8Array(width * height).fill(255);
  const dot = (x: number, y: number) => {
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) data[(y + dy) * width + x + dx] = 0;
  };
  if (kind === '=') {
    for (let x = 8; x < 32; x++) for (let t = 0; t < 3; t++) (data[(18 + t) * width + x] = 0), (data[(30 + t) * width + x] = 0);
    return { data, width, height };
  }
  const right = kind === '≥' || kind === '>';
  for (let i = 0; i <= 12; i++) {
    const x = right ? 8 + i * 2 : 32 - i * 2;
    dot(x, 8 + i);
    dot(x, 32 - i);
  }
  if (kind === '≥' || kind === '≤') for (let x = 8; x < 34; x++) for (let t = 0; t < 3; t++) data[(38 + t) * width + x] = 0;
  return { data, width, height };
}

describe('classifyComparator', () => {
  it.each(['≥', '≤', '>', '<', '='] as const)('reads %s from its shape', (kind) => {
    const { data, width, height } = comparatorImage(kind);
    // Tesseract's box for a misread ≥ often leaves its bar out: the core is the chevron (or both bars of =).
    const box = isolateGlyph(data, width, height, kind === '=' ? { x0: 8, y0: 18, x1: 32, y1: 33 } : { x0: 8, y0: 8, x1: 34, y1: 35 });
    expect(classifyComparator(data, width, box)?.char).toBe(kind);
  });

  it('reads ≥ whose bar is a stroke set off below the lower arm (LXGW WenKai at 300 dpi), and ≤ mirrored', () => {
    // The glyph as the --fresh18 scan holds it: a chevron, and below its lower arm a parallel stroke.
    const rows = [
      '#.........................', '####......................', '######....................', '..#######.................',
      '.....#######..............', '........#######...........', '............#######.......', '...............#####......',
      '................####......', '.............#######......', '..........#######.........', '.......#######............',
      '....#######...............', '.#######..................', '#####.............##......', '##.............#####......',
      '............#######.......', '.........#######..........', '......#######.............', '...#######................',
      '#######...................', '#####.....................', '##........................',
    ];
    for (const mirror of [false, true]) {
      const width = rows[0]!.length + 8;
      const height = rows.length + 8;
      const data = new Uint8Array(width * height).fill(255);
      rows.forEach((row, y) => [...row].forEach((c, x) => { if (c === '#') data[(y + 4) * width + (mirror ? width - 5 - x : x + 4)] = 0; }));
      expect(classifyComparator(data, width, { x0: 0, y0: 0, x1: width, y1: height })?.char).toBe(mirror ? '≤' : '≥');
    }
  });

  it('says nothing about a glyph that is none of them', () => {
    const width = 40;
    const height = 50;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 5; y < 45; y++) for (let x = 18; x < 21; x++) data[y * width + x] = 0; // a vertical stroke: 1 or l
    expect(classifyComparator(data, width, { x0: 0, y0: 0, x1: width, y1: height })).toBeNull();
  });
});

/** Draw a 2: a hook at the top, a stroke down to the left, a bar along the bottom joined to it. */
function digitTwoImage(): { data: Uint8Array; width: number; height: number } {
  const width = 40;
  const height = 50;
  const data = new Uint8Array(width * height).fill(255);
  const dot = (x: number, y: number) => {
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) data[(Math.round(y) + dy) * width + Math.round(x) + dx] = 0;
  };
  for (let a = Math.PI; a <= 2.2 * Math.PI; a += 0.05) dot(20 + 11 * Math.cos(a), 17 + 9 * Math.sin(a));
  for (let t = 0; t <= 1; t += 0.02) dot(28 - 20 * t, 22 + 16 * t);
  for (let x = 8; x < 34; x++) for (let t = 0; t < 3; t++) data[(38 + t) * width + x] = 0;
  return { data, width, height };
}

describe('classifyComparatorAmongDigits', () => {
  it.each(['≥', '≤'] as const)('reads %s, whose bar stands apart under a chevron open to one side', (kind) => {
    const { data, width, height } = comparatorImage(kind);
    expect(classifyComparatorAmongDigits(data, width, { x0: 0, y0: 0, x1: width, y1: height })?.char).toBe(kind);
  });

  it('takes no 2 for ≥, though it has a bar under a stroke that turns (the looser reading does)', () => {
    const { data, width, height } = digitTwoImage();
    const box = { x0: 0, y0: 0, x1: width, y1: height };
    expect(classifyComparator(data, width, box)?.char).toBe('≥');
    expect(classifyComparatorAmongDigits(data, width, box)).toBeNull();
  });

  it.each(['>', '<', '='] as const)('takes no %s, which has no bar of its own under it', (kind) => {
    const { data, width, height } = comparatorImage(kind);
    expect(classifyComparatorAmongDigits(data, width, { x0: 0, y0: 0, x1: width, y1: height })).toBeNull();
  });
});

/** An OCR-read text: every character has a box and a confidence. */
function ocrText(text: string, confidence = 0.9): PositionedText {
  return { text, boxes: [...text].map((_, i) => ({ page: 1, bbox: [i * 10, 0, i * 10 + 10, 10] as [number, number, number, number], confidence })) };
}

describe('repairIndicatorText', () => {
  it('doubts a unit read as m where ㎡ may stand (≥4,800m, 元/mi), not km, cm or a text layer', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；面积；实施周期指标值:≥4,800m；年度指标值:≤1.2元/mi。', 0.98));
    const doubted = [...t.text].flatMap((c, i) => (t.boxes[i]?.doubt ? [c] : []));
    expect(doubted).toEqual(['m', 'm', 'i']);
    expect(t.boxes[t.text.indexOf('mi')]).toMatchObject({ confidence: 0.8, doubt: 'a unit read as mi: the square-metre sign ㎡ reads as letters' });
    const lengths = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；长度；实施周期指标值:≥9.8km；年度指标值:>25cm。', 0.98));
    expect(lengths.boxes.some((b) => b?.doubt)).toBe(false);
  });

  it('puts back a level code OCR garbled before a known level name, and says so', () => {
    const t = repairIndicatorText(ocrText('1、革产出指标；1数量指标；人数；实施周期指标值:5人；年度指标值:5人。'));
    expect(t.text).toBe('1、1-产出指标；11-数量指标；人数；实施周期指标值:5人；年度指标值:5人。');
    expect(charRepairs(t)).toEqual(['level code «革» before 产出指标 read as 1-', 'level code «1» before 数量指标 read as 11-']);
    expect(t.boxes).toHaveLength(t.text.length);
  });

  it('keeps another of the format’s level codes read surely before a level name (31-时效指标, the table’s own slip), for the checks to flag; a doubtful one is written from the name', () => {
    const slip = '1、1-产出指标；31-时效指标；报送时间；实施周期指标值:2025年3月31日前；年度指标值:2025年3月31日前。';
    const sure = repairIndicatorText(ocrText(slip, 0.96));
    expect(sure.text).toBe(slip);
    expect(charRepairs(sure)).toEqual([]);
    const read = ocrText(slip, 0.96);
    const at = slip.indexOf('31-时效');
    const doubtful = repairIndicatorText({ ...read, boxes: read.boxes.map((b, i) => (i === at ? { ...b!, confidence: 0.5 } : b)) });
    expect(doubtful.text).toBe(slip.replace('31-时效', '13-时效'));
    expect(charRepairs(doubtful)).toEqual(['level code «31-» before 时效指标 read as 13-']);
    // A level-1 code is no level-2 code: 1- before 数量指标 lost a digit.
    expect(repairIndicatorText(ocrText(slip.replace('31-时效', '1-数量'), 0.96)).text).toBe(slip.replace('31-时效', '11-数量'));
  });

  it('reads a level code whose 1s OCR read as L or ] before the hyphen (11L-, 1]1-, LL-) as its name dictates', () => {
    const t = repairIndicatorText(ocrText('1、LL-产出指标；11L-数量指标；人数；实施周期指标值:5人；年度指标值:5人。2、1-产出指标；1]1-数量指标；乙；实施周期指标值:2；年度指标值:2。'));
    expect(t.text).toBe('1、1-产出指标；11-数量指标；人数；实施周期指标值:5人；年度指标值:5人。2、1-产出指标；11-数量指标；乙；实施周期指标值:2；年度指标值:2。');
    expect(charRepairs(t)).toEqual(['level code «LL-» before 产出指标 read as 1-', 'level code «11L-» before 数量指标 read as 11-', 'level code «1]1-» before 数量指标 read as 11-']);
  });

  it('reads a level code with a stray mark before its hyphen (1T-, FandolFang in a Group 4 scan) as its name dictates', () => {
    const t = repairIndicatorText(ocrText('6、1T-产出指标;14-成本指标；单项课题研究费用；实施周期指标值:≤8万元/项；年度指标值:≤8万元/项。'));
    expect(t.text).toBe('6、1-产出指标;14-成本指标；单项课题研究费用；实施周期指标值:≤8万元/项；年度指标值:≤8万元/项。');
    expect(charRepairs(t)).toEqual(['level code «1T-» before 产出指标 read as 1-']);
  });

  it('reads a level code with a digit too many and a point for its hyphen (112.质量指标: Zen Hei Sharp in a Group 4 scan) as its name dictates', () => {
    const t = repairIndicatorText(ocrText('2、1-产出指标;112.质量指标；评审项目预算审减率；实施周期指标值:≥12%;年度指标值:≥12%。'));
    expect(t.text).toBe('2、1-产出指标;12-质量指标；评审项目预算审减率；实施周期指标值:≥12%;年度指标值:≥12%。');
    expect(charRepairs(t)).toEqual(['level code «112.» before 质量指标 read as 12-']);
  });

  it('puts back an item number lost with its level code, numbered after the item before it', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；甲；实施周期指标值:1；年度指标值:1。二工产出指标；11-数量指标；乙；实施周期指标值:2；年度指标值:2。'));
    expect(t.text).toBe('1、1-产出指标；11-数量指标；甲；实施周期指标值:1；年度指标值:1。2、1-产出指标；11-数量指标；乙；实施周期指标值:2；年度指标值:2。');
    expect(charRepairs(t)).toEqual(['item number and level code «二工» before 产出指标 read as 2、1-']);
  });

  it('ends an item whose 。 was misread where the next item starts, numbering the next one after it', () => {
    const head = '1、1-产出指标；11-数量指标；甲；实施周期指标值:1人；年度指标值:1人。2、1-产出指标；12-质量指标；乙；';
    // The value ends as the 实施周期指标值 value did; the next item's number and code are garbled (u处3-).
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:不低于80%；年度指标值:不低于80%u处3-满意度指标；31-服务对象满意度指标；丙；实施周期指标值:≥90%；年度指标值:≥90%。`));
    expect(t.text).toBe(`${head}实施周期指标值:不低于80%；年度指标值:不低于80%。3、3-满意度指标；31-服务对象满意度指标；丙；实施周期指标值:≥90%；年度指标值:≥90%。`);
    expect(charRepairs(t)).toEqual(['the end of an item and the next one\'s number and level code «u处3-» before 满意度指标 read as 。3、3-']);
    // The two values differ: the value ends at its last % before a few characters holding the next number.
    const u = repairIndicatorText(ocrText(`${head}实施周期指标值:不低于60%；年度指标值:不低于70%u 3、>2效益指标；23-生态效益指标；丙；实施周期指标值:是；年度指标值:是。`));
    expect(u.text).toContain('年度指标值:不低于70%。3、2-效益指标；23-生态效益指标；丙；');
  });

  it('ends an item whose %。 OCR lost, where the next item\'s level-2 code was misread (13.时效指标) or its level-1 name one character off (严出指标)', () => {
    const head = '1、1-产出指标；11-数量指标；甲；实施周期指标值:1人；年度指标值:1人。2、1-产出指标；12-质量指标；乙；';
    const tail = ';丙;实施周期指标值:1天;年度指标值:1天。';
    // The value ends as the 实施周期指标值 value did: the boundary is sure, the value left as read.
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≥12%；年度指标值:≥12%3、LT产出指标;13.时效指标${tail}`));
    expect(t.text).toContain('年度指标值:≥12%。3、1-产出指标;13');
    expect(t.boxes[t.text.indexOf('≥12%。3') + 3]?.repair).toBeUndefined();
    expect(repairIndicatorText(ocrText(`${head}实施周期指标值:≥99%；年度指标值:≥99%3、工严出指标;12质量指标${tail}`)).text).toContain('年度指标值:≥99%。3、1-严出指标');
    // The ； before 年度指标值 lost as well (WenQuanYi Zen Hei Sharp, --fresh17): the period's value still says where the
    // value ends, not the 3 of .35 that the next item's number 3 would match.
    const lost = repairIndicatorText(ocrText(`${head}实施周期指标值:≥99.35%年度指标值:≥99.35%3、产出指标;12质量指标${tail}`));
    expect(lost.text).toContain('年度指标值:≥99.35%。3、1-产出指标');
  });

  it('ends an item before the next one whose level-2 code is garbled past reading (公质量指标) or read with a colon (13:时效指标): WenQuanYi Zen Hei Sharp in a Group 4 scan', () => {
    const head = '1、1-产出指标；11-数量指标；甲；实施周期指标值:1人；年度指标值:1人。2、1-产出指标；12-质量指标；乙；';
    const tail = '；丙；实施周期指标值:少于3%;年度指标值:少于3%。';
    const garbled = repairIndicatorText(ocrText(`${head}实施周期指标值:二99.5%；年度指标值:二99.5% 3、工产出指标；公质量指标${tail}`));
    expect(garbled.text).toContain('年度指标值:二99.5%。3、1-产出指标；12-质量指标；丙；');
    const colon = repairIndicatorText(ocrText(`${head}实施周期指标值:400%；年度指标值1003、工产出指标;13:时效指标${tail}`));
    expect(colon.text).toContain('年度指标值:100。3、1-产出指标;13-时效指标；丙；');
    // Where the value ends is a guess there (its % may be in what was cut): the value is flagged.
    expect(colon.boxes[colon.text.indexOf('100。3') + 2]?.confidence).toBeLessThan(0.9);
    // A level-1 name inside a value, with no level-2 name after it, is no item's start.
    const inValue = `${head}实施周期指标值:完成；年度指标值:完成产出指标；公布名单${tail}`;
    expect(repairIndicatorText(ocrText(inValue)).text).toBe(inValue);
  });

  it('ends an item after a label whose colon OCR lost, where its number runs into the value (40%~603、), flagging the value whose end is a guess', () => {
    const head = '1、1-产出指标；11-数量指标；甲；实施周期指标值:1人；年度指标值:1人。2、1-产出指标；12-质量指标；乙；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:40%~60%；年度指标值40%~603、工产出指标;12.质量指标;丙;实施周期指标值:1天;年度指标值:1天。`));
    expect(t.text).toContain('年度指标值:40%。3、1-产出指标;12');
    expect(t.boxes[t.text.indexOf('40%。3') + 2]?.confidence).toBeLessThan(0.9);
    // The next item's number and level code are the format's: not flagged with the guess.
    expect(t.boxes[t.text.indexOf('。3、1-') + 3]?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(charRepairs(t)).toContain('the colon after the label was not read: put back after 年度指标值');
  });

  it('repairs around a short level-2 name (11-数量, 12质量) as around a long one, and a level-1 code after a stray mark (3.、工产出指标)', () => {
    const tail = '实施周期指标值:5份；年度指标值:5份。';
    expect(repairIndicatorText(ocrText(`1、1-产出指标，12质量;办事跑动次数；${tail}`)).text).toBe(`1、1-产出指标；12-质量;办事跑动次数；${tail}`);
    expect(repairIndicatorText(ocrText(`1、1-产出指标；11-数量；甲；${tail}2.、工产出指标；13-时效；乙；${tail}`)).text).toBe(`1、1-产出指标；11-数量；甲；${tail}2、1-产出指标；13-时效；乙；${tail}`);
  });

  it('takes a short level-2 name that is a common word (成本, 数量) for one only after a code: an indicator name holding it stays whole', () => {
    const t = repairIndicatorText(ocrText('1、4-成本指标;41-经济成本指标设备购置成本控制;实施周期指标值:不超过预算;年度指标值:不超过预算。'));
    expect(t.text).toBe('1、4-成本指标;41-经济成本指标；设备购置成本控制;实施周期指标值:不超过预算;年度指标值:不超过预算。');
  });

  it('removes a stray mark between an item\'s number and its 、 (。6.、), so that the item is one', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；甲；实施周期指标值:1人；年度指标值:1人。2.、1-产出指标；11-数量指标；乙；实施周期指标值:2人；年度指标值:2人。'));
    expect(t.text).toBe('1、1-产出指标；11-数量指标；甲；实施周期指标值:1人；年度指标值:1人。2、1-产出指标；11-数量指标；乙；实施周期指标值:2人；年度指标值:2人。');
  });

  it('puts back the ； before a label whose 值 was misread too (准确率实施周期指标借, 99.5%，年度指标储)', () => {
    const head = '1、1-产出指标；12-质量指标；';
    const t = repairIndicatorText(ocrText(`${head}检验结论准确率实施周期指标借:≥99.5%，年度指标储:≥99.5%。`));
    expect(t.text).toBe(`${head}检验结论准确率；实施周期指标值:≥99.5%；年度指标值:≥99.5%。`);
    expect(charRepairs(t)).toEqual(expect.arrayContaining(['«(nothing)» before a label read as ；', '«，» before a label read as ；', '«年度指标储» read as 年度指标值']));
    // Two characters off is no label: nothing is put before it.
    const u = repairIndicatorText(ocrText(`${head}检验结论准确率实施周期指际借:≥99.5%；年度指标值:≥99.5%。`));
    expect(u.text).toContain('准确率实施周期指际借');
  });

  it('puts back the ； after a level name, misread or dropped, and drops a stray mark before a level-2 code', () => {
    const tail = '实施周期指标值:5份；年度指标值:5份。';
    expect(repairIndicatorText(ocrText(`1、1-产出指标)11-数量指标；订阅报刊份数；${tail}`)).text).toBe(`1、1-产出指标；11-数量指标；订阅报刊份数；${tail}`);
    expect(repairIndicatorText(ocrText(`1、1-产出指标，11-数量指标，订阅报刊份数；${tail}`)).text).toBe(`1、1-产出指标；11-数量指标；订阅报刊份数；${tail}`);
    expect(repairIndicatorText(ocrText(`1、1-产出指标11-数量指标订阅报刊份数；${tail}`)).text).toBe(`1、1-产出指标；11-数量指标；订阅报刊份数；${tail}`);
    const t = repairIndicatorText(ocrText(`1、1-产出指标；)11-数量指标；订阅报刊份数；${tail}`));
    expect(t.text).toBe(`1、1-产出指标；11-数量指标；订阅报刊份数；${tail}`);
    expect(charRepairs(t)).toEqual(['level code «)11-» before 数量指标 read as 11-']);
    // 成本指标 is a level-2 name under 产出指标 (14) as well as a level-1 name (4), 经济成本指标 below it.
    expect(repairIndicatorText(ocrText(`1、1-产出指标，14-成本指标，单所学校维修改造平均成本；${tail}`)).text).toBe(`1、1-产出指标；14-成本指标；单所学校维修改造平均成本；${tail}`);
    expect(repairIndicatorText(ocrText(`1、4-成本指标，41-经济成本指标，单价；${tail}`)).text).toBe(`1、4-成本指标；41-经济成本指标；单价；${tail}`);
    expect(repairIndicatorText(ocrText(`1、1-产出指标；1-成本指标；单价；${tail}`)).text).toBe(`1、1-产出指标；14-成本指标；单价；${tail}`);
    // The level-2 code garbled as well (11 read as J1 or 刀, a ≥ before it): the ；s around it are put back all the same.
    expect(repairIndicatorText(ocrText(`1、1-产出指标，J1-数量指标，订阅报刊份数；${tail}`)).text).toBe(`1、1-产出指标；11-数量指标；订阅报刊份数；${tail}`);
    expect(repairIndicatorText(ocrText(`1、1-产出指标，刀-数量指标，订阅报刊份数；${tail}`)).text).toBe(`1、1-产出指标；11-数量指标；订阅报刊份数；${tail}`);
    expect(repairIndicatorText(ocrText(`1、2-效益指标:≥22-社会效益指标;群众知晓率；${tail}`)).text).toBe(`1、2-效益指标；22-社会效益指标;群众知晓率；${tail}`);
    // 社会效益 and 社会效益指标 are both level-2 names: the longer one is taken.
    expect(repairIndicatorText(ocrText(`1、2-效益指标；22-社会效益指标；群众知晓率；${tail}`)).text).toBe(`1、2-效益指标；22-社会效益指标；群众知晓率；${tail}`);
  });

  it('puts back a label’s colon read as ；, a ‰ read as %。, a 1 read as 1], and the list’s last 。 read as a letter after %', () => {
    const head = '1、1-产出指标；11-数量指标；甲；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值;是;年度指标值;是。2、1-产出指标；11-数量指标；乙；实施周期指标值:≤3%。；年度指标值:≥1]次。3、1-产出指标；12-质量指标；丙；实施周期指标值:≥90%；年度指标值:≥90%6`));
    expect(t.text).toBe(`${head}实施周期指标值:是;年度指标值:是。2、1-产出指标；11-数量指标；乙；实施周期指标值:≤3‰；年度指标值:≥1次。3、1-产出指标；12-质量指标；丙；实施周期指标值:≥90%；年度指标值:≥90%。`);
    expect(charRepairs(t)).toEqual([
      '«;» after 实施周期指标值 read as :',
      '«;» after 年度指标值 read as :',
      '%。 before the ； after a target read as ‰: no 。 stands inside an item',
      '«1]» read as 1: no target holds a ], and one beside a 1 is read for nothing (it may be 11)',
      '«6» after % at the end of the list read as 。',
    ]);
    expect(repairIndicatorText(ocrText(`${head}实施周期指标值:≤3‰；年度指标值:≤3%。。`)).text).toBe(`${head}实施周期指标值:≤3‰；年度指标值:≤3‰。`);
    // Before the ；, likely: flagged.
    const perMille = t.text.indexOf('‰');
    expect(t.boxes[perMille]!.confidence).toBeLessThan(0.9);
    // Beside another digit, the ] is the 1 itself (12月3]日前 for 12月31日前), before a digit or after it; beside a
    // 1 as well, it is read for nothing (3]1 for 31).
    const one = repairIndicatorText(ocrText(`${head}实施周期指标值:2027年12月3]日前；年度指标值:≥]5次。4、1-产出指标；11-数量指标；丁；实施周期指标值:12月3]1日前；年度指标值:12月3]1日前。`, 0.95));
    expect(one.text).toBe(`${head}实施周期指标值:2027年12月31日前；年度指标值:≥15次。4、1-产出指标；11-数量指标；丁；实施周期指标值:12月31日前；年度指标值:12月31日前。`);
    expect(charRepairs(one)).toEqual([
      '«3]» read as 31: no target holds a ], and 1 reads as ]',
      '«]5» read as 15: no target holds a ], and 1 reads as ]',
      '«3]» read as 3: no target holds a ], and one beside a 1 is read for nothing (it may be 11)',
    ]);
    // Standing alone where the number goes, before a unit, the ] is the number: a 1 (指标值:]场).
    const alone = repairIndicatorText(ocrText(`${head}实施周期指标值:]场；年度指标值:≥]次。`, 0.95));
    expect(alone.text).toBe(`${head}实施周期指标值:1场；年度指标值:≥1次。`);
    expect(charRepairs(alone)).toEqual(['«]» where the number stands before a unit read as 1: no target holds a ], and 1 reads as ]']);
    expect(alone.boxes[alone.text.indexOf('1场')]!.confidence).toBeLessThan(0.9);
    // So too a ! | l or I (FandolHei's 1 at 200 dpi, --fresh23), but not the I of a level or a phase (I级).
    const marks = repairIndicatorText(ocrText(`${head}实施周期指标值:!份；年度指标值:I份。4、1-产出指标；11-数量指标；丁；实施周期指标值:I级；年度指标值:≥l次。`, 0.95));
    expect(marks.text).toBe(`${head}实施周期指标值:1份；年度指标值:1份。4、1-产出指标；11-数量指标；丁；实施周期指标值:I级；年度指标值:≥1次。`);
    expect(charRepairs(marks)).toEqual([
      '«!» where the number stands before a unit read as 1: no target holds it there, and 1 reads as ! | l or I',
      '«I» where the number stands before a unit read as 1: no target holds it there, and 1 reads as ! | l or I',
      '«l» where the number stands before a unit read as 1: no target holds it there, and 1 reads as ! | l or I',
    ]);
    expect(marks.boxes[marks.text.indexOf('1份')]!.confidence).toBeLessThan(0.9);
    // Smiley Sans's 1 read as J where a number starts, and a ] for a date's month: the 1, likely, flagged. A J
    // elsewhere (a unit's letters) is left.
    const letters = repairIndicatorText(ocrText(`${head}实施周期指标值:J00%；年度指标值:2026年]月31日前。4、1-产出指标；11-数量指标；丁；实施周期指标值:≥5J；年度指标值:≥5J。`, 0.95));
    expect(letters.text).toBe(`${head}实施周期指标值:100%；年度指标值:2026年1月31日前。4、1-产出指标；11-数量指标；丁；实施周期指标值:≥5J；年度指标值:≥5J。`);
    expect(charRepairs(letters)).toEqual([
      '«J» where a number starts read as 1: no target opens with a letter, and 1 reads as J',
      '«]» for the month of a date read as 1: no target holds a ], and 1 reads as ]',
    ]);
    expect(letters.boxes[letters.text.indexOf('100%')]!.confidence).toBeLessThan(0.9);
    // After a label OCR misread, its colon read as ; (年度指标俏;J00%, which the label edits mend where they can).
    const misread = repairIndicatorText(ocrText(`${head}实施周期指标值:100%；年度指标俏;J00%。`, 0.95));
    expect(misread.text).toBe(`${head}实施周期指标值:100%；年度指标俏;100%。`);
    expect(charRepairs(misread)).toContain('«J» where a number starts read as 1: no target opens with a letter, and 1 reads as J');
    // After a unit's letter, a colon before the ； may be a superscript ² read so (≥62.4km:;年度指标值): likely, flagged.
    const power = repairIndicatorText(ocrText(`${head}实施周期指标值:≥62.4km:;年度指标值:≥62.4km²。`, 0.95));
    expect(power.text).toBe(`${head}实施周期指标值:≥62.4km；年度指标值:≥62.4km²。`);
    expect(charRepairs(power)).toEqual(['«:;» before a label read as ；, the colon after m perhaps a ² or ³ lost']);
    expect(power.boxes[power.text.indexOf('m；')]!.confidence).toBeLessThan(0.9);
    // Likely readings, not dictated ones: below the review threshold.
    const at = one.text.indexOf('31日');
    expect(Math.max(...one.boxes.slice(at, at + 2).map((b) => b?.confidence ?? 1))).toBeLessThan(0.9);
  });

  it('removes a space OCR left between a target’s comparator and its number (≥ 680平方米), and no other', () => {
    const head = '1、1-产出指标；11-数量指标；甲；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≥ 680平方米；年度指标值:≥680平方米。`));
    expect(t.text).toBe(`${head}实施周期指标值:≥680平方米；年度指标值:≥680平方米。`);
    expect(charRepairs(t)).toEqual([]);
    const words = `${head}实施周期指标值:较上年 提高；年度指标值:≥ 较上年。`;
    expect(repairIndicatorText(ocrText(words)).text).toBe(words);
  });

  it('puts back the ； before a label, misread as ， or dropped', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；调研企业数量，实施周期指标值:95%年度指标值:95%。'));
    expect(t.text).toBe('1、1-产出指标；11-数量指标；调研企业数量；实施周期指标值:95%；年度指标值:95%。');
    expect(charRepairs(t)).toEqual(['«，» before a label read as ；', '«(nothing)» before a label read as ；']);
    const fine = '1、1-产出指标；11-数量指标；甲；实施周期指标值:1；年度指标值:1。';
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });

  it('keeps the doubt of a character written again with a ； put back beside it: the repair vouches for the ； only', () => {
    // 人 is a box OCR read over two lines (0.5); the ； dropped after it is put back, 人 with it.
    const text = '1、3-满意度指标；31-服务对象满意度指标；人实施周期指标值:≥90%；年度指标值:≥90%。';
    const at = text.indexOf('人实');
    const sure = ocrText(text, 0.95);
    const read = { ...sure, boxes: sure.boxes.map((b, i) => (i === at ? { ...b!, confidence: 0.5 } : b)) };
    const t = repairIndicatorText(read);
    expect(t.text).toBe('1、3-满意度指标；31-服务对象满意度指标；人；实施周期指标值:≥90%；年度指标值:≥90%。');
    expect(t.boxes[at]!.confidence).toBe(0.5);
    // A sure character keeps the confidence the format gives the repair.
    expect(repairIndicatorText(ocrText(text, 0.99)).boxes[at]!.confidence).toBe(0.96);
  });

  it('doubts a short level-2 name (服务对象满意度) before a doubtful character, which may hold its 指标', () => {
    const text = '1、3-满意度指标；31-服务对象满意度和参赛学生满意度；实施周期指标值:≥90%；年度指标值:≥90%。';
    const he = text.indexOf('和');
    const sure = ocrText(text, 0.95);
    const read = { ...sure, boxes: sure.boxes.map((b, i) => (i === he ? { ...b!, confidence: 0.5 } : b)) };
    const t = repairIndicatorText(read);
    expect(t.text).toBe('1、3-满意度指标；31-服务对象满意度；和参赛学生满意度；实施周期指标值:≥90%；年度指标值:≥90%。');
    expect(t.boxes[he - 1]!.confidence).toBeLessThan(0.9);
    expect(charRepairs(t)).toContain('«» after 服务对象满意度 read as ； (a level-2 name is followed by ； and the indicator name; the doubtful 和 after it may hold 指标)');
    // Before a sure character, the ； is what the format dictates.
    expect(repairIndicatorText(ocrText(text, 0.95)).boxes[he - 1]!.confidence).toBe(0.95);
  });

  it('reads a label whose 值 was lost before its colon (年度指标:≥85%), or misread with its colon lost before the number (年度指标俏100%), as the label', () => {
    const head = '1、1-产出指标；11-数量指标；甲；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标:≥85%；年度指标:≥85%。2、1-产出指标；11-数量指标；乙；实施周期指标值:100%；年度指标俏100%。3、1-产出指标；11-数量指标；丙；实施周期指标值:≥85%；年度指标佳≥85%。`, 0.95));
    expect(t.text).toBe(`${head}实施周期指标值:≥85%；年度指标值:≥85%。2、1-产出指标；11-数量指标；乙；实施周期指标值:100%；年度指标值:100%。3、1-产出指标；11-数量指标；丙；实施周期指标值:≥85%；年度指标值:≥85%。`);
    expect(charRepairs(t)).toEqual([
      '«实施周期指标» read as 实施周期指标值, its last character lost',
      '«年度指标» read as 年度指标值, its last character lost',
      'the colon after the label was not read: «年度指标俏» read as 年度指标值:',
      'the colon after the label was not read: «年度指标佳» read as 年度指标值:',
    ]);
    // An indicator's own name that holds the stem is left (年度指标完成率).
    const fine = `${head.replace('甲', '年度指标完成率')}实施周期指标值:100%；年度指标值:100%。`;
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });

  it('puts back the ； after a level-2 name before a name that opens with Latin letters (数量指标，GSP合规检查), and where it was read as /', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标，GSP合规检查药品零售企业；实施周期指标值:≥420家；年度指标值:≥420家。2、3-满意度指标；31-服务对象满意度指标/委托检验单位满意度；实施周期指标值:≥90%；年度指标值:≥90%。', 0.95));
    expect(t.text).toBe('1、1-产出指标；11-数量指标；GSP合规检查药品零售企业；实施周期指标值:≥420家；年度指标值:≥420家。2、3-满意度指标；31-服务对象满意度指标；委托检验单位满意度；实施周期指标值:≥90%；年度指标值:≥90%。');
    expect(charRepairs(t)).toEqual([
      '«，» after 数量指标 read as ； (a level-2 name is followed by ； and the indicator name)',
      '«/» after 服务对象满意度指标 read as ； (a level-2 name is followed by ； and the indicator name)',
    ]);
  });

  it('drops the second mark of a separator after a level name read as two (数量指标;，外来入侵物种), keeping the first as read', () => {
    const t = repairIndicatorText(ocrText('1、2-效益指标；，23-生态效益指标;，外来入侵物种扩散蔓延；实施周期指标值:基本控制；年度指标值:基本控制。', 0.95));
    expect(t.text).toBe('1、2-效益指标；23-生态效益指标;外来入侵物种扩散蔓延；实施周期指标值:基本控制；年度指标值:基本控制。');
    expect(charRepairs(t)).toEqual([
      '«；，» after 效益指标 read as ；: the ink of one separator read as two marks',
      '«;，» after 生态效益指标 read as ;: the ink of one separator read as two marks',
    ]);
    // The level name's last character is written again with it, and keeps its own read's confidence.
    expect(t.boxes[t.text.indexOf(';外')]!.confidence).toBe(0.95);
    // A mark after the separator and before anything but a name is left (a bracket's pair is its own repair's).
    const left = '1、1-产出指标；11-数量指标；，；实施周期指标值:1；年度指标值:1。';
    expect(repairIndicatorText(ocrText(left)).text).toBe(left);
  });

  it('puts back the ； before a label read as two marks (清;，实施周期指标值, 人:；年度指标值)', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；13-时效指标；餐厨垃圾是否日产日清;，实施周期指标值:126人:；年度指标值:126人。'));
    expect(t.text).toBe('1、1-产出指标；13-时效指标；餐厨垃圾是否日产日清；实施周期指标值:126人；年度指标值:126人。');
    expect(charRepairs(t)).toEqual(['«;，» before a label read as ；', '«:；» before a label read as ；']);
  });

  it('reads 9o or %9o after a small number (≤39o) as ‰, after a larger one (≥909o) as %, flagged, and leaves a target ending in a digit alone', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；甲；实施周期指标值:≤39o；年度指标值:≤3%9o。2、1-产出指标；12-质量指标；乙；实施周期指标值:≥909o；年度指标值:≥90%。'));
    expect(t.text).toBe('1、1-产出指标；12-质量指标；甲；实施周期指标值:≤3‰；年度指标值:≤3‰。2、1-产出指标；12-质量指标；乙；实施周期指标值:≥90%；年度指标值:≥90%。');
    expect(t.boxes.filter((b) => b?.repair).every((b) => b!.confidence! < 0.9)).toBe(true);
    const fine = '1、1-产出指标；12-质量指标；甲；实施周期指标值:≤39；年度指标值:≤39。';
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });

  it('reads a stray character after %, a 9 before it and a point before three digits as likely misreads, flagged, but for a stray no circle reads as', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；甲；实施周期指标值:≥909%；年度指标值:≥90%6；2、1-产出指标；11-数量指标；乙；实施周期指标值:≥28.500人；年度指标值:≥28,500人。'));
    expect(t.text).toBe('1、1-产出指标；12-质量指标；甲；实施周期指标值:≥90%；年度指标值:≥90%；2、1-产出指标；11-数量指标；乙；实施周期指标值:≥28,500人；年度指标值:≥28,500人。');
    // The 9 before a % and the point are likely readings; the 6 after ≥90% is only a stray (settledStrayAfterPercent).
    const repaired = t.boxes.filter((b) => b?.repair && !b.repair.startsWith('«%6»'));
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired.every((b) => b!.confidence! < 0.9)).toBe(true);
    expect(t.boxes[t.text.indexOf('%；2')]!.confidence).toBeGreaterThanOrEqual(0.9);
    // A 9 before the % may be the %'s own loop (<59%6 for <5%), a 0 or 9 after it a ‰'s circle (≤0.2%9 for ≤0.2‰):
    // those strays are dropped, flagged.
    for (const target of ['<59%6', '≤0.2%9', '≥85%0']) {
      const stray = repairIndicatorText(ocrText(`1、1-产出指标；12-质量指标；甲；实施周期指标值:${target}；年度指标值:≥85%。`));
      expect(stray.text).toContain(`实施周期指标值:${target.slice(0, -1)}；`);
      expect(stray.boxes[stray.text.indexOf('%；')]!.confidence).toBeLessThan(0.9);
    }
    // After a colon misread as ；, and beside a stray character after the % (≥889%0).
    expect(repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；甲；实施周期指标值:≥90%；年度指标值;≥909%。')).text).toContain('年度指标值:≥90%。');
    expect(repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；甲；实施周期指标值:≥88%；年度指标值:≥889%0。')).text).toContain('年度指标值:≥88%。');
    // 99% and 100% are percentages as printed.
    const fine = '1、1-产出指标；12-质量指标；甲；实施周期指标值:≥99%；年度指标值:100%。';
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });


  it('reads a mark between the two characters of a unit after a number (≥1,500人“日) as its middle dot, flagged, and not where the target goes on', () => {
    const head = '1、1-产出指标；11-数量指标；甲；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≥1,500人“日；年度指标值:≥1,500人，日。`, 0.95));
    expect(t.text).toBe(`${head}实施周期指标值:≥1,500人·日；年度指标值:≥1,500人·日。`);
    expect(charRepairs(t)).toEqual(['«“» between the two characters of a unit after a number read as ·', '«，» between the two characters of a unit after a number read as ·']);
    expect(t.boxes[t.text.indexOf('人·日')]!.confidence).toBeLessThan(0.9);
    const fine = `${head}实施周期指标值:每季度1次，全年4次；年度指标值:≥95%，良好。`;
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });

  it('reads two marks between a target’s digits before three more (≥1,.640人, ≥30;,000册, ≥9.,600件) as one thousands comma, flagged', () => {
    const head = '1、1-产出指标；11-数量指标；甲；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≥1,.640人；年度指标值:≥30;,000册。2、1-产出指标；11-数量指标；乙；实施周期指标值:≥9.,600件；年度指标值:≥9,600件。`, 0.95));
    expect(t.text).toBe(`${head}实施周期指标值:≥1,640人；年度指标值:≥30,000册。2、1-产出指标；11-数量指标；乙；实施周期指标值:≥9,600件；年度指标值:≥9,600件。`);
    expect(charRepairs(t)).toEqual([
      '«,.» before three digits read as a thousands comma: one comma\'s ink read as two marks',
      '«;,» before three digits read as a thousands comma: one comma\'s ink read as two marks',
      '«.,» before three digits read as a thousands comma: one comma\'s ink read as two marks',
    ]);
    expect(t.boxes[t.text.indexOf(',640')]!.confidence).toBeLessThan(0.9);
    // Not before two digits or four, nor outside a target.
    const fine = `${head}实施周期指标值:≥1,.64人；年度指标值:≥1;,6400人。`;
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });
  it('reads a ; between a target’s digits before three more as a thousands comma, flagged (≥1;500人次: FandolKai’s Computer Modern comma)', () => {
    const head = '1、1-产出指标；11-数量指标；甲；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≥1;500人次；年度指标值:≤2;000元/人。`, 0.95));
    expect(t.text).toBe(`${head}实施周期指标值:≥1,500人次；年度指标值:≤2,000元/人。`);
    expect(charRepairs(t)).toEqual(['; between digits, before three, read as a thousands comma']);
    expect(t.boxes[t.text.indexOf(',000')]!.repair).toBe('; between digits, before three, read as a thousands comma');
    expect(t.boxes[t.text.indexOf(',500')]!.confidence).toBeLessThan(0.9);
    // Not before two digits or four, nor the ； that ends a target.
    const fine = `${head}实施周期指标值:≥1;50人；年度指标值:≥1;5000人；3、1-产出指标；11-数量指标；乙；实施周期指标值:≥12；年度指标值:≥12。`;
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });
  it('reads an o after a target’s % as the circle of a ‰, flagged (36 times in 37 on the scans) unless a ； follows a value ≤10, where another stray character is dropped', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；事故率；实施周期指标值:≤3%o；年度指标值:≤3%O。'));
    expect(t.text).toBe('1、1-产出指标；12-质量指标；事故率；实施周期指标值:≤3‰；年度指标值:≤3‰。');
    expect(charRepairs(t)).toEqual(['«%o» read as ‰: the circle of a per mille sign', '«%O» read as ‰: the circle of a per mille sign']);
    // Before a ；, no 。 can be the o, and 3 is a value a table writes in ‰: the format leaves no other reading. Before
    // a 。 the o may be that 。 misread: flagged.
    const [period, annual] = t.boxes.filter((b) => b?.repair);
    expect(period!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(annual!.confidence).toBeLessThan(0.9);
    // A value above 10 is a percentage's as a rule (100%o): flagged before a ； too.
    const high = repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；合格率；实施周期指标值:≥95%o；年度指标值:≥95%。'));
    expect(high.boxes.filter((b) => b?.repair).every((b) => b!.confidence! < 0.9)).toBe(true);
  });

  it('drops an o or a 。 read after a ‰ the pixels read (its last ring boxed again, or the item’s 。), as after a %', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；事故率；实施周期指标值:≤3‰。；年度指标值:≤3‰o。'));
    expect(t.text).toBe('1、1-产出指标；12-质量指标；事故率；实施周期指标值:≤3‰；年度指标值:≤3‰。');
    expect(charRepairs(t)).toEqual(['‰。 before the ； after a target read as ‰: no 。 stands inside an item', '«‰o» read as ‰: the circle of a per mille sign']);
  });

  it('reads the letter C after a target’s number as ℃, flagged: its ring lost (≤8C) or read as a quote (≤8“C), and leaves 3C before a word alone', () => {
    const head = '1、1-产出指标；12-质量指标；冷藏温度；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≤8C；年度指标值:≤8“C。`));
    expect(t.text).toBe(`${head}实施周期指标值:≤8℃；年度指标值:≤8℃。`);
    expect(charRepairs(t)).toEqual(["«C» after a number read as ℃: a target's unit is not the letter C", "«“C» after a number read as ℃: a target's unit is not the letter C"]);
    expect(t.boxes.filter((b) => b?.repair).every((b) => b!.confidence! < 0.9)).toBe(true);
    const fine = '1、1-产出指标；11-数量指标；认证企业；实施周期指标值:≥30家3C认证企业；年度指标值:≥30家。';
    expect(repairIndicatorText(ocrText(fine)).text).toBe(fine);
  });

  it('puts back, flagged, the middle dot OCR dropped between a unit per head and per time (元/生年), and leaves 人次 alone', () => {
    const head = '1、1-产出指标；14-成本指标；补助标准；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≤600元/生年；年度指标值:≤600元/人次。`));
    expect(t.text).toBe(`${head}实施周期指标值:≤600元/生·年；年度指标值:≤600元/人次。`);
    expect(charRepairs(t)).toEqual(['the middle dot of a unit per head and per time (生·年) not read']);
    expect(Math.max(...t.boxes.filter((b) => b?.repair).map((b) => b!.confidence ?? 1))).toBeLessThan(0.9);
  });

  it('puts back, flagged, the middle dot dropped after a thing, an area or a length (元/台年, 元/平方米月, 万元/公里年)', () => {
    const head = '1、1-产出指标；14-成本指标；运维单价；';
    const t = repairIndicatorText(ocrText(`${head}实施周期指标值:≤2,800元/台年；年度指标值:≤32元/平方米月。`));
    expect(t.text).toBe(`${head}实施周期指标值:≤2,800元/台·年；年度指标值:≤32元/平方米·月。`);
    expect(charRepairs(t)).toEqual(['the middle dot of a unit per head and per time (台·年) not read', 'the middle dot of a unit per head and per time (平方米·月) not read']);
    const length = repairIndicatorText(ocrText(`${head}实施周期指标值:≤2.45万元/公里年；年度指标值:≤2.45万元/公里·年。`, 0.98));
    expect(length.text).toBe(`${head}实施周期指标值:≤2.45万元/公里·年；年度指标值:≤2.45万元/公里·年。`);
    expect(Math.max(...length.boxes.filter((b) => b?.repair).map((b) => b!.confidence ?? 1))).toBeLessThan(0.9);
  });

  it('reads a % read twice at a target\'s end as one (≥92%%), as sure as a % read from its shape, and not after a value a table may write in ‰', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；12-质量指标；合格率；实施周期指标值:≥92%%；年度指标值:≥92%。2、1-产出指标；12-质量指标；发生率；实施周期指标值:≤0.5%%；年度指标值:≤0.5‰。', 0.98));
    expect(t.text).toBe('1、1-产出指标；12-质量指标；合格率；实施周期指标值:≥92%；年度指标值:≥92%。2、1-产出指标；12-质量指标；发生率；实施周期指标值:≤0.5%%；年度指标值:≤0.5‰。');
    expect(charRepairs(t)).toEqual(['«%%» read as %: a target ends at one %']);
    expect(t.boxes[t.text.indexOf('92%')! + 2]!.confidence).toBe(0.93);
  });

  it('reads a point or comma between two Han characters of a unit after / as the middle dot the format dictates (元/人.月), and leaves a text target’s comma alone', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；14-成本指标；甲；实施周期指标值:1,368元/人.月；年度指标值:1,368元/人,月。2、1-产出指标；14-成本指标；乙；实施周期指标值:≥1,100元/人:月；年度指标值:≥1,100元/人\'月。', 0.98));
    expect(t.text).toBe('1、1-产出指标；14-成本指标；甲；实施周期指标值:1,368元/人·月；年度指标值:1,368元/人·月。2、1-产出指标；14-成本指标；乙；实施周期指标值:≥1,100元/人·月；年度指标值:≥1,100元/人·月。');
    const repaired = t.boxes.filter((b) => b?.repair);
    expect(repaired).toHaveLength(8);
    expect(repaired.every((b) => b!.confidence === REPAIRED_CONFIDENCE)).toBe(true);
    // The character before the dot is written again with it: its own read's confidence bounds the repair's.
    const doubtedBefore = ocrText('1、1-产出指标；14-成本指标；甲；实施周期指标值:1,368元/人.月；年度指标值:1,368元/人·月。', 0.98);
    const at = doubtedBefore.text.indexOf('人.');
    const low = repairIndicatorText({ text: doubtedBefore.text, boxes: doubtedBefore.boxes.map((b, i) => (i === at ? { ...b!, confidence: 0.5 } : b)) });
    expect(low.boxes[at]!.confidence).toBe(0.5);
    // After a unit of several characters (元/平方米·年), and read as a quote, an asterisk or an ellipsis.
    const u = repairIndicatorText(ocrText('1、4-成本指标；41-经济成本指标；甲；实施周期指标值:≤6.5元/平方米“年；年度指标值:≤6.5元/平方米*年。2、4-成本指标；41-经济成本指标；乙；实施周期指标值:≤2,800元/个…年；年度指标值:≤2,800元/个:年。'));
    expect(u.text).toBe('1、4-成本指标；41-经济成本指标；甲；实施周期指标值:≤6.5元/平方米·年；年度指标值:≤6.5元/平方米·年。2、4-成本指标；41-经济成本指标；乙；实施周期指标值:≤2,800元/个·年；年度指标值:≤2,800元/个·年。');
    // Read as a full-width comma, an enumeration comma or a hyphen where the unit ends, a likely reading (flagged);
    // not where a text goes on.
    const likely = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；甲；实施周期指标值:≤2次/周，生；年度指标值:≥4次/校-年。'));
    expect(likely.text).toBe('1、1-产出指标；11-数量指标；甲；实施周期指标值:≤2次/周·生；年度指标值:≥4次/校·年。');
    expect(likely.boxes.filter((b) => b?.repair).every((b) => b!.confidence! < 0.9)).toBe(true);
    const goesOn = '1、1-产出指标；11-数量指标；甲；实施周期指标值:2次/周，全年不少于80次；年度指标值:2次/周。';
    expect(repairIndicatorText(ocrText(goesOn)).text).toBe(goesOn);
    const text = '1、2-效益指标；24-可持续影响指标；甲；实施周期指标值:全面消除,设施使用寿命延长10年以上；年度指标值:逐步完善。';
    expect(repairIndicatorText(ocrText(text)).text).toBe(text);
  });

  it('confirms a level code read as its name dictates but doubted (the other model read 1- as 士), and leaves a sure one alone', () => {
    const text = '1、1-产出指标；11-数量指标；人数；实施周期指标值:5人；年度指标值:5人。';
    const doubted = ocrText(text);
    const boxes = doubted.boxes.map((b, i) => (i === 2 || i === 3 ? { ...b!, confidence: 0.5 } : b));
    const t = repairIndicatorText({ text, boxes });
    expect(t.text).toBe(text);
    expect(charRepairs(t)).toEqual(['level code 1- confirmed by its name 产出指标']);
    expect(t.boxes[2]!.confidence).toBe(REPAIRED_CONFIDENCE);
    expect(charRepairs(repairIndicatorText(ocrText(text)))).toEqual([]);
    // After a level-1 name whose ； was misread as ，: the separator and the doubted code are both put back.
    const misread = '1、2-效益指标，22-社会效益指标；群众知晓率；实施周期指标值:≥90%；年度指标值:≥90%。';
    const at = misread.indexOf('22-');
    const u = repairIndicatorText({ text: misread, boxes: ocrText(misread).boxes.map((b, i) => (i === at + 2 ? { ...b!, confidence: 0.5 } : b)) });
    expect(u.text).toBe('1、2-效益指标；22-社会效益指标；群众知晓率；实施周期指标值:≥90%；年度指标值:≥90%。');
    expect(charRepairs(u)).toContain('level code 22- confirmed by its name 社会效益指标');
  });

  it('leaves an indicator name alone that ends in a level-2 name (康复服务对象满意度): no level code stands there', () => {
    const text = '1、3-满意度指标；31-服务对象满意度指标；康复服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。';
    expect(repairIndicatorText(ocrText(text)).text).toBe(text);
    expect(charRepairs(repairIndicatorText(ocrText(text)))).toEqual([]);
  });

  it('leaves a value alone that only mentions a level name without a level 2 code-name after it', () => {
    const text = '1、1-产出指标；11-数量指标；甲；实施周期指标值:完成产出指标；年度指标值:完成产出指标。';
    expect(repairIndicatorText(ocrText(text)).text).toBe(text);
  });

  it('puts back a label with one character misread, only before a colon', () => {
    const t = repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；人数；实施周期指际值:5人；年度指标值:5人。'));
    expect(t.text).toContain('实施周期指标值:5人');
    expect(charRepairs(t)).toEqual(['«实施周期指际值» read as 实施周期指标值']);
  });

  it('removes spaces OCR put inside numbers', () => {
    expect(repairIndicatorText(ocrText('1、1-产出指标；11-数量指标；人次；实施周期指标值:1,2 00人次；年度指标值:1,200人次。')).text).toContain('实施周期指标值:1,200人次');
    expect(repairAmountText(ocrText('6,9 12.45')).text).toBe('6,912.45');
  });

  it('reads points between groups of thousands as commas in an amount, which has one decimal point', () => {
    for (const [read, want] of [['21.947.14', '21,947.14'], ['21,.947.14', '21,947.14'], ['4.000.00', '4,000.00'], ['1.234.567.8', '1,234,567.8']]) {
      const t = repairAmountText(ocrText(read!));
      expect(t.text).toBe(want);
      expect(charRepairs(t).length).toBeGreaterThan(0);
    }
    // Nothing to repair, or nothing the format dictates (a point before two digits could be the decimal one).
    for (const read of ['21,947.14', '4,000.00', '21.94.14', '1.23', '12.345']) expect(repairAmountText(ocrText(read)).text).toBe(read);
  });

  it('leaves a text layer alone, however odd', () => {
    const layer: PositionedText = { text: '1、革产出指标', boxes: [...'1、革产出指标'].map(() => ({ page: 1, bbox: [0, 0, 1, 1] as [number, number, number, number] })) };
    expect(repairIndicatorText(layer)).toBe(layer);
  });
});

describe('ocrRegions: a cell that holds only what is left of its border', () => {
  /**
   * A 200 dpi page with one cell (x 36–108 pt, y 36–72 pt: pixels 100–300 and 100–200) under a border seven pixels
   * thick (rows 98–104), thicker than the crop's inset: its last row is left inside the cell. `text` adds a glyph's
   * worth of ink in the middle.
   */
  function borderedCell(text: boolean): GreyImage {
    const width = 400;
    const height = 240;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 98; y <= 104; y++) for (let x = 90; x < 310; x++) data[y * width + x] = 20;
    if (text) for (let y = 140; y < 160; y++) for (let x = 190; x < 200; x++) data[y * width + x] = 20;
    return { width, height, data, dpi: 200 };
  }

  /** An engine that reads nothing, and what it was asked to read. */
  function recordingEngine(): OcrEngine & { jobs: OcrJob[] } {
    const jobs: OcrJob[] = [];
    return { workers: 1, jobs, addJob: async (job: OcrJob): Promise<OcrResult> => (jobs.push(job), { text: '', confidence: 0, symbols: [] }), terminate: async () => {} };
  }

  const cell = [{ rect: { x0: 36, y0: 36, x1: 108, y1: 72 }, role: 'cell' as const }];

  it('reads the cell as empty: the border\'s last row is no unread ink (which made a row of its own at a page\'s top)', async () => {
    const engine = recordingEngine();
    expect(await ocrRegions(borderedCell(false), cell, engine, 1)).toEqual([]);
    expect(engine.jobs).toHaveLength(0);
  });

  it('still reads a cell that holds text beside the border\'s last row, its pixels as they are', async () => {
    const engine = recordingEngine();
    const glyphs = await ocrRegions(borderedCell(true), cell, engine, 1);
    expect(engine.jobs.length).toBeGreaterThan(0);
    // Read as nothing, the ink stays in the cell as a glyph no read gave, at confidence 0.
    expect(glyphs.map((g) => [g.char, g.confidence])).toEqual([['\uFFFD', 0]]);
  });
});

describe('imagePages', () => {
  /** A blank greyscale PNG of `width` × `height` pixels declaring `dpi` (none when undefined). */
  const png = (width: number, height: number, dpi?: number) => {
    const image = sharp(Buffer.alloc(width * height, 255), { raw: { width, height, channels: 1 } });
    return (dpi === undefined ? image : image.withMetadata({ density: dpi })).png().toBuffer();
  };

  it('believes the resolution an image declares where it gives a page of a believable size', async () => {
    expect(await imagePages(await png(2480, 3508, 300))).toEqual([{ width: 2480, height: 3508, dpi: 300, dpiGiven: true }]);
    expect(await imagePages(await png(842, 595, 72))).toEqual([{ width: 842, height: 595, dpi: 72, dpiGiven: true }]);
  });

  it('takes 300 dpi where the image declares none, or 72 dpi for a page that would be 49 inches tall', async () => {
    expect(await imagePages(await png(1000, 700))).toEqual([{ width: 1000, height: 700, dpi: 300, dpiGiven: false }]);
    expect(await imagePages(await png(2480, 3508, 72))).toEqual([{ width: 2480, height: 3508, dpi: 300, dpiGiven: false, dpiRejected: 72 }]);
  });

  it('says so in the page notes, in words review replays to the page read confidence', async () => {
    const bytes = await png(2480, 3508, 72);
    const doc = { file: 'x.png', sha256: '', kind: 'image' as const, pdf: null, bytes, imagePages: await imagePages(bytes), pageCount: 1 };
    const [page] = await readPages(doc, { settings: {} } as never);
    expect(page!.notes).toEqual(['an image page: read by OCR (the image says 72 dpi, which would make the page 34 × 49 inches: 300 dpi assumed)']);
    expect(page!.width).toBeCloseTo((2480 * 72) / 300, 5);
    expect(replayNotes(page!.notes, 'ocr')).not.toBeNull();
  });
});
