package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

func TestFormatThousands(t *testing.T) {
	tests := []struct {
		code string
		want int
	}{
		{"#,##0", 0},
		{"#,##0,", 1},
		{`£#,##0.0,,"m"`, 2},
		{`#,##0,"k"`, 1},
		{"0.0%", 0},
		{"0,0", 0},
		{`"Total, all"0`, 0},
		{"#,##0,;(#,##0,)", 1},
	}
	for _, tt := range tests {
		if _, _, got := formatScale(tt.code); got != tt.want {
			t.Errorf("formatScale(%q) thousands = %d, want %d", tt.code, got, tt.want)
		}
	}
}

// TestFiguresShownScaled reads figures whose number format shows them
// divided by 1,000 or 1,000,000: beside a unit counting so ("£m") the
// figure is the one shown, and reading the one stored kept a spend of
// £12.1m as 12,100,000 in £m, unsaid (QA probe 9); beside a count of
// children it is the one stored, 1,850 shown as "1.9" thousand. Each is
// said once; a Unit counting in thousands with figures as given is kept
// as its own unit, not a count of children.
func TestFiguresShownScaled(t *testing.T) {
	tests := []struct {
		name, unit, format string
		stored             float64
		want               float64
		wantUnit           app.Unit
		said               string
	}{
		{"millions of pounds", "£m", `£#,##0.0,,"m"`, 12100000, 12.1, "£m",
			`Scorecard!D4: FIN01: 12100000 read as 12.1, as its number format shows it, in millions as its unit "£m" counts`},
		{"thousands of pounds", "£000s", `£#,##0,`, 812000, 812, "£000s", `812000 read as 812, as its number format shows it, in thousands`},
		{"a count shown in thousands", "Number", `#,##0.0,`, 1850, 1850, app.Number,
			`Scorecard!D4: FIN01: 1850 read as stored, though its number format shows it divided by 1000, as 1.85`},
		{"a count in thousands, as given", "Number (000s)", `0`, 12, 12, "Number (000s)",
			`Scorecard!C4: FIN01: unit "Number (000s)" counts in thousands: kept in unit "Number (000s)", each figure as given (12 for 12,000)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A3", "Ref", "Indicator", "Unit", "Mar-26")
			b.row("Scorecard", "A4", "FIN01", "Placements spend", tt.unit, tt.stored)
			b.style("Scorecard", "D4", "D4", &excelize.Style{CustomNumFmt: &tt.format})
			res, ok := readOrRefused(t, b.save("book.xlsx"), Options{}, "")
			if !ok {
				return
			}
			if n := len(res.Dataset.Observations); n != 1 || res.Dataset.Observations[0].Value == nil || *res.Dataset.Observations[0].Value != tt.want {
				t.Errorf("read %v, want %g", res.Dataset.Observations, tt.want)
			}
			if u := res.Dataset.Indicators[0].Unit; u != tt.wantUnit {
				t.Errorf("unit %q, want %q", u, tt.wantUnit)
			}
			said := false
			for _, w := range res.Warnings {
				said = said || strings.Contains(w.String(), tt.said)
			}
			if !said {
				t.Errorf("no warning %q in %v", tt.said, res.Warnings)
			}
		})
	}
}

// TestFiguresFormattedBlank reads figures in cells whose format shows
// nothing (";;;"): the officer sees empty cells, and they were read with
// nothing said (QA probe 9). They are read, as the cells hold them, and
// said once.
func TestFiguresFormattedBlank(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A3", "Ref", "Indicator", "Feb-26", "Mar-26")
	b.row("Scorecard", "A4", "CIC01", "Number of children in care", 1920, 1931)
	b.row("Scorecard", "A5", "CIC06", "Number of children starting to be looked after", 80, 3)
	blank := ";;;"
	b.style("Scorecard", "D4", "D5", &excelize.Style{CustomNumFmt: &blank})
	res, ok := readOrRefused(t, b.save("book.xlsx"), Options{}, "")
	if !ok {
		return
	}
	if n := len(res.Dataset.Observations); n != 4 {
		t.Errorf("%d figures read, want 4", n)
	}
	var said []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, `(";;;") shows it blank`) {
			said = append(said, w.String())
		}
	}
	if len(said) != 1 || !strings.HasPrefix(said[0], `book.xlsx: Scorecard!D4: CIC01: 1931 read, though its cell's number format`) {
		t.Errorf("said %q, want it once, at D4", said)
	}
}
