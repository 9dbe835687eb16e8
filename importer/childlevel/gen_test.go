package childlevel

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// genChild is a child in a generated list: the facts a list records, and
// the truth the figures must come out of.
type genChild struct {
	id       string
	birth    time.Time
	sex      int // 903 SEX: 1 male, 2 female
	ethnic   string
	uasc     bool      // UASC at some point in the 12 months
	duc      time.Time // date UASC status ceased; zero while UASC
	district string
	episodes []genEpisode
	// placements is the Annex A "Number of Placements in the Last 12
	// months": what the episodes give by the 903 rule.
	placements int
	// reentry marks a start in the year within 12 months of an earlier
	// period of care ending (Annex A's "subsequent period of care" flag).
	reentry bool
	// responsible is the child's responsible authority ("" for Kent's
	// own) and noSchool marks a child without a school place; Annex A
	// lists only.
	responsible string
	noSchool    bool
}

type genEpisode struct {
	start, end          time.Time
	rne, ls, cin, place string
	reason              string
	provider, postcode  string
}

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// firstEpisode and lastEpisode give a child's period of care as Annex A
// records it: the latest start and its end.
func (c genChild) period() (started, ceased time.Time, reason, need, legal, place string) {
	last := c.episodes[len(c.episodes)-1]
	started = c.episodes[0].start
	for _, e := range c.episodes {
		if e.rne == "S" {
			started = e.start
		}
	}
	return started, last.end, last.reason, last.cin, last.ls, last.place
}

// population generates n children with known figures for the snapshot
// date: every seventh is UASC (every fourteenth ceased to be UASC a month
// before the snapshot date), every fifth left care in the year (every
// tenth adopted), and those in care had 1 to 4 placements in the year.
// Identifiers, dates of birth and postcodes are distinctive so that a
// test can search for them.
func population(n int, snapshot time.Time) []genChild {
	ethnics := []string{"WBRI", "WOTH", "MWBC", "AIND", "BAFR", "OOTH", "REFU"}
	windowStart := periodStart(snapshot)
	out := make([]genChild, n)
	for i := range out {
		c := genChild{
			id:       fmt.Sprintf("ZQ%06dXK", 104729+i*7919),
			birth:    snapshot.AddDate(-(i%17)-1, -(i % 11), -(i%27)-3),
			sex:      1 + i%2,
			ethnic:   ethnics[i%len(ethnics)],
			uasc:     i%7 == 0,
			district: string(app.Districts[i%len(app.Districts)]),
		}
		if c.uasc {
			c.sex, c.ethnic = 1, "OOTH"
			if i%14 == 0 {
				c.duc = snapshot.AddDate(0, -1, 0)
			}
		}
		post := fmt.Sprintf("QX%d %dZJ", 90+i%9, i%10)
		ep := func(start, end time.Time, rne, place, reason string) genEpisode {
			return genEpisode{start: start, end: end, rne: rne, ls: "C2", cin: "N1", place: place, reason: reason,
				provider: "PR" + strconv.Itoa(len(c.episodes)), postcode: post}
		}
		if i%5 == 0 {
			reason := "E4A"
			if i%10 == 0 {
				reason = "E11"
			}
			start := snapshot.AddDate(0, 0, -700)
			c.episodes = []genEpisode{ep(start, snapshot.AddDate(0, 0, -(i%300)-5), "S", "U1", reason)}
			c.placements = 1
		} else {
			k := 1 + i%4
			start := windowStart.AddDate(0, 0, -(i%900)-10)
			c.episodes = append(c.episodes, ep(start, time.Time{}, "S", "U1", ""))
			for j := 1; j < k; j++ {
				at := windowStart.AddDate(0, 0, 60*j)
				c.episodes[len(c.episodes)-1].end, c.episodes[len(c.episodes)-1].reason = at, "X1"
				c.episodes = append(c.episodes, ep(at, time.Time{}, "P", []string{"U1", "U4", "K2", "H5"}[j], ""))
			}
			c.placements = k
		}
		out[i] = c
	}
	return out
}

// truth is what the figures must be for a population by the 903's exact
// UASC rules, or, with annexA, by Annex A's 12-month flag.
type truth struct {
	inCare, known, three, ceased, adopted [3]float64
}

