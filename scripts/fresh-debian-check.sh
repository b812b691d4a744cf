#!/usr/bin/env bash
# Proves that a bare Debian 12 machine gets everything leaflint needs from `make test` and `make run`.
#
# Builds a minimal bookworm root (mmdebstrap --variant=minbase) that has only what we assume a fresh
# machine has: Debian's python3 (3.11), make and git. Copies a clean clone of HEAD in, then runs
# `make test` and `make run` there as root with no standard input, and compares the findings of that
# run with the findings of this machine on the same commit. Packages installed here earlier cannot
# hide a missing one: the root starts empty.
#
# Usage (as root): scripts/fresh-debian-check.sh        (make fresh-check)
#   KEEP_ROOT=1       keep the root folder afterwards (its path is printed)
#   FRESH_DIR=/path   where to build it (default: a new folder under /var/tmp)
#   PYTEST_ARGS=...   passed to `make test` inside the root
#   FRESH_CI=1        run CI's own command (.ci/run: LibreOffice too, no test may be skipped) instead
# Exit 0 when both targets pass and the findings match, 1 when they do not, 2 when the check itself
# could not run (not root, no network, mmdebstrap failed).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

say() { echo "fresh-check: $*" >&2; }
[ "$(id -u)" = 0 ] || { say "run as root (it builds a Debian root and mounts /proc and /dev in it)"; exit 2; }
export DEBIAN_FRONTEND=noninteractive

if ! command -v mmdebstrap >/dev/null 2>&1; then
  say "installing mmdebstrap"
  apt-get update -qq </dev/null && apt-get install -y -q --no-install-recommends mmdebstrap </dev/null >/dev/null \
    || { say "could not install mmdebstrap"; exit 2; }
fi

work="${FRESH_DIR:-$(mktemp -d /var/tmp/leaflint-fresh.XXXXXX)}"
root="$work/root"
mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount -R "${mounts[$i]}" 2>/dev/null || umount -lR "${mounts[$i]}" 2>/dev/null || true
  done
  if [ -n "${KEEP_ROOT:-}" ]; then
    say "root kept in $root"
  elif [ -d "$work" ] && ! grep -q " $work/" /proc/mounts; then
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# What a fresh Debian 12 with Python 3.11 has: minbase plus python3, make and git.
base_packages="python3,make,git"
# The machine's apt sources and local apt settings (files no package owns), so the root reaches the
# same package mirrors this machine does.
sources=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [ -s "$f" ] && grep -qv '^\s*\(#\|$\)' "$f" && sources+=("$f")
done
aptopts=()
for f in /etc/apt/apt.conf.d/*; do
  [ -f "$f" ] && ! dpkg -S "$f" >/dev/null 2>&1 && aptopts+=("--aptopt=$f")
done

t_start=$(date +%s)
say "building a minimal Debian 12 root in $root"
mkdir -p "$work"
if ! mmdebstrap --quiet --variant=minbase --include="$base_packages" "${aptopts[@]}" \
       bookworm "$root" "${sources[@]}" </dev/null >"$work/mmdebstrap.log" 2>&1; then
  tail -n 20 "$work/mmdebstrap.log" >&2
  say "mmdebstrap failed; log in $work/mmdebstrap.log"
  KEEP_ROOT=1
  exit 2
fi
t_root=$(date +%s)

# The machine's certificates (package mirrors and PyPI may sit behind a proxy with its own CA): the
# bundle for now, and the local CAs, which Debian's ca-certificates adds back when a package pulls it
# in and it rebuilds the bundle. Then the machine's pip settings that name a certificate, and DNS.
install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
if [ -d /usr/local/share/ca-certificates ]; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi
[ -f /etc/pip.conf ] && install -m 0644 /etc/pip.conf "$root/etc/pip.conf"
install -m 0644 /etc/resolv.conf "$root/etc/resolv.conf"

commit=$(git rev-parse HEAD)
[ -z "$(git status --porcelain --untracked-files=no)" ] || say "note: uncommitted changes are not part of the check (HEAD $commit)"
git clone --quiet --no-hardlinks "$here" "$root/root/leaflint"

for m in proc dev sys; do
  mkdir -p "$root/$m"
  case $m in
    proc) mount -t proc proc "$root/proc" ;;
    dev) mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" ;;
    sys) mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys" ;;
  esac
  mounts+=("$root/$m")
done

inside() {  # a login-like environment: no variables of this machine leak in
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
    bash -c "cd /root/leaflint && $1" </dev/null
}

status=0
test_cmd="make test PYTEST_ARGS='-q -p no:randomly ${PYTEST_ARGS:-}'"
[ -n "${FRESH_CI:-}" ] && test_cmd=".ci/run"
say "$test_cmd (inside, as root, no standard input)"
if inside "$test_cmd" >"$work/make-test.log" 2>&1; then
  say "make test passed ($(tail -n 1 "$work/make-test.log"))"
else
  tail -n 40 "$work/make-test.log" >&2
  say "make test FAILED"
  status=1
fi
t_test=$(date +%s)

say "make run"
if inside "make run" >"$work/make-run.log" 2>&1; then
  say "make run passed: $(grep -m1 -E '(leaflet|folder)\(s\):' "$work/make-run.log" || echo '?')"
else
  tail -n 40 "$work/make-run.log" >&2
  say "make run FAILED"
  status=1
fi
t_run=$(date +%s)

# The same findings as on this machine: every checker ran inside the root too.
inside_json="$root/root/leaflint/output/lint/lint.json"
if [ -f "$inside_json" ]; then
  clone_lock=$(cd "$root/root/leaflint" && cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ -x .venv/bin/python ] && [ "$(cat .venv/.leaflint-installed 2>/dev/null)" = "$clone_lock" ]; then
    # this machine's tools and packages, the clone's code (python -m runs it from the working folder)
    here_json="$work/here.json"
    (cd "$root/root/leaflint" && "$here/.venv/bin/python" -m pipeline lint --no-cache --format json \
        --output "$here_json" >/dev/null 2>&1) || true
    if ! "$here/.venv/bin/python" scripts/compare-findings.py "$here_json" "$inside_json"; then
      status=1
    fi
  else
    say "note: this machine's .venv is not installed from this commit's requirements.lock (run \`make install\`):" \
        "findings not compared with this machine"
  fi
fi

say "timing: root $((t_root - t_start)) s, make test $((t_test - t_root)) s, make run $((t_run - t_test)) s," \
    "total $((t_run - t_start)) s (logs in $work)"
if [ $status = 0 ]; then say "PASSED on a bare Debian 12 (commit ${commit:0:12})"; else say "FAILED"; KEEP_ROOT=1; fi
exit $status
