"""Read an exported Scorecard sheet the way Excel users' tools do, with
openpyxl, and print each indicator's latest figures as JSON for the Go test
to compare with the app's own analysis."""
import json
import sys

import openpyxl

HEADER_ROW = 6

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Scorecard"]
month = sys.argv[2]
header = [c.value for c in ws[HEADER_ROW]]
col = {name: i for i, name in enumerate(header) if name is not None}
out = {"title": ws["A1"].value, "exclusions": ws["A2"].value, "rows": {}, "text_cells": []}
for row in ws.iter_rows(min_row=HEADER_ROW + 1):
    ref = row[0].value
    if ref is None or row[1].value is None:
        continue
    cell = row[col[month]]
    out["rows"][ref] = {
        "name": row[1].value,
        "name_type": row[1].data_type,
        "value": cell.value,
        "type": cell.data_type,
        "format": cell.number_format,
        "rag": row[col["RAG"]].value,
        "rag_fill": row[col["RAG"]].fill.fgColor.rgb if row[col["RAG"]].fill.fill_type else None,
        "dot": row[col["DoT"]].value,
        "comment": row[col["Comments"]].value,
        "comment_type": row[col["Comments"]].data_type,
    }
json.dump(out, sys.stdout)
