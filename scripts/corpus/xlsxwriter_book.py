#!/usr/bin/env python3
"""Writes the differential corpus's workbook with xlsxwriter.

Usage: xlsxwriter_book.py OUT.xlsx [--1904]

The content of openpyxl_book.py, as far as xlsxwriter writes it: it has
no theme or palette colours, so those fills are RGB here.
"""
import datetime
import sys

import xlsxwriter

out = sys.argv[1]
wb = xlsxwriter.Workbook(out, {"date_1904": "--1904" in sys.argv[2:]})
ws = wb.add_worksheet("Scorecard")
month = wb.add_format({"num_format": "mmm-yy"})
pct = wb.add_format({"num_format": "0.0%"})
ws.merge_range("A1:E1", "Kent scorecard", wb.add_format({"bold": True, "font_name": "Arial"}))
ws.write_row("A2", ["Ref", "Indicator"])
for i, m in enumerate([4, 5, 6]):
    ws.write_datetime(1, 2 + i, datetime.datetime(2024, m, 1), month)
ws.write_row("A3", ["CIC05", 'Children in care & "UASC"'])
ws.write_number("C3", 0.1166, pct)
ws.write_number("D3", 0.12, pct)
ws.write_number("E3", 0.125, wb.add_format({"num_format": "0.0%", "bg_color": "#FF0000", "pattern": 1}))
ws.write_row("A4", ["CIC09", "Days\nwaiting", 412])
ws.write_number("D4", 398.5, wb.add_format({"bg_color": "#FFC000", "pattern": 1}))
ws.write_number("E4", 401, wb.add_format({"bg_color": "#00B050", "pattern": 1}))
ws.write_row("A5", ["X1", "Flag"])
ws.write_boolean("C5", True)
ws.write_boolean("D5", False)
ws.write_string("E5", "ê é — ‘quoted’")
ws.write_row("A6", ["W1", "Wingdings"])
ws.write_string("C6", "\u00e9", wb.add_format({"font_name": "Wingdings 3"}))
ws.write_row("A7", ["T1", "Fills"])
ws.write_number("C7", 1, wb.add_format({"bg_color": "#F4B183", "pattern": 1}))
ws.write_rich_string("D7", "rich ", wb.add_format({"bold": True}), "text")
ws.write_row("A8", ["N1", "Numbers", 1234567.891, -0.5, 0, 1e20])
ws.write_formula("G8", "=C8*2", None, 2469135.782)
# No result given: xlsxwriter saves 0 in its place, the workbook asking
# to be recalculated on opening.
ws.write_formula("H8", "=C8*3")
ws.set_column("F:F", None, None, {"hidden": True})
notes = wb.add_worksheet("Notes")
notes.write_string("A1", "  padded  ")
notes.write_string("B2", "Line one\r\nline two")
notes.write_string("Z50", "far away")
wb.close()
