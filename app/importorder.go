package app

import "cmp"

// ImportOrder orders import IDs as a history applied them (History.Imports):
// an ID it does not list comes after those it does, "I0009" before
// "I0010" and "I9999" before "I10000"; a figure with no import ("") is
// the oldest. The releases worked out as they stood before a revision
// and the figures excluding a cohort as each import left them are cut at
// imports in this order.
type ImportOrder map[string]int

// ImportOrder is the order h applied its imports in.
func (h *History) ImportOrder() ImportOrder {
	o := make(ImportOrder, len(h.Imports))
	for i, im := range h.Imports {
		o[im.ID] = i
	}
	return o
}

// Compare returns -1, 0 or +1 as import a was applied before, with or
// after import b.
func (o ImportOrder) Compare(a, b string) int {
	if a == "" || b == "" {
		return cmp.Compare(len(a), len(b))
	}
	i, okA := o[a]
	j, okB := o[b]
	switch {
	case okA && okB:
		return cmp.Compare(i, j)
	case okA:
		return -1
	case okB:
		return 1
	}
	return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b))
}
