#!/bin/sh
# Shared libraries Qt needs on Linux (offscreen and X11/Wayland), installed from Debian's
# packages when missing. Does nothing on macOS and Windows, or when everything is present.
set -eu
[ "$(uname -s)" = "Linux" ] || exit 0
command -v ldconfig >/dev/null 2>&1 || exit 0

missing=""
need() { # need LIBRARY DEBIAN-PACKAGE
    if ! ldconfig -p 2>/dev/null | grep -q "$1"; then missing="$missing $2"; fi
}
need libEGL.so.1 libegl1
need libGL.so.1 libgl1
need libOpenGL.so.0 libopengl0
need libfontconfig.so.1 libfontconfig1
need libxkbcommon.so.0 libxkbcommon0
need libxkbcommon-x11.so.0 libxkbcommon-x11-0
need libdbus-1.so.3 libdbus-1-3
need libglib-2.0.so.0 libglib2.0-0
need libxcb-cursor.so.0 libxcb-cursor0
need libxcb-icccm.so.4 libxcb-icccm4
need libxcb-keysyms.so.1 libxcb-keysyms1
need libxcb-image.so.0 libxcb-image0
need libxcb-render-util.so.0 libxcb-render-util0
need libxcb-xkb.so.1 libxcb-xkb1
need libxcb-shape.so.0 libxcb-shape0
need libxcb-randr.so.0 libxcb-randr0

[ -n "$missing" ] || exit 0
echo "Promptdesk needs these system packages for Qt:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Install them with your package manager, then run make again." >&2
    exit 1
fi
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
$SUDO apt-get update -q
# shellcheck disable=SC2086 # word splitting of the package list is intended
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
