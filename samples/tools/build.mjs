#!/usr/bin/env node
// Builds the sample PDFs and their expected JSON from the ground truth in samples/src/*.json.
//
//   node samples/tools/build.mjs              regenerate the PDFs (and check which rows are cut by page breaks)
//   node samples/tools/build.mjs --expected   regenerate only samples/*.expected.json
//   node samples/tools/build.mjs --keep       keep the intermediate .fodt/.fods/.html/.docx files (printed path)
//   node samples/tools/build.mjs liwan-weijian.calc ...   render only these PDFs (<id>.<producer>); the expected
//                                             JSON of every sample is still rewritten
//
// Producers: libreoffice (flat ODT -> soffice --headless --convert-to pdf), chromium (HTML -> --print-to-pdf),
// chromium-noborders (HTML table without any ruling -> --print-to-pdf), chromium-notosans (portrait HTML in
// Noto Sans CJK SC -> --print-to-pdf), chromium-serif, chromium-microhei, chromium-uming, chromium-droid,
// chromium-sungti, chromium-kai, chromium-kaitim, chromium-zenheisharp, chromium-wenkai, chromium-notosansbold,
// chromium-babelstone, chromium-serif-light, chromium-sans-medium, chromium-smiley, chromium-serif-semibold,
// chromium-sans-demilight, chromium-serif-medium, chromium-sans-mono, chromium-serif-extralight,
// chromium-sans-black, chromium-serif-black, chromium-sans-thin, chromium-serif-bold, chromium-sans-light,
// chromium-sungti-a4, chromium-sans-regular, chromium-zenhei-a4, chromium-serif-a4, chromium-uming-a4,
// chromium-sans-medium-a4, chromium-kai-landscape, chromium-microhei-a4, chromium-zenheisharp-landscape,
// chromium-babelstone-landscape, chromium-kaitim-a4, chromium-wenkai-b5-landscape, chromium-fangsong-a4,
// chromium-fandolhei-landscape, chromium-fandolsong-a4, chromium-fandolkai-landscape, chromium-hanazono-a4,
// chromium-sungti-landscape, chromium-sans-b5, chromium-fandolsong-landscape, chromium-fangsong-landscape and
// chromium-fandolhei-a4 (HTML in Noto Serif CJK SC,
// WenQuanYi Micro Hei, AR PL UMing CN, Droid Sans Fallback, AR PL SungtiL GB, AR PL UKai CN, AR PL KaitiM GB, WenQuanYi
// Zen Hei Sharp, LXGW WenKai, Noto Sans CJK SC bold, BabelStone Han, Noto Serif CJK SC Light, Noto Sans CJK SC Medium,
// Smiley Sans, Noto Serif CJK SC SemiBold, Noto Sans CJK SC DemiLight, Noto Serif CJK SC Medium, Noto Sans Mono CJK SC,
// Noto Serif CJK SC ExtraLight, Noto Sans CJK SC Black, Noto Serif CJK SC Black, Noto Sans CJK SC Thin, Noto Serif CJK
// SC Bold, Noto Sans CJK SC Light, AR PL SungtiL GB in portrait, Noto Sans CJK SC Regular, WenQuanYi Zen Hei in
// portrait, Noto Serif CJK SC Regular in portrait, AR PL UMing CN in portrait, Noto Sans CJK SC Medium in portrait, AR
// PL UKai CN in landscape, WenQuanYi Micro Hei in portrait, WenQuanYi Zen Hei Sharp in landscape, BabelStone Han in
// landscape, AR PL KaitiM GB in portrait, LXGW WenKai on B5 landscape, FandolFang in portrait, FandolHei in
// landscape, FandolSong in portrait, FandolKai in landscape, HanaMinA in portrait, AR PL SungtiL GB in landscape,
// Noto Sans CJK SC Regular on B5 portrait, FandolSong in landscape, FandolFang in landscape, FandolHei in portrait;
// the Fandol faces are not fontconfig fonts: the HTML
// loads them by @font-face from their files),
// calc (flat ODS spreadsheet, calc.mjs -> soffice), writer-docx
// (writer_docx.py: python-docx .docx -> soffice), reportlab-cid (reportlab_cid.py: ReportLab, non-embedded
// STSong-Light). Needs the Debian packages libreoffice-writer, libreoffice-calc, chromium, python3-docx,
// python3-reportlab, fonts-noto-cjk, fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming, fonts-droid-fallback,
// fonts-arphic-gbsn00lp, fonts-arphic-ukai, fonts-arphic-gkai00mp, fonts-lxgw-wenkai, fonts-babelstone-han,
// fonts-noto-cjk-extra (the ExtraLight, Light, Medium, SemiBold and Black weights of Noto Serif CJK SC, the Thin,
// Light, DemiLight, Medium and Black of Noto Sans CJK SC), fonts-smiley-sans, texlive-lang-chinese (FandolFang,
// FandolHei, FandolSong and FandolKai, in /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/; --no-install-recommends is enough),
// fonts-hanazono, poppler-utils, poppler-data.
// The Python scripts run with Debian's /usr/bin/python3 (or $PYTHON). Nothing here touches the network.
import { readFileSync, writeFileSync, readdirSync, mkdtempSync, rmSync, renameSync, statSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSource, amountNumber } from './lib.mjs';
import { fods } from './calc.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const samplesDir = join(here, '..');
const srcDir = join(samplesDir, 'src');
const args = new Set(process.argv.slice(2));
const expectedOnly = args.has('--expected');
const keep = args.has('--keep');
const only = [...args].filter((a) => !a.startsWith('--')); // <id>.<producer> to render; none: all

