package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// ErrDamaged is wrapped by every error that finds a store damaged: a file
// cut short, a page bbolt's check rejects, a record that no longer matches
// the checksum its import recorded.
var ErrDamaged = errors.New("damaged")

// DamagedError says what is wrong with a damaged store, that nothing was
// changed, and which automatic backup to restore from, in one line.
type DamagedError struct {
	Path    string
	Problem string
	// Backup is the newest automatic backup beside the store; empty when
	// there is none.
	Backup string
}

func (e *DamagedError) Error() string {
	advice := "no automatic backup of it was found"
	if e.Backup != "" {
		advice = restoreAdvice(e.Path, e.Backup)
	}
	return fmt.Sprintf("%s is damaged (%s); nothing was changed; %s", e.Path, e.Problem, advice)
}

func restoreAdvice(path, backup string) string {
	return fmt.Sprintf("restore the newest backup with: scorecard --db %q restore %q", path, backup)
}

// notStore returns the one-line error for a file at path that is not a
// Scorecard store: what it is (say, "is empty: not a Scorecard store"),
// that nothing was changed, and the newest automatic backup beside it or,
// when there is none, how to go on.
func notStore(path, what string) error {
	return notStoreOr(path, what, otherFileAdvice(path))
}

// otherFileAdvice is how to go on from a file named as the store that is
// none: another file, or this one removed; but a workbook or CSV (--db
// A.xlsx for import A.xlsx) is the officer's own, which the advice to
// remove it put at risk.
func otherFileAdvice(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm", ".xls", ".csv":
		return fmt.Sprintf("it is a workbook or CSV, not a store: to read it, import it (scorecard --db STORE import %q), naming the store with --db", filepath.Base(path))
	}
	return "name another file with --db, or remove this one"
}

// notStoreOr is notStore with other advice where there is no backup, or
// none when otherwise is empty.
func notStoreOr(path, what, otherwise string) error {
	advice := otherwise
	if b, _ := NewestBackup(path); b != "" {
		advice = restoreAdvice(path, b)
	}
	return &notStoreError{path: path, what: what, advice: advice}
}

// notStoreError is a file that is not a Scorecard store, with what it is
// and the advice for a store opened with --db; Restore, whose backup it
// may be, gives its own.
type notStoreError struct {
	path, what, advice string
}

func (e *notStoreError) Error() string {
	if e.advice == "" {
		return fmt.Sprintf("%s %s; nothing was changed", e.path, e.what)
	}
	return fmt.Sprintf("%s %s; nothing was changed; %s", e.path, e.what, e.advice)
}

// minStoreSize is the smallest file bbolt can have written: it lays out
// a new database as four pages of at least 4 KiB, and refuses a file of
// fewer than two pages with a message of its own ("file size too small").
const minStoreSize = 2 * 4096

func (e *DamagedError) Unwrap() error { return ErrDamaged }

// damaged returns the DamagedError for the store at path.
func damaged(path, format string, args ...any) error {
	b, _ := NewestBackup(path)
	return &DamagedError{Path: path, Problem: fmt.Sprintf(format, args...), Backup: b}
}

// keyName writes the text of a record's key as a message quotes it: a
// key read from a damaged page may hold any bytes, a line break among
// them, and a DamagedError is one line.
func keyName(k []byte) string {
	s := string(bytes.TrimSuffix(k, []byte{0}))
	if q := strconv.QuoteToGraphic(s); q[1:len(q)-1] != s {
		return q
	}
	return s
}

// obsKeyName names a figure's record key in a message briefly. A key read
// from a damaged page may run on into the page's other bytes (one message
// was 58 KB of them), so it gives the indicator, area and split where
// they read as short text, and the key's length and first bytes in hex.
func obsKeyName(k []byte) string {
	const maxText, maxHex = 64, 16
	r := keyReader{b: k}
	var parts []string
	for range 3 {
		t := r.text()
		if r.bad || len(t) > maxText || !readable(t) {
			break
		}
		if len(t) > 0 {
			parts = append(parts, string(t))
		}
	}
	head := fmt.Sprintf("%d bytes, starting %x", len(k), k[:min(len(k), maxHex)])
	if len(parts) == 0 {
		return "of " + head
	}
	return fmt.Sprintf("for %s (%s)", strings.Join(parts, ", "), head)
}

// readable reports whether b is text a message can quote as it is.
func readable(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range string(b) {
		if !unicode.IsGraphic(c) {
			return false
		}
	}
	return true
}

// guard turns a panic or a memory fault in bbolt, which a damaged page
// can cause, into a DamagedError for the store at path. Deferred at every
// entry point that reads the file; it assigns *err.
func guard(path string, err *error) {
	if r := recover(); r != nil {
		*err = damaged(path, "%s", unreadablePage(r))
	}
}

