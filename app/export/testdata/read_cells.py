#!/usr/bin/env python3
"""Reads one sheet of a workbook with openpyxl and prints, as JSON, every
cell holding a value or a comment: its value as openpyxl reads it, its
solid fill's colour (RGB, or null for none) and its comment's text."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
out = {}
for row in ws.iter_rows():
    for c in row:
        if c.value is None and c.comment is None:
            continue
        fill = None
        if c.fill is not None and c.fill.fill_type == "solid":
            fill = str(c.fill.fgColor.rgb)[-6:].upper()
        out[c.coordinate] = {
            "value": c.value,
            "fill": fill,
            "comment": c.comment.text if c.comment else None,
        }
json.dump(out, sys.stdout)
