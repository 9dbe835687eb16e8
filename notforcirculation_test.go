package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestShowAndFlagsMarkWithheld (QA31 5): show and flags use every
// figure, but each figure they print that the release for circulation
// withholds (the export's, at --suppress) is marked not for circulation,
// in the text with a note at its end and in the JSON, so that pasting
// either into an e-mail does not circulate a small number unmarked. May
// gave Ashford 3 and Canterbury 7; June revises Ashford's to 5, which
// June's release withholds with Canterbury's (QA29's s7), and Kent's
// earlier 100 with them, which with the districts shown gives Ashford's.
func TestShowAndFlagsMarkWithheld(t *testing.T) {
	type marks map[string]bool // a figure's period, or a flag's detail, to whether it is marked
	for _, tt := range []struct {
		name     string
		m05, m06 [][3]any
		args     []string // after the command's own
		ashford  marks    // show PF01 --area Ashford
		changes  marks    // the same, its changes
		kent     marks    // show PF01
		flags    marks    // flags --all
		withheld bool     // anything marked at all
	}{{
		name:     "a small count revised",
		m05:      [][3]any{{"2025-04", 9, 9}, {"2025-05", 3, 7}},
		m06:      [][3]any{{"2025-04", 9, 9}, {"2025-05", 5, 7}, {"2025-06", 9, 9}},
		ashford:  marks{"2025-04": false, "2025-05": true, "2025-06": false},
		changes:  marks{"2025-06": true}, // 9 less 4 is May's 5
		kent:     marks{"2025-04": false, "2025-05": false, "2025-06": false},
		flags:    marks{"May-25 revised from 3 to 5": true, "May-25 revised from 100 to 102": true},
		withheld: true,
	}, {
		name:    "at --suppress 0 nothing is withheld for its size",
		m05:     [][3]any{{"2025-04", 9, 9}, {"2025-05", 3, 7}},
		m06:     [][3]any{{"2025-04", 9, 9}, {"2025-05", 5, 7}, {"2025-06", 9, 9}},
		args:    []string{"--suppress", "0"},
		ashford: marks{"2025-04": false, "2025-05": false, "2025-06": false},
		kent:    marks{"2025-05": false},
		flags:   marks{"May-25 revised from 3 to 5": false, "May-25 revised from 100 to 102": false},
	}, {
		name:    "an ordinary revision, nothing small",
		m05:     [][3]any{{"2025-04", 9, 9}, {"2025-05", 12, 7}},
		m06:     [][3]any{{"2025-04", 9, 9}, {"2025-05", 15, 8}, {"2025-06", 9, 9}},
		ashford: marks{"2025-04": false, "2025-05": false, "2025-06": false},
		kent:    marks{"2025-05": false},
		flags:   marks{"May-25 revised from 12 to 15": false, "May-25 revised from 7 to 8": false},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			mustRun(t, db, "authority", "Kent")
			mustRun(t, db, "import", kentCSV(t, "m05.csv", tt.m05))
			mustRun(t, db, "import", kentCSV(t, "m06.csv", tt.m06))

			for _, sh := range []struct {
				args          []string
				want, changes marks
			}{{[]string{"--area", "Ashford"}, tt.ashford, tt.changes}, {nil, tt.kent, nil}} {
				args := append(append([]string{"show", "PF01"}, sh.args...), tt.args...)
				var r struct {
					Suppress int `json:"suppress"`
					Points   []struct {
						Period            string `json:"period"`
						NotForCirculation *bool  `json:"not_for_circulation"`
						ChangeMarked      bool   `json:"change_not_for_circulation"`
					} `json:"points"`
				}
				if err := json.Unmarshal([]byte(mustRun(t, db, append(args, "--json")...)), &r); err != nil {
					t.Fatal(err)
				}
				got, changes := marks{}, marks{}
				for _, p := range r.Points {
					got[p.Period] = p.NotForCirculation != nil && *p.NotForCirculation
					changes[p.Period] = p.ChangeMarked
				}
				for period, want := range sh.changes {
					if changes[period] != want {
						t.Errorf("%v --json: %s change_not_for_circulation %v, want %v", args, period, changes[period], want)
					}
				}
				text := mustRun(t, db, args...)
				for period, want := range sh.want {
					if got[period] != want {
						t.Errorf("%v --json: %s not_for_circulation %v, want %v", args, period, got[period], want)
					}
					// The VALUE column's: "5 [not for circulation: ...]".
					cells := strings.Fields(lineStarting(text, period+" "))
					if marked := len(cells) > 2 && strings.HasPrefix(notForCirculation, cells[2]); marked != want {
						t.Errorf("%v: %s marked %v, want %v:\n%s", args, period, !want, want, text)
					}
				}
				if want := suppressOf(tt.args); r.Suppress != want {
					t.Errorf("%v --json: suppress %d, want %d", args, r.Suppress, want)
				}
			}

			text := mustRun(t, db, append([]string{"flags", "--all"}, tt.args...)...)
			var flags []struct {
				Detail            string `json:"detail"`
				NotForCirculation bool   `json:"not_for_circulation"`
			}
			if err := json.Unmarshal([]byte(mustRun(t, db, append([]string{"flags", "--all", "--json"}, tt.args...)...)), &flags); err != nil {
				t.Fatal(err)
			}
			for detail, want := range tt.flags {
				found := false
				for _, f := range flags {
					if f.Detail == detail {
						found = true
						if f.NotForCirculation != want {
							t.Errorf("flags --all --json: %q not_for_circulation %v, want %v", detail, f.NotForCirculation, want)
						}
					}
				}
				if !found {
					t.Errorf("flags --all --json has no flag %q: %+v", detail, flags)
				}
				if marked := strings.Contains(text, detail+" "+notForCirculation); marked != want {
					t.Errorf("flags --all: %q marked %v, want %v:\n%s", detail, marked, want, text)
				}
			}
			ranked := mustRun(t, db, append([]string{"flags"}, tt.args...)...)
			for _, out := range []string{text, ranked} {
				note := strings.Contains(out, notForCirculationNote(suppressOf(tt.args)))
				if note != tt.withheld {
					t.Errorf("the note at the end: %v, want %v:\n%s", note, tt.withheld, out)
				}
				if tt.withheld && !strings.HasSuffix(strings.TrimSpace(out), notForCirculationNote(suppressOf(tt.args))) {
					t.Errorf("the note is not the last line:\n%s", out)
				}
			}
		})
	}
}

// suppressOf is the threshold args give with --suppress, else the default.
func suppressOf(args []string) int {
	for i, a := range args {
		if a == "--suppress" && i+1 < len(args) && args[i+1] == "0" {
			return 0
		}
	}
	return 5
}

// lineStarting is the first line of text that starts with prefix.
func lineStarting(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}
