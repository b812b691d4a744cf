#!/usr/bin/env bash
# Installs what leaflint needs and is missing: Debian packages, then a pinned .venv.
# Usage: scripts/bootstrap.sh [run|test]   (test adds the test-only packages)
# Idempotent and quiet when nothing is missing; after installing, `leaflint doctor` checks each tool.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mode="${1:-run}"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3

lists=(scripts/debian-packages.txt)
[ "$mode" = test ] && lists+=(scripts/debian-packages-test.txt)

missing=()
for pkg in $(grep -hv '^\s*#' "${lists[@]}" | tr -s ' \t' '\n' | grep -v '^$'); do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done

installed=no
if [ ${#missing[@]} -gt 0 ]; then
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >/dev/null
    installed=yes
  else
    echo "bootstrap: missing Debian packages: ${missing[*]}" >&2
    echo "bootstrap: run this as root, then try again:" >&2
    echo "  sudo sh -c '$cmd'" >&2
    exit 1
  fi
fi

stamp=.venv/.leaflint-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: creating .venv with pinned packages" >&2
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  log=.venv/bootstrap.log
  if ! { .venv/bin/python -m pip install --disable-pip-version-check -r requirements.lock \
         && .venv/bin/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e . ; } \
         </dev/null >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "bootstrap: pip install failed; full log in $log" >&2
    exit 1
  fi
  echo "$want" > "$stamp"
  installed=yes
fi

# After installing: does every tool really work (Frog tags, enchant knows Dutch, WeasyPrint has the fonts)?
if [ "$installed" = yes ] && ! .venv/bin/leaflint doctor </dev/null >&2; then
  echo "bootstrap: installed, but a tool does not work (see the table above)" >&2
  exit 1
fi
