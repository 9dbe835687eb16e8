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
	devon, _ := app.LookupAuthority("Devon")
	if err := s.SetDistricts(devon, []string{"Exeter", "Mid Devon"}); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Authority(); len(a.Districts()) != len(surrey.Districts()) {
		t.Errorf("Devon's districts given to Surrey: %q", a.Districts())
	}
	if err := s.SetAuthority(devon); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Authority(); err != nil || a.Name != "Devon" || len(a.Districts()) != 2 {
		t.Errorf("Devon with named districts = %v %v, %v", a, a.Districts(), err)
	}
}
