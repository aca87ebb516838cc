#!/bin/sh
# What the sync server's tests need besides Python packages, installed only when missing:
# PostgreSQL's server binaries (initdb, pg_ctl, pg_dump; the tests start throwaway clusters)
# and Node.js >= 18 with npm (a stock Yjs client, tests/js), from Debian's packages; then the
# JavaScript packages pinned in tests/js/package-lock.json (npm ci), again only when
# tests/js/node_modules is missing or the lock file changed. `make install-test` runs it; the
# app itself (`make run`) needs none of this.
#
# PROMPTDESK_TEST_SKIP_POSTGRES=1 leaves PostgreSQL out (its tests are then skipped).
set -eu
cd "$(dirname "$0")/../.."

MIN_NODE=18
JS_DIR=tests/js
STAMP="$JS_DIR/node_modules/.promptdesk-lock.sha256"

have_postgres() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        return 0
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && return 0
    done
    return 1
}

node_major() {
    major=""
    if command -v node >/dev/null 2>&1; then
        major="$(node --version 2>/dev/null | sed -n 's/^v\([0-9][0-9]*\)\..*/\1/p')"
    fi
    echo "${major:-0}"
}

missing=""
if [ "${PROMPTDESK_TEST_SKIP_POSTGRES:-}" != "1" ] && ! have_postgres; then
    missing="$missing postgresql"
fi
if [ "$(node_major)" -lt "$MIN_NODE" ]; then
    missing="$missing nodejs"
fi
if ! command -v npm >/dev/null 2>&1; then
    missing="$missing npm"
fi

if [ -n "$missing" ]; then
    echo "The sync server's tests need these system packages:$missing"
    if [ "$(uname -s)" != "Linux" ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "Install them with your package manager (Node.js >= $MIN_NODE), then run make again." >&2
        exit 1
    fi
    SUDO=""
    [ "$(id -u)" = "0" ] || SUDO="sudo"
    $SUDO apt-get update -q
    # shellcheck disable=SC2086 # word splitting of the package list is intended
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
    if [ "$(node_major)" -lt "$MIN_NODE" ]; then
        echo "This system's Node.js is $(node --version 2>/dev/null || echo missing); the tests" \
            "need $MIN_NODE or newer. Install a newer one (https://nodejs.org), then run make again." >&2
        exit 1
    fi
fi

checksum() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

wanted="$(checksum "$JS_DIR/package-lock.json")"
if [ ! -d "$JS_DIR/node_modules" ] || [ "$(cat "$STAMP" 2>/dev/null || true)" != "$wanted" ]; then
    npm ci --prefix "$JS_DIR" --no-audit --no-fund
    echo "$wanted" >"$STAMP"
fi
