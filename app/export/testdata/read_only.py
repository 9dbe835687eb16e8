#!/usr/bin/env python3
"""Reads every sheet of a workbook with openpyxl in read-only mode, which
trusts each sheet's declared dimension as pandas does, and in its ordinary
mode, which does not; prints per sheet the rows, columns and values each
mode sees and the first cells where they differ, as JSON."""
import json
import sys

import openpyxl


def values(ws):
    got = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None and not isinstance(c, openpyxl.cell.read_only.EmptyCell):
                got[(c.row, c.column)] = c.value
    return got


path = sys.argv[1]
ro = openpyxl.load_workbook(path, read_only=True)
full = openpyxl.load_workbook(path)
out = {}
for name in full.sheetnames:
    r, f = ro[name], full[name]
    rv, fv = values(r), values(f)
    differ = [f"{openpyxl.utils.get_column_letter(k[1])}{k[0]}" for k in sorted(set(rv) | set(fv)) if rv.get(k) != fv.get(k)]
    out[name] = {
        "max_row": r.max_row or 0, "max_column": r.max_column or 0,
        "full_row": f.max_row, "full_column": f.max_column,
        "values": len(rv), "full_values": len(fv), "differ": differ[:5],
    }
ro.close()
json.dump(out, sys.stdout)
