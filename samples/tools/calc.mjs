// LibreOffice Calc producer: a flat ODS spreadsheet (.fods) that build.mjs converts with
// `soffice --convert-to pdf:calc_pdf_Export`. What a spreadsheet-made disclosure looks like:
// - the title (merged over all 7 columns), then `部门名称：…` (merged A–E) and `单位：万元` (merged F–G) are
//   bordered merged cells INSIDE the grid, above the header row;
// - a grey header row, repeated on every page as a print-title row (table:table-header-rows);
// - amounts are numeric cells shown with the format #,##0.00 (empty cells for empty amounts);
// - wrapped text, optimal row heights, landscape A4 scaled to fit one page wide; Calc never splits a row across
//   pages, so no row is cut by a page break;
// - the rules are the cells' 0.5pt borders.
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * @param {{title: string, department: string, currencyUnit: string}} doc
 * @param {string[][]} body  the printed cells of each row, in HEADER order
 * @param {boolean[]} bold   per row: print the name in bold (合计 and unit rows)
 */
export function fods(doc, header, body, bold, { font }) {
  const colW = ['4.6cm', '2.0cm', '2.0cm', '2.0cm', '2.0cm', '6.5cm', '11.5cm'];
  const cell = (text, style, extra = '') => text === ''
    ? `<table:table-cell table:style-name="${style}"${extra}/>`
    : `<table:table-cell table:style-name="${style}" office:value-type="string"${extra}><text:p>${xml(text)}</text:p></table:table-cell>`;
  const amount = (text) => {
    if (text === '') return '<table:table-cell table:style-name="CNum"/>';
    // a number cell formatted #,##0.00 prints exactly this text; anything else stays a string
    if (!/^\d{1,3}(,\d{3})*\.\d\d$/.test(text)) return cell(text, 'CNum');
    return `<table:table-cell table:style-name="CNumN" office:value-type="float" office:value="${text.replace(/,/g, '')}"><text:p>${text}</text:p></table:table-cell>`;
  };
  const covered = (n) => '<table:covered-table-cell table:style-name="CBox"/>'.repeat(n);
  const span = (n) => ` table:number-columns-spanned="${n}" table:number-rows-spanned="1"`;
  const row = (c, i) => `<table:table-row table:style-name="RAuto">${cell(c[0], bold[i] ? 'CBold' : 'CBox')}` +
    `${c.slice(1, 5).map(amount).join('')}${cell(c[5], 'CBox')}${cell(c[6], 'CBox')}</table:table-row>`;
  const border = 'fo:border="0.5pt solid #000000" style:vertical-align="middle"';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'${font}'"/></office:font-face-decls>
<office:styles>
 <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <style:default-style style:family="table-cell">
  <style:text-properties style:font-name="F" style:font-name-asian="F" fo:font-size="9pt" style:font-size-asian="9pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 ${colW.map((w, i) => `<style:style style:name="co${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}"/></style:style>`).join('\n ')}
 <style:style style:name="RAuto" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
 <style:style style:name="RTitle" style:family="table-row"><style:table-row-properties style:row-height="1.2cm"/></style:style>
 <style:style style:name="ta1" style:family="table" style:master-page-name="PM"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="CBox" style:family="table-cell"><style:table-cell-properties ${border} fo:wrap-option="wrap" fo:padding="0.05cm"/><style:paragraph-properties fo:text-align="start"/></style:style>
 <style:style style:name="CBold" style:family="table-cell"><style:table-cell-properties ${border} fo:wrap-option="wrap" fo:padding="0.05cm"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="CNum" style:family="table-cell"><style:table-cell-properties ${border}/><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="CNumN" style:family="table-cell" style:data-style-name="N2"><style:table-cell-properties ${border}/><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="CHead" style:family="table-cell"><style:table-cell-properties ${border} fo:wrap-option="wrap" fo:background-color="#d9d9d9"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="CTitle" style:family="table-cell"><style:table-cell-properties ${border}/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="CDept" style:family="table-cell"><style:table-cell-properties ${border}/><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
 <style:style style:name="CUnit" style:family="table-cell"><style:table-cell-properties ${border}/><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.0cm" fo:margin-bottom="1.0cm" fo:margin-left="1.0cm" fo:margin-right="1.0cm"
   style:scale-to-X="1" style:scale-to-Y="0" loext:scale-to-X="1" loext:scale-to-Y="0" style:print="grid-off" style:print-page-order="ttb"/>
  <style:header-style/><style:footer-style/>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="PM" style:page-layout-name="pm1"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page></office:master-styles>
<office:body><office:spreadsheet>
<table:table table:name="Sheet1" table:style-name="ta1">
${colW.map((_, i) => `<table:table-column table:style-name="co${i}"/>`).join('')}
<table:table-row table:style-name="RTitle">${cell(doc.title, 'CTitle', span(7))}${covered(6)}</table:table-row>
<table:table-row table:style-name="RAuto">${cell(`部门名称：${doc.department}`, 'CDept', span(5))}${covered(4)}${cell(`单位：${doc.currencyUnit}`, 'CUnit', span(2))}${covered(1)}</table:table-row>
<table:table-header-rows><table:table-row table:style-name="RAuto">${header.map((h) => cell(h, 'CHead')).join('')}</table:table-row></table:table-header-rows>
${body.map(row).join('\n')}
</table:table>
</office:spreadsheet></office:body></office:document>
`;
}
