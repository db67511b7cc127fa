#!/usr/bin/env bash
# System packages the app needs to run on Debian/Ubuntu: venv support and Qt's X11 libraries.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/apt-ensure.sh" python3-venv libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
  libxkbcommon-x11-0 libegl1 libgl1 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 \
  libxcb-image0 libxcb-shape0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
