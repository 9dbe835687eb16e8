#!/usr/bin/python3
"""same-exports.py: are two folders of exports (scripts/export-cases.sh)
the same exports?

Usage: scripts/same-exports.py REF NEW

Each workbook is compared part by part, byte for byte, once the time it
was produced (which every run changes) is masked: the date and time
written on the Scorecard and Provenance sheets, in the page footers and
in the document properties. A worksheet part whose bytes differ is then
compared cell by cell with openpyxl: every cell's value and style (font,
fill, border, alignment, number format, protection), the merges, column
widths, row heights, panes, print settings, and data validations; and
its drawing and sparkline XML still byte for byte. Each PDF pack is
compared by its text, page by page, and its page count. What each
command printed is compared too, its paths masked.

A part order that differs, and shared strings that differ where every
sheet is the same cell by cell, are noted. It prints one line per
export and exits 1 if any differs.
"""
import io
import os
import re
import subprocess
import sys
import zipfile

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
PRODUCED = [
    (re.compile(r"\b\d{1,2} (?:%s) \d{4}(?: \d\d:\d\d(?::\d\d)? [A-Z]{2,5})?" % MONTHS), "DATE"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z"), "ISOTIME"),
]


def mask(b):
    s = b.decode("utf-8", "replace")
    for rx, r in PRODUCED:
        s = rx.sub(r, s)
    return s


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}, [n for n in z.namelist()]


def sheet_names(ps):
    """Worksheet part name to sheet title."""
    wb = ps["xl/workbook.xml"].decode()
    rels = ps["xl/_rels/workbook.xml.rels"].decode()
    target = dict(re.findall(r'<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    target.update({k: v for v, k in re.findall(r'<Relationship Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
    out = {}
    for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*r:id="([^"]+)"', wb):
        t = target[rid].lstrip("/")
        if not t.startswith("xl/"):
            t = "xl/" + t
        out[t] = name
    return out


def style_of(c):
    return (
        repr(c.font), repr(c.fill), repr(c.border), repr(c.alignment),
        c.number_format, repr(c.protection),
    )


EMPTY_SHEET = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'


def loaded(path, same):
    """The workbook at path as openpyxl reads it, with the sheet parts
    named in same (equal in both workbooks, byte for byte) emptied so that
    it reads quickly."""
    import openpyxl

    buf = io.BytesIO()
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(buf, "w") as out:
        for n in z.namelist():
            out.writestr(n, EMPTY_SHEET if n in same else z.read(n))
    buf.seek(0)
    return openpyxl.load_workbook(buf)


def sheet_diff(wa, wb, ref_path, new_path, title):
    """Differences between one sheet of two workbooks, cell by cell."""
    a, b = wa[title], wb[title]
    out = []
    if a.dimensions != b.dimensions:
        out.append("dimension %s, now %s" % (a.dimensions, b.dimensions))
    rows = max(a.max_row, b.max_row)
    cols = max(a.max_column, b.max_column)
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            x, y = a.cell(r, c), b.cell(r, c)
            xv, yv = x.value, y.value
            if isinstance(xv, str):
                xv = mask(xv.encode())
            if isinstance(yv, str):
                yv = mask(yv.encode())
            if xv != yv or type(xv) != type(yv):
                out.append("%s: %r, now %r" % (x.coordinate, xv, yv))
            elif style_of(x) != style_of(y):
                out.append("%s: style differs" % x.coordinate)
            if x.comment != y.comment and (x.comment is None or y.comment is None or x.comment.text != y.comment.text):
                out.append("%s: note differs" % x.coordinate)
            if len(out) > 20:
                return out
    if sorted(map(str, a.merged_cells.ranges)) != sorted(map(str, b.merged_cells.ranges)):
        out.append("merges differ")
    if widths(a) != widths(b):
        out.append("column widths differ: %s, now %s" % (widths(a), widths(b)))
    rh = lambda ws: {k: (v.height, v.hidden) for k, v in ws.row_dimensions.items() if v.height is not None or v.hidden}
    if rh(a) != rh(b):
        out.append("row heights differ")
    for attr in ("freeze_panes", "print_title_rows", "print_title_cols", "print_area"):
        if getattr(a, attr) != getattr(b, attr):
            out.append("%s: %r, now %r" % (attr, getattr(a, attr), getattr(b, attr)))
    for attr in ("page_setup", "print_options", "page_margins", "sheet_properties"):
        if repr(getattr(a, attr).__dict__) != repr(getattr(b, attr).__dict__):
            out.append("%s differs" % attr)
    if header_footer(ref_path, title) != header_footer(new_path, title):
        out.append("header and footer differ")
    if repr(a.data_validations.dataValidation) != repr(b.data_validations.dataValidation):
        out.append("data validations differ")
    if repr(a.conditional_formatting._cf_rules) != repr(b.conditional_formatting._cf_rules):
        out.append("conditional formats differ")
    return out