// Which PDFs each source is rendered into.
const PLAN = {
  'liwan-kegongxin': ['libreoffice', 'chromium', 'writer-docx', 'chromium-notosans'],
  'liwan-weijian': ['libreoffice', 'chromium', 'chromium-noborders', 'calc', 'reportlab-cid'],
  // a few rows of liwan-weijian (subtotals recomputed) that fit on ONE page: the source of the single-page image
  // samples made by scans.mjs (a page image cannot hold a row that a page break cut)
  'liwan-weijian-short': ['chromium'],
  // written apart from the OCR work, and never looked at while tuning it: the source of the fresh evaluation scans
  'liwan-minzheng': ['chromium-serif', 'chromium-microhei', 'libreoffice', 'calc'],
  // the same, for the second fresh evaluation set
  'liwan-chengguan': ['chromium-uming', 'chromium-droid'],
  // the same, for the third fresh evaluation set
  'liwan-jiaoyu': ['chromium-sungti', 'chromium-kai'],
  // the same, for the fourth fresh evaluation set
  'liwan-wenguang': ['chromium-kaitim', 'chromium-zenheisharp'],
  // the same, for the fifth fresh evaluation set
  'liwan-renshe': ['chromium-wenkai', 'chromium-notosansbold'],
  // the same, for the sixth fresh evaluation set
  'liwan-shuiwu': ['chromium-babelstone', 'chromium-serif-light'],
  // the same, for the seventh fresh evaluation set
  'liwan-shijian': ['chromium-sans-medium', 'chromium-smiley'],
  // the same, for the eighth fresh evaluation set
  'liwan-yingji': ['chromium-serif-semibold', 'chromium-sans-demilight'],
  // the same, for the ninth fresh evaluation set
  'liwan-sifa': ['chromium-serif-medium', 'chromium-sans-mono'],
  // the same, for the tenth fresh evaluation set
  'liwan-yibao': ['chromium-serif-extralight', 'chromium-sans-black'],
  // the same, for the eleventh fresh evaluation set
  'liwan-zhujian': ['chromium-serif-black', 'chromium-sans-thin'],
  // the same, for the twelfth fresh evaluation set
  'liwan-shangwu': ['chromium-serif-bold', 'chromium-sans-light'],
  // the same, for the thirteenth fresh evaluation set
  'liwan-shichang': ['chromium-sungti-a4', 'chromium-sans-regular'],
  // the same, for the fourteenth fresh evaluation set
  'liwan-nongye': ['chromium-zenhei-a4', 'chromium-serif-a4'],
  // the same, for the fifteenth fresh evaluation set
  'liwan-linyuan': ['chromium-uming-a4', 'chromium-sans-medium-a4'],
  // the same, for the sixteenth fresh evaluation set
  'liwan-tuiyi': ['chromium-kai-landscape', 'chromium-microhei-a4'],
  // the same, for the seventeenth fresh evaluation set
  'liwan-zhengshu': ['chromium-zenheisharp-landscape', 'chromium-babelstone-landscape'],
  // the same, for the eighteenth fresh evaluation set
  'liwan-tongji': ['chromium-kaitim-a4', 'chromium-wenkai-b5-landscape'],
  // the same, for the nineteenth fresh evaluation set
  'liwan-fagai': ['chromium-fangsong-a4', 'chromium-fandolhei-landscape'],
  // the same, for the twentieth fresh evaluation set
  'liwan-canlian': ['chromium-fandolsong-a4', 'chromium-fandolkai-landscape'],
  // the same, for the twenty-first fresh evaluation set
  'liwan-jiaotong': ['chromium-hanazono-a4', 'chromium-sungti-landscape'],
  // the same, for the twenty-second fresh evaluation set
  'liwan-shenji': ['chromium-sans-b5', 'chromium-fandolsong-landscape'],
  // the same, for the twenty-third fresh evaluation set
  'liwan-caizheng': ['chromium-fangsong-landscape', 'chromium-fandolhei-a4'],
};
// Tables that must print on exactly one page (no row cut, every row whole on page 1).
const ONE_PAGE = new Set(['liwan-weijian-short']);

const HEADER = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];

// ---- load and validate the truth ------------------------------------------------
const sources = readdirSync(srcDir).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const src = JSON.parse(readFileSync(join(srcDir, f), 'utf8'));
  if (`${src.id}.json` !== f) throw new Error(`${f}: id ${src.id} does not match the file name`);
  const problems = validateSource(src);
  if (problems.length) throw new Error(`${f}:\n  ${problems.join('\n  ')}`);
  if (!PLAN[src.id]) throw new Error(`${f}: no producers planned for ${src.id} (edit PLAN in build.mjs)`);
  return src;
});

/** The rows as they are to be printed: the truth with renderSubstitutions applied. */
function renderRows(src) {
  const rows = src.rows.map((r) => ({ ...r }));
  for (const s of src.renderSubstitutions ?? []) rows[s.row][s.field] = rows[s.row][s.field].replaceAll(s.from, s.to);
  return rows;
}

function cells(r) {
  return [r.name, r.total, r.fiscal, r.specialAccount, r.other, r.goal, r.indicatorsText];
}

// ---- expected JSON -----------------------------------------------------------------
function expectedFor(src, producer) {
  return {
    sample: `${src.id}.${producer}.pdf`,
    source: `src/${src.id}.json`,
    producer,
    document: { title: src.title, department: src.department, currencyUnit: src.currencyUnit },
    rows: src.rows.map((r) => ({
      kind: r.kind,
      unit: r.unit,
      name: r.name,
      total: amountNumber(r.total),
      fiscal: amountNumber(r.fiscal),
      specialAccount: amountNumber(r.specialAccount),
      other: amountNumber(r.other),
      goal: r.kind === 'project' ? r.goal : null,
      indicators: r.indicators,
    })),
    failingChecks: src.expectedFailingChecks,
  };
}

for (const src of sources) {
  for (const producer of PLAN[src.id]) {
    const out = join(samplesDir, `${src.id}.${producer}.expected.json`);
    writeFileSync(out, JSON.stringify(expectedFor(src, producer), null, 2) + '\n');
    console.log(`wrote ${basename(out)}`);
  }
}
if (expectedOnly) process.exit(0);

// ---- rendering -----------------------------------------------------------------------
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// ODF collapses runs of spaces: write the 2nd.. of a run as <text:s/>
const odfText = (s) => xml(s).replace(/ {2,}/g, (m) => ' ' + '<text:s/>'.repeat(m.length - 1));

// LibreOffice writes one ToUnicode entry per glyph, and Noto CJK draws a Kangxi radical (e.g. U+2F63 ⽣) with the
// same glyph as the ideograph (U+751F 生): the first code point seen wins, so a substituted radical among normal
// text would come out as the ideograph. Setting the radicals in a font used for nothing else (Noto Sans CJK SC)
// gives them glyphs of their own, so the text layer carries the radical, as a PDF with a bad font map does.
const kangxiSpans = (s) => s.replace(/[\u2F00-\u2FDF]+/gu, (m) => `<text:span text:style-name="TKangxi">${m}</text:span>`);

