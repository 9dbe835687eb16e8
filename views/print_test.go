package views

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/export"
)

// TestPrintWritesPack checks File > Print (Ctrl+P) writes the committee
// pack for the window's area, period and exclusions as a PDF, and hands
// that file to the system to print.
func TestPrintWritesPack(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	w := openFixture(t, 24)
	w.cohorts[toggledCohorts[0].c].SetChecked(true) // Exclude UASC
	var sent []string
	orig := sendToPrint
	t.Cleanup(func() { sendToPrint = orig })
	sendToPrint = func(path string) (string, error) {
		sent = append(sent, path)
		return "opened in the viewer", nil
	}

	press(t, w, fyne.KeyP)
	w.busy.Wait()
	want := filepath.Join(printFolder(), "Scorecard Kent Mar-25.pdf")
	if !slices.Equal(sent, []string{want}) {
		t.Fatalf("sent %q to print, want %q", sent, want)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("%s begins %q, not a PDF", want, b[:min(len(b), 8)])
	}
	// Every page's footer says who the figures count, as the window chose.
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil && os.Getenv("CI") == "true" {
		t.Fatal("pdftotext is not installed, and CI must have it (scripts/setup.sh test)")
	}
	if err == nil {
		out, err := exec.Command(pdftotext, want, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", want, err)
		}
		if !strings.Contains(string(out), "excluding UASC") || !strings.Contains(string(out), "Mar") {
			t.Errorf("the pack printed does not say it is March 2025 excluding UASC:\n%.600s", out)
		}
	}
	if !strings.Contains(w.status.Text, "Printing "+want) {
		t.Errorf("the status bar says %q", w.status.Text)
	}
}

// TestSystemPrint checks how each system is asked to print: Windows's
// "print" verb, falling back to "open" for a viewer without one; a Mac's
// open; xdg-open elsewhere.
func TestSystemPrint(t *testing.T) {
	const path = "/tmp/Scorecard print/Scorecard Kent Mar-25.pdf"
	for _, tc := range []struct {
		goos      string
		noPrint   bool // the Windows handler has no "print" verb
		want      []string
		wantWords string
	}{
		{"linux", false, []string{"run xdg-open " + path}, "opened in the viewer"},
		{"freebsd", false, []string{"run xdg-open " + path}, "opened in the viewer"},
		{"darwin", false, []string{"run open " + path}, "opened in the viewer"},
		{"windows", false, []string{"shell print " + path}, "sent to the printer"},
		{"windows", true, []string{"shell print " + path, "shell open " + path}, "opened in the PDF viewer"},
	} {
		t.Run(tc.goos, func(t *testing.T) {
			var did []string
			run := func(name string, args ...string) error {
				did = append(did, "run "+name+" "+strings.Join(args, " "))
				return nil
			}
			shell := func(verb, p string) error {
				did = append(did, "shell "+verb+" "+p)
				if verb == "print" && tc.noPrint {
					return errors.New("no application is associated with the specified file for this operation")
				}
				return nil
			}
			words, err := systemPrint(tc.goos, path, run, shell)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(did, tc.want) {
				t.Errorf("did %q, want %q", did, tc.want)
			}
			if !strings.Contains(words, tc.wantWords) {
				t.Errorf("says %q, want %q", words, tc.wantWords)
			}
		})
	}
}

// TestPrintFallsBackToWorkbook checks that when the pack cannot be
// written, Print writes the workbook, whose sheets are set up to print,
// and hands that on; and says why when neither can be.
func TestPrintFallsBackToWorkbook(t *testing.T) {
	for _, tc := range []struct {
		name     string
		failXLSX bool
	}{{"workbook", false}, {"neither", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("TMPDIR", t.TempDir())
			w := openFixture(t, 24)
			var sent []string
			origSend, origWrite := sendToPrint, writeExport
			t.Cleanup(func() { sendToPrint, writeExport = origSend, origWrite })
			sendToPrint = func(path string) (string, error) {
				sent = append(sent, path)
				return "opened in the viewer", nil
			}
			writeExport = func(ctx context.Context, path string, h *app.History, opt export.Options) (export.Summary, error) {
				if export.IsPDF(path) || tc.failXLSX {
					return export.Summary{}, fmt.Errorf("%s: cannot write", filepath.Base(path))
				}
				return origWrite(ctx, path, h, opt)
			}
			w.printPack()
			w.busy.Wait()
			xlsx := filepath.Join(printFolder(), "Scorecard Kent Mar-25.xlsx")
			if tc.failXLSX {
				if len(sent) != 0 {
					t.Errorf("sent %q to print", sent)
				}
				msg := dialogText(w)
				if !strings.Contains(msg, "the committee pack: Scorecard Kent Mar-25.pdf: cannot write; the workbook: Scorecard Kent Mar-25.xlsx: cannot write") {
					t.Errorf("the window says %q", msg)
				}
				return
			}
			if !slices.Equal(sent, []string{xlsx}) {
				t.Fatalf("sent %q to print, want %q", sent, xlsx)
			}
			if _, err := os.Stat(xlsx); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestPrintAsksFirstWhenWarned: File > Print of a pack its export warns
// of lists the warnings and asks before handing the pack to the printer,
// since a pack printed is circulated; without warnings it prints at
// once (TestPrintWritesPack). Before, the window printed and said
// nothing of them.
func TestPrintAsksFirstWhenWarned(t *testing.T) {
	for _, tc := range []struct {
		answer     string
		wantSent   int
		wantStatus string
	}{
		{"Print", 1, "Printing "},
		{"Don't print", 0, "Not printed (1 warning); the pack is at "},
	} {
		t.Run(tc.answer, func(t *testing.T) {
			t.Setenv("TMPDIR", t.TempDir())
			w := windowOnUnprotected(t)
			sent := 0
			orig := sendToPrint
			t.Cleanup(func() { sendToPrint = orig })
			sendToPrint = func(string) (string, error) { sent++; return "opened in the viewer", nil }
			w.printPack()
			w.busy.Wait()
			if sent != 0 {
				t.Fatalf("the pack was sent to print before the officer was asked")
			}
			top := w.win.Canvas().Overlays().Top()
			said := strings.Join(labelTexts(top), "\n")
			for _, want := range []string{"Print the pack?", "1 warning, also on the pack's provenance page", "PC01 (Care leavers in suitable accommodation) is given as percentages without counts"} {
				if !strings.Contains(said, want) {
					t.Errorf("before printing the window says %q, want it to say %q", said, want)
				}
			}
			b := findButton(top, tc.answer)
			if b == nil {
				t.Fatalf("no %q button in %q", tc.answer, said)
			}
			test.Tap(b)
			if sent != tc.wantSent || !strings.Contains(w.status.Text, tc.wantStatus) {
				t.Errorf("after %q: %d sent to print, status %q; want %d, %q", tc.answer, sent, w.status.Text, tc.wantSent, tc.wantStatus)
			}
		})
	}
}
