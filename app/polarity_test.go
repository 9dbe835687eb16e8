package app

import "testing"

// TestParsePolarityWholePhrase guards QA17 D1: the polarity was read from
// its first word, so "Higher is worse" became H and "Target not set" T.
// Every phrase is read whole; one it cannot read is an error, not a guess.
func TestParsePolarityWholePhrase(t *testing.T) {
	const bad = Polarity(99) // marks a phrase that must be refused
	tests := []struct {
		in   string
		want Polarity
	}{
		// codes and words read before
		{"H", HigherBetter}, {"l", LowerBetter}, {"T", NearTarget},
		{"High", HigherBetter}, {"LOW ", LowerBetter}, {"Higher", HigherBetter},
		{"Higher is better", HigherBetter}, {"Lower is better", LowerBetter},
		{"High is good", HigherBetter}, {"Low is good", LowerBetter},
		{"Higher = better", HigherBetter}, {"Lower = better", LowerBetter},
		{"Target", NearTarget}, {"Close to target", NearTarget},
		{"", PolarityNone}, {"-", PolarityNone}, {"n/a", PolarityNone}, {"Context", PolarityNone},
		// a bad judgement turns the direction over
		{"Higher is worse", LowerBetter}, {"High is bad", LowerBetter},
		{"Low is bad", HigherBetter}, {"Lower is worse", HigherBetter},
		{"Bigger is worse", LowerBetter}, {"Smaller is better", LowerBetter},
		{"Bigger is better", HigherBetter}, {"Less is better", LowerBetter},
		{"More is better", HigherBetter}, {"Fewer is better", LowerBetter},
		{"The lower the better", LowerBetter}, {"Higher the worse", LowerBetter},
		// the judgement first
		{"Good = High", HigherBetter}, {"Good = Low", LowerBetter},
		{"Bad = High", LowerBetter}, {"Good is high", HigherBetter},
		{"Up is good", HigherBetter}, {"Down is good", LowerBetter},
		// a code with its words, agreeing or not
		{"H - higher is better", HigherBetter}, {"L (lower is better)", LowerBetter},
		{"High is good, low is bad", HigherBetter},
		{"H - lower is better", bad}, {"High is good, high is bad", bad},
		// aims and verbs
		{"Aim high", HigherBetter}, {"Aim low", LowerBetter},
		{"Aim to reduce", LowerBetter}, {"Aim to increase", HigherBetter},
		{"Maximise", HigherBetter}, {"Minimise", LowerBetter},
		// not read: refused, never guessed
		{"Target not set", bad}, {"Targeted", bad}, {"Higher is not better", bad},
		{"Highly variable", bad}, {"Lowish", bad}, {"Better", bad}, {"Improve", bad},
		{"Monitor", bad}, {"+", bad}, {"↑", bad}, {"High or low", bad},
		{"Low priority", bad}, {"High risk", bad},
		// a note after the phrase is not part of it (QA18a R1)
		{"Higher is better (see note)", HigherBetter}, {"Higher is better - target 85%", HigherBetter},
		{"Higher is better/improving", HigherBetter}, {"Lower is better (national measure)", LowerBetter},
		{"Higher is better; see guidance", HigherBetter}, {"Lower is better, per 10k", LowerBetter},
		{"Higher is worse (see note)", LowerBetter}, {"Close to target (85%)", NearTarget},
		{"Higher is better [provisional]", HigherBetter},
		// but a note naming a direction is read with the phrase, and a
		// contradiction or unread lead is still refused
		{"H - lower is better", bad}, {"H – lower is better", bad}, {"Higher/Lower is better", bad},
		{"Higher is better (lower for some)", bad}, {"Higher is better, not always", bad},
		{"Higher is not better (see note)", bad}, {"Target not set (see note)", bad},
		{"Improving/higher", bad}, {"n/a (see note)", bad},
	}
	for _, tt := range tests {
		got, err := ParsePolarity(tt.in)
		if tt.want == bad {
			if err == nil {
				t.Errorf("ParsePolarity(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParsePolarity(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestPolarityNote checks the note set aside after a polarity phrase is
// returned, so a reader can warn that it was not used.
func TestPolarityNote(t *testing.T) {
	tests := map[string]string{
		"Higher is better (see note)":   "(see note)",
		"Higher is better - target 85%": "- target 85%",
		"Higher is better/improving":    "/improving",
		"Higher is better":              "",
		"H - higher is better":          "",
		"H - lower is better":           "",
		"Target not set (see note)":     "",
		"":                              "",
	}
	for in, want := range tests {
		if got := PolarityNote(in); got != want {
			t.Errorf("PolarityNote(%q) = %q, want %q", in, got, want)
		}
	}
}
