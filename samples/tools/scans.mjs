#!/usr/bin/env node
// Makes the scanned samples (image-only inputs for OCR) from born-digital sample PDFs, with their expected JSON.
//
//   node samples/tools/scans.mjs              regenerate every scan, its expected JSON, and verify them
//   node samples/tools/scans.mjs --expected   rewrite only the scans' *.expected.json (from the born-digital ones)
//   node samples/tools/scans.mjs --verify     only verify the existing scans (pdffonts, pdfimages, pdftotext, tiffinfo)
//   node samples/tools/scans.mjs --only NAME  only the scans of samples/ whose file name holds NAME (with the above too)
//   node samples/tools/scans.mjs --unseen DIR make, into DIR (not samples/), scans of born-digital samples that no
//                                             scan in samples/ comes from: an evaluation set the OCR was never tuned
//                                             on (`npm run bench -- --scans DIR`)
//   node samples/tools/scans.mjs --fresh DIR  the same, for the fresh evaluation set: scans of a table whose text
//                                             (src/liwan-minzheng.json) and fonts the OCR work never looked at
//   node samples/tools/scans.mjs --fresh2 DIR the same, for a second fresh set (src/liwan-chengguan.json, two more
//                                             fonts), kept for the next honest measurement once --fresh was used
//   node samples/tools/scans.mjs --fresh3 DIR the same, for a third fresh set (src/liwan-jiaoyu.json, AR PL SungtiL
//                                             GB and AR PL UKai), kept once --fresh2 was used too
//   node samples/tools/scans.mjs --fresh4 DIR the same, for a fourth fresh set (src/liwan-wenguang.json, AR PL
//                                             KaitiM GB and WenQuanYi Zen Hei Sharp), kept once --fresh3 was used
//   node samples/tools/scans.mjs --fresh5 DIR the same, for a fifth fresh set (src/liwan-renshe.json, LXGW WenKai
//                                             and Noto Sans CJK SC bold), kept once --fresh4 was used
//   node samples/tools/scans.mjs --fresh6 DIR the same, for a sixth fresh set (src/liwan-shuiwu.json, BabelStone
//                                             Han and Noto Serif CJK SC Light), kept once --fresh5 was used
//   node samples/tools/scans.mjs --fresh7 DIR the same, for a seventh fresh set (src/liwan-shijian.json, Noto Sans
//                                             CJK SC Medium and Smiley Sans), kept once --fresh6 was used
//   node samples/tools/scans.mjs --fresh8 DIR the same, for an eighth fresh set (src/liwan-yingji.json, Noto Serif
//                                             CJK SC SemiBold and Noto Sans CJK SC DemiLight), kept once --fresh7 was used
//   node samples/tools/scans.mjs --fresh9 DIR the same, for a ninth fresh set (src/liwan-sifa.json, Noto Serif CJK
//                                             SC Medium and Noto Sans Mono CJK SC), kept once --fresh8 was used
//   node samples/tools/scans.mjs --fresh10 DIR the same, for a tenth fresh set (src/liwan-yibao.json, Noto Serif
//                                             CJK SC ExtraLight and Noto Sans CJK SC Black), kept once --fresh9 was used
//   node samples/tools/scans.mjs --fresh11 DIR the same, for an eleventh fresh set (src/liwan-zhujian.json, Noto
//                                             Serif CJK SC Black and Noto Sans CJK SC Thin), kept once --fresh10 was used
//   node samples/tools/scans.mjs --fresh12 DIR the same, for a twelfth fresh set (src/liwan-shangwu.json, Noto
//                                             Serif CJK SC Bold and Noto Sans CJK SC Light), kept once --fresh11 was used
//   node samples/tools/scans.mjs --fresh13 DIR the same, for a thirteenth fresh set (src/liwan-shichang.json, AR PL
//                                             SungtiL GB in portrait and Noto Sans CJK SC Regular), kept once --fresh12 was used
//   node samples/tools/scans.mjs --fresh14 DIR the same, for a fourteenth fresh set (src/liwan-nongye.json, WenQuanYi
//                                             Zen Hei and Noto Serif CJK SC, both in portrait), kept once --fresh13 was used
//   node samples/tools/scans.mjs --fresh15 DIR the same, for a fifteenth fresh set (src/liwan-linyuan.json, AR PL
//                                             UMing CN and Noto Sans CJK SC Medium, both in portrait), kept once --fresh14 was used
//   node samples/tools/scans.mjs --fresh16 DIR the same, for a sixteenth fresh set (src/liwan-tuiyi.json, AR PL
//                                             UKai CN in landscape and WenQuanYi Micro Hei in portrait), kept once --fresh15 was used
//   node samples/tools/scans.mjs --fresh17 DIR the same, for a seventeenth fresh set (src/liwan-zhengshu.json,
//                                             WenQuanYi Zen Hei Sharp and BabelStone Han, both in landscape), kept once --fresh16 was used
//   node samples/tools/scans.mjs --fresh18 DIR the same, for an eighteenth fresh set (src/liwan-tongji.json, AR PL
//                                             KaitiM GB in portrait and LXGW WenKai on B5 landscape), kept once --fresh17 was used
//   node samples/tools/scans.mjs --fresh19 DIR the same, for a nineteenth fresh set (src/liwan-fagai.json, FandolFang
//                                             in portrait and FandolHei in landscape), kept once --fresh18 was used
//   node samples/tools/scans.mjs --fresh20 DIR the same, for a twentieth fresh set (src/liwan-canlian.json, FandolSong
//                                             in portrait and FandolKai in landscape), kept once --fresh19 was used
//   node samples/tools/scans.mjs --fresh21 DIR the same, for a twenty-first fresh set (src/liwan-jiaotong.json,
//                                             HanaMinA in portrait and AR PL SungtiL GB in landscape), kept once --fresh20 was used
//   node samples/tools/scans.mjs --fresh22 DIR the same, for a twenty-second fresh set (src/liwan-shenji.json, Noto
//                                             Sans CJK SC Regular on B5 portrait and FandolSong in landscape), kept once --fresh21 was used
//   node samples/tools/scans.mjs --fresh23 DIR the same, for a twenty-third fresh set (src/liwan-caizheng.json,
//                                             FandolFang in landscape and FandolHei in portrait), kept once --fresh22 was used
//
// The truth of a scan is the truth of the PDF it was rendered from: its expected JSON is that PDF's expected JSON
// (written by build.mjs from src/) with `sample` and `producer` changed. Run build.mjs first if src/ changed.
//
// Debian packages: poppler-utils (pdftoppm, pdfinfo, pdffonts, pdfimages, pdftotext), img2pdf, qpdf,
// python3-pil, python3-numpy, libtiff-tools (tiffinfo, for the check), fonts-noto-cjk (poppler draws the
// non-embedded STSong-Light of reportlab-cid with it; checked). The image steps are in scan_image.py, run
// with Debian's /usr/bin/python3 (or $PYTHON). Nothing is downloaded. The output is deterministic: fixed noise
// seeds, img2pdf --nodate, qpdf --deterministic-id (same tool versions → same bytes).
import { readFileSync, writeFileSync, mkdtempSync, rmSync, statSync, readdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const samplesDir = join(here, '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const python = process.env.PYTHON ?? '/usr/bin/python3'; // Debian's, where python3-pil and python3-numpy are

// Rotation of each page of the scan200-skew PDFs, degrees counter-clockwise (PIL's sense), cycled over the pages.
const SKEW = [0.8, -1.1, 1.3, -0.9, 1.0, -1.2];
const G4_THRESHOLD = 160;
// Turn of each page of the turned300 PDF, degrees counter-clockwise (PIL's sense), cycled over the pages: a page
// scanned on its side, one upside down, one on its other side.
const TURNS = [90, 180, 270];
// EXIF orientation of the jpg200-exif JPEG: 6, pixels stored turned 90° counter-clockwise, shown turned back
// clockwise (a page photographed or scanned on its side, as cameras and scanner drivers store it).
const EXIF_ORIENTATION = 6; // grey level: darker becomes black (keeps the anti-aliased edges of thin strokes)

/** The file a scan of `kind` is written to: PDF pages, a multi-page TIFF, or one page image. */
const SCAN_EXTENSIONS = { scan300: 'pdf', 'scan200-skew': 'pdf', g4: 'tiff', png300: 'png', jpg200: 'jpg', turned300: 'pdf', 'jpg200-exif': 'jpg' };
/** Scans of the born-digital sample `<pdf>.pdf`, one per kind. */
const scansOf = (pdf, ...kinds) => kinds.map((kind) => ({ out: `${pdf}.${kind}.${SCAN_EXTENSIONS[kind]}`, from: `${pdf}.pdf`, kind }));
// The shape of the third fresh set on: three scans of the first producer's PDF (300 dpi, 200 dpi skewed, Group 4)
// and two of the second's (300 dpi, 200 dpi skewed).
const twoProducerSet = (table, first, second) => [
  ...scansOf(`${table}.${first}`, 'scan300', 'scan200-skew', 'g4'),
  ...scansOf(`${table}.${second}`, 'scan300', 'scan200-skew'),
];

// Every scan: out (file in samples/), from (born-digital sample PDF), kind, producer suffix.
const SCANS = [
  ...scansOf('liwan-kegongxin.libreoffice', 'scan300'),
  ...scansOf('liwan-weijian.chromium', 'scan300'),
  ...scansOf('liwan-kegongxin.libreoffice', 'scan200-skew'),
  ...scansOf('liwan-weijian.chromium', 'scan200-skew', 'g4'),
  // single-page images: from a table that fits on one page (src/liwan-weijian-short.json), so that no row is cut
  ...scansOf('liwan-weijian-short.chromium', 'png300', 'jpg200'),
  // pages that do not stand upright: turned in the PDF (TURNS), and a JPEG stored on its side (EXIF_ORIENTATION)
  ...scansOf('liwan-weijian.chromium', 'turned300'),
  ...scansOf('liwan-weijian-short.chromium', 'jpg200-exif'),
  // pages 1-3 born-digital (text layer), 4-6 from the scan300 PDF (image only); made after the scan300 PDF
  { out: 'liwan-kegongxin.libreoffice.mixed.pdf', from: 'liwan-kegongxin.libreoffice.pdf', kind: 'mixed',
    pages: { text: '1-3', image: '4-6' }, scan: 'liwan-kegongxin.libreoffice.scan300.pdf' },
];

// The evaluation set of --unseen: producers and fonts no development scan was made from.
const UNSEEN = [
  ...scansOf('liwan-weijian.libreoffice', 'scan200-skew'),
  ...scansOf('liwan-kegongxin.chromium-notosans', 'scan300'),
  ...scansOf('liwan-weijian.calc', 'g4'),
  ...scansOf('liwan-kegongxin.writer-docx', 'scan200-skew'),
  ...scansOf('liwan-weijian.reportlab-cid', 'scan300'),
  ...scansOf('liwan-kegongxin.chromium', 'g4'),
];

// The fresh evaluation set of --fresh: a table written apart from the OCR work (src/liwan-minzheng.json), in fonts no
// other scan uses (Noto Serif CJK SC and WenQuanYi Micro Hei in Chromium) and in the LibreOffice and Calc layouts.
const FRESH = [
  ...scansOf('liwan-minzheng.chromium-serif', 'scan300', 'scan200-skew'),
  ...scansOf('liwan-minzheng.chromium-microhei', 'g4'),
  ...scansOf('liwan-minzheng.libreoffice', 'scan200-skew'),
  ...scansOf('liwan-minzheng.calc', 'scan300'),
];
// The second fresh set of --fresh2: another table written apart from the OCR work (src/liwan-chengguan.json), in
// AR PL UMing and Droid Sans Fallback.
const FRESH2 = [
  ...scansOf('liwan-chengguan.chromium-uming', 'scan300', 'scan200-skew'),
  ...scansOf('liwan-chengguan.chromium-droid', 'g4', 'scan200-skew'),
];
// The third fresh set of --fresh3: a third table written apart from the OCR work (src/liwan-jiaoyu.json), in AR PL
// SungtiL GB (a Song face like SimSun) and AR PL UKai CN (a Kai face).
const FRESH3 = twoProducerSet('liwan-jiaoyu', 'chromium-sungti', 'chromium-kai');
// The fourth fresh set of --fresh4: a fourth table written apart from the OCR work (src/liwan-wenguang.json), in AR
// PL KaitiM GB (another Kai face) and WenQuanYi Zen Hei Sharp.
const FRESH4 = twoProducerSet('liwan-wenguang', 'chromium-kaitim', 'chromium-zenheisharp');
// The fifth fresh set of --fresh5: a fifth table written apart from the OCR work (src/liwan-renshe.json), in LXGW
// WenKai (a modern Kai face) and Noto Sans CJK SC set bold throughout.
const FRESH5 = twoProducerSet('liwan-renshe', 'chromium-wenkai', 'chromium-notosansbold');
// The sixth fresh set of --fresh6: a sixth table written apart from the OCR work (src/liwan-shuiwu.json), in
// BabelStone Han (a Song face) and Noto Serif CJK SC at its Light weight (A3 landscape).
const FRESH6 = twoProducerSet('liwan-shuiwu', 'chromium-babelstone', 'chromium-serif-light');
// The seventh fresh set of --fresh7: a seventh table written apart from the OCR work (src/liwan-shijian.json), in
// Noto Sans CJK SC at its Medium weight (A4 landscape, 9.5pt) and Smiley Sans (得意黑, condensed and oblique; B5 portrait).
const FRESH7 = twoProducerSet('liwan-shijian', 'chromium-sans-medium', 'chromium-smiley');
// The eighth fresh set of --fresh8: an eighth table written apart from the OCR work (src/liwan-yingji.json), in
// Noto Serif CJK SC at its SemiBold weight (A4 portrait, 8.5pt) and Noto Sans CJK SC at its DemiLight weight (B4 landscape).
const FRESH8 = twoProducerSet('liwan-yingji', 'chromium-serif-semibold', 'chromium-sans-demilight');
// The ninth fresh set of --fresh9: a ninth table written apart from the OCR work (src/liwan-sifa.json), in Noto
// Serif CJK SC at its Medium weight (A4 portrait, 9pt) and Noto Sans Mono CJK SC (Letter landscape, 10pt).
const FRESH9 = twoProducerSet('liwan-sifa', 'chromium-serif-medium', 'chromium-sans-mono');
// The tenth fresh set of --fresh10: a tenth table written apart from the OCR work (src/liwan-yibao.json), in Noto
// Serif CJK SC at its ExtraLight weight (A4 landscape, 9.5pt) and Noto Sans CJK SC at its Black weight (B5 portrait, 8.5pt).
const FRESH10 = twoProducerSet('liwan-yibao', 'chromium-serif-extralight', 'chromium-sans-black');
// The eleventh fresh set of --fresh11: an eleventh table written apart from the OCR work (src/liwan-zhujian.json), in
// Noto Serif CJK SC at its Black weight (Legal landscape, 9pt) and Noto Sans CJK SC at its Thin weight (A3 portrait, 10pt).
const FRESH11 = twoProducerSet('liwan-zhujian', 'chromium-serif-black', 'chromium-sans-thin');
// The twelfth fresh set of --fresh12: a twelfth table written apart from the OCR work (src/liwan-shangwu.json), in
// Noto Serif CJK SC at its Bold weight (B4 portrait, 10pt) and Noto Sans CJK SC at its Light weight (A5 landscape, 8pt).
const FRESH12 = twoProducerSet('liwan-shangwu', 'chromium-serif-bold', 'chromium-sans-light');
// The thirteenth fresh set of --fresh13: a thirteenth table written apart from the OCR work (src/liwan-shichang.json),
// in AR PL SungtiL GB (a Song face like SimSun; A4 portrait, 9pt) and Noto Sans CJK SC at its Regular weight (A4
// landscape, 10pt).
const FRESH13 = twoProducerSet('liwan-shichang', 'chromium-sungti-a4', 'chromium-sans-regular');
// The fourteenth fresh set of --fresh14: a fourteenth table written apart from the OCR work (src/liwan-nongye.json),
// in WenQuanYi Zen Hei (A4 portrait, 9.5pt) and Noto Serif CJK SC at its Regular weight (A4 portrait, 9pt).
const FRESH14 = twoProducerSet('liwan-nongye', 'chromium-zenhei-a4', 'chromium-serif-a4');
// The fifteenth fresh set of --fresh15: a fifteenth table written apart from the OCR work (src/liwan-linyuan.json),
// in AR PL UMing CN (a Ming face; A4 portrait, 10pt) and Noto Sans CJK SC at its Medium weight (A4 portrait, 9pt).
const FRESH15 = twoProducerSet('liwan-linyuan', 'chromium-uming-a4', 'chromium-sans-medium-a4');
// The sixteenth fresh set of --fresh16: a sixteenth table written apart from the OCR work (src/liwan-tuiyi.json),
// in AR PL UKai CN (a Kai face; A4 landscape, 10pt) and WenQuanYi Micro Hei (A4 portrait, 9.5pt).
const FRESH16 = twoProducerSet('liwan-tuiyi', 'chromium-kai-landscape', 'chromium-microhei-a4');
// The seventeenth fresh set of --fresh17: a seventeenth table written apart from the OCR work (src/liwan-zhengshu.json),
// in WenQuanYi Zen Hei Sharp (A4 landscape, 9pt) and BabelStone Han (a Song face; A4 landscape, 10.5pt).
const FRESH17 = twoProducerSet('liwan-zhengshu', 'chromium-zenheisharp-landscape', 'chromium-babelstone-landscape');
// The eighteenth fresh set of --fresh18: an eighteenth table written apart from the OCR work (src/liwan-tongji.json),
// in AR PL KaitiM GB (a Kai face; A4 portrait, 9pt) and LXGW WenKai (a Kai face; B5 landscape, 8.5pt).
const FRESH18 = twoProducerSet('liwan-tongji', 'chromium-kaitim-a4', 'chromium-wenkai-b5-landscape');
// The nineteenth fresh set of --fresh19: a nineteenth table written apart from the OCR work (src/liwan-fagai.json),
// in FandolFang (仿宋, the face of most government documents; A4 portrait, 10.5pt) and FandolHei (A4 landscape, 9pt),
// both from TeX Live's Fandol fonts (texlive-lang-chinese).
const FRESH19 = twoProducerSet('liwan-fagai', 'chromium-fangsong-a4', 'chromium-fandolhei-landscape');
// The twentieth fresh set of --fresh20: a twentieth table written apart from the OCR work (src/liwan-canlian.json),
// in FandolSong (a Song face like SimSun, with its real bold; A4 portrait, 10pt) and FandolKai (a Kai face; A4
// landscape, 9.5pt), the other two of TeX Live's Fandol fonts (texlive-lang-chinese).
const FRESH20 = twoProducerSet('liwan-canlian', 'chromium-fandolsong-a4', 'chromium-fandolkai-landscape');
// The twenty-first fresh set of --fresh21: a twenty-first table written apart from the OCR work (src/liwan-jiaotong.json),
// in HanaMinA (花园明朝, a Ming face of the GlyphWiki project; A4 portrait, 10pt) and AR PL SungtiL GB (a Song face; A4
// landscape, 9.5pt).
const FRESH21 = twoProducerSet('liwan-jiaotong', 'chromium-hanazono-a4', 'chromium-sungti-landscape');
// The twenty-second fresh set of --fresh22: a twenty-second table written apart from the OCR work
// (src/liwan-shenji.json), in Noto Sans CJK SC Regular (B5 portrait, 9pt) and FandolSong (a Song face with its real
// bold; A4 landscape, 10.5pt).
const FRESH22 = twoProducerSet('liwan-shenji', 'chromium-sans-b5', 'chromium-fandolsong-landscape');
// The twenty-third fresh set of --fresh23: a twenty-third table written apart from the OCR work
// (src/liwan-caizheng.json), in FandolFang (仿宋, its synthetic bold; A4 landscape, 11pt) and FandolHei (a Hei face
// with its real bold; A4 portrait, 9.5pt).
const FRESH23 = twoProducerSet('liwan-caizheng', 'chromium-fangsong-landscape', 'chromium-fandolhei-a4');
const EVALUATION_SETS = { '--unseen': UNSEEN, '--fresh': FRESH, '--fresh2': FRESH2, '--fresh3': FRESH3, '--fresh4': FRESH4, '--fresh5': FRESH5,
  '--fresh6': FRESH6, '--fresh7': FRESH7, '--fresh8': FRESH8, '--fresh9': FRESH9, '--fresh10': FRESH10, '--fresh11': FRESH11,
  '--fresh12': FRESH12, '--fresh13': FRESH13, '--fresh14': FRESH14, '--fresh15': FRESH15,
  '--fresh16': FRESH16, '--fresh17': FRESH17, '--fresh18': FRESH18, '--fresh19': FRESH19, '--fresh20': FRESH20,
  '--fresh21': FRESH21, '--fresh22': FRESH22, '--fresh23': FRESH23 };
const evaluationFlag = Object.keys(EVALUATION_SETS).find((f) => args.has(f));
const unseenDir = evaluationFlag ? argv[argv.indexOf(evaluationFlag) + 1] : null;
if (evaluationFlag && !unseenDir) throw new Error(`Expected a folder after ${evaluationFlag}, got nothing`);
const only = args.has('--only') ? argv[argv.indexOf('--only') + 1] : null;
if (args.has('--only') && !only) throw new Error('Expected a name after --only, got nothing');
const SET = evaluationFlag ? EVALUATION_SETS[evaluationFlag] : SCANS.filter((s) => only === null || s.out.includes(only));

const run = (cmd, argv) => execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, maxBuffer: 1 << 28 }).toString();
const sample = (f) => join(samplesDir, f);
/** Where a scan and its expected JSON are written: samples/, or the --unseen folder. */
const target = (f) => join(unseenDir ?? samplesDir, f);
const producerOf = (from) => basename(from).split('.')[1]; // <id>.<producer>.pdf