function fodt(src) {
  const rows = renderRows(src);
  const colW = ['4.0cm', '1.9cm', '1.9cm', '1.9cm', '1.9cm', '5.6cm', '9.5cm']; // 26.7cm
  const cell = (text, para, style = 'Cell') =>
    `<table:table-cell table:style-name="${style}" office:value-type="string"><text:p text:style-name="${para}">${kangxiSpans(odfText(text))}</text:p></table:table-cell>`;
  const row = (r) => {
    const c = cells(r);
    const nameStyle = r.kind === 'project' ? 'PCell' : 'PCellBold';
    return `<table:table-row table:style-name="Row">${cell(c[0], nameStyle)}${c.slice(1, 5).map((x) => cell(x, 'PNum')).join('')}` +
      `${cell(c[5], 'PCell')}${cell(c[6], 'PCell')}</table:table-row>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${xml(src.title)}</dc:title></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="115%" style:text-autospace="none"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" fo:font-size="8.5pt" fo:language="zh" fo:country="CN"
   style:font-name-asian="Noto Serif CJK SC" style:font-size-asian="8.5pt" style:language-asian="zh" style:country-asian="CN"
   style:font-name-complex="Noto Serif CJK SC" style:font-size-complex="8.5pt"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"
   fo:margin-top="1.3cm" fo:margin-bottom="1.3cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>
 </style:page-layout>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="26.7cm" table:align="center" style:may-break-between-rows="true" fo:margin-top="0.2cm"/>
 </style:style>
 ${colW.map((w, i) => `<style:style style:name="Col${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}"/></style:style>`).join('\n ')}
 <style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
 <style:style style:name="HeadRow" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.06cm" style:vertical-align="middle"/>
 </style:style>
 <style:style style:name="PTitle" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold" style:font-size-asian="16pt" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="PDept" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/>
  <style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
 <style:style style:name="PUnit" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
 <style:style style:name="PHead" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="PCell" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/></style:style>
 <style:style style:name="PCellBold" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="PNum" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="TKangxi" style:family="text">
  <style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC"/>
 </style:style>
 <style:style style:name="PFirst" style:family="paragraph" style:master-page-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold" style:font-size-asian="16pt" style:font-weight-asian="bold"/>
 </style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
<text:p text:style-name="PFirst">${odfText(src.title)}</text:p>
<text:p text:style-name="PDept">部门名称：${odfText(src.department)}</text:p>
<text:p text:style-name="PUnit">单位：${odfText(src.currencyUnit)}</text:p>
<table:table table:name="Table1" table:style-name="Tbl">
${colW.map((_, i) => `<table:table-column table:style-name="Col${i}"/>`).join('')}
<table:table-header-rows><table:table-row table:style-name="HeadRow">${HEADER.map((h) => cell(h, 'PHead')).join('')}</table:table-row></table:table-header-rows>
${rows.map(row).join('\n')}
</table:table>
</office:text></office:body></office:document>
`;
}

// The Chromium producers: the same HTML table, with different pages, fonts, column widths and rules.
const HTML_STYLES = {
  chromium: { borders: true, page: 'A4 landscape', margin: '11mm 9mm 11mm 9mm', font: "'WenQuanYi Zen Hei'",
    size: '8.5pt', widths: [14, 6.5, 6.5, 7, 6.5, 24, 35.5] },
  'chromium-noborders': { borders: false, page: 'A4 landscape', margin: '11mm 9mm 11mm 9mm', font: "'AR PL UMing CN'",
    size: '8.5pt', widths: [15, 6, 6, 7, 6, 23, 37] },
  // Skia writes Noto Sans CJK SC (a CFF font) as Type 3 fonts whose ToUnicode maps a glyph shared by an ideograph
  // and a radical to the radical: the text layer reads ⽣ for 生, ⻔ for 门, …
  'chromium-notosans': { borders: true, page: 'A4 portrait', margin: '12mm 10mm', font: "'Noto Sans CJK SC'",
    size: '7.5pt', widths: [15, 8.5, 8.5, 8.5, 8, 20, 31.5] },
  // Two fonts no other sample uses, for the fresh evaluation scans (scans.mjs --unseen): a serif like the SimSun
  // most disclosures are set in, and a sans like Microsoft YaHei.
  'chromium-serif': { borders: true, page: 'A4 landscape', margin: '12mm 10mm 12mm 10mm', font: "'Noto Serif CJK SC'",
    size: '9pt', widths: [14.5, 6.5, 6.5, 7, 6.5, 23, 36] },
  'chromium-microhei': { borders: true, page: 'A4 landscape', margin: '10mm 8mm 10mm 8mm', font: "'WenQuanYi Micro Hei'",
    size: '8pt', widths: [13.5, 6.5, 6.5, 7, 6.5, 25, 35] },
  // And two more for the second fresh set: a Ming face (AR PL UMing) with rules, and Droid Sans Fallback, portrait.
  'chromium-uming': { borders: true, page: 'A4 landscape', margin: '11mm 10mm 11mm 10mm', font: "'AR PL UMing CN'",
    size: '9pt', widths: [14, 6.5, 6.5, 7, 6.5, 23.5, 36] },
  'chromium-droid': { borders: true, page: 'A4 portrait', margin: '12mm 9mm', font: "'Droid Sans Fallback'",
    size: '8pt', widths: [15, 8.5, 8.5, 8.5, 8, 20, 31.5] },
  // And two more for the third: a Song face close to SimSun (AR PL SungtiL GB), and a Kai face (AR PL UKai CN).
  'chromium-sungti': { borders: true, page: 'A4 landscape', margin: '12mm 10mm 12mm 10mm', font: "'AR PL SungtiL GB'",
    size: '9pt', widths: [14.5, 6.5, 6.5, 7, 6.5, 23.5, 35.5] },
  'chromium-kai': { borders: true, page: 'A4 portrait', margin: '12mm 9mm', font: "'AR PL UKai CN'",
    size: '8.5pt', widths: [15, 8.5, 8.5, 8.5, 8, 20, 31.5] },
  // And two more for the fourth: another Kai face (AR PL KaitiM GB), and the hinted bitmap-like WenQuanYi Zen Hei
  // Sharp, portrait. Both wrap a Latin word (City Walk) at its space, as Word, WPS and Excel do; the others break
  // it anywhere (word-break: break-all), which the text layer cannot tell from a wrap at a space.
  'chromium-kaitim': { borders: true, page: 'A4 landscape', margin: '11mm 10mm 11mm 10mm', font: "'AR PL KaitiM GB'",
    size: '9pt', widths: [14, 6.5, 6.5, 7, 6.5, 24, 35.5], latinWordWrap: true },
  'chromium-zenheisharp': { borders: true, page: 'A4 portrait', margin: '12mm 9mm', font: "'WenQuanYi Zen Hei Sharp'",
    size: '8pt', widths: [15, 8.5, 8.5, 8.5, 8, 20.5, 31], latinWordWrap: true },
  // And two more for the fifth: LXGW WenKai (a modern Kai face, from fonts-lxgw-wenkai), and Noto Sans CJK SC set
  // bold throughout (weight: 700 on every cell), portrait. Both wrap Latin words at spaces like the fourth's.
  'chromium-wenkai': { borders: true, page: 'A4 landscape', margin: '11mm 10mm 11mm 10mm', font: "'LXGW WenKai'",
    size: '9pt', widths: [14, 6.5, 6.5, 7, 6.5, 24, 35.5], latinWordWrap: true },
  'chromium-notosansbold': { borders: true, page: 'A4 portrait', margin: '12mm 9mm', font: "'Noto Sans CJK SC'",
    size: '8pt', widths: [15, 8.5, 8.5, 8.5, 8, 20.5, 31], latinWordWrap: true, weight: 700 },
  // And two more for the sixth: BabelStone Han (a Song face, from fonts-babelstone-han), portrait with wider margins,
  // and Noto Serif CJK SC at its Light weight (300, from fonts-noto-cjk-extra) on A3 landscape at 10.5pt (五号), as
  // a wide table is printed from a spreadsheet. Both wrap Latin words at spaces like the fourth's.
  'chromium-babelstone': { borders: true, page: 'A4 portrait', margin: '20mm 15mm 18mm 15mm', font: "'BabelStone Han'",
    size: '8.5pt', widths: [15.5, 8.5, 8, 8.5, 8, 20, 31.5], latinWordWrap: true },
  'chromium-serif-light': { borders: true, page: 'A3 landscape', margin: '18mm 16mm 18mm 16mm', font: "'Noto Serif CJK SC'",
    size: '10.5pt', widths: [14, 6.5, 6.5, 7, 6.5, 23.5, 36], latinWordWrap: true, weight: 300 },
  // And two more for the seventh: Noto Sans CJK SC at its Medium weight (500, from fonts-noto-cjk-extra) on A4
  // landscape at 9.5pt, and Smiley Sans (得意黑, a condensed oblique sans, from fonts-smiley-sans) on B5 portrait at
  // 8pt. Smiley Sans has no ≥ or ≤: those two fall back to Noto Sans CJK SC, named after it so that the fallback does
  // not depend on fontconfig's choice. Both wrap Latin words at spaces like the fourth's.
  'chromium-sans-medium': { borders: true, page: 'A4 landscape', margin: '12mm 11mm 12mm 11mm', font: "'Noto Sans CJK SC'",
    size: '9.5pt', widths: [14.5, 6.5, 6.5, 7, 6.5, 23, 36], latinWordWrap: true, weight: 500 },
  'chromium-smiley': { borders: true, page: 'B5 portrait', margin: '14mm 11mm 14mm 11mm', font: "'Smiley Sans', 'Noto Sans CJK SC'",
    size: '8pt', widths: [15, 8.5, 8.5, 8.5, 8, 20, 31.5], latinWordWrap: true },
  // And two more for the eighth: Noto Serif CJK SC at its SemiBold weight (600, from fonts-noto-cjk-extra) on A4
  // portrait at 8.5pt, and Noto Sans CJK SC at its DemiLight weight (350, from fonts-noto-cjk-extra) on B4
  // landscape at 9.5pt. Both wrap Latin words at spaces like the fourth's.
  'chromium-serif-semibold': { borders: true, page: 'A4 portrait', margin: '15mm 12mm 15mm 12mm', font: "'Noto Serif CJK SC'",
    size: '8.5pt', widths: [15.5, 8.5, 8.5, 8.5, 8, 20, 31], latinWordWrap: true, weight: 600 },
  'chromium-sans-demilight': { borders: true, page: 'B4 landscape', margin: '16mm 14mm 16mm 14mm', font: "'Noto Sans CJK SC'",
    size: '9.5pt', widths: [14, 6.5, 6.5, 7, 6.5, 23.5, 36], latinWordWrap: true, weight: 350 },
  // And two more for the ninth: Noto Serif CJK SC at its Medium weight (500, from fonts-noto-cjk-extra) on A4
  // portrait at 9pt, and Noto Sans Mono CJK SC (fonts-noto-cjk: the Sans ideographs, but its Latin letters, digits
  // and punctuation monospaced at half an em) on Letter landscape at 10pt. Both wrap Latin words at spaces like the
  // fourth's.
  'chromium-serif-medium': { borders: true, page: 'A4 portrait', margin: '14mm 11mm 14mm 11mm', font: "'Noto Serif CJK SC'",
    size: '9pt', widths: [15.5, 8.5, 8.5, 8.5, 8, 20, 31], latinWordWrap: true, weight: 500 },
  'chromium-sans-mono': { borders: true, page: 'letter landscape', margin: '13mm 12mm 13mm 12mm', font: "'Noto Sans Mono CJK SC'",
    size: '10pt', widths: [14, 7, 7, 7.5, 7, 22.5, 35], latinWordWrap: true },
  // And two more for the tenth: Noto Serif CJK SC at its ExtraLight weight (200, from fonts-noto-cjk-extra) on A4
  // landscape at 9.5pt, and Noto Sans CJK SC at its Black weight (900, from fonts-noto-cjk-extra) on B5 portrait at
  // 8.5pt, where the bold header and sum rows (700) are lighter than the body; its amount columns are wider than the
  // other portrait pages' (at 8.5%, a bold 1,836.20 ran over the cell's right rule). Both wrap Latin words at spaces
  // like the fourth's.
  'chromium-serif-extralight': { borders: true, page: 'A4 landscape', margin: '15mm 13mm 15mm 13mm', font: "'Noto Serif CJK SC'",
    size: '9.5pt', widths: [14, 6.5, 6.5, 7, 6.5, 23.5, 36], latinWordWrap: true, weight: 200 },
  'chromium-sans-black': { borders: true, page: 'B5 portrait', margin: '13mm 10mm 13mm 10mm', font: "'Noto Sans CJK SC'",
    size: '8.5pt', widths: [14, 10.5, 10.5, 9.5, 8.5, 18.5, 28.5], latinWordWrap: true, weight: 900 },
  // And two more for the eleventh: Noto Serif CJK SC at its Black weight (900, from fonts-noto-cjk-extra) on Legal
  // landscape at 9pt, where the bold header and sum rows (700) are lighter than the body, and Noto Sans CJK SC at its
  // Thin weight (100, from fonts-noto-cjk-extra) on A3 portrait at 10pt. Both wrap Latin words at spaces like the
  // fourth's.
  'chromium-serif-black': { borders: true, page: 'legal landscape', margin: '14mm 12mm 14mm 12mm', font: "'Noto Serif CJK SC'",
    size: '9pt', widths: [14, 7, 7, 7.5, 7, 22.5, 35], latinWordWrap: true, weight: 900 },
  'chromium-sans-thin': { borders: true, page: 'A3 portrait', margin: '20mm 16mm 20mm 16mm', font: "'Noto Sans CJK SC'",
    size: '10pt', widths: [14.5, 7, 7, 7.5, 7, 22, 35], latinWordWrap: true, weight: 100 },
  // And two more for the twelfth: Noto Serif CJK SC at its Bold weight (700, from fonts-noto-cjk) as the body text
  // on B4 portrait at 10pt, where the bold header and sum rows are the same weight as the body, and Noto Sans CJK SC
  // at its Light weight (300, from fonts-noto-cjk-extra) on A5 landscape at 8pt, its amount columns wider than the
  // other landscape pages' (a bold 5,746.80 needs them on a page 192 mm wide). Both wrap Latin words at spaces like
  // the fourth's.
  'chromium-serif-bold': { borders: true, page: 'B4 portrait', margin: '18mm 14mm 18mm 14mm', font: "'Noto Serif CJK SC'",
    size: '10pt', widths: [15, 8.5, 8.5, 8.5, 8, 20, 31.5], latinWordWrap: true, weight: 700 },
  'chromium-sans-light': { borders: true, page: 'A5 landscape', margin: '10mm 9mm 10mm 9mm', font: "'Noto Sans CJK SC'",
    size: '8pt', widths: [14, 8, 8, 8, 7.5, 22, 32.5], latinWordWrap: true, weight: 300 },
  // And two more for the thirteenth: AR PL SungtiL GB (the Song face of the third, like the SimSun most real
  // disclosures are set in) on A4 portrait at 9pt, and Noto Sans CJK SC at its Regular weight (400, from
  // fonts-noto-cjk, named on the body cells) on A4 landscape at 10pt. Both wrap Latin words at spaces like the
  // fourth's.
  'chromium-sungti-a4': { borders: true, page: 'A4 portrait', margin: '15mm 12mm 15mm 12mm', font: "'AR PL SungtiL GB'",
    size: '9pt', widths: [15, 9, 9, 9, 8, 19.5, 30.5], latinWordWrap: true },
  'chromium-sans-regular': { borders: true, page: 'A4 landscape', margin: '14mm 12mm 14mm 12mm', font: "'Noto Sans CJK SC'",
    size: '10pt', widths: [14, 7, 7, 7.5, 7, 22.5, 35], latinWordWrap: true, weight: 400 },
  // And two more for the fourteenth: WenQuanYi Zen Hei (the regular face of the chromium producer's, from
  // fonts-wqy-zenhei; its synthetic bold) on A4 portrait at 9.5pt, and Noto Serif CJK SC at its Regular weight (400,
  // from fonts-noto-cjk, named on the body cells) on A4 portrait at 9pt, where the Serif had only been printed on
  // landscape pages at that weight. Both wrap Latin words at spaces like the fourth's.
  'chromium-zenhei-a4': { borders: true, page: 'A4 portrait', margin: '14mm 11mm 14mm 11mm', font: "'WenQuanYi Zen Hei'",
    size: '9.5pt', widths: [14.5, 9.5, 9.5, 8.5, 8.5, 19, 30.5], latinWordWrap: true },
  'chromium-serif-a4': { borders: true, page: 'A4 portrait', margin: '16mm 13mm 16mm 13mm', font: "'Noto Serif CJK SC'",
    size: '9pt', widths: [14.5, 9, 9, 8.5, 9, 19, 31], latinWordWrap: true, weight: 400 },
  // And two more for the fifteenth: AR PL UMing CN (the Ming face of the second, from fonts-arphic-uming; its synthetic
  // bold), until now printed on A4 landscape only, on A4 portrait at 10pt, and Noto Sans CJK SC at its Medium weight
  // (500, from fonts-noto-cjk-extra), until now printed on A4 landscape only, on A4 portrait at 9pt with Word's
  // "moderate" margins (25.4 mm top and bottom, 19.1 mm left and right). Both wrap Latin words at spaces like the
  // fourth's.
  'chromium-uming-a4': { borders: true, page: 'A4 portrait', margin: '18mm 14mm 18mm 14mm', font: "'AR PL UMing CN'",
    size: '10pt', widths: [14, 9.5, 9.5, 9, 9, 18.5, 30.5], latinWordWrap: true },
  'chromium-sans-medium-a4': { borders: true, page: 'A4 portrait', margin: '25.4mm 19.1mm 25.4mm 19.1mm', font: "'Noto Sans CJK SC'",
    size: '9pt', widths: [14.5, 9.5, 9.5, 9, 9, 18.5, 30], latinWordWrap: true, weight: 500 },
  // And two more for the sixteenth: AR PL UKai CN (the Kai face of the third, from fonts-arphic-ukai; its synthetic
  // bold), until now printed on A4 portrait only, on A4 landscape at 10pt, and WenQuanYi Micro Hei (from
  // fonts-wqy-microhei; its synthetic bold), until now printed on A4 landscape only, on A4 portrait at 9.5pt. Both
  // wrap Latin words at spaces like the fourth's.
  'chromium-kai-landscape': { borders: true, page: 'A4 landscape', margin: '13mm 12mm 13mm 12mm', font: "'AR PL UKai CN'",
    size: '10pt', widths: [14, 7, 7, 7.5, 7, 22.5, 35], latinWordWrap: true },
  'chromium-microhei-a4': { borders: true, page: 'A4 portrait', margin: '17mm 13mm 17mm 13mm', font: "'WenQuanYi Micro Hei'",
    size: '9.5pt', widths: [14.5, 9.5, 9.5, 8.5, 8.5, 19, 30.5], latinWordWrap: true },
  // And two more for the seventeenth: WenQuanYi Zen Hei Sharp (the hinted face of the fourth, from fonts-wqy-zenhei;
  // its synthetic bold), until now printed on A4 portrait only, on A4 landscape at 9pt, and BabelStone Han (the Song
  // face of the sixth, from fonts-babelstone-han; its synthetic bold), until now printed on A4 portrait only, on A4
  // landscape at 10.5pt (五号), its amount columns wider than the other landscape pages'. Both wrap Latin words at
  // spaces like the fourth's.
  'chromium-zenheisharp-landscape': { borders: true, page: 'A4 landscape', margin: '12mm 10mm 12mm 10mm', font: "'WenQuanYi Zen Hei Sharp'",
    size: '9pt', widths: [14, 6.5, 6.5, 7, 6.5, 24, 35.5], latinWordWrap: true },
  'chromium-babelstone-landscape': { borders: true, page: 'A4 landscape', margin: '15mm 13mm 15mm 13mm', font: "'BabelStone Han'",
    size: '10.5pt', widths: [14, 7.5, 7.5, 7.5, 7, 22, 34.5], latinWordWrap: true },
  // And two more for the eighteenth: AR PL KaitiM GB (the Kai face of the fourth, from fonts-arphic-gkai00mp; its
  // synthetic bold), until now printed on A4 landscape only, on A4 portrait at 9pt, and LXGW WenKai (the modern Kai
  // face of the fifth, from fonts-lxgw-wenkai; a real bold face), until now printed on A4 landscape only, on B5
  // landscape at 8.5pt, a page no other sample has. Both wrap Latin words at spaces like the fourth's.
  'chromium-kaitim-a4': { borders: true, page: 'A4 portrait', margin: '15mm 12mm 15mm 12mm', font: "'AR PL KaitiM GB'",
    size: '9pt', widths: [15, 9, 9, 8.5, 8.5, 19.5, 30.5], latinWordWrap: true },
  'chromium-wenkai-b5-landscape': { borders: true, page: 'B5 landscape', margin: '12mm 11mm 12mm 11mm', font: "'LXGW WenKai'",
    size: '8.5pt', widths: [14, 7.5, 7.5, 7.5, 7, 22, 34.5], latinWordWrap: true },
  // And two more for the nineteenth: the Fandol faces of TeX Live (Debian's texlive-lang-chinese), which fontconfig
  // does not know: the HTML names them in @font-face rules with file:// URLs (fontFiles), so that nothing outside
  // this script is configured. FandolFang (仿宋, the face of most government documents; no bold, so the header and
  // the sum rows are its synthetic bold) on A4 portrait at 10.5pt (五号), its amount columns wider than the other
  // portrait pages', and FandolHei (a Hei face with a real bold) on A4 landscape at 9pt. Both cover GB 2312, and every
  // character of the table they print is in them (no fallback font in pdffonts). Both wrap Latin words at spaces
  // like the fourth's.
  'chromium-fangsong-a4': { borders: true, page: 'A4 portrait', margin: '15mm 12mm 15mm 12mm', font: "'FandolFang'",
    fontFiles: [{ family: 'FandolFang', weight: 400, file: 'FandolFang-Regular.otf' }],
    size: '10.5pt', widths: [14, 10, 10, 8.5, 8.5, 18, 31], latinWordWrap: true },
  'chromium-fandolhei-landscape': { borders: true, page: 'A4 landscape', margin: '12mm 11mm 12mm 11mm', font: "'FandolHei'",
    fontFiles: [{ family: 'FandolHei', weight: 400, file: 'FandolHei-Regular.otf' },
      { family: 'FandolHei', weight: 700, file: 'FandolHei-Bold.otf' }],
    size: '9pt', widths: [14, 6.5, 6.5, 7, 6.5, 24, 35.5], latinWordWrap: true },
  // And two more for the twentieth: the other two Fandol faces, loaded the same way. FandolSong (a Song face like the
  // SimSun most disclosures are set in, with a real bold for the header and the sum rows) on A4 portrait at 10pt, its
  // amount columns wider than the other portrait pages' but the FandolFang one's, and FandolKai (a Kai face, no bold:
  // the header and the sum rows are its synthetic bold) on A4 landscape at 9.5pt. Both cover GB 2312, and every
  // character of the table they print is in them. Both wrap Latin words at spaces like the fourth's.
  'chromium-fandolsong-a4': { borders: true, page: 'A4 portrait', margin: '16mm 13mm 16mm 13mm', font: "'FandolSong'",
    fontFiles: [{ family: 'FandolSong', weight: 400, file: 'FandolSong-Regular.otf' },
      { family: 'FandolSong', weight: 700, file: 'FandolSong-Bold.otf' }],
    size: '10pt', widths: [14.5, 9.5, 9.5, 8.5, 8.5, 18.5, 31], latinWordWrap: true },
  'chromium-fandolkai-landscape': { borders: true, page: 'A4 landscape', margin: '13mm 12mm 13mm 12mm', font: "'FandolKai'",
    fontFiles: [{ family: 'FandolKai', weight: 400, file: 'FandolKai-Regular.otf' }],
    size: '9.5pt', widths: [14, 7, 7, 7.5, 7, 22.5, 35], latinWordWrap: true },
  // And two more for the twenty-first: HanaMinA (花园明朝, a Ming face drawn by the GlyphWiki project, from
  // fonts-hanazono; no bold, so the header and the sum rows are its synthetic bold) on A4 portrait at 10pt, a face
  // no other sample has, and AR PL SungtiL GB (the Song face of the third, from fonts-arphic-gbsn00lp; its synthetic
  // bold), until now printed on portrait pages only, on A4 landscape at 9.5pt. Both wrap Latin words at spaces like
  // the fourth's.
  'chromium-hanazono-a4': { borders: true, page: 'A4 portrait', margin: '16mm 13mm 16mm 13mm', font: "'HanaMinA'",
    size: '10pt', widths: [14.5, 9.5, 9.5, 8.5, 8.5, 18.5, 31], latinWordWrap: true },
  'chromium-sungti-landscape': { borders: true, page: 'A4 landscape', margin: '12mm 11mm 12mm 11mm', font: "'AR PL SungtiL GB'",
    size: '9.5pt', widths: [14, 6.5, 6.5, 7, 6.5, 24, 35.5], latinWordWrap: true },
  // And two more for the twenty-second: Noto Sans CJK SC at its Regular weight (400, from fonts-noto-cjk, named on the
  // body cells; a sans like the Microsoft YaHei many disclosures are set in), until now printed in landscape only at
  // that weight, on B5 portrait at 9pt, its amount columns the widest of the portrait pages', and FandolSong (the Song
  // face of the twentieth, loaded by @font-face the same way, with its real bold for the header and the sum rows),
  // until now printed on portrait pages only, on A4 landscape at 10.5pt (五号), the way a table set in SimSun and
  // printed from a spreadsheet looks. Both wrap Latin words at spaces like the fourth's.
  'chromium-sans-b5': { borders: true, page: 'B5 portrait', margin: '15mm 12mm 15mm 12mm', font: "'Noto Sans CJK SC'",
    size: '9pt', widths: [14, 11, 11, 9, 8, 18, 29], latinWordWrap: true, weight: 400 },
  'chromium-fandolsong-landscape': { borders: true, page: 'A4 landscape', margin: '14mm 12mm 14mm 12mm', font: "'FandolSong'",
    fontFiles: [{ family: 'FandolSong', weight: 400, file: 'FandolSong-Regular.otf' },
      { family: 'FandolSong', weight: 700, file: 'FandolSong-Bold.otf' }],
    size: '10.5pt', widths: [15, 7, 7, 7, 6.5, 22.5, 35], latinWordWrap: true },
  // And two more for the twenty-third: FandolFang (仿宋, the face of the nineteenth, loaded by @font-face the same way;
  // no bold, so the header and the sum rows are its synthetic bold), until now printed in portrait only, on A4
  // landscape at 11pt, the largest body size of any sample, its amount columns as wide as the BabelStone landscape
  // page's (7.5%), as a table typed in 仿宋 and printed across the page looks, and FandolHei (the Hei face of the
  // nineteenth, with its real bold for the header and the sum rows), until now printed in landscape only, on A4
  // portrait at 9.5pt (margins 18/14 mm). Both cover GB 2312, and every character of the table they print is in them
  // (no fallback face). Both wrap Latin words at spaces like the fourth's.
  'chromium-fangsong-landscape': { borders: true, page: 'A4 landscape', margin: '15mm 13mm 15mm 13mm', font: "'FandolFang'",
    fontFiles: [{ family: 'FandolFang', weight: 400, file: 'FandolFang-Regular.otf' }],
    size: '11pt', widths: [14, 7.5, 7.5, 7.5, 7, 21.5, 35], latinWordWrap: true },
  'chromium-fandolhei-a4': { borders: true, page: 'A4 portrait', margin: '18mm 14mm 18mm 14mm', font: "'FandolHei'",
    fontFiles: [{ family: 'FandolHei', weight: 400, file: 'FandolHei-Regular.otf' },
      { family: 'FandolHei', weight: 700, file: 'FandolHei-Bold.otf' }],
    size: '9.5pt', widths: [14, 10, 10, 9, 8.5, 18.5, 30], latinWordWrap: true },
};
// Where fontFiles are (texlive-lang-chinese).
const FONT_FILE_DIR = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol';

/** @font-face rules for a style's fontFiles (fonts fontconfig does not know), loaded from their files. */
function fontFaces(fontFiles = []) {
  return fontFiles.map(({ family, weight, file }) => {
    const path = join(FONT_FILE_DIR, file);
    if (!existsSync(path)) throw new Error(`Expected the font file ${path}: install the Debian package texlive-lang-chinese`);
    return `@font-face { font-family: '${family}'; font-weight: ${weight}; font-style: normal; font-display: block; src: url('file://${path}') format('opentype'); }`;
  }).join('\n');
}

function html(src, producer) {
  const rows = renderRows(src);
  const esc = (s) => xml(s);
  // weight (optional): the font weight of the table's cells; the header and the sum rows stay bold
  // fontFiles (optional): fonts loaded by @font-face from their files, for faces fontconfig does not know
  const { borders, page, margin, font, size, widths, latinWordWrap = false, weight = null, fontFiles = [] } = HTML_STYLES[producer];
  const cellCss = borders
    ? 'border: 0.75pt solid #000; padding: 2.5pt 3pt;'
    : 'border: none; padding: 3pt 5pt 5pt 5pt;';
  const tr = (r) => {
    const c = cells(r).map(esc);
    const cls = r.kind === 'project' ? '' : ' class="sum"';
    return `<tr${cls}><td>${c[0]}</td>${c.slice(1, 5).map((x) => `<td class="num">${x}</td>`).join('')}<td>${c[5]}</td><td>${c[6]}</td></tr>`;
  };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(src.title)}</title>
<style>
${fontFiles.length ? `${fontFaces(fontFiles)}\n` : ''}@page { size: ${page}; margin: ${margin}; }
html, body { margin: 0; padding: 0; }
body { font-family: ${font}; font-size: ${size}; line-height: 1.3; color: #000; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 8pt 0; font-weight: bold; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; margin-bottom: 4pt; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; }
th, td { ${cellCss} vertical-align: ${borders ? 'middle' : 'top'}; text-align: left; overflow-wrap: anywhere; word-break: ${latinWordWrap ? 'normal' : 'break-all'}; }
th { text-align: center; font-weight: ${borders ? 'bold' : 'normal'}; }
td.num { text-align: right; white-space: nowrap; }
tr.sum td { font-weight: ${borders ? 'bold' : 'normal'}; }
tr { break-inside: auto; page-break-inside: auto; }
thead { display: table-header-group; }
${borders ? '' : 'thead th { padding-bottom: 6pt; }'}
${weight ? `td { font-weight: ${weight}; }\n${borders ? 'th, tr.sum td { font-weight: bold; }' : ''}` : ''}
</style></head><body>
<h1>${esc(src.title)}</h1>
<div class="meta"><span>部门名称：${esc(src.department)}</span><span>单位：${esc(src.currencyUnit)}</span></div>
<table>
<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead><tr>${HEADER.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map(tr).join('\n')}
</tbody>
</table>
</body></html>
`;
}

function run(cmd, argv, opts = {}) {
  return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000, ...opts }).toString();
}

/** soffice --convert-to <filter> of work/<name>.<ext>; returns work/<name>.pdf */
function soffice(input, filter, work) {
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-profile-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck',
      '--convert-to', filter, '--outdir', work, input]);
  } finally { rmSync(profile, { recursive: true, force: true }); }
  return join(work, `${basename(input).replace(/\.[^.]+$/, '')}.pdf`);
}

function renderLibreOffice(src, work) {
  const input = join(work, `${src.id}.fodt`);
  writeFileSync(input, fodt(src));
  return soffice(input, 'pdf:writer_pdf_Export', work);
}

function renderCalc(src, work) {
  const input = join(work, `${src.id}.calc.fods`);
  const rows = renderRows(src);
  // WenQuanYi Zen Hei has glyphs of their own for the Kangxi radicals, so Calc's one-ToUnicode-entry-per-glyph
  // keeps the substituted radicals apart from the ideographs (unlike Noto CJK, see kangxiSpans)
  writeFileSync(input, fods(src, HEADER, rows.map(cells), rows.map((r) => r.kind !== 'project'), { font: 'WenQuanYi Zen Hei' }));
  return soffice(input, 'pdf:calc_pdf_Export', work);
}

/** The printed table for the Python producers: document fields and the rows with renderSubstitutions applied. */
function tableJson(src, work) {
  const file = join(work, `${src.id}.table.json`);
  const { title, department, currencyUnit } = src;
  writeFileSync(file, JSON.stringify({ title, department, currencyUnit, rows: renderRows(src) }));
  return file;
}
const python = process.env.PYTHON ?? '/usr/bin/python3'; // Debian's, where python3-docx and python3-reportlab are

function renderWriterDocx(src, work) {
  const docx = join(work, `${src.id}.writer-docx.docx`);
  run(python, [join(here, 'writer_docx.py'), tableJson(src, work), docx, 'Noto Sans CJK SC']);
  return soffice(docx, 'pdf:writer_pdf_Export', work);
}

function renderReportLab(src, work) {
  const out = join(work, `${src.id}.reportlab-cid.pdf`);
  run(python, [join(here, 'reportlab_cid.py'), tableJson(src, work), out]);
  return out;
}

function renderChromium(src, work, producer) {
  const input = join(work, `${src.id}.${producer}.html`);
  writeFileSync(input, html(src, producer));
  const out = join(work, `${src.id}.${producer}.pdf`);
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-chromium-profile-'));
  try {
    run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
      `--print-to-pdf=${out}`, '--no-pdf-header-footer', `file://${input}`]);
  } finally { rmSync(profile, { recursive: true, force: true }); }
  return out;
}

