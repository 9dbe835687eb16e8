package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestChildListAuthorityGuard imports child-level lists naming a council
// in their file names or titles (QA30 finding 8: Southwark's list 8 was
// filed as Kent's, 387 children "In Kent", in a store not yet given its
// authority, while Southwark's scorecard was refused): a list naming
// another council and not the store's is refused as such a scorecard is,
// naming the file (and the title's cell) and how to go on; one naming
// both is read as the store's, with a warning at the other's name; a
// list naming none is read as before.
func TestChildListAuthorityGuard(t *testing.T) {
	southwark, ok := app.LookupAuthority("Southwark")
	if !ok {
		t.Fatal("no Southwark")
	}
	// The worked list's title at A2 (line 2) names its authority.
	const kentTitle = "Local authority: Kent"
	tests := []struct {
		name  string
		file  string // the list's file name
		title string // A2, the title naming its authority
		csv   bool
		// la is each child's authority in an LA column, "" for none.
		la   string
		auth *app.Authority // the store's; nil for a store on the default
		// refused holds the refusal's words and cell; said a warning's.
		refused, at, said string
	}{
		{"Southwark's list, store on the default", "Southwark CLA list 8 2025-03-31.xlsx", "Local authority:", false, "", nil,
			`the file is named for Southwark ("Southwark"), not Kent`, "", ""},
		{"Southwark's list as CSV, store on the default", "Southwark CLA list 8 2025-03-31.csv", "Local authority:", true, "", nil,
			"set its authority with `scorecard authority \"Southwark\"`", "", ""},
		{"title naming Southwark, store on the default", "CLA list 8.xlsx", "London Borough of Southwark", false, "", nil,
			`the title names Southwark ("London Borough of Southwark"), not Kent`, "A2", ""},
		{"title naming Southwark in a CSV", "CLA list 8.csv", "London Borough of Southwark", true, "", nil,
			`the title names Southwark ("London Borough of Southwark"), not Kent`, "line 2", ""},
		{"labelled Southwark, store on the default", "CLA list 8.xlsx", "Local authority: Southwark", false, "", nil,
			`the title names Southwark ("Southwark"), not Kent`, "A2", ""},
		{"an LA code column of Southwark's", "CLA list 8.xlsx", "Local authority:", false, "210", nil,
			`the list's LA column gives Southwark ("210"), not Kent`, "R5", ""},
		{"an LA column of Southwark's in a CSV", "CLA list 8.csv", "Local authority:", true, "Southwark", nil,
			`the list's LA column gives Southwark ("Southwark"), not Kent`, "line 5", ""},
		{"an LA code column of Kent's", "CLA list 8.xlsx", "Local authority:", false, "886", nil, "", "", ""},
		{"Southwark's list, Southwark's store", "Southwark CLA list 8 2025-03-31.xlsx", "Local authority:", false, "", southwark,
			"", "", ""},
		{"Southwark's list titled Kent, Southwark's store", "Southwark CLA list 8.xlsx", kentTitle, false, "", southwark,
			"", "", `the title names Kent ("Kent"), but the file's areas or other titles are Southwark's`},
		{"Kent's list, Kent's store", "Kent list 8.xlsx", kentTitle, false, "", nil, "", "", ""},
		{"a list naming no council", "List 8 children in care.xlsx", "Local authority:", false, "", nil, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			book := filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx")
			f, err := excelize.OpenFile(book)
			if err != nil {
				t.Fatal(err)
			}
			if tt.title != "" {
				if err := f.SetCellValue("List 8", "A2", tt.title); err != nil {
					t.Fatal(err)
				}
			}
			if tt.la != "" {
				for r := 4; r <= 11; r++ {
					v := tt.la
					if r == 4 {
						v = "LA"
					}
					if err := f.SetCellValue("List 8", "R"+strconv.Itoa(r), v); err != nil {
						t.Fatal(err)
					}
				}
			}
			book = filepath.Join(dir, "edited.xlsx")
			if err := f.SaveAs(book); err != nil {
				t.Fatal(err)
			}
			f.Close()
			if tt.csv {
				written := annexACSVOf(t, book, dir, ',', false)
				if err := os.Rename(written, path); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Rename(book, path); err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), path, Options{Authority: tt.auth, AsAt: time.Date(2025, time.March, 31, 0, 0, 0, 0, time.UTC)})
			if tt.refused != "" {
				var se *app.SourceError
				if !errors.As(err, &se) || se.File != tt.file || se.Cell != tt.at || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("error %v: want the list refused at %s %s saying %q", err, tt.file, tt.at, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var said []app.Warning
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "names ") && strings.Contains(w.Message, "its figures are read as") {
					said = append(said, w)
				}
			}
			switch {
			case tt.said == "" && len(said) > 0:
				t.Errorf("warnings %v: want none of councils named", said)
			case tt.said != "" && (len(said) != 1 || !strings.Contains(said[0].Message, tt.said)):
				t.Errorf("warnings %v: want one saying %q", said, tt.said)
			}
		})
	}
}

// TestChild903AuthorityGuard refuses a 903 return whose tables are
// named for another council than the store's.
func TestChild903AuthorityGuard(t *testing.T) {
	dir := copy903(t, "header.csv", "episodes.csv", "uasc.csv")
	for _, n := range []string{"header.csv", "episodes.csv", "uasc.csv"} {
		if err := os.Rename(filepath.Join(dir, n), filepath.Join(dir, "Southwark 903 "+n)); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Read(context.Background(), filepath.Join(dir, "Southwark 903 episodes.csv"), Options{})
	var se *app.SourceError
	if !errors.As(err, &se) || !strings.HasPrefix(se.File, "Southwark 903 ") || !strings.Contains(err.Error(), `the file is named for Southwark ("Southwark"), not Kent`) {
		t.Fatalf("error %v: want the return refused as Southwark's, naming its file", err)
	}
}
