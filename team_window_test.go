package main

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"scorecard/app/store/postgres/pgtest"
)

// TestWindowOnTeamStore launches the real (GL) window with --db naming a
// team store, under Xvfb, as an officer's shortcut would: the URL reaches
// the window, which opens the store and listens on it for colleagues'
// changes, and nothing it prints shows the password.
func TestWindowOnTeamStore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the cgo binary and runs it under Xvfb")
	}
	dsn := pgtest.DSN(t)
	needTools(t, "xvfb xauth", "xvfb-run")
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	if pw == "" {
		t.Fatal("the test cluster's URL has no password, so its hiding cannot be tested")
	}
	gl := glBinary(t)
	mustRun(t, dsn, "import", filepath.Join("assets", "demo.xlsx"))

	home := t.TempDir()
	cmd := exec.Command("xvfb-run", "-a", gl, "--db", dsn)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	// xvfb-run starts Xvfb beside the window: both end with the group.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
		if strings.Contains(stderr.String(), pw) {
			t.Errorf("the window printed the password:\n%s", stderr.String())
		}
	}()

	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("the window exited (%v) instead of opening the team store:\n%s", err, stderr.String())
		default:
		}
		var listening int
		if err := admin.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND query ILIKE 'LISTEN%'`).Scan(&listening); err != nil {
			t.Fatal(err)
		}
		if listening > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the window on the team store did not listen for colleagues' changes within 30 s:\n%s", stderr.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}
