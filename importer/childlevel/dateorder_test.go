package childlevel

import (
	"strings"
	"testing"
)

// TestDateOrder reads CSV lists whose text dates are written month first
// (QA probe 4): a date whose day was over 12 was refused at its row and
// every other read as another date (02/03/2024 as 2 March), unsaid. A
// list proving its dates month first, and none day first, is refused at
// the first proof; one writing both ways is warned; dates no row could
// read (yyyy.mm.dd) are said in the refusal, not only "no children".
// Dates written with dots day first (dd.mm.yyyy) are read, their order
// checked as that of dates with slashes (QA hB F12).
func TestDateOrder(t *testing.T) {
	header := []string{"Child Unique ID", "Date of Birth", "UASC (Y/N)", "Date Started to be Looked After", "Date Ceased to be Looked After"}
	for _, tc := range []struct {
		name    string
		rows    [][]string // birth, started
		refused string
		warn    string
	}{
		{"day first", [][]string{{"14/02/2012", "03/04/2024"}, {"01/02/2015", "20/05/2024"}}, "", ""},
		{"month first", [][]string{{"02/14/2012", "04/03/2024"}, {"01/02/2015", "05/20/2024"}},
			"B2: its dates are written month first (mm/dd/yyyy: this one's second number is over 12), and no date day first", ""},
		{"both ways", [][]string{{"14/02/2012", "03/04/2024"}, {"01/02/2015", "05/20/2024"}}, "",
			"dates are written day first (as at B2) and month first (as at D3)"},
		// As Excel writes them where the computer's short date has two
		// figures of the year (QA probe 10): read as the 2000s.
		{"two-digit years", [][]string{{"14/02/12", "03/04/24"}, {"01/02/15", "20/05/24"}}, "", ""},
		{"dotted dates", [][]string{{"14.02.2012", "03.04.2024"}, {"01.02.2015", "20.05.2024"}}, "", ""},
		{"dotted dates month first", [][]string{{"02.14.2012", "04.03.2024"}, {"01.02.2015", "05.20.2024"}},
			"B2: its dates are written month first", ""},
		{"dates no row can read", [][]string{{"2012.02.14", "2024.04.03"}, {"2015.02.01", "2024.05.20"}},
			"D2: the list has a header row, but no child's row below it was read (2 warnings, the first here): date started to be looked after is not a date", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := [][]string{header}
			for i, r := range tc.rows {
				rows = append(rows, []string{"C" + string(rune('1'+i)), r[0], "N", r[1], ""})
			}
			_, warns, err := ReadAnnexARows("list.csv", rows, snapshot, nil)
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("error %v, want one saying %q", err, tc.refused)
				}
				if strings.Contains(err.Error(), "02/14/2012") || strings.Contains(err.Error(), "02.14.2012") || strings.Contains(err.Error(), "2012.02.14") {
					t.Errorf("the refusal quotes a child's date: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			said := ""
			for _, w := range warns {
				said += w.String() + "\n"
			}
			if tc.warn != "" && !strings.Contains(said, tc.warn) {
				t.Errorf("no warning %q in\n%s", tc.warn, said)
			}
			if tc.warn == "" && strings.Contains(said, "first (as at") {
				t.Errorf("a date-order warning for dates day first:\n%s", said)
			}
		})
	}
}
