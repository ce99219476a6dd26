#!/usr/bin/env bash
# The load harness (issue 12): builds Release, generates the small and the large profile (once; --fresh makes them
# anew), measures every page a user lives on with wrk against the machine's plaintext ceiling, and writes the table
# to docs/benchmarks.md. Usage: bench/run.sh [--fresh] [small|large|small,large]
# BENCH_DURATION (8s), BENCH_WARMUP (2s) and BENCH_CONNECTIONS (64) change the wrk runs.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=false
if [[ "${1:-}" == "--fresh" ]]; then fresh=true; shift; fi
profiles="${1:-small,large}"
if ! command -v wrk >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
mkdir -p artifacts/bench
echo "== Building (Release)"
dotnet build src/Samskab.Web -c Release --nologo -v quiet
dotnet build bench/Samskab.Benchmarks -c Release --nologo -v quiet
dotnet build bench/Plaintext -c Release --nologo -v quiet
for profile in ${profiles//,/ }; do
    db="artifacts/bench/$profile.db"
    if $fresh || [[ ! -f "$db" ]]; then
        rm -f "$db" "$db-wal" "$db-shm"
        echo "== Generating the $profile profile"
        dotnet bench/Samskab.Benchmarks/bin/Release/net10.0/Samskab.Benchmarks.dll generate --profile "$profile" --seed 1 \
            --connection "Data Source=$(pwd)/$db"
    fi
done
echo "== Measuring"
python3 bench/measure.py --profiles "$profiles" --out artifacts/bench/results.json
python3 bench/report.py artifacts/bench/results.json > /dev/null
echo "== Written to docs/benchmarks.md"
