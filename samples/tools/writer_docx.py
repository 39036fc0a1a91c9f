#!/usr/bin/python3
"""python-docx producer (Debian python3-docx 0.8.11), run by build.mjs, which then converts the .docx to PDF with
LibreOffice Writer (soffice --convert-to pdf):

    /usr/bin/python3 writer_docx.py <table.json> <out.docx> <font family>

<table.json> is {title, department, currencyUnit, rows} with the rows as printed (renderSubstitutions applied).
The layout of a Word-made disclosure: a 序号 first column (projects numbered 1..n, empty for 合计 and unit rows),
a two-row header where 资金来源 spans 财政拨款/财政专户拨款/其他资金 and the other header cells span both rows,
both header rows repeated on every page (w:tblHeader), 'Table Grid' borders, landscape A4, and
`部门名称：…<tab>单位：万元` on one line. Word's defaults are left alone, so Writer applies Asian/Latin
autospacing (a visual gap between CJK and digits/Latin, no space character).
"""
import sys, json
from docx import Document
from docx.shared import Pt, Cm
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

HEADER = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标']
FIELDS = ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicatorsText']
CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT


def main(table_json, out, font):
    with open(table_json, encoding='utf-8') as f:
        src = json.load(f)
    d = Document()
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.5)
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    normal = d.styles['Normal']
    normal.font.name = font
    normal.font.size = Pt(8)
    normal.element.rPr.rFonts.set(qn('w:eastAsia'), font)
    normal.paragraph_format.space_after = normal.paragraph_format.space_before = Pt(0)

    def para(text, size=None, bold=False, align=None, p=None):
        p = p or d.add_paragraph()
        run = p.add_run(text)
        run.font.name = font
        run._element.rPr.rFonts.set(qn('w:eastAsia'), font)
        if size:
            run.font.size = Pt(size)
        run.bold = bold
        if align is not None:
            p.alignment = align
        return p

    para(src['title'], 18, True, CENTER)
    p = para('部门名称：' + src['department'] + '\t单位：' + src['currencyUnit'], 10)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(26.7), WD_TAB_ALIGNMENT.RIGHT)
    p.paragraph_format.space_after = Pt(4)

    widths = [Cm(1.0), Cm(4.0), Cm(1.9), Cm(1.9), Cm(2.0), Cm(1.8), Cm(5.6), Cm(8.5)]  # 26.7 cm
    rows = src['rows']
    t = d.add_table(rows=2 + len(rows), cols=8)
    t.style = 'Table Grid'
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for row in t.rows:
        for i, c in enumerate(row.cells):
            c.width = widths[i]
    # python-docx writes equal tblGrid columns, and Writer lays the table out by the grid: set it, fixed layout
    for gc, w in zip(t._tbl.tblGrid.findall(qn('w:gridCol')), widths):
        gc.set(qn('w:w'), str(w.twips))
    layout = OxmlElement('w:tblLayout')
    layout.set(qn('w:type'), 'fixed')
    t._tbl.tblPr.append(layout)

    h0, h1 = t.rows[0].cells, t.rows[1].cells
    for i, label in [(0, '序号'), (1, HEADER[0]), (2, HEADER[1]), (6, HEADER[5]), (7, HEADER[6])]:
        m = h0[i].merge(h1[i])  # vMerge over both header rows
        para(label, bold=True, align=CENTER, p=m.paragraphs[0])
        m.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    m = h0[3].merge(h0[5])  # gridSpan 3
    para('资金来源', bold=True, align=CENTER, p=m.paragraphs[0])
    for i, label in [(3, HEADER[2]), (4, HEADER[3]), (5, HEADER[4])]:
        para(label, bold=True, align=CENTER, p=h1[i].paragraphs[0])
    for hr in (t.rows[0], t.rows[1]):  # both header rows repeat; body rows may break across pages
        el = OxmlElement('w:tblHeader')
        el.set(qn('w:val'), 'true')
        hr._tr.get_or_add_trPr().append(el)

    seq = 0
    for k, r in enumerate(rows):
        cs = t.rows[2 + k].cells
        c = [r[f] for f in FIELDS]
        if r['kind'] == 'project':
            seq += 1
        para(str(seq) if r['kind'] == 'project' else '', align=CENTER, p=cs[0].paragraphs[0])
        para(c[0], bold=r['kind'] != 'project', p=cs[1].paragraphs[0])
        for j in range(1, 5):
            para(c[j], align=RIGHT, p=cs[1 + j].paragraphs[0])
        para(c[5], p=cs[6].paragraphs[0])
        para(c[6], p=cs[7].paragraphs[0])
        for x in cs:
            x.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    d.save(out)


if __name__ == '__main__':
    main(*sys.argv[1:])
