#!/usr/bin/env bash
# Makes sure the system packages Regie needs are present, and installs missing ones with apt-get.
#   scripts/install-deps.sh          building: Lua 5.4's development files (found through pkg-config)
#   scripts/install-deps.sh --test   testing too: chromium (the HTML reports are checked in a
#                                    headless browser and printed to PDF), poppler-utils (counts
#                                    the PDF's pages), graphviz (draws the ecomap's DOT), python3 (reads its screenshots) and its
#                                    `cryptography` package (checks checkpoints as signed notes),
#                                    PostgreSQL's server (the tests start a throwaway cluster) and
#                                    curl (a browser's redirects in the login tests) and nginx
#                                    (docs/server.md's proxy example is tested as it stands)
#   scripts/install-deps.sh --bench  the benchmarks: all of the above and wrk (the server under load)
set -euo pipefail

bench=no
if [ "${1:-}" = "--bench" ]; then
  bench=yes
  set -- --test
fi

missing=()
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists lua5.4; }; then
  missing+=(liblua5.4-dev pkg-config)
fi
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v dot >/dev/null 2>&1 || missing+=(graphviz)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || missing+=(postgresql)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing+=(nginx)
fi
if [ "$bench" = yes ]; then
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
fi

# Python packages from PyPI the tests use: `cryptography` for the independent checkpoint
# verifier, `icalendar` to read back the agenda's calendar file, `schemathesis` to test the
# server against its OpenAPI document, `oidc-provider-mock` as an identity provider for the
# server's login tests.
python_packages() {
  [ "${1:-}" = "--test" ] || return 0
  local needed=()
  python3 -c "import cryptography" >/dev/null 2>&1 || needed+=(cryptography)
  python3 -c "import icalendar" >/dev/null 2>&1 || needed+=(icalendar)
  command -v schemathesis >/dev/null 2>&1 || needed+=(schemathesis)
  command -v oidc-provider-mock >/dev/null 2>&1 || needed+=(oidc-provider-mock)
  [ ${#needed[@]} -eq 0 ] && return 0
  echo "regie: installing Python's ${needed[*]} with pip..." >&2
  python3 -m pip install -q "${needed[@]}" >&2 || {
    echo "regie: pip could not install ${needed[*]}. Run: python3 -m pip install ${needed[*]}, then try again." >&2
    exit 1
  }
}

if [ ${#missing[@]} -eq 0 ]; then python_packages "${1:-}"; exit 0; fi

echo "regie: missing system packages: ${missing[*]}; installing them with apt-get..." >&2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "regie: apt-get is not available. Install ${missing[*]} by hand (Debian/Ubuntu package names), then try again." >&2
  exit 1
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
    echo "regie: installing packages needs root. Run: apt-get install ${missing[*]} (as root), then try again." >&2
    exit 1
  fi
fi
# Installing nginx would start it on port 80 for the whole network; the tests start their own on
# loopback. A policy-rc.d that refuses keeps package scripts from starting services meanwhile.
policy=/usr/sbin/policy-rc.d
made_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null && $sudo_cmd chmod +x "$policy" && made_policy=yes
fi
installed=yes
{ $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null; } || installed=""
[ -n "$made_policy" ] && $sudo_cmd rm -f "$policy"
if [ -z "$installed" ]; then
  echo "regie: apt-get could not install ${missing[*]}. Install them by hand, then try again." >&2
  exit 1
fi
pkg-config --exists lua5.4 || { echo "regie: liblua5.4-dev was installed but pkg-config still cannot find lua5.4." >&2; exit 1; }
echo "regie: installed ${missing[*]}." >&2
python_packages "${1:-}"
