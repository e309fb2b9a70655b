#!/usr/bin/env bash
# Makes sure the system packages Regie builds against are present: Lua 5.4's development
# files (found through pkg-config). Installs them with apt-get when missing.
set -euo pipefail
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists lua5.4; then
  exit 0
fi
echo "regie: Lua 5.4 development files are missing; installing liblua5.4-dev and pkg-config with apt-get..." >&2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "regie: apt-get is not available. Install Lua 5.4 development files and pkg-config by hand (Debian/Ubuntu: liblua5.4-dev pkg-config), then try again." >&2
  exit 1
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
    echo "regie: installing packages needs root. Run: apt-get install liblua5.4-dev pkg-config (as root), then try again." >&2
    exit 1
  fi
fi
if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq liblua5.4-dev pkg-config >/dev/null; }; then
  echo "regie: apt-get could not install liblua5.4-dev. Install it by hand, then try again." >&2
  exit 1
fi
pkg-config --exists lua5.4 || { echo "regie: liblua5.4-dev was installed but pkg-config still cannot find lua5.4." >&2; exit 1; }
echo "regie: liblua5.4-dev installed." >&2
