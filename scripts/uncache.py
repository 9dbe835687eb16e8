"""uncache.py FILE...: drop the files' pages from the page cache, as if
they had been read from disk since the machine started.

A binary the compiler has just written sits in the page cache as it was
written. Newer kernels keep such pages in large folios and map a whole
folio into a process that touches any of it, so the binary's resident
size then counts several megabytes of pages it never used: the large
export's peak measured some 10 MB higher straight after `go build` than
the same binary read from disk. An officer's binary is read from disk,
as is the Python a benchmark compares it with, so the benchmarks drop
the fresh binary's pages before its first run.
"""
import os
import sys

for path in sys.argv[1:]:
    fd = os.open(path, os.O_RDONLY)
    try:
        # Written pages are dirty until flushed, and a dirty page stays.
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
