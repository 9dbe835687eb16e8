package trend

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt from the current analysis")

// TestGolden pins what `scorecard show --json`, `scorecard flags --json`
// and the GUI's recompute print, byte for byte, for the demo history and
// the benchmark's directorate: the analysis is tuned for speed, and no
// tuning may change a figure, a flag or a word.
func TestGolden(t *testing.T) {
	demo := app.NewHistory()
	demo.Apply(&synth.Demo().Dataset, "I0001")
	months := demo.Periods()
	mid := months[len(months)/2]
	bench := benchHistory()

	got := []string{
		line("demo show", func(h hash.Hash) { analyseEach(t, h, demo, Options{Details: true}) }),
		line("demo plain", func(h hash.Hash) { analyseEach(t, h, demo, Options{}) }),
		line("demo until "+mid.String(), func(h hash.Hash) { analyseEach(t, h, demo, Options{Until: mid, Details: true}) }),
		line("demo flags", func(h hash.Hash) { encode(t, h, Flags(demo, app.Period{}, Options{})) }),
		line("demo flags "+mid.String(), func(h hash.Hash) { encode(t, h, Flags(demo, mid, Options{})) }),
		// A sample of the directorate's 3,900 series, all of which would
		// take seconds to write.
		line("bench show", func(h hash.Hash) {
			for i, k := range bench.Keys() {
				if i%13 == 0 {
					encode(t, h, Analyse(bench, k, Options{Details: true}))
				}
			}
		}),
		line("bench all", func(h hash.Hash) {
			all := AnalyseAll(bench, Options{})
			for i, k := range bench.Keys() {
				if i%13 == 1 {
					encode(t, h, all[k].Points())
				}
			}
		}),
		line("bench flags", func(h hash.Hash) { encode(t, h, Flags(bench, app.Period{}, Options{})) }),
	}
	path := filepath.Join("testdata", "golden.txt")
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(want) != len(got) {
		t.Fatalf("%d golden lines, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("got  %s\nwant %s", got[i], want[i])
		}
	}
}

// line names the SHA-256 of what write writes.
func line(name string, write func(hash.Hash)) string {
	h := sha256.New()
	write(h)
	return fmt.Sprintf("%s %s", hex.EncodeToString(h.Sum(nil)), name)
}

// analyseEach writes the points of every series of hist, as show --json
// writes them, in key order.
func analyseEach(t *testing.T, w hash.Hash, hist *app.History, opt Options) {
	for _, k := range hist.Keys() {
		fmt.Fprintf(w, "%s\n", k)
		encode(t, w, Analyse(hist, k, opt))
	}
}

func encode(t *testing.T, w hash.Hash, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	w.Write([]byte("\n"))
}