/** Size of every page in points, [[w, h], ...]. */
function pageSizes(pdf) {
  const n = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))[1]);
  const info = run('pdfinfo', ['-f', '1', '-l', String(n), pdf]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [m[1], m[2]]);
}

const checkedFonts = new Set();

/**
 * A font the PDF does not embed (reportlab-cid's STSong-Light) is drawn by poppler with the font fontconfig
 * substitutes for it: without a Chinese one (fonts-noto-cjk) every character becomes an empty box and the scan
 * is worthless, so stop instead of writing it.
 */
function checkSubstitutes(pdf) {
  // Each PDF is rendered at several resolutions: asked once.
  if (checkedFonts.has(pdf)) return;
  checkedFonts.add(pdf);
  for (const line of run('pdffonts', [pdf]).split('\n').slice(2)) {
    const m = /^(\S+)\s+CID .*?\s(no|yes)\s+(no|yes)\s+(no|yes)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m || m[2] === 'yes') continue;
    const lang = run('fc-match', ['--format=%{lang}', `${m[1]}:lang=zh-cn`]);
    if (!/\bzh-cn\b/.test(lang)) throw new Error(`Expected a Chinese font for poppler to draw ${m[1]} (not embedded in ${basename(pdf)}) with, got ${run('fc-match', [m[1]]).trim()}: install fonts-noto-cjk`);
  }
}

