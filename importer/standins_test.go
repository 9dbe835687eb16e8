package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestStandInKeyOnAnotherSheet checks italic figures are read as last
// year's outturn standing in where the key saying so is on a sheet of its
// own (a Key, Notes or cover sheet, skipped for having no header), as
// where it is under the table; and that italic figures with no such key
// anywhere are read as the month's own with one warning for the sheet at
// the first of them.
func TestStandInKeyOnAnotherSheet(t *testing.T) {
	const key = "Figures in italics are the previous reporting year's outturn, shown where the current year's figure is not yet available."
	tests := []struct {
		name    string
		cover   []any // the first sheet's rows, nil for none
		under   string
		standIn bool
		warnAt  string // the italics warning's cell, "" for none
		// warnSheet is the italics warning's sheet where it is at a
		// note saying italics mean something else, "" for the
		// scorecard's at its first italic figure.
		warnSheet string
		keyAt     string // the key's cell the skipped sheet's warning names
	}{
		{name: "key on a Key sheet", cover: []any{"Kent Children's Services Performance Scorecard - June 2025", "Key", key}, standIn: true, keyAt: "A3"},
		{name: "key in other words on a Notes sheet", cover: []any{"Notes", "Italic figures: last year's outturn (2024/25), shown until this year's is available"}, standIn: true, keyAt: "A2"},
		{name: "key under the table", under: key, standIn: true},
		{name: "notes say italics are provisional", cover: []any{"Notes", "Figures in italics are provisional"}, warnAt: "A2", warnSheet: "Key"},
		{name: "note under the table says italics are provisional", under: "Figures in italics are provisional and subject to change", warnAt: "A5", warnSheet: "Scorecard"},
		{name: "key sheet mentions last year's outturn but says italics are provisional", cover: []any{"Last year's outturn is shown in the column headed 2024/25 outturn; figures in italics are provisional"}, warnAt: "A1", warnSheet: "Key"},
		{name: "italics marked as estimates under the table", under: "Italics denote estimated figures (e.g. where the previous month's return was late)", warnAt: "A5", warnSheet: "Scorecard"},
		{name: "no key anywhere", warnAt: "H2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			if tt.cover != nil {
				b.sheet("Key")
				for i, v := range tt.cover {
					b.row("Key", "A"+itoa(i+1), v)
				}
			}
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A1", "Ref", "Indicator", "Polarity", "Data period", "Previous year outturn", "Target", "Floor", "Apr-25", "May-25", "Jun-25")
			b.row(s, "A2", "IT01", "Care leavers aged 19-21 in education, employment or training (%)", "H", "A", 55.0, 60.0, 50.0, 55.0, 55.0, 58.0)
			b.row(s, "A3", "IT02", "Children in care with up-to-date health assessment (%)", "H", "A", 91.0, 90.0, 85.0, 91.0, 91.0, 88.0)
			b.style(s, "H2", "I3", &excelize.Style{Font: &excelize.Font{Italic: true}})
			if tt.under != "" {
				b.row(s, "A5", tt.under)
			}
			res := mustRead(t, b.save("italics.xlsx"))
			for _, ref := range []string{"IT01", "IT02"} {
				for _, p := range []string{"2025-04", "2025-05"} {
					o, ok := findObs(res.Dataset, ref, "Kent", app.All, p)
					if !ok || o.StandIn != tt.standIn {
						t.Errorf("%s %s: found %v, standing in %v; want standing in %v", ref, p, ok, o.StandIn, tt.standIn)
					}
				}
				if o, _ := findObs(res.Dataset, ref, "Kent", app.All, "2025-06"); o.StandIn {
					t.Errorf("%s Jun-25 (upright) read as a stand-in", ref)
				}
			}
			var italics []app.Warning
			for _, w := range res.Warnings {
				if w.Sheet == "Key" && (tt.keyAt == "") == strings.Contains(w.Message, "its key at "+tt.keyAt+",") {
					t.Errorf("warned %q; want the key at %q named", w.Message, tt.keyAt)
				}
				if strings.Contains(w.Message, "italics") {
					italics = append(italics, w)
				}
			}
			switch {
			case tt.warnAt == "" && len(italics) > 0:
				t.Errorf("warned %v; want no word on italics", italics)
			case tt.warnAt != "" && tt.warnSheet == "" && (len(italics) != 1 || italics[0].Sheet != s || italics[0].Cell != tt.warnAt || !strings.Contains(italics[0].Message, "first of 4")):
				t.Errorf("warned %v; want one warning at %s!%s naming the first of 4 italic figures", italics, s, tt.warnAt)
			case tt.warnSheet != "" && (len(italics) != 1 || italics[0].Sheet != tt.warnSheet || italics[0].Cell != tt.warnAt || !strings.Contains(italics[0].Message, `4 figures in italics on sheet "Scorecard" (the first at H2) read as their periods' own`)):
				t.Errorf("warned %v; want one warning at the note, %s!%s, that the 4 italic figures from H2 were read as their periods' own", italics, tt.warnSheet, tt.warnAt)
			}
		})
	}
}

