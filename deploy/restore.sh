#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into a new, empty database (it refuses one that exists). Start the app
# on it afterwards: it migrates if the backup is from an older version. Tested by deploy/two-instances.sh.
# Usage: deploy/restore.sh FILE "host=127.0.0.1 port=5432 user=postgres" NEW_DATABASE [OWNER]
set -euo pipefail
if [ $# -lt 3 ]; then echo "usage: $0 FILE SERVER_CONNINFO NEW_DATABASE [OWNER]" >&2; exit 2; fi
file="$1" server="$2" database="$3" owner="${4:-}"
bin="${PG_BIN:+$PG_BIN/}"
if [[ ! "$database" =~ ^[a-z_][a-z0-9_]*$ ]]; then echo "database name must be lower-case letters, digits and _" >&2; exit 2; fi
exists="$("${bin}psql" -X -At "$server dbname=postgres" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")"
if [ -n "$exists" ]; then echo "database $database exists; restore only into a new one" >&2; exit 1; fi
"${bin}psql" -X -q -v ON_ERROR_STOP=1 "$server dbname=postgres" -c "CREATE DATABASE $database ENCODING 'UTF8' TEMPLATE template0${owner:+ OWNER $owner}"
"${bin}pg_restore" --exit-on-error --no-owner --no-privileges ${owner:+--role=$owner} --dbname="$server dbname=$database" "$file"
echo "Restored $file into $database"
