package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"scorecard/app"
)

// TestSemicolonCSVFigures: a CSV Excel saved in a European locale parts
// its fields with ";" and writes "1.480" for 1480 children and "21,3" for
// 21.3%: read so, said once at the header; a file mixing a decimal point
// in is refused at that cell; a heading with a comma does not make the
// file comma-separated.
func TestSemicolonCSVFigures(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		want     map[string]float64 // "REF PERIOD" -> value
		said     string             // a warning holding this, at line 1
		refusal  string             // the import refused, at this place
		refusing string             // ... saying this
	}{
		{"European scorecard",
			"Ref;Indicator;Polarity;Apr-24;May-24;Jun-24\nS1;Re-referrals (%);L;21,3;22,0;19,8\nS2;Children looked after;-;1.480;1.492;1.501\n",
			map[string]float64{"S1 2024-04": 21.3, "S1 2024-05": 22, "S2 2024-04": 1480, "S2 2024-06": 1501},
			`"," as the decimal mark and "." between thousands ("21,3" at line 2 read as 21.3, "1.480" at line 3 read as 1480)`, "", ""},
		{"comma inside a heading",
			"Ref;Indicator (count, all children);Polarity;Apr-24;May-24\nCLA;Children looked after, all;-;1480;1492\nRR;Re-referrals, 12 months;L;21,5;22\n",
			map[string]float64{"CLA 2024-04": 1480, "CLA 2024-05": 1492, "RR 2024-04": 21.5},
			`"21,5" at line 3 read as 21.5`, "", ""},
		{"tidy, thousands and decimals together",
			"Ref;Indicator;Period;Value\nCLA;Children looked after;2024-04;1.480\nAV;Average days;2024-04;1.234,5\nPC;Proportion;2024-04;-0,5%\n",
			map[string]float64{"CLA 2024-04": 1480, "AV 2024-04": 1234.5, "PC 2024-04": -0.5},
			`"1.480" at line 2 read as 1480`, "", ""},
		{"decimal point among decimal commas",
			"Ref;Indicator;Polarity;Apr-24;May-24\nS1;Re-referrals (%);L;21,3;22,0\nS2;Children looked after;-;1.480;21.5\n",
			nil, "", "line 3", `"21.5" in column E (May-24) has a decimal point`},
		{"decimal point in a semicolon file",
			"Ref;Indicator;Period;Value\nS1;Re-referrals;2024-04;0.125\n",
			nil, "", "line 2", `"0.125" in column D (Value) has a decimal point`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, tt.body), Options{})
			if tt.refusal != "" {
				var se *app.SourceError
				if !errors.As(err, &se) || se.Location.Cell != tt.refusal || !strings.Contains(err.Error(), tt.refusing) {
					t.Fatalf("got %v, want a refusal at %s saying %s", err, tt.refusal, tt.refusing)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got[o.Ref+" "+o.Period.String()] = *o.Value
				}
			}
			for k, v := range tt.want {
				if g, ok := got[k]; !ok || g != v {
					t.Errorf("%s: %v (read %v), want %v", k, g, ok, v)
				}
			}
			n := 0
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "decimal mark") {
					n++
					if w.Cell != "line 1" || !strings.Contains(w.Message, tt.said) {
						t.Errorf("said at %s: %s\nwant at line 1: %s", w.Cell, w.Message, tt.said)
					}
				}
			}
			if n != 1 {
				t.Errorf("the decimal mark said %d times, want once; warnings %v", n, res.Warnings)
			}
		})
	}
}
