#!/usr/bin/python3
"""ReportLab producer (Debian python3-reportlab 3.6.12), run by build.mjs:

    /usr/bin/python3 reportlab_cid.py <table.json> <out.pdf>

<table.json> is {title, department, currencyUnit, rows} with the rows as printed (renderSubstitutions applied).
The font is ReportLab's built-in CID font STSong-Light (Adobe-GB1, UniGB-UCS2-H), which is NOT embedded: the
PDF names the font and the CMap only, and a reader needs its own CMap/font files (poppler-data for poppler).
The table is a Platypus Table with a GRID (stroked lines), the header row repeated (repeatRows=1), and rows
allowed to split inside a cell (splitInRow=1). ReportLab 3.6.12 draws the repeated header of the next page over
the top of the continued row, so the header's text and the row's first lines overlap there.
"""
import json, sys
from xml.sax.saxutils import escape
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer

HEADER = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标']
FIELDS = ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicatorsText']


def main(table_json, out):
    with open(table_json, encoding='utf-8') as f:
        src = json.load(f)
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    font = 'STSong-Light'
    page = landscape(A4)
    doc = SimpleDocTemplate(out, pagesize=page, leftMargin=1.2 * cm, rightMargin=1.2 * cm, topMargin=1.2 * cm,
                            bottomMargin=1.2 * cm, title=src['title'], author='jixiao samples', creator='ReportLab')
    base = ParagraphStyle('b', fontName=font, fontSize=8.5, leading=11, wordWrap='CJK')
    num = ParagraphStyle('n', parent=base, alignment=2)
    head = ParagraphStyle('h', parent=base, alignment=1)
    title = ParagraphStyle('t', fontName=font, fontSize=16, leading=22, alignment=1)
    meta = ParagraphStyle('m', fontName=font, fontSize=10, leading=14)
    P = lambda s, st=base: Paragraph(escape(s), st)

    data = [[P(h, head) for h in HEADER]]
    for r in src['rows']:
        c = [r[k] for k in FIELDS]
        data.append([P(c[0])] + [P(x, num) for x in c[1:5]] + [P(c[5]), P(c[6])])
    avail = page[0] - 2.4 * cm
    fractions = [0.15, 0.07, 0.07, 0.075, 0.065, 0.22, 0.35]
    table = Table(data, colWidths=[avail * f for f in fractions], repeatRows=1, splitByRow=1, splitInRow=1)
    table.setStyle(TableStyle([
        ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
        ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
        ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#e8e8e8')),
        ('LEFTPADDING', (0, 0), (-1, -1), 3), ('RIGHTPADDING', (0, 0), (-1, -1), 3),
    ]))
    # 部门名称 left and 单位 right, in a borderless two-cell table above the grid
    meta_table = Table([[P('部门名称：' + src['department'], meta),
                         P('单位：' + src['currencyUnit'], ParagraphStyle('mr', parent=meta, alignment=2))]],
                       colWidths=[avail * 0.7, avail * 0.3], style=[('LEFTPADDING', (0, 0), (-1, -1), 0)])
    doc.build([P(src['title'], title), Spacer(1, 4), meta_table, table])


if __name__ == '__main__':
    main(*sys.argv[1:])
