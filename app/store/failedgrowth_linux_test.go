package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"scorecard/app"
)

// fullDiskInside is set in the copy of the test binary that runs the test
// inside a mount namespace of its own, where it can mount a small tmpfs.
const fullDiskInside = "SCORECARD_STORE_FULL_DISK"

// TestFullDiskImportKeepsSize: an import refused because the disk is full
// leaves the store file at the size it had, and every figure it held, and
// the store takes the next import that fits. bbolt grows the file before
// it writes a commit's pages, and a tmpfs, like the QA's 3 MB disk, lets
// the file grow (sparse) and refuses the pages.
//
// A tmpfs is mounted in a user and mount namespace of the test's own, so
// the test needs no privilege and leaves no mount behind; where the
// system allows no such namespace it is skipped.
func TestFullDiskImportKeepsSize(t *testing.T) {
	if os.Getenv(fullDiskInside) == "" {
		runInMountNamespace(t)
		return
	}
	// Room for the store and its first import, and some to spare, but
	// not for the large import.
	dir := mountTmpfs(t, "full", "size=2m")
	path := filepath.Join(dir, "s.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.SetAutoBackups(0)
	mustImport(t, s, "a.xlsx", monthly(months(app.MonthOf(2025, 3), 12), 0))
	want := mustLoad(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, path)

	// As the import command opens the store: mapped for what the file
	// will add.
	s, err = OpenSized(path, 6<<20)
	if err != nil {
		t.Fatal(err)
	}
	s.SetAutoBackups(0)
	_, err = s.Import(Source{Name: "big60k.xlsx", Kind: "workbook", SHA256: "sha-big"}, largeDataset(0))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("the large import onto a full disk: %v; want the disk full", err)
	}
	if got := fileSize(t, path); got != before {
		t.Errorf("after the refused import the store is %d bytes; it was %d", got, before)
	}
	sameHistory(t, "after the refused import", want, mustLoad(t, s))
	next := mustImport(t, s, "b.xlsx", monthly(months(app.MonthOf(2025, 4), 1), 1))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen after the refused import: %v", err)
	}
	defer s.Close()
	h := mustLoad(t, s)
	if len(h.Imports) != 2 || h.Imports[1].ID != next.ID {
		t.Errorf("reopened, the store holds %+v; want a.xlsx and b.xlsx", h.Imports)
	}
}

// mountTmpfs mounts a tmpfs of the options given (its size) on a new
// folder name in the test's temporary folder, unmounted when the test
// ends, and returns the folder; the test is skipped where it cannot be
// mounted. The test runs in a mount namespace of its own
// (runInMountNamespace).
func mountTmpfs(t *testing.T, name, options string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, options); err != nil {
		t.Skipf("no disk of our own: mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	return dir
}

// runInMountNamespace runs the test that calls it again, in a copy of the
// test binary inside a user and mount namespace of its own.
func runInMountNamespace(t *testing.T) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), fullDiskInside+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Skipf("no mount namespace to mount a small disk in: %v", err)
	}
	if err != nil {
		t.Fatalf("in its own mount namespace: %v\n%s", err, out)
	}
	if _, why, skipped := strings.Cut(string(out), "--- SKIP: "+t.Name()); skipped {
		t.Skipf("in its own mount namespace: %s", strings.TrimSpace(why))
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestReadOnlyDiskSaid: a store on a disk mounted read-only (a
// write-protected stick, a share mounted so), opened to change it or
// restored over, says the disk is read-only, that nothing was changed
// and what to do, not "open s.db: open s.db: read-only file system" nor
// a temporary file's name.
func TestReadOnlyDiskSaid(t *testing.T) {
	if os.Getenv(fullDiskInside) == "" {
		runInMountNamespace(t)
		return
	}
	dir := mountTmpfs(t, "ro", "size=4m")
	path := filepath.Join(dir, "s.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "a.xlsx", smallMonthly(0))
	s.Close()
	keep := filepath.Join(t.TempDir(), "keep.db")
	if err := copyFile(path, keep); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("remount read-only: %v", err)
	}
	_, err = Open(path)
	if want := "open store " + path + ": cannot write the store s.db in " + dir + " (the disk is read-only); nothing was changed; copy the store to a folder you can write to"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("opened to change: %v\nwant it to begin %s", err, want)
	}
	_, err = Restore(path, keep)
	if err == nil || !strings.Contains(err.Error(), "(the disk is read-only); nothing was changed") || strings.Contains(err.Error(), ".restoring") {
		t.Errorf("restore: %v, want the disk said read-only and no temporary file named", err)
	}
	if s, err := OpenReadOnly(path); err != nil {
		t.Errorf("opened to read: %v, want it read", err)
	} else {
		s.Close()
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}
