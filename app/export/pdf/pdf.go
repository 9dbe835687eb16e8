// Package pdf draws the pages of the committee pack: A4 landscape pages
// with a protective marking at head and foot, a footer naming the report
// and the page, headings, wrapped paragraphs, tables whose header repeats
// on each page, and charts drawn as vectors. It knows nothing of
// scorecards; package export lays the pack out with it.
//
// Text is set in DejaVu Sans Condensed, embedded (subset) in every PDF,
// so any Latin text an indicator's name or a comment holds prints as it
// is on any machine. The font files and their licence are in fonts/.
package pdf

import (
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

var (
	//go:embed fonts/DejaVuSansCondensed.ttf
	regularTTF []byte
	//go:embed fonts/DejaVuSansCondensed-Bold.ttf
	boldTTF []byte
)

const family = "DejaVu"

// The page: A4 landscape, in millimetres.
const (
	margin     = 10.0
	footerRoom = 12.0 // below the body: the footer's two lines
	headerRoom = 9.0  // above the body: the marking
)

// pageTotal stands for the number of pages until the document is written.
const pageTotal = "{nb}"

// RGB is a colour as "RRGGBB"; "" is none.
type RGB string

func (c RGB) parts() (r, g, b int) {
	fmt.Sscanf(string(c), "%02x%02x%02x", &r, &g, &b)
	return r, g, b
}

// Footer is what every page says at its foot (and, for the marking, at
// its head).
type Footer struct {
	Lines   [2]string // left: the report, period and cohort; date produced and version
	Marking string    // the protective marking, centred; "" for none
}

// Info is the document's properties.
type Info struct {
	Title, Subject, Creator string
	Created                 time.Time
}

// Doc is a PDF being drawn.
type Doc struct {
	f    *fpdf.Fpdf
	w, h float64 // the page size
}

// New starts a document whose every page has the footer foot.
func New(foot Footer, info Info) *Doc {
	f := fpdf.New("L", "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", regularTTF)
	f.AddUTF8FontFromBytes(family, "B", boldTTF)
	f.SetMargins(margin, margin+headerRoom, margin)
	f.SetAutoPageBreak(false, footerRoom)
	f.AliasNbPages(pageTotal)
	f.SetTitle(info.Title, true)
	f.SetSubject(info.Subject, true)
	f.SetCreator(info.Creator, true)
	f.SetAuthor(info.Creator, true)
	f.SetCreationDate(info.Created)
	f.SetModificationDate(info.Created)
	f.SetLang("en-GB")
	d := &Doc{f: f}
	d.w, d.h = f.GetPageSize()
	f.SetHeaderFunc(func() {
		if foot.Marking != "" {
			f.SetFont(family, "B", 10)
			f.SetTextColor(0, 0, 0)
			f.SetXY(margin, 5)
			f.CellFormat(d.w-2*margin, 5, foot.Marking, "", 0, "C", false, 0, "")
		}
		f.SetXY(margin, margin+headerRoom)
	})
	f.SetFooterFunc(func() {
		y := d.h - footerRoom + 2
		f.SetDrawColor(191, 191, 191)
		f.SetLineWidth(0.2)
		f.Line(margin, y-1, d.w-margin, y-1)
		f.SetFont(family, "", 8)
		f.SetTextColor(0, 0, 0)
		for i, line := range foot.Lines {
			f.SetXY(margin, y+float64(i)*3.6)
			f.CellFormat(d.w/2, 3.6, line, "", 0, "L", false, 0, "")
		}
		f.SetXY(d.w-margin-50, y)
		f.CellFormat(50, 3.6, fmt.Sprintf("Page %d of %s", f.PageNo(), pageTotal), "", 0, "R", false, 0, "")
		if foot.Marking != "" {
			f.SetFont(family, "B", 10)
			f.SetXY(margin, y+1)
			f.CellFormat(d.w-2*margin, 5, foot.Marking, "", 0, "C", false, 0, "")
		}
	})
	return d
}

// Width is the width of the page's body.
func (d *Doc) Width() float64 { return d.w - 2*margin }

// bottom is the lowest y the body may reach.
func (d *Doc) bottom() float64 { return d.h - footerRoom - 2 }

// Page starts a new page.
func (d *Doc) Page() { d.f.AddPage() }

// room reports whether h millimetres fit below the current line, and
// starts a new page when they do not.
func (d *Doc) room(h float64) bool {
	if d.f.GetY()+h <= d.bottom() {
		return true
	}
	d.f.AddPage()
	return false
}

// Gap moves down h millimetres.
func (d *Doc) Gap(h float64) { d.f.SetY(d.f.GetY() + h) }

// Title writes a page's title, 16 point, in the house blue.
func (d *Doc) Title(text string) {
	d.text(text, 16, true, "1F4E79")
	d.Gap(1)
}

// Heading writes a section heading, 11 point bold.
func (d *Doc) Heading(text string) {
	d.room(14)
	d.Gap(1.5)
	d.text(text, 11, true, "1F4E79")
	d.Gap(0.5)
}

// Para writes a paragraph wrapped to the page at size points, each of its
// lines ("\n") a paragraph of its own.
func (d *Doc) Para(text string, size float64) {
	for _, p := range strings.Split(text, "\n") {
		d.text(p, size, false, "")
	}
	d.Gap(1.5)
}

// itemIndent is how far Item indents its text, right of its mark.
const itemIndent = 12.0

// Item writes a paragraph led by a coloured mark (a RAG swatch with its
// letter), indented under it.
func (d *Doc) Item(mark string, fill RGB, text string, size float64) {
	f := d.f
	f.SetFont(family, "", size)
	lh := lineHeight(size)
	const indent = itemIndent
	lines := f.SplitText(text, d.Width()-indent)
	d.room(float64(len(lines))*lh + 1)
	y := f.GetY()
	if fill != "" || mark != "" {
		d.fill(fill)
		f.SetFont(family, "B", size)
		f.SetTextColor(textOn(fill))
		f.SetXY(margin, y)
		f.CellFormat(indent-3, lh, mark, "", 0, "C", fill != "", 0, "")
		f.SetFont(family, "", size)
	}
	f.SetTextColor(0, 0, 0)
	for i, l := range lines {
		f.SetXY(margin+indent, y+float64(i)*lh)
		f.CellFormat(d.Width()-indent, lh, l, "", 0, "L", false, 0, "")
	}
	f.SetY(y + float64(len(lines))*lh + 1.2)
}

// text writes wrapped text from the left margin.
func (d *Doc) text(text string, size float64, bold bool, color RGB) {
	f := d.f
	style := ""
	if bold {
		style = "B"
	}
	f.SetFont(family, style, size)
	r, g, b := color.parts()
	f.SetTextColor(r, g, b)
	lh := lineHeight(size)
	lines := f.SplitText(text, d.Width())
	if len(lines) == 0 {
		lines = []string{""}
	}
	for _, l := range lines {
		d.room(lh)
		f.SetX(margin)
		f.CellFormat(d.Width(), lh, l, "", 1, "L", false, 0, "")
	}
	f.SetTextColor(0, 0, 0)
}

// lineHeight is the distance between lines of text of size points, in
// millimetres.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.25 }

func (d *Doc) fill(c RGB) {
	r, g, b := c.parts()
	d.f.SetFillColor(r, g, b)
}

// textOn is black or white, whichever reads on fill.
func textOn(fill RGB) (int, int, int) {
	r, g, b := fill.parts()
	if fill != "" && (r*299+g*587+b*114)/1000 < 140 {
		return 255, 255, 255
	}
	return 0, 0, 0
}

// Pages is how many pages the document has.
func (d *Doc) Pages() int { return d.f.PageCount() }

// Output writes the PDF to w.
func (d *Doc) Output(w io.Writer) error {
	if err := d.f.Error(); err != nil {
		return err
	}
	return d.f.Output(w)
}
