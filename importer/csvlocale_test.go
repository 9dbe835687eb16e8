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
			res := readCSVRefusedAt(t, tt.body, tt.refusal, tt.refusing)
			if res == nil {
				return
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

// TestSemicolonDfEFigures: a DfE download Excel saved in a European
// locale parts its fields with ";" and writes Kent's 1,896 children as
// "1.896" and a turnover of 15.4% as "15,4". Read as 1.896 children, with
// nothing said, the count and every neighbour over 1,000 were divided by
// 1,000 (QA hB F1); "15,4" was "not a number" and stored as "not
// available" (F2). They are read as the tidy reader reads such a file,
// said once at line 1; a decimal point among them refuses the file at
// its line and column; a comma-separated download's "1.896" is 1.896.
func TestSemicolonDfEFigures(t *testing.T) {
	const (
		cla  = "time_period;time_identifier;geographic_level;country_code;country_name;region_code;region_name;old_la_code;la_name;new_la_code;population_type;population_estimate;children_count;rate_per_10000\n"
		csww = "time_period;time_identifier;geographic_level;country_code;country_name;region_code;region_name;old_la_code;new_la_code;la_name;leavers_fte;inpost_fte;turnover_rate_fte;agency_rate_fte;case_holders_fte;cases;caseload_fte\n"
	)
	tests := []struct {
		name     string
		body     string
		want     map[string]float64 // "REF PERIOD [part]" -> Kent's figure or England's benchmark
		said     string             // the note at line 1, "" for none
		refusal  string             // the import refused, at this line
		refusing string             // ... saying this
	}{
		{"thousands", cla +
			"2025;Reporting year;National;E92000001;England;;;;;;Children looked after on 31 March each year;12.183.016;81.770;67\n" +
			"2025;Reporting year;Local authority;E92000001;England;E12000008;South East;886;Kent;E10000016;Children looked after on 31 March each year;355.390;1.896;53\n",
			map[string]float64{"CIC01 2024/25": 1896, "CIC01 2024/25 England": 81770, "CIC02 2024/25 numerator": 1896, "CIC02 2024/25 denominator": 355390},
			`"," as the decimal mark and "." between thousands ("12.183.016" at line 2 read as 12183016)`, "", ""},
		{"decimal commas", csww +
			"2025;Reporting year;National;E92000001;England;;;;;;4.276,3;36.186,3;11,8;13;21.105,4;321.661;15,2\n" +
			"2025;Reporting year;Local authority;E92000001;England;E12000008;South East;886;E10000016;Kent;117,8;765,3;15,4;13,2;491;8.359;17\n",
			map[string]float64{"SCS04 2025": 13.2, "SCS05 2025 England": 11.8, "SCS05 2025 numerator": 117.8, "SCS03 2025 numerator": 8359, "SCS03 2025 denominator": 491},
			`("4.276,3" at line 2 read as 4276.3)`, "", ""},
		// The field's line break puts Kent's row on line 4 of the file,
		// where the DfE reader's warnings place it.
		{"a decimal point among them", cla +
			"2025;Reporting year;National;E92000001;\"England\n(all)\";;;;;;Children looked after on 31 March each year;12.183.016;81.770;67\n" +
			"2025;Reporting year;Local authority;E92000001;England;E12000008;South East;886;Kent;E10000016;Children looked after on 31 March each year;355.390;1.896;53.4\n",
			nil, "", "line 4", `"53.4" in column N (rate_per_10000) has a decimal point`},
		{"comma-separated", strings.ReplaceAll(cla, ";", ",") +
			"2025,Reporting year,Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016,Children looked after on 31 March each year,355390,1.896,53\n",
			map[string]float64{"CIC01 2024/25": 1.896}, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readCSVRefusedAt(t, tt.body, tt.refusal, tt.refusing)
			if res == nil {
				return
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				k := o.Ref + " " + o.Period.String()
				for part, v := range map[string]*float64{"": o.Value, " numerator": o.Numerator, " denominator": o.Denominator} {
					if v != nil {
						got[k+part] = *v
					}
				}
			}
			for _, b := range res.Dataset.Benchmarks {
				if b.Group == "England" && b.Value != nil {
					got[b.Ref+" "+b.Period.String()+" England"] = *b.Value
				}
			}
			for k, v := range tt.want {
				if g, ok := got[k]; !ok || g != v {
					t.Errorf("%s: %v (read %v), want %v", k, g, ok, v)
				}
			}
			var notes []app.Warning
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "decimal mark") || strings.Contains(w.Message, "not a number") {
					notes = append(notes, w)
				}
			}
			switch {
			case tt.said == "" && len(notes) > 0:
				t.Errorf("warned %v, want nothing of figures' form", notes)
			case tt.said != "" && (len(notes) != 1 || notes[0].Cell != "line 1" || !strings.Contains(notes[0].Message, tt.said)):
				t.Errorf("warned %v\nwant once, at line 1: %s", notes, tt.said)
			}
		})
	}
}

// readCSVRefusedAt reads the CSV body, and returns nil where it is
// refused at the cell refusal, as it should be, saying refusing (a
// semicolon file's decimal point is refused at its line, not by the
// opening words readOrRefused checks); a refusal unasked for, or
// another, fails the test.
func readCSVRefusedAt(t *testing.T, body, refusal, refusing string) *Result {
	t.Helper()
	res, err := Read(context.Background(), writeCSV(t, body), Options{})
	if refusal != "" {
		var se *app.SourceError
		if !errors.As(err, &se) || se.Location.Cell != refusal || !strings.Contains(err.Error(), refusing) {
			t.Fatalf("got %v, want a refusal at %s saying %s", err, refusal, refusing)
		}
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return res
}
