#!/usr/bin/env python3
"""timer.py OUT CMD...: runs CMD, its output to this one's, and writes to
OUT its wall seconds, from just before it starts to just after it ends,
and its peak resident KB; exits with CMD's status.

The benchmarks time each command with this, rather than with bash's
$(date) before and after and /usr/bin/time between: each of those is a
process started on this machine, and together they added some 20 ms to
every figure timed, the command's and its peer's alike, which is not
what the officer waits for.
"""
import os
import subprocess
import sys
import time

start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write("%.4f %d\n" % (wall, usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
