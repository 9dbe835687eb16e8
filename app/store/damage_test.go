package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// closedStore makes a store at dir/scorecard.db with imports of jan and
// feb (the second after an automatic backup), closes it and returns its
// path, its bytes and its history.
func closedStore(t *testing.T, ds func(i int) *app.Dataset, n int) (string, []byte, *app.History) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "scorecard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		mustImport(t, s, "file"+string(rune('a'+i))+".xlsx", ds(i))
	}
	want := mustLoad(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data, want
}

func smallMonthly(i int) *app.Dataset {
	return monthly(months(app.MonthOf(2025, time.Month(1+i)), 12), float64(i))
}

// smallMonthlyWithTarget is smallMonthly with a target for its first
// indicator: a record of another bucket, few enough to be kept inline.
func smallMonthlyWithTarget(i int) *app.Dataset {
	ds := smallMonthly(i)
	ds.Targets = []app.Target{{Ref: ds.Indicators[0].Ref, Year: app.Period{Kind: app.FinancialYear, Year: 2025}, Target: app.Float(float64(40 + i))}}
	return ds
}

// latestMeta returns the offset of the meta page bbolt reads as the
// latest: the one with the higher transaction id.
func latestMeta(t *testing.T, data []byte) int {
	t.Helper()
	m0 := readMeta(data)
	m1 := readMeta(data[m0.pageSize:])
	if !m0.ok || !m1.ok {
		t.Fatal("store's meta pages do not read")
	}
	if m1.txid > m0.txid {
		return int(m0.pageSize)
	}
	return 0
}

// wantDamaged fails t unless err is a DamagedError offering a backup.
func wantDamaged(t *testing.T, what string, err error) {
	t.Helper()
	var d *DamagedError
	if !errors.As(err, &d) {
		t.Fatalf("%s: %v, want a damaged store", what, err)
	}
	if d.Backup == "" || !strings.Contains(err.Error(), " restore ") || strings.Contains(err.Error(), "\n") {
		t.Errorf("%s: %q does not offer the newest backup in one line", what, err)
	}
	if !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("%s: %q does not say nothing was changed", what, err)
	}
}

// openAndLoad opens path read-only and loads it.
func openAndLoad(path string, write bool) (*app.History, error) {
	open := OpenReadOnly
	if write {
		open = Open
	}
	s, err := open(path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Load()
}

// TestHeaderBitFlipKeepsLatestImport flips each bit of the meta page bbolt
// reads first, which makes bbolt fall back to the older page and so lose
// the latest import without a word: the store must be refused instead.
func TestHeaderBitFlipKeepsLatestImport(t *testing.T) {
	path, data, want := closedStore(t, smallMonthly, 3)
	at := latestMeta(t, data)
	for bit := 8 * pageHeaderLen; bit < 8*(pageHeaderLen+metaLen); bit += 3 {
		bad := bytes.Clone(data)
		bad[at+bit/8] ^= 1 << (bit % 8)
		if err := writeFile(path, bad); err != nil {
			t.Fatal(err)
		}
		for _, write := range []bool{false, true} {
			h, err := openAndLoad(path, write)
			if err == nil {
				sameHistory(t, "store with a flipped header bit", want, h)
				continue
			}
			if !errors.Is(err, ErrDamaged) && !strings.Contains(err.Error(), "not a Scorecard store") {
				t.Errorf("bit %d: %v", bit, err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
				t.Fatalf("bit %d: opening the damaged store changed it", bit)
			}
		}
	}
	// The root bucket's page, one bit changed: bbolt alone reads the other
	// meta page and shows two imports of three.
	bad := bytes.Clone(data)
	bad[at+pageHeaderLen+16] ^= 1
	writeFile(path, bad)
	_, err := openAndLoad(path, false)
	wantDamaged(t, "flipped root page id", err)
}

// TestTruncatedStore cuts a large store short at the sizes an attack
// tried: every open is refused as damaged, pointing to the backup, with
// no panic or fault, and the file is left as it was.
func TestTruncatedStore(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 20 MB store")
	}
	path, data, _ := closedStore(t, func(i int) *app.Dataset { return largeDataset(float64(i)) }, 2)
	if len(data) <= 8<<20 {
		t.Fatalf("store is %d bytes; the test needs more than 8 MB", len(data))
	}
	for _, size := range []int{8 << 10, 16 << 10, 4 << 20, 8 << 20} {
		if err := writeFile(path, data[:size]); err != nil {
			t.Fatal(err)
		}
		for _, write := range []bool{false, true} {
			_, err := openAndLoad(path, write)
			wantDamaged(t, fmt.Sprintf("store cut to %d bytes", size), err)
			if fi, _ := os.Stat(path); fi.Size() != int64(size) {
				t.Fatalf("cut to %d: opening changed the file to %d bytes", size, fi.Size())
			}
		}
	}
}

// TestBitFlips flips one bit at a time at random places in a store's data
// pages: every open and load either gives the history back exactly or
// refuses the store, never a panic and never a changed figure.
func TestBitFlips(t *testing.T) {
	path, data, want := closedStore(t, smallMonthlyWithTarget, 3)
	m := readMeta(data)
	rng := rand.New(rand.NewPCG(1, 2))
	refused := 0
	for range 400 {
		bad := bytes.Clone(data)
		at := int(m.pageSize)*2 + rng.IntN(len(data)-2*int(m.pageSize))
		bad[at] ^= 1 << rng.IntN(8)
		if err := writeFile(path, bad); err != nil {
			t.Fatal(err)
		}
		h, err := openAndLoad(path, false)
		if err != nil {
			refused++
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("byte %d: error of more than one line: %q", at, err)
			}
			continue
		}
		sameHistory(t, fmt.Sprintf("store with byte %d flipped", at), want, h)
	}
	t.Logf("%d of 400 flips refused; the rest changed nothing the history holds", refused)
}

