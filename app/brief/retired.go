package brief

import (
	"strings"

	"scorecard/app"
)

// Retired says, once each, the indicators the brief leaves out as
// retired by its month (app.History.RetiredNote, the words the export's
// Guidance uses): a retired indicator has no figure, so no line, and
// its absence must not read as nothing to report (QA27a 5). "" for none.
// h and opt are those given to Items.
func Retired(h *app.History, opt Options) string {
	opt, ok := opt.settled(h)
	if !ok {
		return ""
	}
	var lines []string
	for _, ind := range h.Indicators() {
		if w := h.RetiredNote(ind, opt.Period); w != "" {
			lines = append(lines, w+".")
		}
	}
	return strings.Join(lines, "\n")
}