/** pdftoppm -gray (anti-aliased, PGM) -> one 8-bit greyscale PNG per page (pHYs = dpi), sorted by page. */
function render(pdf, dpi, work, tag) {
  checkSubstitutes(pdf);
  const prefix = join(work, `${tag}-${dpi}`);
  run('pdftoppm', ['-r', String(dpi), '-gray', pdf, prefix]);
  const pgms = readdirSync(work).filter((f) => f.startsWith(basename(prefix) + '-') && f.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)[1]) - Number(/-(\d+)\.pgm$/.exec(b)[1])).map((f) => join(work, f));
  run(python, [join(here, 'scan_image.py'), 'png', String(dpi), ...pgms]);
  return pgms.map((f) => f.replace(/\.pgm$/, '.png'));
}

/** img2pdf: one image a page, each page exactly the born-digital page's size (the image fills it). */
function imagesToPdf(images, sizes, out, work) {
  // img2pdf takes one page size for all pages: make each page alone, then join them with qpdf
  const parts = images.map((img, i) => {
    const [w, h] = sizes[i];
    const part = join(work, `part-${i + 1}.pdf`);
    run('img2pdf', ['--nodate', '--pagesize', `${w}ptx${h}pt`, '--imgsize', `${w}ptx${h}pt`, '-o', part, img]);
    return part;
  });
  run('qpdf', ['--deterministic-id', '--empty', '--pages', ...parts, '--', out]);
}

