package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// A title or sheet name dates a district sheet (titlePeriod) as a column
// heading dates a column, and is written in the same words: "District
// scorecard Quarter 1 2025/26", "Districts Q1 FY25-26", "Qtr1 25-26".
// Read only for the year inside them (findLongerPeriod), such a title
// filed a quarter's district figures, silently, as the whole financial
// year's; or, its year unread, refused the file with no word of why
// (QA24a D13). A title is read here with the heading's reader
// (wordedPeriod), said at its cell; a quarter in it that no reader
// takes as one quarter refuses it rather than leaving its year.

// titleWorded finds a quarter or year written in words within a title or
// sheet name s: the first run of its words that a heading so written is
// read as (calendarQuarter, FinancialQuarter, wordedPeriod). note says
// how it was read, for the warning at the title; "" for a form that
// needs no note ("Q1 2025/26", read as the scorecard's own columns are).
// refused says why a quarter the title names cannot be read; "" with ok
// false where s names none.
func titleWorded(s string) (p app.Period, note, refused string, ok bool) {
	fields := gluedQuarters(rangeFields(strings.ReplaceAll(s, "\u00a0", " ")))
	for i := range fields {
		for n := min(4, len(fields)-i); n >= 1; n-- {
			w := strings.Join(fields[i:i+n], " ")
			if q, ok := FinancialQuarter(w); ok {
				return q, "", "", true
			}
			if q, ok := calendarQuarter(w); ok {
				return q, calendarQuarterWords(w, q), "", true
			}
			p, why, no, ok := wordedPeriod(w)
			if ok && readBefore(w) {
				return p, "", "", true
			}
			if ok {
				return p, fmt.Sprintf("%q %s", w, why), "", true
			}
			if no != "" {
				return app.Period{}, "", fmt.Sprintf("%q: %s", w, no), false
			}
		}
	}
	if q := quarterNamed(fields); q != "" {
		return app.Period{}, "", fmt.Sprintf("it names the quarter %q but not which year's, as one quarter such as \"Quarter 1 2025/26\" or \"Q1 2025/26\" does: head it so, or by its months, such as \"Apr-Jun 2025\"", q), false
	}
	return app.Period{}, "", "", false
}

// gluedQuarters parts a quarter's word from its number, "Qtr1" and
// "Quarter1" as "Qtr 1", as the heading's reader takes them (quarterWord).
func gluedQuarters(fields []string) []string {
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		low := strings.ToLower(f)
		for _, w := range []string{"quarter", "qtr"} {
			if n := strings.TrimPrefix(low, w); n != low && len(n) == 1 && n[0] >= '1' && n[0] <= '4' {
				out = append(out, f[:len(w)], n)
				f = ""
				break
			}
		}
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// quarterNamed is the first quarter a title's words name, "Q3" or
// "Quarter 3", whether or not with a year; "" for none.
func quarterNamed(fields []string) string {
	for i, f := range fields {
		low := strings.ToLower(strings.TrimSuffix(f, "."))
		if len(low) == 2 && low[0] == 'q' && low[1] >= '1' && low[1] <= '4' {
			return f
		}
		switch low {
		case "quarter", "qtr", "qr":
			if i+1 < len(fields) && len(fields[i+1]) == 1 && fields[i+1][0] >= '1' && fields[i+1][0] <= '4' {
				return f + " " + fields[i+1]
			}
		}
	}
	return ""
}

// titleWording is how titlePeriod's quarter or year in words was read:
// the note said at the cell (or of the sheet's name) it was read from,
// or why the quarter the title names was not read.
type titleWording struct {
	cell    string // "A1", where the title is a cell; "" for the sheet's name
	text    string // the title or sheet's name, as written
	note    string // how it was read; "" for a form needing no note
	refused string // why not read
}

// source says where the wording was read: the title at its cell, or the
// sheet's name.
func (w titleWording) source() string {
	if w.cell == "" {
		return fmt.Sprintf("the sheet's name %q", w.text)
	}
	return fmt.Sprintf("the title %q at %s", w.text, w.cell)
}