func expected(cs []genChild, snapshot time.Time, annexA bool) truth {
	var t truth
	for _, c := range cs {
		onSnapshot := c.uasc && (annexA || c.duc.IsZero() || c.duc.After(snapshot))
		started, ceased, reason, _, _, _ := c.period()
		for i := range splits {
			inCare := !started.After(snapshot) && (ceased.IsZero() || ceased.After(snapshot))
			if inCare && in(i, onSnapshot) {
				t.inCare[i]++
			}
			// 3+ placements is a 12-month measure: UASC at any point.
			if inCare && in(i, c.uasc) {
				t.known[i]++
				if c.placements >= 3 {
					t.three[i]++
				}
			}
			if inPeriod(ceased, snapshot) && in(i, c.uasc) {
				t.ceased[i]++
				if reason == "E11" || reason == "E12" {
					t.adopted[i]++
				}
			}
		}
	}
	return t
}

// annexAHeader is the header row of a generated Annex A list, as
// Ofsted's template has it; annexARowOf gives a row in its columns.
var annexAHeader = []any{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
	"Date Started to be Looked After", "Child's Category of Need",
	"Subsequent Period of Care Within Twelve Months of the End of the Previous Period (Y/N)",
	"Most Recent Legal Status", "Number of Placements in the Last 12 months", "Placement Type",
	"Placement Postcode", "LA of Placement", "District", "Date Ceased to be Looked After",
	"Reason Ceased to be Looked After", "Responsible Local Authority", "Has a School Place (Y/N)"}

// writeAnnexA writes cs as an Annex A List 8 sheet below three title rows,
// with start dates as Excel dates and dates of birth as text, as lists
// exported from case-management systems mix them.
func writeAnnexA(t testing.TB, dir string, cs []genChild) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "List 8"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{"Ofsted Annex A: List 8 - Children in care"},
		{"Local authority: Kent"},
		{},
		annexAHeader,
	}
	genders := map[int]string{1: "a) Male", 2: "b) Female"}
	for _, c := range cs {
		started, ceased, reason, need, legal, place := c.period()
		var ceasedCell any = ""
		if !ceased.IsZero() {
			ceasedCell = excelize.Cell{Value: excelSerial(ceased), StyleID: dateStyle}
		}
		reasonCell := ""
		if reason != "" && reason != "X1" {
			reasonCell = "a) " + reason + ": reason"
		}
		responsible := c.responsible
		if responsible == "" {
			responsible = "Kent"
		}
		rows = append(rows, []any{c.id, genders[c.sex], "a) " + c.ethnic, c.birth.Format("02/01/2006"), 0,
			yn(c.uasc), excelize.Cell{Value: excelSerial(started), StyleID: dateStyle}, "a) " + need,
			yn(c.reentry), "a) " + legal + ": legal status", c.placements, "a) " + place + ": placement",
			c.episodes[len(c.episodes)-1].postcode, "Kent", c.district, ceasedCell, reasonCell, responsible, yn(!c.noSchool)})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "annex-a.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func excelSerial(t time.Time) float64 {
	return t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
}

func yn(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// write903 writes cs as the 903 Header, Episodes and UASC tables.
func write903(t testing.TB, dir string, cs []genChild) []string {
	t.Helper()
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("02/01/2006")
	}
	tables := map[string][][]string{
		"header.csv":   {{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}},
		"episodes.csv": {{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}},
		"uasc.csv":     {{"CHILD", "SEX", "DOB", "DUC"}},
	}
	for _, c := range cs {
		tables["header.csv"] = append(tables["header.csv"], []string{c.id, strconv.Itoa(c.sex), date(c.birth), c.ethnic, "UPN" + c.id, "", ""})
		for _, e := range c.episodes {
			tables["episodes.csv"] = append(tables["episodes.csv"], []string{c.id, date(e.start), e.rne, e.ls, e.cin, e.place,
				e.provider, date(e.end), e.reason, "", e.postcode, e.postcode, "SC" + e.provider})
		}
		if c.uasc {
			tables["uasc.csv"] = append(tables["uasc.csv"], []string{c.id, strconv.Itoa(c.sex), date(c.birth), date(c.duc)})
		}
	}
	var paths []string
	for name, rows := range tables {
		path := filepath.Join(dir, name)
		writeCSV(t, path, rows)
		paths = append(paths, path)
	}
	return paths
}

// writeCSV writes lines to a CSV file at path, replacing any there.
func writeCSV(t testing.TB, path string, lines [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := csv.NewWriter(f).WriteAll(lines); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// readColumns drops the warnings that name a column the reader leaves
// unread: the generated list, like Ofsted's template, has an age and a
// postcode column the figures do not need, and the 903 tables a UPN, a
// mother's details and postcodes.
func readColumns(warns []app.Warning) []app.Warning {
	var out []app.Warning
	for _, w := range warns {
		if !strings.Contains(w.Message, " not read: ") {
			out = append(out, w)
		}
	}
	return out
}