def widths(ws):
    """Each column's width, whether one column or a range of them sets it."""
    out = {}
    for v in ws.column_dimensions.values():
        if v.customWidth or v.hidden:
            for c in range(v.min, v.max + 1):
                out[c] = (v.width, v.hidden)
    return out


def header_footer(path, title):
    """The sheet's page header and footer as written, masked."""
    ps, _ = parts(path)
    for n, t in sheet_names(ps).items():
        if t == title:
            m = re.search(rb"<headerFooter.*?</headerFooter>", ps[n], re.S)
            return mask(m.group(0)) if m else ""
    return None


def sparklines(xml):
    m = re.search(rb"<x14:sparklineGroups.*</x14:sparklineGroups>", xml, re.S)
    return m.group(0) if m else b""


def compare_xlsx(ref, new):
    pa, order_a = parts(ref)
    pb, order_b = parts(new)
    problems = []
    if sorted(pa) != sorted(pb):
        problems.append("parts differ: %s" % sorted(set(pa) ^ set(pb)))
        return problems, 0, []
    titles = sheet_names(pa)
    semantic, notes = 0, []
    if order_a != order_b:
        notes.append("parts in another order")
    strings_differ = False
    same = {n for n in order_a if n in titles and mask(pa[n]) == mask(pb[n])}
    wa = wb = None
    for n in order_a:
        if mask(pa[n]) == mask(pb[n]):
            continue
        if n in titles:
            semantic += 1
            if wa is None:
                wa, wb = loaded(ref, same), loaded(new, same)
            d = sheet_diff(wa, wb, ref, new, titles[n])
            if sparklines(pa[n]) != sparklines(pb[n]):
                d.append("sparklines differ")
            if drawing_rels(pa[n]) != drawing_rels(pb[n]):
                d.append("drawings or notes differ")
            problems += ["%s (%s): %s" % (titles[n], n, x) for x in d]
        elif n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels") and by_target(pa, n) == by_target(pb, n):
            # The shared strings' relationship is made with the first
            # shared text, so the sheets' relationship IDs may follow it.
            if "relationship IDs renumbered" not in notes:
                notes.append("relationship IDs renumbered")
        elif n == "xl/sharedStrings.xml":
            # A streamed sheet writes its texts in its cells, so the
            # table holds fewer; every sheet's texts are compared above.
            strings_differ = True
        else:
            problems.append("%s differs" % n)
    if strings_differ:
        notes.append("shared strings differ")
    return problems, semantic, notes


def by_target(ps, name):
    """The part name with the workbook's relationship IDs written as their
    targets, its relationships sorted."""
    rel = re.compile(rb'<Relationship Id="(rId\d+)" Target="([^"]+)"[^>]*></Relationship>')
    target = {m.group(1): m.group(2) for m in rel.finditer(ps["xl/_rels/workbook.xml.rels"])}
    ids = lambda b: re.sub(rb'"(rId\d+)"', lambda m: b'"' + target.get(m.group(1), m.group(1)) + b'"', b)
    rels = sorted(ids(m.group(0)) for m in rel.finditer(ps[name]))
    return mask(ids(rel.sub(b"", ps[name])) + b"".join(rels))


def drawing_rels(xml):
    """The drawing and notes a sheet refers to."""
    return re.findall(rb"<(drawing|legacyDrawing)\b[^>]*?id=\"([^\"]+)\"", xml)


def pdf_text(path):
    pages = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, check=True).stdout
    return re.search(r"Pages:\s+(\d+)", pages).group(1), mask(text)


def main():
    ref, new = sys.argv[1], sys.argv[2]
    bad = 0
    for name in sorted(os.listdir(ref)):
        a, b = os.path.join(ref, name), os.path.join(new, name)
        if os.path.isdir(a):
            continue
        if not os.path.exists(b):
            print("%-32s MISSING" % name)
            bad += 1
            continue
        note = ""
        if name.endswith(".xlsx"):
            problems, semantic, notes = compare_xlsx(a, b)
            if semantic and not problems:
                note = " (%d sheet parts differ in bytes, equal cell by cell%s)" % (semantic, "".join("; " + n for n in notes))
            elif notes and not problems:
                note = " (%s)" % "; ".join(notes)
        elif name.endswith(".pdf"):
            (pa, ta), (pb, tb) = pdf_text(a), pdf_text(b)
            problems = []
            if pa != pb:
                problems.append("%s pages, now %s" % (pa, pb))
            if ta != tb:
                problems.append("text differs")
            note = " (%s pages, same text)" % pa
        else:
            x = open(a).read().replace(ref.rstrip("/"), "OUT")
            y = open(b).read().replace(new.rstrip("/"), "OUT")
            problems = [] if x == y else ["output differs:\n%s\n---\n%s" % (x, y)]
        if problems:
            bad += 1
            print("%-32s DIFFERS" % name)
            for p in problems[:25]:
                print("    " + p)
        else:
            print("%-32s same%s" % (name, note))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
