#!/usr/bin/env python3
"""Measures `regie case show` as a whole process on a store of 10,000 cases, on SQLite and on
PostgreSQL in the same run (the PostgreSQL store is a `regie store copy` of the SQLite one).

Usage (from the repository root, after `make release` and `swift build -c release --product make-store`
in Benchmarks/), on a throwaway cluster:
    scripts/with-test-postgres.sh python3 Benchmarks/scripts/case-show-postgres.py [RUNS]
"""
import os, subprocess, sys, tempfile, uuid

from process_timing import measure

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
regie = os.path.join(root, ".build", "release", "regie")
make_store = os.path.join(root, "Benchmarks", ".build", "release", "make-store")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
admin = os.environ.get("REGIE_TEST_POSTGRES_URL")
if not admin:
    sys.exit("case-show-postgres: run it under scripts/with-test-postgres.sh")

with tempfile.TemporaryDirectory(prefix="regie-case-show-pg-") as folder:
    print(subprocess.run([make_store, folder, os.path.join(root, "workflows", "resourcegroep.yaml"), "10000"],
                         check=True, capture_output=True, text=True).stdout.strip())
    name = "bench_" + uuid.uuid4().hex
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    url = admin.rsplit("/", 1)[0] + "/" + name
    env = dict(os.environ, REGIE_USER="bench")
    print(subprocess.run([regie, "store", "copy", "--to", url, "--workspace", folder, "--as", "bench"],
                         check=True, capture_output=True, text=True, env=env).stdout.strip())
    command = [regie, "case", "show", "5000", "--workspace", folder, "--as", "bench"]
    for round in range(2):
        measure("regie case show on SQLite", command, runs, env)
        measure("regie case show on PostgreSQL", command, runs, dict(env, REGIE_DATABASE_URL=url))