/** Page sizes [w, h] after each page is turned by TURNS: a quarter turn swaps them. */
const turnedSizes = (sizes) => sizes.map(([w, h], i) => (TURNS[i % TURNS.length] % 180 === 0 ? [w, h] : [h, w]));

function make(scan, work) {
  const from = sample(scan.from);
  const out = target(scan.out);
  const sizes = pageSizes(from);
  const tag = basename(scan.out).replace(/\.[^.]+$/, '');
  if (scan.kind === 'scan300') {
    imagesToPdf(render(from, 300, work, tag), sizes, out, work);
  } else if (scan.kind === 'scan200-skew') {
    const jpgs = render(from, 200, work, tag).map((png, i) => {
      const jpg = png.replace(/\.png$/, '.jpg');
      run(python, [join(here, 'scan_image.py'), 'skew', png, jpg, String(SKEW[i % SKEW.length]), String(1000 + i)]);
      return jpg;
    });
    imagesToPdf(jpgs, sizes, out, work);
  } else if (scan.kind === 'g4') {
    run(python, [join(here, 'scan_image.py'), 'g4', out, '300', String(G4_THRESHOLD), ...render(from, 300, work, tag)]);
  } else if (scan.kind === 'png300') {
    if (sizes.length !== 1) throw new Error(`${scan.from}: ${sizes.length} pages, a single-page image needs 1`);
    copyFileSync(render(from, 300, work, tag)[0], out);
  } else if (scan.kind === 'jpg200') {
    if (sizes.length !== 1) throw new Error(`${scan.from}: ${sizes.length} pages, a single-page image needs 1`);
    run(python, [join(here, 'scan_image.py'), 'jpeg', render(from, 200, work, tag)[0], out, '75', 'RGB']);
  } else if (scan.kind === 'turned300') {
    const turned = render(from, 300, work, tag).map((png, i) => {
      const out = join(work, `${tag}-turned-${i + 1}.png`);
      run(python, [join(here, 'scan_image.py'), 'turn', png, out, String(TURNS[i % TURNS.length])]);
      return out;
    });
    imagesToPdf(turned, turnedSizes(sizes), out, work);
  } else if (scan.kind === 'jpg200-exif') {
    if (sizes.length !== 1) throw new Error(`${scan.from}: ${sizes.length} pages, a single-page image needs 1`);
    run(python, [join(here, 'scan_image.py'), 'jpeg-exif', render(from, 200, work, tag)[0], out, '75', String(EXIF_ORIENTATION)]);
  } else if (scan.kind === 'mixed') {
    run('qpdf', ['--deterministic-id', '--empty', '--pages', from, scan.pages.text, sample(scan.scan), scan.pages.image, '--', out]);
  } else throw new Error(`unknown kind ${scan.kind}`);
}

