package trend

import "testing"

// TestSlab checks that kept room is never handed out again, that room
// not kept is, and that an append which outgrew its room takes nothing.
func TestSlab(t *testing.T) {
	s := slab[float64]{min: 8}
	a := append(s.room(3), 1, 2)
	s.keep(a)
	b := append(s.room(3), 3, 4, 5)
	s.keep(b)
	if a[0] != 1 || a[1] != 2 || &s.buf[0] != &a[0] || &s.buf[2] != &b[0] || len(s.buf) != 5 {
		t.Fatalf("kept %v and %v, slab %v", a, b, s.buf)
	}
	s.room(2) // asked for and not kept
	c := append(s.room(2), 6)
	s.keep(c)
	if &c[0] != &s.buf[5] || b[0] != 3 {
		t.Errorf("room not kept was not handed out again: %v", s.buf)
	}
	d := append(s.room(1), 7, 8) // outgrew its room
	s.keep(d)
	if len(s.buf) != 6 {
		t.Errorf("an outgrown append took room: %v", s.buf)
	}
	e := append(s.room(5), 9) // no room left: a new array
	s.keep(e)
	if len(s.buf) != 1 || cap(s.buf) != 8 || c[0] != 6 {
		t.Errorf("new array %v (cap %d), old room %v", s.buf, cap(s.buf), c)
	}
	if p := s.one(); *p != 0 || len(s.buf) != 2 {
		t.Errorf("one: %v, slab %v", *p, s.buf)
	}
}
