package importer

import (
	"context"
	"strings"
	"testing"
)

// TestCSVFormulaTexts: SQL and report exports write a field as an Excel
// formula giving a text, `="1480"`, so that Excel keeps it as text; Excel
// shows 1480. Such fields are read as the text shown, said once at the
// first figure so written, where a scorecard CSV of them had been refused
// ("its month columns hold no figures") and a tidy one read no figure
// (QA27b 9, z7_eqquote.csv). A formula that is not one quoted text is
// left as written.
func TestCSVFormulaTexts(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		want  map[string]float64 // "REF PERIOD" -> value
		name1 map[string]string  // ref -> name read
		said  string             // the one warning about them, "" for none
	}{
		{"scorecard, every field so written",
			"Ref,Indicator,Polarity,Apr-24,May-24,Jun-24\n" +
				`="CLA","Number of children looked after","-",="1480",="1492",="1501"` + "\n",
			map[string]float64{"CLA 2024-04": 1480, "CLA 2024-05": 1492, "CLA 2024-06": 1501},
			map[string]string{"CLA": "Number of children looked after"},
			`line 2: 4 fields written as an Excel formula giving a text (as SQL and report exports write fields to keep them as text) read as the text Excel shows: ="1480" as 1480`},
		{"tidy, codes and figures",
			"Ref,Indicator,Period,Value\n" +
				`="RR",="Re-referrals within 12 months (%)",2024-04,="21.3"` + "\n" +
				`="RR",="Re-referrals within 12 months (%)",2024-05,22.0` + "\n",
			map[string]float64{"RR 2024-04": 21.3, "RR 2024-05": 22},
			map[string]string{"RR": "Re-referrals within 12 months (%)"},
			`line 2: 5 fields written as an Excel formula giving a text (as SQL and report exports write fields to keep them as text) read as the text Excel shows: ="21.3" as 21.3`},
		{"a quote inside, written twice",
			"Ref,Indicator,Polarity,Apr-24\n" +
				`CLA,"=""Looked after """"all"""" children""",-,1480` + "\n",
			map[string]float64{"CLA 2024-04": 1480},
			map[string]string{"CLA": `Looked after "all" children`},
			`line 2: 1 field written as an Excel formula giving a text (as SQL and report exports write fields to keep them as text) read as the text Excel shows: ="Looked after ""all"" children" as Looked after "all" children`},
		{"a formula joining texts is no text",
			"Ref,Indicator,Polarity,Apr-24\n" +
				`CLA,"=""Looked""&"" after""",-,1480` + "\n",
			map[string]float64{"CLA 2024-04": 1480},
			map[string]string{"CLA": `="Looked"&" after"`},
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, tt.body), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got[o.Ref+" "+o.Period.String()] = *o.Value
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("figures %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if g, ok := got[k]; !ok || g != v {
					t.Errorf("%s = %v (%v), want %v", k, g, ok, v)
				}
			}
			for ref, name := range tt.name1 {
				if ind, ok := findInd(res.Dataset, ref); !ok || ind.Name != name {
					t.Errorf("%s named %q (%v), want %q", ref, ind.Name, ok, name)
				}
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "Excel formula") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.said == "" && len(said) > 0:
				t.Errorf("said %q, want nothing", said)
			case tt.said != "" && (len(said) != 1 || said[0] != tt.said):
				t.Errorf("said %q, want once %q", said, tt.said)
			}
		})
	}
}
