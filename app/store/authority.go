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
// set with SetAuthority, else app.DefaultAuthority, with any districts
// named with SetDistricts. A code the binary no
// longer knows is an error rather than a silent fallback.
func (s *Bolt) Authority() (*app.Authority, error) {
	var code string
	found, err := s.Get(authorityBucket, authorityKey, &code)
	if err != nil || !found {
		return app.DefaultAuthority(), err
	}
	a, ok := app.LookupAuthority(code)
	if !ok {
		return nil, fmt.Errorf("%s: the store's authority %q is not one this version knows", s.path, code)
	}
	return s.withDistricts(a)
}

// withDistricts adds to a the districts the officer named for it.
func (s *Bolt) withDistricts(a *app.Authority) (*app.Authority, error) {
	var names []string
	found, err := s.Get(authorityBucket, districtsKey(a), &names)
	if err != nil || !found {
		return a, err
	}
	return a.WithDistricts(names), nil
}

// districtsKey is the setting holding the districts an officer named for
// a, kept per authority so that changing the store's authority does not
// give one council another's districts.
func districtsKey(a *app.Authority) string { return "districts-" + a.Old }

// SetAuthority makes a the store's authority.
func (s *Bolt) SetAuthority(a *app.Authority) error {
	return s.Put(authorityBucket, authorityKey, a.Old)
}

// SetDistricts names districts of a beyond those its profile holds (see
// app.Authority.WithDistricts); none removes the officer's list.
func (s *Bolt) SetDistricts(a *app.Authority, names []string) error {
	if len(names) == 0 {
		return s.Delete(authorityBucket, districtsKey(a))
	}
	return s.Put(authorityBucket, districtsKey(a), names)
}