function writeExpected(scan) {
  const base = JSON.parse(readFileSync(sample(scan.from.replace(/\.pdf$/, '.expected.json')), 'utf8'));
  const expected = { ...base, sample: scan.out, producer: `${producerOf(scan.from)}+${scan.kind}` };
  const file = target(scan.out.replace(/\.[^.]+$/, '.expected.json'));
  writeFileSync(file, JSON.stringify(expected, null, 2) + '\n');
  return basename(file);
}

// ---- checks ----------------------------------------------------------------------------
/** pdfimages -list rows: {page, width, height, color, bpc, enc, xppi, yppi}. */
function imagesOf(pdf) {
  return run('pdfimages', ['-list', pdf]).split('\n').slice(2).filter((l) => l.trim()).map((l) => {
    const c = l.trim().split(/\s+/);
    return { page: Number(c[0]), type: c[2], width: Number(c[3]), height: Number(c[4]), color: c[5], bpc: Number(c[7]),
      enc: c[8], xppi: Number(c[12]), yppi: Number(c[13]) };
  });
}
const fontsOn = (pdf, p) => run('pdffonts', ['-f', String(p), '-l', String(p), pdf]).split('\n').slice(2).filter((l) => l.trim()).length;
const textOn = (pdf, p) => run('pdftotext', ['-f', String(p), '-l', String(p), '-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, '');

function verify(scan) {
  const out = target(scan.out);
  const problems = [];
  const note = [];
  if (scan.out.endsWith('.pdf')) {
    const sizes = pageSizes(out);
    const want = scan.kind === 'turned300' ? turnedSizes(pageSizes(sample(scan.from))) : pageSizes(sample(scan.from));
    if (JSON.stringify(sizes) !== JSON.stringify(want)) problems.push(`page sizes ${JSON.stringify(sizes)} != ${JSON.stringify(want)}`);
    const imgs = imagesOf(out);
    const imagePages = scan.kind === 'mixed' ? [4, 5, 6] : sizes.map((_, i) => i + 1);
    const [dpi, enc] = scan.kind === 'scan200-skew' ? [200, 'jpeg'] : [300, 'image'];
    sizes.forEach((_, i) => {
      const p = i + 1;
      const onPage = imgs.filter((m) => m.page === p);
      if (imagePages.includes(p)) {
        if (onPage.length !== 1) { problems.push(`page ${p}: ${onPage.length} images`); return; }
        const m = onPage[0];
        if (m.color !== 'gray' || m.bpc !== 8 || m.enc !== enc || Math.abs(m.xppi - dpi) > 1 || Math.abs(m.yppi - dpi) > 1) {
          problems.push(`page ${p}: image ${m.width}x${m.height} ${m.color} ${m.bpc} bpc ${m.enc} ${m.xppi}x${m.yppi} ppi`);
        }
        if (fontsOn(out, p)) problems.push(`page ${p}: has fonts`);
        if (textOn(out, p)) problems.push(`page ${p}: pdftotext reads text`);
        note.push(`p${p} ${m.width}x${m.height} ${m.enc} ${m.xppi}ppi`);
      } else {
        if (onPage.length) problems.push(`page ${p}: ${onPage.length} images on a born-digital page`);
        if (!fontsOn(out, p) || !textOn(out, p)) problems.push(`page ${p}: no text layer`);
        note.push(`p${p} text`);
      }
    });
  } else if (scan.out.endsWith('.tiff')) {
    const info = run('tiffinfo', [out]);
    const dirs = (info.match(/TIFF Directory at offset/g) ?? []).length;
    const pages = pageSizes(sample(scan.from)).length;
    if (dirs !== pages) problems.push(`${dirs} directories, ${pages} pages`);
    if ((info.match(/Compression Scheme: CCITT Group 4/g) ?? []).length !== dirs) problems.push('not all CCITT Group 4');
    if ((info.match(/Bits\/Sample: 1\b/g) ?? []).length !== dirs) problems.push('not all 1 bit per sample');
    if ((info.match(/Resolution: 300, 300 pixels\/inch/g) ?? []).length !== dirs) problems.push('not all 300 dpi');
    note.push(`${dirs} directories, CCITT Group 4, 1 bit/sample, 300 dpi`);
  } else {
    const id = run(python, [join(here, 'scan_image.py'), 'info', out]).trim();
    const want = scan.kind === 'png300' ? /^PNG \d+x\d+ L (300|299.999)x(300|299.999) dpi$/
      : scan.kind === 'jpg200-exif' ? new RegExp(`^JPEG \\d+x\\d+ RGB 200x200 dpi orientation ${EXIF_ORIENTATION}$`) : /^JPEG \d+x\d+ RGB 200x200 dpi$/;
    if (!want.test(id)) problems.push(`unexpected image: ${id}`);
    note.push(id);
  }
  return { problems, note };
}

// ---- main ---------------------------------------------------------------------------------
const expectedOnly = args.has('--expected');
const verifyOnly = args.has('--verify');
const work = mkdtempSync(join(tmpdir(), 'jixiao-scans-'));
let failed = false;
try {
  for (const scan of SET) {
    if (!expectedOnly && !verifyOnly) {
      for (const f of readdirSync(work)) rmSync(join(work, f), { force: true });
      make(scan, work);
    }
    if (!verifyOnly) console.log(`wrote ${writeExpected(scan)}`);
    if (expectedOnly) continue;
    const { problems, note } = verify(scan);
    const kb = Math.round(statSync(target(scan.out)).size / 1024);
    console.log(`${verifyOnly ? 'checked' : 'wrote'} ${scan.out}: ${kb} KB; ${note.join(', ')}`);
    for (const p of problems) console.log(`  !! ${p}`);
    if (problems.length) failed = true;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!expectedOnly) {
  const total = SET.reduce((s, x) => s + statSync(target(x.out)).size, 0);
  console.log(`total ${(total / 1048576).toFixed(1)} MB`);
}
if (failed) process.exitCode = 1;
