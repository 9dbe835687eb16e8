// Package csvfile reads a CSV file's text into records as Excel, report
// servers and case-management systems save it: in UTF-8, Windows-1252 or
// UTF-16, its fields parted by commas, tabs or semicolons, with a
// byte-order mark, ragged rows and stray quotes; and it refuses what no
// table is (a line of megabytes, a record of thousands of fields, a field
// past Excel's cell limit, more records than Excel's rows), naming the
// line.
//
// It reads records only: what a record means (a tidy table, a scorecard
// saved as CSV, a child-level list, a DfE download) is the importer's,
// which opens the file and names it in its errors.
//
// It must not import the importer (scorecard/importer) or app/store: it
// needs no more than the standard library, golang.org/x/text and
// importer/value.
package csvfile
