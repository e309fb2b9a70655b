#!/usr/bin/env python3
"""Measures `regie report team` and `regie report case` as whole processes on a big store.

Usage (from the repository root, after `make release` and `swift build -c release --product make-store`
in Benchmarks/; `make benchmarks` does all of it):
    python3 Benchmarks/scripts/reports.py [CASES] [RUNS]
Builds a store of CASES cases (default 100,000; the demo's case, about 28 events each), then
prints the median and spread of wall time over RUNS runs (default 10 for the team report,
5 times as many for the case report), and the peak resident memory of one run.
"""
import os, subprocess, sys, tempfile, time

from process_timing import measure

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
regie = os.path.join(root, ".build", "release", "regie")
make_store = os.path.join(root, "Benchmarks", ".build", "release", "make-store")
cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10


with tempfile.TemporaryDirectory(prefix="regie-reports-") as folder:
    start = time.perf_counter()
    print(subprocess.run([make_store, folder, os.path.join(root, "workflows", "resourcegroep.yaml"), str(cases)],
                         check=True, capture_output=True, text=True).stdout.strip(),
          f"(built in {time.perf_counter() - start:.0f} s)")
    env = dict(os.environ, REGIE_USER="bench")
    common = ["--workspace", folder, "--as", "bench"]
    measure("regie report team", [regie, "report", "team", "--format", "json"] + common, runs, env)
    measure("regie report team --format html", [regie, "report", "team", "--format", "html"] + common, runs, env)
    middle = str(cases // 2)
    measure("regie report case --format html", [regie, "report", "case", middle, "--format", "html"] + common, runs * 5, env)
