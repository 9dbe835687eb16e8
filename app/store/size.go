package store

import (
	"os"
	"path/filepath"
	"strings"
)

// bbolt maps the whole file into memory and, when a write transaction
// needs pages past the end of the map, maps it afresh: before remapping it
// copies every key and value the transaction holds out of the old map. An
// import of 100,000 figures into a new store remapped about ten times as
// the file doubled, copying the growing transaction each time, which was a
// fifth of the import's time. Mapping enough of the file at open for what
// the import will add leaves nothing to remap.
//
// On Windows bbolt grows the file to the size mapped, so the map is sized
// to the data expected, never a fixed large size.

// Bytes an import may need mapped per byte of the file imported, by kind
// of file: about twice what the store grows by, since a transaction
// writes its pages before it frees those it replaces. A workbook is
// compressed XML: the large generated scorecard (912 KB, 101,280
// figures) grows a schema 2 store by about 3.5 bytes a byte. A CSV's line
// of about 40 bytes is one figure of 15 to 40.
const (
	workbookGrowth = 8
	textGrowth     = 2
)

// ImportRoom estimates the bytes importing the files at paths adds to a
// store, from their sizes, for OpenSized. A file that cannot be read
// counts nothing: the import will say why.
func ImportRoom(paths ...string) int64 {
	var n int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".xlsx", ".xlsm":
			n += fi.Size() * workbookGrowth
		default:
			n += fi.Size() * textGrowth
		}
	}
	return n
}

// maxRoom bounds the room mapped beyond the file for an import, so that a
// misjudged estimate cannot map (on Windows, allocate) gigabytes.
const maxRoom = 512 << 20

// mapSize is the memory map to open the store at path with so that about
// room more bytes fit without remapping: its size now plus room, or 0
// (bbolt's own choice) where there is no room to make.
func mapSize(path string, room int64) int {
	if room <= 0 {
		return 0
	}
	var size int64
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	return int(size + min(room, maxRoom))
}

// allocSize is how much bbolt grows the file by past what a commit needs,
// for a store mapped at mapped bytes: a sixteenth of it, between 1 MiB and
// bbolt's default of 16 MiB. Past the default, bbolt grows a file mapped
// beyond 16 MiB by the default again at every commit that grows it, which
// made a new store holding one large import half empty.
func allocSize(mapped int) int {
	return min(max(mapped/16, 1<<20), 16<<20)
}
