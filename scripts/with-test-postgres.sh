#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: made in a temporary folder, listening on
# a free loopback port only, owned by an unprivileged user, and removed afterwards whatever the
# command did. The command finds it in REGIE_TEST_POSTGRES_URL (a superuser URL without a
# password, for tests that create a database each).
#   scripts/with-test-postgres.sh swift test --skip-build
set -euo pipefail

bin=""
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  bin="$(dirname "$(command -v initdb)")"
else
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bin="$candidate"
  done
fi
if [ -z "$bin" ]; then
  echo "regie: PostgreSQL's server programs (initdb, pg_ctl) are missing; run scripts/install-deps.sh --test, then try again." >&2
  exit 1
fi

folder="$(mktemp -d /tmp/regie-pg.XXXXXX)"
chmod 755 "$folder"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

# PostgreSQL refuses to run as root: as root, the cluster belongs to nobody.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown 65534:65534 "$folder"
  as_owner=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT

if ! "${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U regie --auth=trust -E UTF8 --no-locale >"$folder/initdb.log" 2>&1; then
  echo "regie: initdb could not make a test cluster:" >&2
  cat "$folder/initdb.log" >&2
  exit 1
fi
# Durable commits, as in production: the benchmarks measure what a real store costs.
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200" start >/dev/null; then
  echo "regie: the test PostgreSQL server did not start:" >&2
  cat "$folder/server.log" >&2
  exit 1
fi

export REGIE_TEST_POSTGRES_URL="postgres://regie@127.0.0.1:$port/postgres"
echo "regie: test PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
