package importer

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"scorecard/app"
)

// Opening is a file whose reading has begun before the options for it
// are known: the file checked, its fingerprint taken and, for a
// workbook, the first rows of each sheet read, while the caller opens
// the store the options come from. Read takes it over, given it as
// Options.Opening; one Read did not take is closed with Close.
type Opening struct {
	path  string
	limit int64
	done  chan struct{}
	begun begun

	mu     sync.Mutex
	taken  bool
	closed chan struct{} // closed once Close has let go of the file
}

// begun is what Read does first with a file, whenever it is done: its
// error is the file's refusal, worded as Read words it.
type begun struct {
	fi  os.FileInfo
	s   *Sample
	sum string
	err error
}

// Open begins reading the file at path as Read would with the default
// limit on what a workbook may unpack to (Options.MaxUnzipSize zero).
func Open(ctx context.Context, path string) *Opening {
	o := &Opening{path: path, limit: Options{}.unzipLimit(), done: make(chan struct{}), closed: make(chan struct{})}
	go func() {
		defer close(o.done)
		defer func() {
			// Read's last resort, on this goroutine: no input may
			// bring the app down.
			if p := recover(); p != nil {
				o.begun = begun{err: internalError(filepath.Base(path), p)}
			}
		}()
		o.begun = begin(ctx, path, o.limit)
	}()
	return o
}

// take hands the begun reading of path over to the caller, once, if o
// began it with limit; false if it did not, or it was taken already.
func (o *Opening) take(path string, limit int64) (begun, bool) {
	if o == nil || o.path != path || o.limit != limit {
		return begun{}, false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.taken {
		return begun{}, false
	}
	o.taken = true
	<-o.done
	return o.begun, true
}

// Close lets go of the file if Read did not take it. It returns at once:
// the reading begun goes on to its end in the background and the file is
// closed then, so that an import refused before reading (its store in
// use) says so without waiting for a large file's fingerprint.
func (o *Opening) Close() {
	if o == nil {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.taken {
		return
	}
	o.taken = true
	go func() {
		defer close(o.closed)
		<-o.done
		if s := o.begun.s; s != nil && s.book != nil {
			s.book.Close()
		}
	}()
}

// begin checks the file, then takes its fingerprint beside the sampling.
func begin(ctx context.Context, path string, limit int64) begun {
	fi, err := checkSource(path)
	if err != nil {
		return begun{err: err}
	}
	// The file's fingerprint is taken beside the sampling, which opens
	// the file and inflates the start of each sheet: on a second
	// processor the hash is off the officer's wait. A file that cannot
	// be hashed is refused for that, as before, whatever sampling found.
	var sum string
	var sumErr error
	hashed := startWorkers(1, func(int) { sum, sumErr = app.FileSHA256(path) })
	// Detection reads headings as areas of any council (app.AnyArea),
	// whose table of every authority's names is made on first use: made
	// now, beside the sampling, it is ready when the first sheet's layout
	// is detected, which it held up by some 2 ms on the officer's wait.
	go app.AnyArea("")
	s, err := sample(ctx, path, Options{MaxUnzipSize: limit})
	hashed.wait()
	if sumErr != nil {
		if err == nil && s.book != nil {
			s.book.Close()
		}
		return begun{err: &app.SourceError{Location: app.Location{File: filepath.Base(path)}, Err: unwrapPathError(sumErr)}}
	}
	if err != nil {
		return begun{err: err}
	}
	return begun{fi: fi, s: s, sum: sum}
}
