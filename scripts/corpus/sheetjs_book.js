// Writes the differential corpus's workbook with SheetJS (the xlsx
// package, 0.18.5, which scripts/setup.sh installs under build/sheetjs).
//
// Usage: NODE_PATH=build/sheetjs/node_modules node sheetjs_book.js OUT.xlsx [--1904] [--dates]
//
// The content of openpyxl_book.py as far as SheetJS's free edition
// writes it: values, number formats, a merge, but no styles. With
// --dates, dates are written as ISO date cells (t="d").
const XLSX = require("xlsx");

const out = process.argv[2];
const date1904 = process.argv.includes("--1904");
const isoDates = process.argv.includes("--dates");
const ws = XLSX.utils.aoa_to_sheet([
  ["Kent scorecard"],
  ["Ref", "Indicator", new Date(Date.UTC(2024, 3, 1)), new Date(Date.UTC(2024, 4, 1)), new Date(Date.UTC(2024, 5, 1))],
  ["CIC05", 'Children in care & "UASC"', 0.1166, 0.12, 0.125],
  ["CIC09", "Days\nwaiting", 412, 398.5, 401],
  ["X1", "Flag", true, false, "ê é — ‘quoted’"],
  ["W1", "Wingdings", "\u00e9"],
  ["T1", "Fills", 1, 2, 3],
  ["N1", "Numbers", 1234567.891, -0.5, 0, 1e20],
], { cellDates: isoDates, UTC: true, date1904 });
for (const c of ["C2", "D2", "E2"]) ws[c].z = "mmm-yy";
if (date1904 && !isoDates) {
  // SheetJS 0.18.5's aoa_to_sheet ignores date1904 and writes 1900
  // serials, which Excel would show four years late; a 1904 workbook
  // from SheetJS carries serials its caller made, as here.
  ["C2", "D2", "E2"].forEach((c, i) => {
    ws[c] = { t: "n", v: (Date.UTC(2024, 3 + i, 1) - Date.UTC(1904, 0, 1)) / 864e5, z: "mmm-yy" };
  });
}
for (const c of ["C3", "D3", "E3"]) ws[c].z = "0.0%";
ws["G8"] = { t: "n", f: "C8*2", v: 2469135.782 };
ws["!ref"] = "A1:G8";
ws["!merges"] = [XLSX.utils.decode_range("A1:E1")];
const notes = XLSX.utils.aoa_to_sheet([["  padded  "], [null, "Line one\r\nline two"]]);
XLSX.utils.sheet_add_aoa(notes, [["far away"]], { origin: "Z50" });
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, "Scorecard");
XLSX.utils.book_append_sheet(wb, notes, "Notes");
if (date1904) wb.Workbook = { WBProps: { date1904: true } };
XLSX.writeFile(wb, out, { bookType: "xlsx", cellDates: isoDates });
