#!/usr/bin/env bash
# Runs every test, on a fresh Debian machine too: installs what the tests need (Debian packages, npm packages),
# builds, runs the HTTP suite on SQLite, then again on a throwaway PostgreSQL server, then the browser tests, then two
# app instances on PostgreSQL behind nginx (deploy/two-instances.sh).
# Each suite starts its own real SMTP server (Debian's aiosmtpd) per test class. Everything started is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
started=$(date +%s)

log() { printf '\n== %s\n' "$*"; }

# --- Debian packages ---------------------------------------------------------------------------------------------
source scripts/debian-packages.sh
ensure_debian_packages chromium postgresql python3-aiosmtpd nginx

# --- Build (npm ci runs inside the web project's build) -----------------------------------------------------------
log "Building"
dotnet tool restore >/dev/null
dotnet build Samskab.slnx -c Release --nologo -v quiet
log "Checking formatting (dotnet format)"
dotnet format Samskab.slnx --verify-no-changes --no-restore -v quiet

run_suite() { # name project [--filter F --] [env...]
  local name="$1" project="$2"; shift 2
  local filter=()
  if [ "${1:-}" = "--filter" ]; then filter=(--filter "$2"); shift 3; fi
  log "Tests: $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || return 1
}

status=0

# --- HTTP suite on SQLite ------------------------------------------------------------------------------------------
run_suite sqlite tests/Samskab.Tests || status=1

# --- HTTP suite on PostgreSQL --------------------------------------------------------------------------------------
source scripts/throwaway-pg.sh
trap stop_throwaway_pg EXIT
log "Starting a throwaway PostgreSQL"
start_throwaway_pg
# The hostile-input crawl runs on SQLite only (it is about the pages, not the database); the permission crawl runs on both.
run_suite postgres tests/Samskab.Tests --filter "Category!=HostileInput" -- \
  "SAMSKAB_TEST_POSTGRES=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true" || status=1
stop_throwaway_pg
trap - EXIT

# --- Browser tests -------------------------------------------------------------------------------------------------
run_suite browser tests/Samskab.BrowserTests || status=1

# --- Two instances on PostgreSQL behind nginx (issue 12) -----------------------------------------------------------
log "Two instances behind nginx: deploy/two-instances.sh"
two_instances="passed"
bash deploy/two-instances.sh --no-build || { status=1; two_instances="FAILED"; }

# --- Summary -------------------------------------------------------------------------------------------------------
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    p, fl = int(c.get("passed")), int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    s = int(c.get("total")) - int(c.get("executed"))
    print(f"  {f.rsplit('/', 1)[-1]:<14} {p} passed, {fl} failed, {s} skipped")
    passed, failed, skipped = passed + p, failed + fl, skipped + s
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
echo "two instances behind nginx: $two_instances"
echo "Screenshots: artifacts/screenshots/   Took $(( $(date +%s) - started )) s"
exit $status
