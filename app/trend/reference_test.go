package trend

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
)

// referenceSeries generates the series compared with the R reference:
// noise, shifts, steady climbs and falls, outliers and runs, at one
// decimal place (so ties occur, as in real figures), for each polarity.
// Levels sit far enough above zero that no limit is clipped at zero, the
// one deviation the reference does not model.
func referenceSeries() [][]float64 {
	r := rand.New(rand.NewPCG(16, 2026))
	var out [][]float64
	for k := range 54 {
		n := 24 + r.IntN(37)
		level, noise := 40+r.Float64()*60, 1+r.Float64()*4
		vs := make([]float64, n)
		for i := range vs {
			v := level + noise*r.NormFloat64()
			switch k % 6 {
			case 1: // a shift two-thirds of the way along
				if i > 2*n/3 {
					v += 1.5 * noise
				}
			case 2: // a steady climb in the last 8
				if i >= n-8 {
					v = level + float64(i-n+9)*noise*0.4
				}
			case 3: // outliers
				if r.IntN(10) == 0 {
					v += 4 * noise * float64(1-2*r.IntN(2))
				}
			case 4: // a fall that ends below the lower limit
				if i >= n-7 {
					v = level - float64(i-n+8)*noise*0.8
				}
			case 5: // a drift
				v += float64(i) * noise * 0.05
			}
			vs[i] = math.Round(v*10) / 10
		}
		out = append(out, vs)
	}
	return out
}

// TestAgainstNHSRplotthedots compares every point's variation icon, mean
// and limits with testdata/mdc_reference.R, an independent base-R version
// of NHSRplotthedots' rules with trend's documented deviations. It needs
// Rscript (r-base-core, which scripts/setup.sh installs for the tests):
// outside CI it is skipped without it.
func TestAgainstNHSRplotthedots(t *testing.T) {
	rscript, err := exec.LookPath("Rscript")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("Rscript is not installed (scripts/setup.sh test installs r-base-core)")
		}
		t.Skip("Rscript is not installed: apt-get install r-base-core, or scripts/setup.sh test")
	}
	dir := t.TempDir()
	in, outPath := filepath.Join(dir, "in.csv"), filepath.Join(dir, "out.csv")
	pols := []app.Polarity{app.HigherBetter, app.LowerBetter, app.PolarityNone}
	polNum := map[app.Polarity]int{app.HigherBetter: 1, app.LowerBetter: -1, app.PolarityNone: 0}
	series := referenceSeries()
	var b strings.Builder
	b.WriteString("series,polarity,y\n")
	for k, vs := range series {
		for _, v := range vs {
			fmt.Fprintf(&b, "s%02d,%d,%s\n", k, polNum[pols[k%3]], strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(rscript, filepath.Join("testdata", "mdc_reference.R"), in, outPath)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Rscript: %v\n%s", err, msg)
	}
	f, err := os.Open(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][][]string{}
	for _, row := range rows[1:] {
		want[row[0]] = append(want[row[0]], row)
	}

	special, compared := 0, 0
	for k, vs := range series {
		name := fmt.Sprintf("s%02d", k)
		ind := app.Indicator{Ref: "REF", Polarity: pols[k%3], Unit: app.Number, Decimals: 1}
		key := app.SeriesKey{Ref: "REF", Area: app.Kent}
		pts := Analyse(monthly(ind, key, apr24, vs...), key, Options{})
		if len(pts) != len(want[name]) {
			t.Fatalf("%s: %d points, the reference has %d", name, len(pts), len(want[name]))
		}
		for i, p := range pts {
			row := want[name][i]
			mean, _ := strconv.ParseFloat(row[2], 64)
			upl, _ := strconv.ParseFloat(row[3], 64)
			lpl, _ := strconv.ParseFloat(row[4], 64)
			if c := p.Chart; c == nil || !agrees(c.Mean, mean) || !agrees(c.Upper, upl) || !agrees(c.Lower, lpl) {
				t.Fatalf("%s point %d: chart %+v, reference mean %v limits %v to %v", name, i+1, c, mean, lpl, upl)
			}
			if got := p.Variation.String(); got != row[5] {
				t.Errorf("%s point %d (%v): %s (%s), reference %s", name, i+1, vs[i], got, p.Rule, row[5])
			}
			compared++
			if row[5] != "common-cause" {
				special++
			}
		}
	}
	t.Logf("%d series, %d points compared, %d special cause", len(series), compared, special)
	if special < compared/20 {
		t.Errorf("only %d of %d points are special cause: the series test too little", special, compared)
	}
}

// agrees compares a figure with the reference's, written to 15 significant
// digits.
func agrees(a, b float64) bool { return math.Abs(a-b) <= 1e-12*max(1, math.Abs(b)) }