// Noto Sans CJK as Type 3 fonts is ~1,000 small objects (~620 KB): pack them into object streams (qpdf, lossless).
function compact(pdf) {
  const out = pdf.replace(/\.pdf$/, '.qpdf.pdf');
  run('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', pdf, out]);
  return out;
}

// The Chromium producers whose PDFs are kept as Chromium wrote them; the others' are packed by compact().
const UNCOMPACTED = new Set(['chromium', 'chromium-noborders', 'chromium-microhei']);

// How each producer is run. cuts: whether some row must be cut by a page break (Calc never cuts a row).
// headerWords: a header that pdftotext does not read as one run (the .docx two-row header), removed word by word.
const PRODUCERS = {
  libreoffice: { render: renderLibreOffice, cuts: true },
  // Every HTML_STYLES page, printed by Chromium; all but UNCOMPACTED packed by qpdf afterwards.
  ...Object.fromEntries(Object.keys(HTML_STYLES).map((producer) => [producer, {
    render: (src, work) => (UNCOMPACTED.has(producer) ? renderChromium(src, work, producer) : compact(renderChromium(src, work, producer))),
    cuts: true,
  }])),
  calc: { render: renderCalc, cuts: false },
  'writer-docx': { render: renderWriterDocx, cuts: true,
    headerWords: ['序号', HEADER[0], HEADER[1], '资金来源', HEADER[5], HEADER[6], HEADER[2], HEADER[3], HEADER[4]] },
  'reportlab-cid': { render: renderReportLab, cuts: true },
};

