package main

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/store"
	"scorecard/importer"
	"scorecard/importer/dfe"
	"scorecard/views"
)

func authorityFlags(fs *flag.FlagSet, e *env) {
	fs.BoolVar(&e.force, "force", false, "change the authority of a store that already holds figures")
	fs.Func("districts", "the authority's districts or localities beyond those it ships with, `\"A, B, ...\"` (\"\" for none)", func(s string) error {
		e.districts = []string{}
		for _, n := range strings.Split(s, ",") {
			if n = strings.TrimSpace(n); n != "" {
				e.districts = append(e.districts, n)
			}
		}
		return nil
	})
}

// runAuthority prints the store's authority, or sets it. A store holding
// figures keeps its authority unless --force says otherwise: its figures
// would otherwise be read as another council's.
func runAuthority(e *env, args []string) error {
	switch len(args) {
	case 0:
		if e.districts != nil {
			return nameDistricts(e, nil)
		}
		a, err := loadAuthority(e)
		if err != nil {
			return err
		}
		printAuthority(e, a)
		return nil
	case 1:
	default:
		return usagef("name one authority by name or LA code, e.g. scorecard authority 936 (quote a name of several words)")
	}
	a, ok := app.LookupAuthority(args[0])
	if !ok {
		near := app.NearestAuthorities(args[0], 5)
		names := make([]string, len(near))
		for i, n := range near {
			names[i] = n.String()
		}
		return usagef("%q is not an English local authority's name or code; nearest: %s", args[0], strings.Join(names, ", "))
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	was, err := st.Authority()
	if err != nil {
		return err
	}
	if was.Old == a.Old {
		if err := views.AuthorityAnswered(st); err != nil {
			return err
		}
		return nameDistricts(e, st)
	}
	imports, err := st.Imports()
	if err != nil {
		return err
	}
	if len(imports) > 0 && !e.force {
		return fmt.Errorf("%s: the store holds figures for %s (imports: %d): changing its authority to %s would read them as %s's; add --force to change it anyway, or use another store (--db)",
			e.db, was.Name, len(imports), a.Name, a.Name)
	}
	if err := st.SetAuthority(a); err != nil {
		return err
	}
	if err := views.AuthorityAnswered(st); err != nil {
		return err
	}
	return nameDistricts(e, st)
}

// nameDistricts saves --districts, if given, for the store's authority
// and prints the authority. A nil st opens the store.
func nameDistricts(e *env, st store.Store) error {
	if st == nil {
		var err error
		if st, err = openStore(e); err != nil {
			return err
		}
		defer st.Close()
	}
	a, err := st.Authority()
	if err != nil {
		return err
	}
	if e.districts != nil {
		if !e.force {
			if err := keepsHeldDistricts(e, st, a); err != nil {
				return err
			}
		}
		if err := st.SetDistricts(a, e.districts); err != nil {
			return err
		}
		if a, err = st.Authority(); err != nil {
			return err
		}
	}
	printAuthority(e, a)
	return nil
}

// keepsHeldDistricts refuses districts named (e.districts) that leave
// out, or spell otherwise, a district of a the store holds figures for:
// its figures stay keyed by its name, and the export's Districts sheet
// and --area, reading the districts named, lost them without a word
// ("South and West" respelt "South & West" was found by neither name).
func keepsHeldDistricts(e *env, st store.Store, a *app.Authority) error {
	h, err := st.Load()
	if err != nil {
		return err
	}
	held := map[app.Area]int{}
	for _, k := range h.Keys() {
		if a.IsDistrict(k.Area) {
			held[k.Area] += len(h.Series(k))
		}
	}
	base, ok := app.LookupAuthority(a.Old)
	if !ok || len(held) == 0 {
		return nil
	}
	next := base.WithDistricts(e.districts)
	var lost []string
	for _, d := range a.Districts() {
		n := held[d]
		figures := fmt.Sprintf("%s (%d figures)", d, n)
		if n == 1 {
			figures = fmt.Sprintf("%s (1 figure)", d)
		}
		switch got, ok := next.ParseArea(string(d)); {
		case n == 0 || next.IsDistrict(d):
		case ok && got != d && next.IsDistrict(got):
			lost = append(lost, fmt.Sprintf("%s, named %q", figures, got))
		default:
			lost = append(lost, figures)
		}
	}
	if len(lost) == 0 {
		return nil
	}
	return fmt.Errorf("%s: the store holds figures for districts these --districts leave out or spell otherwise: %s; the export's Districts sheet and --area would lose them: name each as the store holds it, or add --force to set the districts anyway (nothing was changed)",
		e.db, strings.Join(lost, "; "))
}

// printAuthority prints an authority's profile in a line or two.
func printAuthority(e *env, a *app.Authority) {
	fmt.Fprintf(e.out, "%s: LA %s, %s, %s\n", a.Name, a.Old, a.New, a.Region)
	if d := a.Districts(); len(d) > 0 {
		names := make([]string, len(d))
		for i, x := range d {
			names[i] = string(x)
		}
		fmt.Fprintf(e.out, "districts: %s\n", strings.Join(names, ", "))
	}
}

// loadAuthority is the store's authority; the default for a store not
// yet made.
func loadAuthority(e *env) (*app.Authority, error) {
	st, err := openReader(e)
	if errors.Is(err, errNoStore) {
		return app.DefaultAuthority(), nil
	}
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Authority()
}

// areaNamesKey is the setting an officer's readings of area names are
// kept under for the family of files named like path.
func areaNamesKey(path string) string { return "area-names:" + importer.Family(path) }

// checkAreaNames refuses, as wrong usage, an --area reading that names
// no area of the store's authority.
func checkAreaNames(st store.Store, names map[string]app.Area) error {
	if len(names) == 0 {
		return nil
	}
	auth, err := st.Authority()
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(names)) {
		to := names[name]
		if strings.EqualFold(string(to), importer.PseudoArea) || strings.EqualFold(string(to), name) {
			continue
		}
		if _, ok := auth.ParseArea(string(to)); !ok {
			pseudo := auth.PseudoAreas()
			ps := make([]string, len(pseudo))
			for i, p := range pseudo {
				ps[i] = string(p)
			}
			return usagef("--area %q: %q is not %s, one of its districts or pseudo-areas (%s; %s), nor %q to keep %q as an area of its own",
				name+"="+string(to), to, auth.Name, areaNames(auth), strings.Join(ps, ", "), importer.PseudoArea, name)
		}
	}
	return nil
}

