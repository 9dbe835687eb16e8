package store

import (
	"fmt"

	"scorecard/app"
)

// The setting naming the store's authority, by its old LA code.
const (
	authorityBucket = "authority"
	authorityKey    = "code"
)

// Authority is the local authority whose figures the store holds: the one
// set with SetAuthority, else app.DefaultAuthority. A code the binary no
// longer knows is an error rather than a silent fallback.
func (s *Store) Authority() (*app.Authority, error) {
	var code string
	found, err := s.Get(authorityBucket, authorityKey, &code)
	if err != nil || !found {
		return app.DefaultAuthority(), err
	}
	a, ok := app.LookupAuthority(code)
	if !ok {
		return nil, fmt.Errorf("%s: the store's authority %q is not one this version knows", s.path, code)
	}
	return a, nil
}

// SetAuthority makes a the store's authority.
func (s *Store) SetAuthority(a *app.Authority) error {
	return s.Put(authorityBucket, authorityKey, a.Old)
}