// TestRecordChecksum changes one stored figure behind the store's back,
// as a flipped bit in a leaf page would: Load refuses the store.
func TestRecordChecksum(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	mustImport(t, s, "feb.xlsx", smallMonthly(1))
	err := s.db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(kindBuckets[kindObservation]).Cursor()
		k, v := c.Last()
		v = bytes.Clone(v)
		v[len(v)-1] ^= 1
		return tx.Bucket(kindBuckets[kindObservation]).Put(bytes.Clone(k), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Load()
	wantDamaged(t, "a changed figure", err)
	if !strings.Contains(err.Error(), "I0002") {
		t.Errorf("%q does not name the import whose figures changed", err)
	}
}

// TestAutomaticBackups checks a backup is made before each import and
// undo, the newest five kept, each holding the store as it was before.
func TestAutomaticBackups(t *testing.T) {
	s := openTemp(t)
	var before []*app.History
	for i := range 7 {
		before = append(before, mustLoad(t, s))
		mustImport(t, s, "m"+string(rune('a'+i)), smallMonthly(i))
	}
	before = append(before, mustLoad(t, s))
	if _, err := s.Undo("I0007"); err != nil {
		t.Fatal(err)
	}
	bs, err := Backups(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	// Seven imports and an undo: the first import had nothing to copy.
	if len(bs) != DefaultAutoBackups {
		t.Fatalf("%d backups kept, want %d: %q", len(bs), DefaultAutoBackups, bs)
	}
	for i, b := range bs {
		if !strings.HasPrefix(filepath.Base(b), "scorecard.db.backup-") {
			t.Errorf("backup named %s", b)
		}
		h, err := openAndLoad(b, false)
		if err != nil {
			t.Fatalf("backup %s: %v", b, err)
		}
		// The newest is from before the undo; the oldest kept, before the
		// fourth import.
		sameHistory(t, "backup "+b, before[len(before)-len(bs)+i], h)
	}
}

// TestRestore restores a damaged store from its newest backup, keeping
// the damaged file, and refuses while the store is open elsewhere.
func TestRestore(t *testing.T) {
	path, data, _ := closedStore(t, smallMonthly, 3)
	newest, _ := NewestBackup(path)
	if newest == "" {
		t.Fatal("no automatic backup")
	}
	wantBackup, err := openAndLoad(newest, false)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(path, data[:len(data)/2])
	if _, err := openAndLoad(path, false); !errors.Is(err, ErrDamaged) {
		t.Fatalf("cut store opened: %v", err)
	}
	if _, err := Restore(path, path); err == nil {
		t.Error("restored the store from itself")
	}
	if _, err := Restore(path, filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("restored from a missing file")
	}
	kept, err := Restore(path, newest)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(kept); !bytes.Equal(got, data[:len(data)/2]) {
		t.Errorf("the damaged store was not kept as %s", kept)
	}
	h, err := openAndLoad(path, true)
	if err != nil {
		t.Fatal(err)
	}
	sameHistory(t, "restored", wantBackup, h)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Restore(path, newest); !errors.Is(err, ErrInUse) {
		t.Errorf("restore over an open store: %v, want ErrInUse", err)
	}
}

// TestEmptyStoreFromKilledFirstImport: an empty file with the store's
// own name is what a kill during an older Scorecard's first import left;
// it is replaced. An empty file of another name may be the user's.
func TestEmptyStoreFromKilledFirstImport(t *testing.T) {
	dir := t.TempDir()
	ours := filepath.Join(dir, "scorecard.db")
	writeFile(ours, nil)
	s, err := Open(ours)
	if err != nil {
		t.Fatalf("empty scorecard.db: %v", err)
	}
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	s.Close()

	theirs := filepath.Join(dir, "notes.db")
	writeFile(theirs, nil)
	if _, err := Open(theirs); err == nil || !strings.Contains(err.Error(), "is empty: not a Scorecard store") {
		t.Errorf("empty notes.db: %v, want refused", err)
	}
	// With automatic backups beside it, an empty file is a store cut
	// short or emptied, not one never made: no new history is begun over
	// it, and the backups are named (TestNoNewHistoryBesideBackups).
	team := filepath.Join(dir, "team.db")
	writeFile(team, nil)
	writeFile(team+".backup-20250101-120000", []byte("x"))
	if s, err := Open(team); err == nil {
		s.Close()
		t.Errorf("empty team.db with backups opened, want it refused")
	}
	// A new store is laid out under another name and then linked, so no
	// file of the store's name is ever half made; nothing is left over.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".creating-") {
			t.Errorf("left %s", e.Name())
		}
	}
}

