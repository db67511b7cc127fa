#!/usr/bin/env bash
# System packages the test suite needs on Debian 12: Qt's X11 libraries, Xvfb and a tray,
# xdotool, ImageMagick and Tesseract (screenshot checks), gnome-keyring on D-Bus, PostgreSQL.
# A quick no-op when everything is installed already.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-run-deps.sh"
packages=(xvfb xauth x11-utils xdotool imagemagick tesseract-ocr tesseract-ocr-eng trayer
  gnome-keyring dbus-daemon dbus-x11 postgresql postgresql-client)
command -v dpkg-query >/dev/null || { echo "Not a Debian-like system: install ${packages[*]} yourself."; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing system packages for the tests: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
