#!/usr/bin/env python3
"""Writes the differential corpus's workbook with openpyxl.

Usage: openpyxl_book.py OUT.xlsx [--1904]

The same content as the other producers' scripts (xlsxwriter_book.py,
sheetjs_book.js and the Go writer in importer/xlsx's tests): a small
scorecard with month headings as real dates, percentages, RAG fills given
as RGB, theme (with tint) and palette colours, a Wingdings cell, booleans,
a formula, rich and awkward text, a merged title and a second sheet.
"""
import datetime
import sys

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import Color
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]
wb = openpyxl.Workbook()
if "--1904" in sys.argv[2:]:
    wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "Scorecard"
ws["A1"] = "Kent scorecard"
ws["A1"].font = Font(bold=True, name="Arial")
ws.merge_cells("A1:E1")
for c, v in enumerate(["Ref", "Indicator"], start=1):
    ws.cell(row=2, column=c, value=v)
for i, month in enumerate([4, 5, 6]):
    cell = ws.cell(row=2, column=3 + i, value=datetime.datetime(2024, month, 1))
    cell.number_format = "mmm-yy"
rows = [
    ["CIC05", 'Children in care & "UASC"', 0.1166, 0.12, 0.125],
    ["CIC09", "Days\nwaiting", 412, 398.5, 401],
    ["X1", "Flag", True, False, "ê é — ‘quoted’"],
]
for r, values in enumerate(rows, start=3):
    for c, v in enumerate(values, start=1):
        ws.cell(row=r, column=c, value=v)
for c in "CDE":
    ws[c + "3"].number_format = "0.0%"
red, amber, green = (PatternFill("solid", fgColor=x) for x in ("FFFF0000", "FFFFC000", "FF00B050"))
ws["E3"].fill = red
ws["D4"].fill = amber
ws["E4"].fill = green
ws["A6"], ws["B6"], ws["C6"] = "W1", "Wingdings", "\u00e9"
ws["C6"].font = Font(name="Wingdings 3")
ws["A7"], ws["B7"] = "T1", "Theme and palette fills"
ws["C7"] = 1
ws["C7"].fill = PatternFill("solid", fgColor=Color(theme=5, tint=0.3999755851924192))
ws["D7"] = 2
ws["D7"].fill = PatternFill("solid", fgColor=Color(indexed=10))
ws["E7"] = 3
ws["E7"].fill = PatternFill("solid", fgColor=Color(theme=9))
ws["A8"], ws["B8"] = "N1", "Numbers"
ws["C8"], ws["D8"], ws["E8"], ws["F8"] = 1234567.891, -0.5, 0, 1e20
ws["G8"] = "=C8*2"
ws.column_dimensions["F"].hidden = True
notes = wb.create_sheet("Notes")
notes["A1"] = "  padded  "
notes["B2"] = "Line one\r\nline two"
notes["Z50"] = "far away"
wb.save(out)
