package importer

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"scorecard/assets/synth"
)

// A file whose reading began before its options were known (Open) reads
// as Read reads it alone, whatever the file.
func TestOpeningReadsAsRead(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.xlsx")
	for _, tc := range []struct {
		name string
		path string
	}{
		{"workbook", perDistrictBook(t)},
		{"house workbook", houseBook(t)},
		{"tidy CSV", writeCSV(t, "Ref,Area,Period,Value\nCIC01,Kent,2025-03,1400\nCIC01,Kent,2025-04,1412\n")},
		{"missing file", missing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := Read(context.Background(), tc.path, Options{})
			o := Open(context.Background(), tc.path)
			defer o.Close()
			got, err := Read(context.Background(), tc.path, Options{Opening: o})
			if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
				t.Fatalf("read with its opening: error %v, want %v", err, wantErr)
			}
			if err == nil && !reflect.DeepEqual(got, want) {
				t.Errorf("read with its opening gives another result:\n got %s\nwant %s", got.Summary(), want.Summary())
			}
		})
	}
}

// The opening is of the file as it was when opened: a file saved again
// before Read is refused as changed, as one saved while it is read is,
// where Read alone would read the new file.
func TestOpeningIsOfTheFileOpened(t *testing.T) {
	path := perDistrictBook(t)
	o := Open(context.Background(), path)
	defer o.Close()
	<-o.done
	again := filepath.Join(t.TempDir(), "house.xlsx")
	if err := synth.Write(again, synth.Demo(), synth.House); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(again, path); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(context.Background(), path, Options{Opening: o}); err == nil || !strings.Contains(err.Error(), "changed while it was being read") {
		t.Errorf("the file saved again after it was opened: error %v, want it refused as changed", err)
	}
	if _, err := Read(context.Background(), path, Options{}); err != nil {
		t.Errorf("the file saved again, read alone: %v", err)
	}
}

// An opening is taken once, by a Read of its file with its limit; any
// other Read begins afresh, as an import tried again does.
func TestOpeningTakenOnce(t *testing.T) {
	path, other := perDistrictBook(t), houseBook(t)
	want, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantOther, err := Read(context.Background(), other, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := Open(context.Background(), path)
	defer o.Close()
	if got, err := Read(context.Background(), other, Options{Opening: o}); err != nil || !reflect.DeepEqual(got, wantOther) {
		t.Errorf("another file read with this one's opening: %v", err)
	}
	if _, err := Read(context.Background(), path, Options{Opening: o, MaxUnzipSize: 1 << 10}); err == nil || !strings.Contains(err.Error(), "unpack") {
		t.Errorf("read with a lower limit than its opening's: error %v, want it refused as too big", err)
	}
	for try := 1; try <= 2; try++ {
		if got, err := Read(context.Background(), path, Options{Opening: o}); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("read %d with its opening: %v", try, err)
		}
	}
	if !o.taken {
		t.Error("the opening was never taken")
	}
}

// An opening no Read takes is let go by Close, as often as it is called.
func TestOpeningClosedUntaken(t *testing.T) {
	o := Open(context.Background(), perDistrictBook(t))
	o.Close()
	o.Close()
	<-o.closed
	if s := o.begun.s; s == nil || s.book == nil {
		t.Fatal("the workbook was not opened")
	}
	if _, err := o.begun.s.book.SheetXML(o.begun.s.Heads[0].Sheet); err == nil {
		t.Error("the workbook can still be read after Close")
	}
	var none *Opening
	none.Close()
}
