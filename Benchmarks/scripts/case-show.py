#!/usr/bin/env python3
"""Measures `regie case show` as a whole process on a store of 10,000 cases.

Usage (from the repository root, after `make release` and `swift build -c release --product make-store`
in Benchmarks/; `make benchmarks` does all of it):
    python3 Benchmarks/scripts/case-show.py [RUNS]
Prints the median and spread of wall time, and the peak resident memory of one run.
"""
import os, subprocess, sys, tempfile

from process_timing import measure

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
regie = os.path.join(root, ".build", "release", "regie")
make_store = os.path.join(root, "Benchmarks", ".build", "release", "make-store")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50

with tempfile.TemporaryDirectory(prefix="regie-case-show-") as folder:
    print(subprocess.run([make_store, folder, os.path.join(root, "workflows", "resourcegroep.yaml"), "10000"],
                         check=True, capture_output=True, text=True).stdout.strip())
    command = [regie, "case", "show", "5000", "--workspace", folder, "--as", "bench"]
    measure("regie case show", command, runs, dict(os.environ, REGIE_USER="bench"))
