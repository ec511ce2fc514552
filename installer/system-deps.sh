#!/bin/sh
# Installs the Debian packages listed in the given files (default: debian-packages.txt) when some
# are missing and we can (root, or password-less sudo). Otherwise says exactly which are missing
# and how to add them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian-family system; install the equivalents of installer/debian-packages.txt by hand" >&2; exit 0; }

[ $# -gt 0 ] || set -- "$here/debian-packages.txt"
missing=""
for pkg in $(cat "$@" | grep -v '^[[:space:]]*#' | tr -s ' \n' ' '); do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in *" installed") ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "system-deps: MISSING Debian packages:$missing" >&2
    echo "system-deps: install them with: sudo apt-get install -y$missing" >&2
    exit 0
fi
echo "system-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
