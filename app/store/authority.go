package store

import (
	"fmt"

	"scorecard/app"
)

// An engine keeps the store's authority in its settings, by its old LA
// code, and the districts an officer named for it beside it, under the
// same bucket and keys in every engine, so that a copy between engines
// keeps both. The engines' Authority, SetAuthority and SetDistricts are
// the functions below over their own settings.
const (
	authorityBucket = "authority"
	authorityKey    = "code"
)

// Settings is the part of a Store the authority is kept in.
type Settings interface {
	Get(bucket, key string, v any) (found bool, err error)
	Put(bucket, key string, v any) error
	Delete(bucket, key string) error
	Path() string
}

// AuthorityIn is the local authority whose figures st holds: the one set
// with SetAuthorityIn, else app.DefaultAuthority, with any districts named
// with SetDistrictsIn. A code the binary no longer knows is an error
// rather than a silent fallback.
func AuthorityIn(st Settings) (*app.Authority, error) {
	a := app.DefaultAuthority()
	var code string
	found, err := st.Get(authorityBucket, authorityKey, &code)
	if err != nil {
		return a, err
	}
	if found {
		var ok bool
		if a, ok = app.LookupAuthority(code); !ok {
			return nil, fmt.Errorf("%s: the store's authority %q is not one this version knows", st.Path(), code)
		}
	}
	// The default authority's districts count too, named though it was
	// never set (QA: `authority Kent --districts` was silently lost).
	var names []string
	found, err = st.Get(authorityBucket, districtsKey(a), &names)
	if err != nil || !found {
		return a, err
	}
	return a.WithDistricts(names), nil
}

// districtsKey is the setting holding the districts an officer named for
// a, kept per authority so that changing the store's authority does not
// give one council another's districts.
func districtsKey(a *app.Authority) string { return "districts-" + a.Old }

// SetAuthorityIn makes a the authority of st.
func SetAuthorityIn(st Settings, a *app.Authority) error {
	return st.Put(authorityBucket, authorityKey, a.Old)
}

// SetDistrictsIn names districts of a beyond those its profile holds (see
// app.Authority.WithDistricts); none removes the officer's list.
func SetDistrictsIn(st Settings, a *app.Authority, names []string) error {
	if len(names) == 0 {
		return st.Delete(authorityBucket, districtsKey(a))
	}
	return st.Put(authorityBucket, districtsKey(a), names)
}

// Authority is the store's authority (AuthorityIn).
func (s *Bolt) Authority() (*app.Authority, error) { return AuthorityIn(s) }

// SetAuthority makes a the store's authority.
func (s *Bolt) SetAuthority(a *app.Authority) error { return SetAuthorityIn(s, a) }

// SetDistricts names districts of a beyond those its profile holds.
func (s *Bolt) SetDistricts(a *app.Authority, names []string) error {
	return SetDistrictsIn(s, a, names)
}
