#!/usr/bin/env bash
# Installs the given Debian packages that are not installed yet (apt-get, with sudo when not
# root); a quick no-op when all are there. Used by install-run-deps.sh and install-test-deps.sh.
set -euo pipefail
command -v dpkg-query >/dev/null || { echo "Not a Debian-like system: install $* yourself."; exit 0; }
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
