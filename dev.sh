#!/usr/bin/env bash
# mesomap's set-up in one place. On a fresh Debian/Ubuntu machine:
#   ./dev.sh app  [mesomap args…]   install what is missing, then open the window
#   ./dev.sh test [pytest args…]    install what is missing (test extra too), then run all tests
#   ./dev.sh setup [test]           only install
# System packages (Qt's xcb libraries, Mesa GL/EGL, Xvfb for the GUI tests) come
# from apt, as root or through sudo; Python packages go into ./.venv.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  xvfb xauth libgl1 libegl1 libgl1-mesa-dri libglib2.0-0 libdbus-1-3 libfontconfig1
  fonts-dejavu-core libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0
  libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
  poppler-utils  # pdftoppm/pdftotext: the session-sheet tests read the PDF back
  desktop-file-utils xdg-utils shared-mime-info libfile-mimeinfo-perl  # `mesomap desktop install` is checked with them
  postgresql  # the records tests start a throw-away PostgreSQL cluster (initdb/pg_ctl); the app needs only a URL
)
PYTHON=${PYTHON:-python3}
VENV=.venv

say() { printf 'dev.sh: %s\n' "$*" >&2; }

install_system_packages() {
  local missing=()
  command -v "$PYTHON" >/dev/null || missing+=(python3)
  "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  say "installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {  # $1: "" or "test"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { say "mesomap needs Python >= 3.11"; exit 1; }
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  local target="." stamp
  [ "${1:-}" = test ] && target=".[test]"
  stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)-${1:-app}"
  if [ ! -f "$stamp" ]; then
    say "installing mesomap${1:+ with the $1 extra} into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    # --no-compile: Python compiles the modules it imports when it first imports them, not all of Qt's and VTK's now
    "$VENV/bin/python" -m pip install -q --no-compile -e "$target"
    touch "$stamp"
  fi
}

keep_bytecode() {
  # Where PYTHONDONTWRITEBYTECODE is set (some CI images set it), every Python process compiled Qt's, VTK's and
  # matplotlib's modules again: the window 1.3 s later at each start, and a test run (~150 processes: each GUI file,
  # every `mesomap` command a CLI test runs) 2 to 3 minutes longer. The app and the tests keep the compiled modules
  # in .venv (not beside the sources).
  unset PYTHONDONTWRITEBYTECODE
  export PYTHONPYCACHEPREFIX="${PYTHONPYCACHEPREFIX:-$PWD/$VENV/pycache}"
}

run_tests() {  # with arguments: plain pytest; without: headless tests, then each GUI test file in its own process
  [ $# -gt 0 ] && exec "$VENV/bin/python" -m pytest "$@"
  local rc=0 f code n=0 crashed=() procs
  local reports tests=${MESOMAP_TESTS:-tests}  # MESOMAP_TESTS: another tests folder (this script's own test)
  reports=$(mktemp -d)
  # One cache folder for every test process of this run (zone charts: built once, read by the others); see tests/conftest.py.
  export MESOMAP_TEST_CACHE="$reports/cache"
  mkdir -p "$MESOMAP_TEST_CACHE"
  # MESOMAP_TEST_JOBS: how many test processes run at once (default: one per core, at most 4).
  procs=${MESOMAP_TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
  [ "$procs" -ge 1 ] 2>/dev/null || procs=1
  [ "$procs" -le 4 ] || procs=4
  say "running the tests in $procs process(es) at once"
  # Headless tests: pytest-xdist spreads them over the processes, a whole file to each (module fixtures stay shared).
  local spread=()
  [ "$procs" -gt 1 ] && spread=(-n "$procs" --dist loadfile)
  "$VENV/bin/python" -m pytest "$tests" --ignore="$tests/ui" "${spread[@]}" --junitxml="$reports/headless.xml" || rc=$?
  # GUI tests: each file in its own process (a native crash stays inside its file), $procs files at a time, each under
  # its own Xvfb (pytest-xvfb). A file's output is printed whole when it ends, never interleaved with another's.
  local files=("$tests"/ui/test_*.py)
  for f in "${files[@]}"; do
    n=$((n + 1))
    while [ "$(jobs -rp | wc -l)" -ge "$procs" ]; do wait -n || true; done
    (
      c=0
      # no GUI test uses hypothesis: its plugin (~1 s to import) is left out of each GUI process
      "$VENV/bin/python" -m pytest "$f" -p no:hypothesispytest --junitxml="$reports/ui-$n.xml" >"$reports/ui-$n.log" 2>&1 || c=$?
      echo "$c" >"$reports/ui-$n.rc"
      flock "$reports/print.lock" cat "$reports/ui-$n.log"
    ) &
  done
  wait
  n=0
  for f in "${files[@]}"; do
    n=$((n + 1))
    code=$(cat "$reports/ui-$n.rc" 2>/dev/null || echo 1)
    if [ "$code" -ge 128 ]; then  # a native crash (Qt, VTK, the GL driver): a failure, never retried away
      say "FAILED: $f was killed by signal $((code - 128)) ($(kill -l $((code - 128)) 2>/dev/null || echo '?')); its tests did not finish"
      crashed+=("$f")
    fi
    [ "$code" -eq 0 ] || rc=$code
  done
  # One closing line for every run together; a crashed file counts as one failure (its report is missing).
  echo  # a crashed run may have left its last line unfinished
  "$VENV/bin/python" - "$reports" "${#crashed[@]}" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for report in pathlib.Path(sys.argv[1]).glob("*.xml"):
    for suite in ET.parse(report).getroot().iter("testsuite"):
        total, fail = int(suite.get("tests", 0)), int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skip = int(suite.get("skipped", 0))
        passed, failed, skipped = passed + total - fail - skip, failed + fail, skipped + skip
failed += int(sys.argv[2])
print(f"all: {passed} passed, {failed} failed, {skipped} skipped")
PY
  [ ${#crashed[@]} -eq 0 ] || say "crashed (counted as failed): ${crashed[*]}"
  rm -rf "$reports"
  return "$rc"
}

cmd=${1:-app}
shift || true
case "$cmd" in
  setup) install_system_packages; install_python_packages "${1:-}" ;;
  app)   install_system_packages; install_python_packages; keep_bytecode; exec "$VENV/bin/mesomap" "$@" ;;
  test)  install_system_packages; install_python_packages test; keep_bytecode; run_tests "$@" ;;
  *)     say "usage: ./dev.sh app|test|setup [args…]"; exit 2 ;;
esac