// unreadablePage is the problem a panic reading a page (r) is said as:
// the panic's own words ("runtime error: slice bounds out of range
// [::3031745972] ...") only baffle an officer, who is told the page is
// damaged (and, by the caller, how to restore); with SCORECARD_DEBUG set
// they are added, and the stack printed on stderr, for whoever hunts the
// cause.
func unreadablePage(r any) string {
	if os.Getenv("SCORECARD_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, "%v\n%s\n", r, debug.Stack())
		return fmt.Sprintf("a page is damaged and cannot be read: %v", r)
	}
	return "a page is damaged and cannot be read"
}

// faultsPanic makes a fault reading the memory-mapped file (a page past
// the end of a file cut short) a panic guard can recover, rather than a
// crash, in the calling goroutine. The returned func restores the setting.
func faultsPanic() func() {
	old := debug.SetPanicOnFault(true)
	return func() { debug.SetPanicOnFault(old) }
}

// bbolt's meta page, as its file format fixes it: after a 16-byte page
// header come magic, version, page size and flags (4 bytes each), the root
// bucket (page id and sequence), the freelist's page id, the high-water
// page id, the transaction id, and an FNV-64a checksum of all before it.
const (
	pageHeaderLen  = 16
	metaLen        = 64
	metaSumOffset  = 56
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	metaPageSizeAt = 8
	metaPgidAt     = 40
	metaTxidAt     = 48
)

// metaPage is what checkFile reads of one meta page.
type metaPage struct {
	ok       bool
	pageSize int64
	pgid     int64 // pages in use: the file must hold at least pgid pages
	txid     uint64
}

func readMeta(b []byte) metaPage {
	if len(b) < pageHeaderLen+metaLen {
		return metaPage{}
	}
	m := b[pageHeaderLen : pageHeaderLen+metaLen]
	h := fnv.New64a()
	h.Write(m[:metaSumOffset])
	ne := binary.NativeEndian
	if ne.Uint32(m) != boltMagic || ne.Uint32(m[4:]) != boltVersion || ne.Uint64(m[metaSumOffset:]) != h.Sum64() {
		return metaPage{}
	}
	return metaPage{ok: true, pageSize: int64(ne.Uint32(m[metaPageSizeAt:])), pgid: int64(ne.Uint64(m[metaPgidAt:])), txid: ne.Uint64(m[metaTxidAt:])}
}

// checkFile reads the two meta pages of the bbolt file at path. A file
// whose valid meta page counts more pages than the file holds was cut
// short, and bbolt would fault reading past its end. When strict, a meta
// page failing its checksum is damage too: bbolt would quietly fall back to
// the other, older one and so drop the latest change. Strict is for a file
// whose lock is held, so no writer can be half-way through a meta page.
// A file that is not bbolt's at all is left to bbolt to refuse.
func checkFile(path string, strict bool) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt reports it
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	size := fi.Size()
	head := make([]byte, pageHeaderLen+metaLen)
	if _, err := f.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil
	}
	m0 := readMeta(head)
	var m1 metaPage
	// Page 1 is one page size in; page 0 gives the size unless page 0 is
	// the damaged one, when the usual sizes are tried.
	sizes := []int64{4096, int64(os.Getpagesize()), 16384, 65536}
	if m0.ok {
		sizes = []int64{m0.pageSize}
	}
	for _, ps := range sizes {
		if ps <= 0 {
			continue
		}
		if _, err := f.ReadAt(head, ps); err != nil && !errors.Is(err, io.EOF) {
			continue
		}
		if m1 = readMeta(head); m1.ok {
			break
		}
	}
	if !m0.ok && !m1.ok {
		if isBolt(head) || size > 0 && looksBolt(f) {
			return damaged(path, "both header pages fail their checksums")
		}
		return nil
	}
	for _, m := range []metaPage{m0, m1} {
		if m.ok && m.pgid*m.pageSize > size {
			return damaged(path, "the file is cut short: %d bytes of the %d its header counts", size, m.pgid*m.pageSize)
		}
	}
	if strict && m0.ok != m1.ok {
		return damaged(path, "a header page fails its checksum, so the latest change may be lost")
	}
	return nil
}

// looksBolt reports whether the file's first page carries bbolt's magic,
// though its checksum fails.
func looksBolt(f *os.File) bool {
	b := make([]byte, pageHeaderLen+8)
	if _, err := f.ReadAt(b, 0); err != nil {
		return false
	}
	return isBolt(b)
}

func isBolt(b []byte) bool {
	return len(b) >= pageHeaderLen+8 && binary.NativeEndian.Uint32(b[pageHeaderLen:]) == boltMagic
}

// checkPages runs bbolt's consistency check over every page and returns
// the first problem as a DamagedError.
func (s *Bolt) checkPages() (err error) {
	defer faultsPanic()()
	defer guard(s.path, &err)
	return s.db.View(func(tx *bolt.Tx) error {
		var first error
		for err := range tx.Check() {
			if first == nil {
				first = err
			}
		}
		if first != nil {
			return damaged(s.path, "bbolt's page check: %v", first)
		}
		return nil
	})
}
