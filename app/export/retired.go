package export

import (
	"strings"

	"scorecard/app"
)

// inCirculation lists the indicators the scorecard of b's period shows:
// b.inds less those retired by then (app.History.InCirculation), whose
// rows would otherwise stand blank, flagged missing, every month after
// the scorecard stopped giving them (QA27a 5). The Data, Definitions and
// Targets sheets keep them, as the store keeps their history.
func (b *book) inCirculation() []app.Indicator {
	var out []app.Indicator
	for _, ind := range b.inds {
		if b.h.InCirculation(ind.Ref, b.period) {
			out = append(out, ind)
		}
	}
	return out
}

// retiredWords says which indicators the export leaves out as retired,
// each once: "" when none is.
func (b *book) retiredWords() string {
	var lines []string
	for _, ind := range b.inds {
		if w := b.h.RetiredWords(ind, b.period); w != "" {
			lines = append(lines, w+".")
		}
	}
	return strings.Join(lines, "\n")
}

// noteRetired adds to the summary's notes a line for each indicator
// left out as retired, so that the command line and the window say it
// beside the file written, not only inside it.
func (b *book) noteRetired() {
	if w := b.retiredWords(); w != "" {
		b.sum.Notes = append(b.sum.Notes, strings.Split(w, "\n")...)
	}
}
