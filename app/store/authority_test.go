package store

import (
	"path/filepath"
	"testing"

	"scorecard/app"
)

func TestAuthoritySetting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if a, err := s.Authority(); err != nil || a != app.DefaultAuthority() {
		t.Fatalf("new store's authority = %v, %v; want the default", a, err)
	}
	surrey, _ := app.LookupAuthority("Surrey")
	if err := s.SetAuthority(surrey); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if a, err := s.Authority(); err != nil || a != surrey {
		t.Errorf("reopened store's authority = %v, %v; want Surrey", a, err)
	}
	cornwall, _ := app.LookupAuthority("Cornwall")
	if err := s.SetDistricts(cornwall, []string{"Penwith", "Kerrier"}); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Authority(); len(a.Districts()) != len(surrey.Districts()) {
		t.Errorf("Cornwall's districts given to Surrey: %q", a.Districts())
	}
	if err := s.SetAuthority(cornwall); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Authority(); err != nil || a.Name != "Cornwall" || len(a.Districts()) != 2 {
		t.Errorf("Cornwall with named districts = %v %v, %v", a, a.Districts(), err)
	}
}
