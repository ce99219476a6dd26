#!/usr/bin/env bash
# Runs Samskab on the embedded default: SQLite in src/Samskab.Web/data/, demo data, no other server.
# Usage: scripts/run.sh [port]    (default 5080)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-${PORT:-5080}}"

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js and npm are needed for the front-end packages (Debian: apt-get install nodejs npm)." >&2; exit 1; }

dotnet build src/Samskab.Web -c Release --nologo -v quiet
echo
echo "  Samskab kører på http://localhost:${port}  (stop med Ctrl+C)"
echo "  Demokonti: admin@, anker@, tovholder@, aktoer@, indsamling@, brobygger@demo.samskab.dk – adgangskode Samskab-demo-1"
echo
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# No mail server on the embedded default: mail is delivered as .eml files into src/Samskab.Web/data/mail/.
export Mail__PickupDirectory="${Mail__PickupDirectory:-data/mail}"
# Links in mails are built from this address only, never from the request's Host header.
export Samskab__BaseUrl="${Samskab__BaseUrl:-http://localhost:${port}}"
exec dotnet run --project src/Samskab.Web -c Release --no-build --no-launch-profile --urls "http://localhost:${port}"
