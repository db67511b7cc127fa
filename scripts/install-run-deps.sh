#!/usr/bin/env bash
# System packages the app needs to run on Debian/Ubuntu: venv support and Qt's X11 libraries.
# Quick no-op when everything is there already.
set -euo pipefail
packages=(python3-venv libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libegl1
  libgl1 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0
  libfontconfig1 libdbus-1-3 fonts-dejavu-core)
command -v dpkg-query >/dev/null || { echo "Not a Debian-like system: install Qt 6's xcb libraries yourself."; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