// TestReadItalicsNote checks what a note on italics is read to say, by the
// phrase it gives them: the key only where italics are said to be the
// previous year's figure, not wherever "italic" and a year's word meet.
func TestReadItalicsNote(t *testing.T) {
	tests := []struct {
		text string
		want italicsMeaning
		says string
	}{
		{"Figures in italics are the previous reporting year's outturn", italicsStandIn, ""},
		{"Figures in italics are previous reporting year", italicsStandIn, ""},
		{"Figures in italics are the previous reporting year's outturn, shown where the current year's figure is not yet available.", italicsStandIn, ""},
		{"Italic figures: last year's outturn (2024/25), shown until this year's is available", italicsStandIn, ""},
		{"Italic figures show last year's outturn where this month's is not yet available", italicsStandIn, ""},
		{"Italics = prior year outturn", italicsStandIn, ""},
		{"Where no figure is yet available the previous year's outturn is shown in italics.", italicsStandIn, ""},
		{"Key: italicised figures are the 2024/25 year-end position", italicsStandIn, ""},
		{"Figures in italics are the previous year's outturn, shown until this year's provisional figure is available", italicsStandIn, ""},
		{"Bold: target met. Italics: last year's outturn.", italicsStandIn, ""},
		{"Figures in italics are provisional", italicsOther, "provisional"},
		{"Figures in italics are provisional and subject to change", italicsOther, "provisional"},
		{"Last year's outturn is shown in the column headed 2024/25 outturn; figures in italics are provisional", italicsOther, "provisional"},
		{"Italic figures are provisional, last year's outturn is in column D", italicsOther, "provisional"},
		{"Provisional figures, not yet validated, are shown in italics", italicsOther, "unvalidated"},
		{"Italics denote estimated figures", italicsOther, "estimated"},
		{"Figures in italics are unvalidated and may change", italicsOther, "unvalidated"},
		{"Figures in italics are provisional year-end outturn", italicsOther, "provisional"},
		{"Figures in italics: awaiting validation", italicsOther, "unvalidated"},
		{"Italic figures show the previous month's figure carried forward", italicsUnsaid, ""},
		{"Figures in italics", italicsUnsaid, ""},
		{"Previous reporting year outturn", italicsUnsaid, ""},
		{"Last year's outturn is in column D. Figures in italics relate to a changed definition", italicsUnsaid, ""},
		{"Care leavers in EET (previous year comparison)", italicsUnsaid, ""},
		{"2024/25 italics", italicsUnsaid, ""},
	}
	for _, tt := range tests {
		if got, says := readItalicsNote(tt.text); got != tt.want || says != tt.says {
			t.Errorf("readItalicsNote(%q) = %v, %q; want %v, %q", tt.text, got, says, tt.want, tt.says)
		}
	}
}
