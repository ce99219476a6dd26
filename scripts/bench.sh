#!/usr/bin/env bash
# Performance measurements (not tests): compiling and rendering a newsletter edition for 50 platforms and 2,000
# actors (BenchmarkDotNet), and delivering it to a local SMTP server (Debian's aiosmtpd) compared with MailKit alone.
# Figures go in docs/benchmarks.md. Usage: scripts/bench.sh [compile|deliver]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3-aiosmtpd >/dev/null
fi
dotnet build bench/Samskab.Benchmarks -c Release --nologo -v quiet
dotnet run -c Release --no-build --project bench/Samskab.Benchmarks -- "${1:-all}"
