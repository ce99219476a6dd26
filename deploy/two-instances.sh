#!/usr/bin/env bash
# Two Samskab instances on one PostgreSQL server behind nginx, all on loopback, and the checks of issue 12
# (deploy/check_two_instances.py): migrations once, sign-in and antiforgery across instances, a newsletter exactly once
# with one instance killed mid-send, the correlation id through nginx, and a tested backup and restore.
# Installs what it needs (Debian: nginx, postgresql, python3-aiosmtpd), stops everything it started.
# Usage: deploy/two-instances.sh [--no-build]   (scripts/test.sh runs it after the test suites, on its Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

source scripts/debian-packages.sh
ensure_debian_packages nginx postgresql python3-aiosmtpd

if [ "${1:-}" != "--no-build" ]; then
  echo "== Building (Release)"
  dotnet build src/Samskab.Web -c Release --nologo -v quiet
  dotnet build bench/Samskab.Benchmarks -c Release --nologo -v quiet
fi

work="$(mktemp -d /tmp/samskab-two.XXXXXX)"
chmod 755 "$work"
smtp_pid=""
cleanup() {
  if [ -n "$smtp_pid" ]; then kill "$smtp_pid" 2>/dev/null || true; fi
  stop_throwaway_pg
  if [ "${KEEP_WORK:-}" = "1" ]; then echo "Logs kept in $work"; else rm -rf "$work"; fi
}
source scripts/throwaway-pg.sh
trap cleanup EXIT

echo "== Publishing the app"
dotnet publish src/Samskab.Web -c Release --no-build --nologo -v quiet -o "$work/app"

echo "== Starting PostgreSQL and an SMTP server (aiosmtpd)"
start_throwaway_pg
"${pg_psql[@]}" -c "CREATE DATABASE samskab"
smtp_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# aiosmtpd makes the Maildir (tmp, new, cur) itself, only when the folder does not exist yet.
# Debian's own Python: that is where python3-aiosmtpd is installed.
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/maildir" >"$work/smtp.log" 2>&1 &
smtp_pid=$!
listening=false
for _ in $(seq 1 100); do
  if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$smtp_port),1)" 2>/dev/null; then listening=true; break; fi
  sleep 0.1
done
if ! $listening; then cat "$work/smtp.log" >&2; echo "the SMTP server did not start" >&2; exit 1; fi

python3 deploy/check_two_instances.py --work "$work" --app "$work/app/Samskab.Web.dll" \
  --generator "$root/bench/Samskab.Benchmarks/bin/Release/net10.0/Samskab.Benchmarks.dll" \
  --pg-bin "$pg_bin" --pg-port "$pg_port" --smtp-port "$smtp_port"
