package store

import (
	"bytes"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestDamagedKeyNamedBriefly puts a figure's key that runs on into a
// page's other bytes, as a damaged page gives one, into a store: the
// damage message must be one short line naming the indicator and area,
// not the key's bytes (one was 58 KB, QA23a D5).
func TestDamagedKeyNamedBriefly(t *testing.T) {
	junk := bytes.Repeat([]byte("\x00\x01\n\xffpage bytes "), 2000) // under bbolt's 32 KB key limit
	for _, tc := range []struct {
		name string
		key  []byte
		want []string
		// refs: the key has no NUL, so even reading only the refs fails.
		refs bool
	}{
		{"indicator and area readable", append([]byte("SCS11\x00Dartford\x00\x00"), junk...), []string{"observation key for SCS11, Dartford (", " bytes, starting 5343533131004461"}, false},
		{"nothing readable", append([]byte("\xff\xfe\n"), junk...), []string{"observation key of ", " bytes, starting fffe0a"}, false},
		{"no text end at all", bytes.Repeat([]byte("\n\xffpage bytes "), 2000), []string{"observation key of 26000 bytes, starting 0aff"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, "jan.xlsx", smallMonthly(0))
			if err := s.db.Update(func(tx *bolt.Tx) error {
				return tx.Bucket(kindBuckets[kindObservation]).Put(tc.key, []byte{1})
			}); err != nil {
				t.Fatal(err)
			}
			reads := []struct {
				name string
				run  func() error
			}{
				{"Load", func() error { _, err := s.Load(); return err }},
			}
			if tc.refs {
				reads = append(reads, struct {
					name string
					run  func() error
				}{"FigureRefs", func() error {
					p, err := s.Piecewise()
					if err != nil {
						return err
					}
					_, err = p.FigureRefs()
					return err
				}})
			}
			for _, read := range reads {
				err := read.run()
				if err == nil {
					t.Fatalf("%s read the bad key without an error", read.name)
				}
				msg := err.Error()
				if len(msg) > 400 || strings.Contains(msg, "\n") {
					t.Errorf("%s: message of %d bytes, want one short line: %.300q", read.name, len(msg), msg)
				}
				for _, w := range tc.want {
					if !strings.Contains(msg, w) {
						t.Errorf("%s: %.300q\nwant it to contain %q", read.name, msg, w)
					}
				}
			}
		})
	}
}