// TestNotAStoreMessage: a file that is not a store, opened to write or
// only to read, is refused in one line that says what the file is, that
// nothing was changed, and which automatic backup lies beside it; never
// in bbolt's words ("bad file descriptor", "file size too small").
func TestNotAStoreMessage(t *testing.T) {
	garbage := bytes.Repeat([]byte("not a store "), 5000/12+1)[:5000]
	for _, tc := range []struct {
		name     string
		content  []byte
		backup   bool
		readOnly bool
		want     string
	}{
		{"z.db", nil, false, true, "z.db is empty: not a Scorecard store; nothing was changed; name another file"},
		{"z.db", nil, false, false, "z.db is empty: not a Scorecard store; nothing was changed; name another file"},
		{"z.db", nil, true, true, "z.db is empty, though automatic backups of a store there lie beside it; nothing was changed; restore the newest backup with: "},
		{"z.db", nil, true, false, "z.db is empty, though automatic backups of a store there lie beside it; nothing was changed; restore the newest backup with: "},
		{"scorecard.db", nil, false, true, "scorecard.db is empty: not a Scorecard store yet (an earlier import was stopped while creating it; the next import replaces it); nothing was changed"},
		{"g.db", garbage, false, true, "g.db is not a Scorecard store (too short to be one); nothing was changed; name another file"},
		{"g.db", garbage, false, false, "g.db is not a Scorecard store (too short to be one); nothing was changed; name another file"},
		{"g.db", garbage, true, false, "g.db is not a Scorecard store (too short to be one); nothing was changed; restore the newest backup with: "},
		// The officer's workbook named as the store is never to be removed.
		{"A.xlsx", garbage, false, true, `A.xlsx is not a Scorecard store (too short to be one); nothing was changed; it is a workbook or CSV, not a store: to read it, import it (scorecard --db STORE import "A.xlsx")`},
	} {
		t.Run(fmt.Sprintf("%s/backup=%v/readOnly=%v", tc.name, tc.backup, tc.readOnly), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.name)
			writeFile(path, tc.content)
			if tc.backup {
				writeFile(path+".backup-20250101-120000", []byte("x"))
			}
			open := Open
			if tc.readOnly {
				open = OpenReadOnly
			}
			s, err := open(path)
			if err == nil {
				s.Close()
				t.Fatalf("opened, want refused")
			}
			if msg := err.Error(); !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") || strings.Contains(msg, "replaces it") && strings.Contains(msg, "remove this one") {
				t.Errorf("error = %q, want one line containing %q", msg, tc.want)
			}
			if tc.backup && !strings.Contains(err.Error(), path+".backup-20250101-120000") {
				t.Errorf("error = %q, want the backup named", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, tc.content) {
				t.Errorf("the file was changed")
			}
		})
	}
}