// areaNamesFor are the readings of area names an import of path uses:
// those saved for its family, with the command's --area over them.
func areaNamesFor(st store.Store, path string, given map[string]app.Area) (map[string]app.Area, error) {
	var saved map[string]app.Area
	if _, err := st.Get(store.SettingsBucket, areaNamesKey(path), &saved); err != nil {
		return nil, fmt.Errorf("%s: reading the saved area names: %w", filepath.Base(path), err)
	}
	if len(saved) == 0 && len(given) == 0 {
		return nil, nil
	}
	names := map[string]app.Area{}
	maps.Copy(names, saved)
	maps.Copy(names, given)
	return names, nil
}

// saveAreaNames prints what each mapped area name was read as, and
// keeps the readings an import used, when --area gave any, for the next
// file of its family.
func saveAreaNames(e *env, st store.Store, path string, names map[string]app.Area, unknown []importer.UnknownArea) error {
	for _, u := range unknown {
		if u.Mapped {
			fmt.Fprintf(e.out, "  area: %q (%s) read as %s\n", u.Name, u.Location, u.Area)
		}
	}
	if len(e.areaNames) == 0 {
		return nil
	}
	// An --area naming nothing in the file is most likely a typo of a
	// name it does hold: said, and not saved to misread a later file.
	var unmatched []string
	for given := range e.areaNames {
		found := false
		for _, u := range unknown {
			found = found || strings.EqualFold(strings.TrimSpace(u.Name), strings.TrimSpace(given))
		}
		if !found {
			unmatched = append(unmatched, given)
		}
	}
	if len(unmatched) > 0 {
		names = maps.Clone(names)
		var inFile []string
		for _, u := range unknown {
			inFile = append(inFile, strconv.Quote(u.Name))
		}
		has := "it names no area the store's authority lacks"
		if len(inFile) > 0 {
			has = "the names it holds that the authority lacks are " + strings.Join(inFile, ", ")
		}
		for _, given := range slices.Sorted(slices.Values(unmatched)) {
			fmt.Fprintf(e.out, "  warning: --area %q not applied nor saved: %s names no such area (%s)\n", given, filepath.Base(path), has)
			delete(names, given)
		}
	}
	if err := st.Put(store.SettingsBucket, areaNamesKey(path), names); err != nil {
		return fmt.Errorf("%s: saving the area names: %w", filepath.Base(path), err)
	}
	fmt.Fprintf(e.out, "  area names saved for files named like %s\n", filepath.Base(path))
	return nil
}

// keepModel keeps an imported statistical-neighbour model in the store
// in place of the one before, and says what it changes: DfE files
// imported from now on average the neighbours it names, and their
// averages carry its year.
func keepModel(e *env, st store.Store, name string, auth *app.Authority, m, was *benchmark.Model) error {
	if err := st.Put(store.SettingsBucket, store.NeighbourModelKey, m); err != nil {
		return fmt.Errorf("%s: keeping the statistical-neighbour model: %w", name, err)
	}
	before := "the DfE's built-in " + dfe.DefaultModel().Year + " model"
	if was != nil {
		before = "the " + was.Year + " model from " + was.Source
	}
	fmt.Fprintf(e.out, "%s: statistical-neighbour model %s (%d authorities) kept for this store in place of %s; DfE files imported from now on average %s's neighbours under it: %s\n",
		name, m.Year, len(m.Groups), before, auth.Name, strings.Join(importer.ModelNeighbours(m, auth), ", "))
	return nil
}
