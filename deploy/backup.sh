#!/usr/bin/env bash
# A consistent backup of Samskab's PostgreSQL database while the app runs (pg_dump takes a snapshot), in pg_dump's
# custom format. The data-protection keys are in the database too, so sign-ins and links survive a restore.
# Usage: deploy/backup.sh "host=127.0.0.1 port=5432 user=samskab dbname=samskab" /var/backups/samskab/samskab-$(date +%F).pgdump
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 CONNINFO FILE" >&2; exit 2; fi
conninfo="$1" file="$2"
bin="${PG_BIN:+$PG_BIN/}"
mkdir -p "$(dirname "$file")"
"${bin}pg_dump" --format=custom --no-owner --no-privileges --file="$file.partial" "$conninfo"
mv "$file.partial" "$file"
echo "Backed up to $file ($(du -h "$file" | cut -f1))"