// TestCleanCloseMarker: a store closed cleanly says so; one whose writer
// died does not, and its pages are checked on the next open.
func TestCleanCloseMarker(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	path := s.Path()
	s.db.Close() // as if killed: Close never ran
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	var open []byte
	raw.View(func(tx *bolt.Tx) error { open = bytes.Clone(tx.Bucket(bucketMeta).Get(keyOpen)); return nil })
	if !bytes.Equal(open, []byte{1}) {
		t.Errorf("store left open reads open=%v", open)
	}
	raw.Close()
	// A leaked page (in use by no bucket, not free) is what bbolt's check
	// finds and a load would not: raise the high-water mark by one page.
	data, _ := os.ReadFile(path)
	at := latestMeta(t, data)
	m := readMeta(data[at:])
	binary.NativeEndian.PutUint64(data[at+pageHeaderLen+metaPgidAt:], uint64(m.pgid+1))
	fixMetaSum(data[at:])
	data = append(data, make([]byte, m.pageSize)...)
	writeFile(path, data)
	if _, err = Open(path); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "page check") {
		t.Errorf("store with an unreachable page after an unclean close: %v, want bbolt's check to refuse it", err)
	}
}

// fixMetaSum recomputes a meta page's checksum after a test edits it.
func fixMetaSum(page []byte) {
	m := page[pageHeaderLen : pageHeaderLen+metaLen]
	binary.NativeEndian.PutUint64(m[metaSumOffset:], fnv64a(m[:metaSumOffset]))
}

// TestBackupRefusesItsOwnStore: a backup written over the live store (by
// its name, another spelling, or a hard or symbolic link to it) or over
// another store a writer holds is refused, and both are left as they were.
func TestBackupRefusesItsOwnStore(t *testing.T) {
	path, data, _ := closedStore(t, smallMonthly, 2)
	dir := filepath.Dir(path)
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym.db")
	if err := os.Symlink(path, sym); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	held, err := Open(other)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	mustImport(t, held, "jan.xlsx", smallMonthly(0))
	otherData, _ := os.ReadFile(other)
	for _, out := range []string{path, filepath.Join(dir, ".", "scorecard.db"), hard, sym, other} {
		if err := CopyFile(path, out, true); err == nil {
			t.Errorf("CopyFile(%s, %s) wrote over a live store", path, out)
		}
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.BackupFile(sym); err == nil {
		t.Error("BackupFile wrote over the open store through a link")
	}
	s.Close()
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("the store was changed")
	}
	if got, _ := os.ReadFile(other); !bytes.Equal(got, otherData) {
		t.Error("the store held by another writer was changed")
	}
	// A new file is fine, and an old backup when replacing it is asked.
	if err := CopyFile(path, filepath.Join(dir, "copy.db"), false); err != nil {
		t.Error(err)
	}
	if err := CopyFile(path, filepath.Join(dir, "copy.db"), true); err != nil {
		t.Errorf("replacing an earlier backup: %v", err)
	}
}

