package xlsx

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// SharedStrings reads a shared string table (xl/sharedStrings.xml):
// each <si>'s text, the runs of rich text joined, phonetic guides (<rPh>)
// left out.
func SharedStrings(data []byte) ([]string, error) {
	var out []string
	for {
		i := bytes.Index(data, []byte("<si"))
		if i < 0 {
			return out, nil
		}
		data = data[i+3:]
		if len(data) > 0 && data[0] != '>' && data[0] != ' ' && data[0] != '/' {
			continue
		}
		end := bytes.Index(data, []byte("</si>"))
		var si []byte
		if bytes.HasPrefix(data, []byte("/>")) {
			si, data = nil, data[2:]
		} else if end < 0 {
			return nil, ErrNotWorkbook
		} else {
			si, data = data[:end], data[end+5:]
		}
		out = append(out, textRuns(si, plainRuns))
	}
}

// runTags are the tags of a string item's runs, with a namespace prefix:
// made once per sheet rather than once per string.
type runTags struct{ rph, open, closing []byte }

func newRunTags(prefix string) runTags {
	return runTags{[]byte("<" + prefix + "rPh"), []byte("<" + prefix + "t"), []byte("</" + prefix + "t>")}
}

// plainRuns are the tags of the shared string table, which has no prefix.
var plainRuns = newRunTags("")

// textRuns joins the <t> elements of a string item, skipping phonetic
// runs.
func textRuns(si []byte, tags runTags) string {
	if rph := bytes.Index(si, tags.rph); rph >= 0 {
		si = si[:rph]
	}
	open, closing := tags.open, tags.closing
	// Most items are one run, whose text needs no joining.
	var first string
	var sb strings.Builder
	runs := 0
	for {
		i := bytes.Index(si, open)
		if i < 0 {
			break
		}
		si = si[i+len(open):]
		if len(si) == 0 || (si[0] != '>' && si[0] != ' ' && si[0] != '/') {
			continue
		}
		gt := bytes.IndexByte(si, '>')
		if gt < 0 {
			break
		}
		if gt > 0 && si[gt-1] == '/' {
			si = si[gt+1:]
			continue
		}
		si = si[gt+1:]
		end := bytes.Index(si, closing)
		if end < 0 {
			break
		}
		text := unescape(si[:end])
		switch runs++; runs {
		case 1:
			first = text
		case 2:
			sb.WriteString(first)
			fallthrough
		default:
			sb.WriteString(text)
		}
		si = si[end+len(closing):]
	}
	if runs > 1 {
		return sb.String()
	}
	return first
}

// Style is what a cell format (an <xf> of cellXfs) says about a cell's
// look.
type Style struct {
	// NumFmt is the number format's id: below 164 one of Excel's
	// built-in formats, whose codes the file leaves out.
	NumFmt int
	// FormatCode is the code of a custom number format, such as "0.0%";
	// empty for a built-in one.
	FormatCode string
	// Custom reports whether the workbook defines the number format.
	Custom bool
	Italic bool
	// Font is the font's name, such as "Arial" or "Wingdings 3".
	Font string
	// Fill is the upper-case ARGB colour of a patterned fill's
	// foreground; empty for no fill.
	Fill string
}

// ReadStyles reads each cell format of a styles part (xl/styles.xml);
// nil if the part is missing or not understood.
func ReadStyles(data []byte) []Style {
	if data == nil {
		return nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Fonts []struct {
			Italic *struct {
				Val string `xml:"val,attr"`
			} `xml:"i"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"fonts>font"`
		Fills []struct {
			Pattern struct {
				Type string `xml:"patternType,attr"`
				Fg   struct {
					RGB string `xml:"rgb,attr"`
				} `xml:"fgColor"`
			} `xml:"patternFill"`
		} `xml:"fills>fill"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
			Font   int `xml:"fontId,attr"`
			Fill   int `xml:"fillId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(data, &st); err != nil {
		return nil
	}
	codes := map[int]string{}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	styles := make([]Style, len(st.Xfs))
	for i, xf := range st.Xfs {
		s := Style{NumFmt: xf.NumFmt}
		if xf.Font >= 0 && xf.Font < len(st.Fonts) {
			f := st.Fonts[xf.Font]
			s.Italic = f.Italic != nil && f.Italic.Val != "0" && f.Italic.Val != "false"
			s.Font = f.Name.Val
		}
		if xf.Fill >= 0 && xf.Fill < len(st.Fills) {
			p := st.Fills[xf.Fill].Pattern
			if p.Type != "" && p.Type != "none" && p.Fg.RGB != "" {
				s.Fill = strings.ToUpper(p.Fg.RGB)
			}
		}
		s.FormatCode, s.Custom = codes[xf.NumFmt]
		styles[i] = s
	}
	return styles
}
