package xlsx

import (
	"encoding/xml"
	"fmt"
	"strings"

	"scorecard/app/ooxml"
)

// Relationship types of a sheet's notes: Excel's notes (legacy comments,
// the red triangle) and its threaded comments (Office 365).
const (
	relComments         = "/comments"
	relThreadedComments = "/threadedComment"
)

// threadedPlaceholder begins the note Excel writes beside each threaded
// comment for versions that cannot show one; the threaded comment is
// the officer's text.
const threadedPlaceholder = "[Threaded comment]"

// Note is a note or comment on a cell: an officer's word on a figure
// ("Provisional: 3 late returns") or on a name ("excludes ...").
type Note struct {
	Cell   string // "E12"
	Author string // "" where the workbook names none
	Text   string
	// Threaded is a threaded comment, with its replies after a " | ".
	Threaded bool
}

// Notes reads the notes and threaded comments on a sheet's cells, in the
// order the workbook keeps them; nil for a sheet with none. They are
// read apart from the sheet's cells, which a scan of the sheet's XML
// does not carry.
func (w *Workbook) Notes(sheet string) ([]Note, error) {
	s, ok := w.Sheet(sheet)
	if !ok {
		return nil, fmt.Errorf("no sheet %q", sheet)
	}
	rels, err := w.rels(s.path)
	if err != nil {
		return nil, err
	}
	var notes []Note
	threaded := map[string]bool{}
	err = w.eachNotesPart(rels, relThreadedComments, threadedNotes, func(ns []Note) {
		for _, n := range ns {
			threaded[n.Cell] = true
		}
		notes = append(notes, ns...)
	})
	if err != nil {
		return nil, fmt.Errorf("the threaded comments of sheet %q %w", sheet, err)
	}
	err = w.eachNotesPart(rels, relComments, legacyNotes, func(ns []Note) {
		for _, n := range ns {
			if !threaded[n.Cell] {
				notes = append(notes, n)
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("the notes of sheet %q %w", sheet, err)
	}
	return notes, nil
}

// eachNotesPart calls add with the notes parse reads from each part rels
// relate to by relType. A relationship to a part the package lacks is
// skipped, as Excel skips it.
func (w *Workbook) eachNotesPart(rels []ooxml.Rel, relType string, parse func([]byte) ([]Note, error), add func([]Note)) error {
	for _, r := range rels {
		if !strings.HasSuffix(r.Type, relType) {
			continue
		}
		data, err := w.part(r.Target)
		if err != nil {
			return fmt.Errorf("(%s): %w", r.Target, err)
		}
		if data == nil {
			continue
		}
		ns, err := parse(data)
		if err != nil {
			return fmt.Errorf("(%s) are not readable XML: %w", r.Target, err)
		}
		add(ns)
	}
	return nil
}

// legacyNotes reads a comments part: Excel's notes. Excel starts a
// note's text with its author's name and a colon, on a line of its own;
// that line is the Author, not the text.
func legacyNotes(data []byte) ([]Note, error) {
	// No namespace in the tags: they match Transitional and Strict alike.
	var part struct {
		Authors  []string `xml:"authors>author"`
		Comments []struct {
			Ref    string   `xml:"ref,attr"`
			Author int      `xml:"authorId,attr"`
			Text   richText `xml:"text"`
		} `xml:"commentList>comment"`
	}
	if err := xml.Unmarshal(data, &part); err != nil {
		return nil, err
	}
	var notes []Note
	for _, c := range part.Comments {
		n := Note{Cell: strings.ToUpper(c.Ref), Text: c.Text.String()}
		if c.Author >= 0 && c.Author < len(part.Authors) {
			n.Author = strings.TrimSpace(part.Authors[c.Author])
		}
		if strings.HasPrefix(n.Text, threadedPlaceholder) {
			continue // stands for a threaded comment the workbook lacks
		}
		if n.Author != "" {
			n.Text = strings.TrimSpace(strings.TrimPrefix(n.Text, n.Author+":"))
		}
		if n.Text != "" {
			notes = append(notes, n)
		}
	}
	return notes, nil
}

// richText is a note's text: plain, or runs of formatted text.
type richText struct {
	T    []string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (rt richText) String() string {
	var b strings.Builder
	for _, t := range rt.T {
		b.WriteString(t)
	}
	for _, r := range rt.Runs {
		b.WriteString(r.T)
	}
	return strings.TrimSpace(b.String())
}

// threadedNotes reads a threadedComments part: each thread, its replies
// (parentId) joined after the comment they answer.
func threadedNotes(data []byte) ([]Note, error) {
	var part struct {
		Comments []struct {
			Ref    string `xml:"ref,attr"`
			ID     string `xml:"id,attr"`
			Parent string `xml:"parentId,attr"`
			Text   string `xml:"text"`
		} `xml:"threadedComment"`
	}
	if err := xml.Unmarshal(data, &part); err != nil {
		return nil, err
	}
	var notes []Note
	byID := map[string]int{}
	for _, c := range part.Comments {
		text := strings.TrimSpace(c.Text)
		if i, ok := byID[c.Parent]; ok && c.Parent != "" {
			if text != "" {
				notes[i].Text += " | " + text
			}
			continue
		}
		byID[c.ID] = len(notes)
		notes = append(notes, Note{Cell: strings.ToUpper(c.Ref), Text: text, Threaded: true})
	}
	return notes, nil
}