// TestRepeatImportKeepsBackups checks that a file already imported, given
// again by later runs of the app, neither writes the store nor makes an
// automatic backup, so repeats cannot push the useful backups out.
func TestRepeatImportKeepsBackups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		mustImport(t, s, "m"+string(rune('a'+i)), smallMonthly(i))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	wantBackups, _ := Backups(path)
	wantData, _ := os.ReadFile(path)
	for range DefaultAutoBackups + 1 {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(Source{Name: "mb", Kind: "workbook", SHA256: "sha-mb"}, smallMonthly(1)); !errors.Is(err, ErrAlreadyImported) {
			t.Fatalf("repeat import: %v, want ErrAlreadyImported", err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := Backups(path); !slices.Equal(got, wantBackups) {
		t.Errorf("repeat imports changed the backups:\n got %q\nwant %q", got, wantBackups)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, wantData) {
		t.Error("repeat imports wrote the store")
	}
}

// TestHeldTargetsProved: reading the targets held, for reviewing an
// import, proves each indicator's records as LoadIndicator does, though
// it decodes no figure: a changed figure of an indicator asked about is
// damage, one of an indicator not asked about is not read.
func TestHeldTargetsProved(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	mustImport(t, s, "feb.xlsx", smallMonthly(1)) // after a backup
	var changed string
	err := s.db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(kindBuckets[kindObservation]).Cursor()
		k, v := c.Last()
		changed = string(k[:bytes.IndexByte(k, 0)])
		v = bytes.Clone(v)
		v[len(v)-1] ^= 1
		return tx.Bucket(kindBuckets[kindObservation]).Put(bytes.Clone(k), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	var other string
	for _, ind := range smallMonthly(0).Indicators {
		if ind.Ref != changed {
			other = ind.Ref
		}
	}
	if _, err := s.HeldTargets([]string{other}); err != nil {
		t.Errorf("HeldTargets(%s), whose records are whole: %v", other, err)
	}
	_, err = s.HeldTargets([]string{other, changed})
	wantDamaged(t, "a changed figure of "+changed, err)
}

// TestCreateLeftoversRemoved: a Scorecard stopped while laying out a new
// store leaves its temporary file beside it; the next open of the store
// removes it once it is old enough that no other process can still be
// creating the store with it, and leaves a fresh one, and others' files,
// alone.
func TestCreateLeftoversRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.db")
	stale := filepath.Join(dir, ".team.db.creating-1234")
	fresh := filepath.Join(dir, ".team.db.creating-5678")
	other := filepath.Join(dir, ".other.db.creating-1234")
	mine := filepath.Join(dir, "team.db.creating-notes.txt")
	for _, f := range []string{stale, fresh, other, mine} {
		writeFile(f, []byte("half a store"))
	}
	long := time.Now().Add(-2 * createdWithin)
	for _, f := range []string{stale, other, mine} {
		if err := os.Chtimes(f, long, long); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, tc := range []struct {
		path string
		kept bool
	}{{stale, false}, {fresh, true}, {other, true}, {mine, true}} {
		if _, err := os.Stat(tc.path); (err == nil) != tc.kept {
			t.Errorf("%s: kept %v, want %v", filepath.Base(tc.path), err == nil, tc.kept)
		}
	}
}

// TestRecordLengthPastPages: a record whose length was flipped on disk
// to run far past the store's pages (bbolt does not check) is refused as
// damage before any of it is read: read, the bytes past the mapping may
// be the program's own memory, which the store once printed into an
// error and the collector crashed on ("found bad pointer in Go heap").
func TestRecordLengthPastPages(t *testing.T) {
	path, data, _ := closedStore(t, smallMonthlyWithTarget, 3)
	m := readMeta(data)
	ne := binary.NativeEndian
	caught := 0
	for at := 2 * int(m.pageSize); at+int(m.pageSize) <= len(data); at += int(m.pageSize) {
		flags, count := ne.Uint16(data[at+pageFlagsAt:]), ne.Uint16(data[at+pageCountAt:])
		if flags != leafPageFlag || count == 0 {
			continue
		}
		for e := range int(count) {
			bad := bytes.Clone(data)
			v := at + pageHeaderLen + e*pageElementLen + leafVsizeAt
			ne.PutUint32(bad[v:], ne.Uint32(bad[v:])|1<<26)
			if err := writeFile(path, bad); err != nil {
				t.Fatal(err)
			}
			// A record Load does not read (a setting's, say) may be
			// passed over; one it reads must not be read past.
			_, err := openAndLoad(path, false)
			if err != nil && strings.Contains(err.Error(), "runs past the end of the store's pages") {
				caught++
			}
		}
	}
	if caught == 0 {
		t.Error("no record running past the pages was caught before it was read")
	}
}

// TestNoNewHistoryBesideBackups: a store whose file is missing or empty
// while automatic backups of it lie beside it was moved, deleted or
// emptied, not never made. A new history begun there was pruned of the
// backups within five changes, the old history with them; it is refused,
// naming the newest backup, how to restore it and how to begin anew, and
// nothing is written.
func TestNoNewHistoryBesideBackups(t *testing.T) {
	for _, empty := range []bool{false, true} {
		t.Run(fmt.Sprintf("empty=%v", empty), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "s.db")
			backup := path + ".backup-20250101-120000"
			writeFile(backup, []byte("x"))
			what := "does not exist"
			if empty {
				writeFile(path, nil)
				what = "is empty"
			} else if err := CheckMissing(path); err == nil || !strings.Contains(err.Error(), "s.db does not exist, though automatic backups") {
				t.Errorf("CheckMissing: %v, want the backups said", err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("opened, want refused")
			}
			for _, want := range []string{path + " " + what + ", though automatic backups of a store there lie beside it; nothing was changed",
				fmt.Sprintf("restore %q", backup), "move its backups (s.db.backup-*) elsewhere first"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("refusal %q, want it to say %q", err, want)
				}
			}
			if fi, err := os.Stat(path); empty && (err != nil || fi.Size() != 0) || !empty && err == nil {
				t.Errorf("the store file was written: %v %v", fi, err)
			}
		})
	}
	// With no backups, a missing store is begun.
	if err := CheckMissing(filepath.Join(t.TempDir(), "new.db")); err != nil {
		t.Errorf("CheckMissing with no backups: %v", err)
	}
}
