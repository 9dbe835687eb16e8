package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// sayStatusCodes says, once a file for each status code the source
// writes otherwise than as the GSS code it is stored and exported as
// ("-", "..", "n/a", "*", "#N/A"), what it was read as, at the first
// cell giving it. The store and the export show the GSS code, so a "-"
// printed as "x" (not available) would be read by a member as more
// than the source said where it meant nil, as it does in ONS tables:
// the officer is told, and the source's text is kept with each figure.
// Codes whose cells are already said one by one, Excel's errors from a
// failed formula and "<5", are left to those warnings.
func (c *collector) sayStatusCodes() {
	type code struct {
		first int // index into c.figs
		n     int
	}
	var codes map[string]*code
	var order []string
	for i := range c.figs {
		f := c.fig(i)
		if f.status == app.OK || f.raw == 0 {
			continue
		}
		st := f.status
		key := strings.ToLower(strings.TrimSpace(c.texts[f.raw-1]))
		if st == app.CannotExclude || canonicalCode(key, st) || brokenFormula(key) || strings.HasPrefix(key, "<") {
			continue
		}
		if codes == nil {
			codes = map[string]*code{}
		}
		if k := codes[key]; k != nil {
			k.n++
			continue
		}
		codes[key] = &code{first: i, n: 1}
		order = append(order, key)
	}
	for _, key := range order {
		k := codes[key]
		f := c.fig(k.first)
		o := c.decode(f, nil)
		raw := strings.TrimSpace(o.Raw)
		where := ""
		switch {
		case k.n == 2:
			where = ", here and at 1 more cell of the file"
		case k.n > 2:
			where = fmt.Sprintf(", here and at %d more cells of the file", k.n-1)
		}
		nil0 := ""
		if raw == "-" {
			nil0 = fmt.Sprintf("; if %q means nil (zero), as in ONS tables, write 0", raw)
		}
		c.warn(c.sheets[f.sheet], place(c.sheets[f.sheet], int(f.row), int(f.col)),
			"%s %s %s: %q read as %s (%s)%s, as the store and its exports show it; the source's text is kept with each figure%s",
			o.Ref, o.Area, o.Period.Label(), raw, o.Status, o.Status.Describe(), where, nil0)
	}
}

// canonicalCode reports whether key, a status cell's text in lower case,
// is already the GSS code st is stored as, bare or in brackets ("c",
// "[c]"; "low" and "[low]" for k).
func canonicalCode(key string, st app.Status) bool {
	key = strings.TrimSuffix(strings.TrimPrefix(key, "["), "]")
	return key == st.String() || st == app.Low && key == "low"
}