// ---- which rows does a page break cut? (pdftotext per page) -------------------------
// Compared after NFKC and with the CJK-radicals-supplement forms Chromium + Noto Sans CJK print (⻔ for 门, …)
// mapped back, so that radicals in the text layer match the truth.
const SUPPLEMENT = { '⻔': '门', '⺠': '民', '⻓': '长', '⻩': '黄', '⻅': '见', '⻋': '车', '⻉': '贝', '⻜': '飞', '⻛': '风',
  '⻝': '食', '⻢': '马', '⻚': '页', '⻆': '角', '⻄': '西', '⺟': '母', '⻘': '青', '⻬': '齐', '⻰': '龙', '⻳': '龟', '⻣': '骨' };
const squash = (s) => s.normalize('NFKC').replace(/[\u2E80-\u2EFF]/gu, (c) => SUPPLEMENT[c] ?? c).replace(/\s+/g, '');

function splitRows(pdf, src, producer) {
  if (!PRODUCERS[producer].cuts || ONE_PAGE.has(src.id)) return wholeRows(pdf, src);
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))[1]);
  const header = squash(HEADER.join(''));
  const { headerWords } = PRODUCERS[producer];
  const dropHeader = (t) => headerWords ? headerWords.reduce((acc, w) => acc.replace(squash(w), ''), t) : t.replaceAll(header, '');
  let text = '';
  const pageStart = [];
  for (let p = 1; p <= pages; p++) {
    pageStart.push(text.length);
    // drop the repeated header row(s), so that a cell cut by the page break reads on as one string (ReportLab
    // draws a second header mid-page above the first part of a row it splits)
    text += dropHeader(squash(run('pdftotext', ['-f', String(p), '-l', String(p), '-raw', '-enc', 'UTF-8', pdf, '-'])));
  }
  const pageAt = (pos) => pageStart.filter((s) => s <= pos).length;
  const rows = renderRows(src);
  const found = [];
  let cursor = 0; // end of the previous row's text
  rows.forEach((r, i) => {
    const c = cells(r).map(squash);
    // where the row starts: the earliest of its name and goal (a split row may print its name on either page)
    const heads = [c[0], c[5]].filter(Boolean).map((s) => text.indexOf(s.slice(0, 10), cursor)).filter((x) => x >= 0);
    if (heads.length === 0) { found.push({ row: i, name: r.name, error: 'not found in the text layer' }); return; }
    const start = Math.min(...heads);
    // the next row's name bounds this row's text
    const nc = rows[i + 1] ? cells(rows[i + 1]).map(squash) : [];
    const next = [nc[0], nc[5]].filter(Boolean).map((x) => text.indexOf(x.slice(0, 10), start + 1)).filter((x) => x >= 0);
    const limit = next.length ? next[0] : text.length; // the next row's name, or else its goal
    // where it ends: the latest end of any of its cells
    let end = start;
    for (const s of c) {
      if (!s) continue;
      // the last characters of the cell; shorter if a page break falls among them (the next cell's first part
      // is printed between the two parts of a cut cell)
      let at = -1, tail = '';
      for (const n of [10, 6, 4, 2, 1]) { // 1: a name cut by the page break (Writer from .docx)
        tail = s.slice(-n);
        at = text.lastIndexOf(tail, limit - tail.length); // the last occurrence before the next row
        if (at >= start) break;
      }
      if (at < start) { found.push({ row: i, name: r.name, error: `cell text ${JSON.stringify(s.slice(-10))} not found` }); continue; }
      end = Math.max(end, at + tail.length - 1);
    }
    cursor = end + 1;
    if (pageAt(end) > pageAt(start)) found.push({ row: i, name: r.name, pages: [pageAt(start), pageAt(end)] });
  });
  return { pages, split: found };
}

