#!/usr/bin/env bash
# System packages the test suite needs on Debian 12: Qt's X11 libraries, Xvfb and a tray,
# xdotool, ImageMagick and Tesseract (screenshot checks), gnome-keyring on D-Bus, PostgreSQL,
# Dovecot (IMAP), Docker (a private dockerd), busybox-static and a registry for its images.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-run-deps.sh"
bash "$here/apt-ensure.sh" xvfb xauth x11-utils xdotool imagemagick tesseract-ocr \
  tesseract-ocr-eng trayer gnome-keyring dbus-daemon dbus-x11 postgresql postgresql-client \
  dovecot-imapd docker.io busybox-static docker-registry rclone binutils desktop-file-utils