// Calc never cuts a row, but its text layer is not in row order (on each page the single-line cells, i.e. short
// names and all amounts, come first, then the wrapped cells), so the reading-order search above does not apply:
// check instead that every row has all its cells on one page.
function wholeRows(pdf, src) {
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))[1]);
  const texts = [];
  for (let p = 1; p <= pages; p++) texts.push(squash(run('pdftotext', ['-f', String(p), '-l', String(p), '-raw', '-enc', 'UTF-8', pdf, '-'])));
  const found = [];
  renderRows(src).forEach((r, i) => {
    const c = cells(r).map(squash).filter(Boolean);
    const page = texts.findIndex((t) => c.every((s) => t.includes(s)));
    if (page < 0) found.push({ row: i, name: r.name, error: 'not found whole on any page' });
  });
  return { pages, split: found };
}

const work = mkdtempSync(join(tmpdir(), 'jixiao-samples-'));
const report = [];
try {
  for (const src of sources) {
    for (const producer of PLAN[src.id]) {
      if (only.length && !only.includes(`${src.id}.${producer}`)) continue;
      const pdf = PRODUCERS[producer].render(src, work);
      const dest = join(samplesDir, `${src.id}.${producer}.pdf`);
      renameSync(pdf, dest);
      const { pages, split } = splitRows(dest, src, producer);
      const cuts = PRODUCERS[producer].cuts && !ONE_PAGE.has(src.id);
      const kb = Math.round(statSync(dest).size / 1024);
      console.log(`wrote ${basename(dest)}: ${pages} pages, ${kb} KB`);
      for (const s of split) {
        console.log(s.error ? `  !! row ${s.row} ${s.name}: ${s.error}`
          : `  row ${s.row} (${s.name}) is cut by a page break: pages ${s.pages.join('-')}`);
      }
      if (cuts && !split.some((s) => s.pages)) console.log('  !! no row is cut by a page break');
      if (ONE_PAGE.has(src.id) && pages !== 1) { console.log(`  !! ${pages} pages, must be 1`); split.push({ row: -1, error: 'not one page' }); }
      if (kb > 400) console.log('  !! larger than expected');
      report.push({ file: basename(dest), pages, kb, split, cuts });
    }
  }
} finally {
  if (keep) console.log(`intermediate files kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (only.some((o) => !report.some((r) => r.file === `${o}.pdf`))) {
  console.log(`!! not in PLAN: ${only.filter((o) => !report.some((r) => r.file === `${o}.pdf`)).join(' ')}`);
  process.exitCode = 1;
}
if (report.some((r) => (r.cuts && !r.split.some((s) => s.pages)) || r.split.some((s) => s.error))) process.exitCode = 1;
