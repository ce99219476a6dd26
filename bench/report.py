#!/usr/bin/env python3
"""Writes bench/measure.py's results into docs/benchmarks.md, between the 'load harness' markers."""
import json, os, platform, re, subprocess, sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
results = json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "artifacts/bench/results.json").read_text())
ceiling = max(c["rps"] for c in results["ceiling"])
profiles = results["profiles"]
names = list(profiles)


def fmt(n):
    return f"{n:,.0f}"


def ms(v):
    return f"{v:.1f}" if v < 100 else f"{v:,.0f}"


cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")), platform.processor())
mem = round(int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024)
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
lines = [
    f"Measured {date.today().isoformat()} by `bench/run.sh` on {os.cpu_count()} cores ({cpu}), {mem} GiB, .NET SDK {dotnet}, "
    f"Release build, SQLite, wrk -t2 -c{results['connections']} for {results['duration']} after a warm-up, on loopback. "
    f"Ceiling: the plaintext app, {fmt(ceiling)} requests/s (measured before and after the pages: "
    + " and ".join(f"{fmt(c['rps'])}/s, p99 {c['p99']:.1f} ms" for c in results["ceiling"]) + ").",
    "",
    "| page | " + " | ".join(f"{p}: req/s | {p}: share | {p}: p50 ms | {p}: p99 ms" for p in names) + (" | p50 growth |" if len(names) > 1 else " |"),
    "| --- | " + " | ".join("---: | ---: | ---: | ---:" for _ in names) + (" | ---: |" if len(names) > 1 else " |"),
]
for p in names:
    for r in profiles[p]:
        r["name"] = re.sub(r" \(\d+\)$", "", r["name"])
        if r.get("p50") == 0.0 and r.get("p99") == 0.0 and r["rps"] == 0:
            r["p50"] = r["p99"] = None
by_name = {p: {r["name"]: r for r in profiles[p]} for p in names}
for r in profiles[names[0]]:
    cells = []
    for p in names:
        x = by_name[p].get(r["name"])
        if x is None:
            cells.append("– | – | – | –")
            continue
        share = x["rps"] / ceiling * 100
        flag = " ⚠" if x["non2xx"] else ""
        if x["p50"] is None:
            cells.append(f"< 1 (none finished in {results['duration']}) | 0 % | – | –")
            continue
        cells.append(f"{fmt(x['rps'])}{flag} | {share:.1f} % | {ms(x['p50'])} | {ms(x['p99'])}")
    growth = ""
    if len(names) > 1:
        big = by_name[names[-1]].get(r["name"])
        growth = " | –" if big is None or big["p50"] is None or r["p50"] is None else f" | {big['p50'] / r['p50']:.2f}"
    label = r["name"] if "`" in r["name"] else f"{r['name']} `{r['path'] if 'kalender' not in r['path'] else '/kalender/….ics'}`"
    lines.append(f"| {label} | " + " | ".join(cells) + (growth + " |" if len(names) > 1 else " |"))
writes = results.get("writes", {})
if writes:
    lines += ["", "| write (wrk + Lua, every request a new text) | profile | req/s | acknowledged (302) | rows stored | distinct | failed | exact |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | :-: |"]
    for p in names:
        for w in writes.get(p, []):
            lines.append(f"| {w['name']} `{w['path']}` | {p} | {fmt(w['rps'])} | {fmt(w['acknowledged'])} | {fmt(w['stored'])} | {fmt(w['distinct'])} | {w['failed']} | {'yes' if w['exact'] else 'NO'} |")
    lines += ["", "Exact means: no request failed, every stored row is a different text, and the rows stored are the acknowledged "
              f"ones plus at most the {results['connections']} requests still in flight when wrk stopped (they finish on the server)."]
deliveries = results.get("deliveries", [])
if deliveries:
    lines += ["", "| newsletter delivery to aiosmtpd (Sink), SQLite, 4 SMTP connections | profile | recipients | shared body | sent | mails/s (first to last) | click to last |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for d in deliveries:
        lines.append(f"| the largest initiative's edition in progress, sent to everyone | {d['profile']} | {fmt(d['recipients'])} | {d['kib']} KiB | {fmt(d['sent'])} | "
                     f"{fmt(d['rate']) if d['rate'] else '–'} | {d['click_to_last']:.1f} s |")
table = "\n".join(lines)

doc_path = ROOT / "docs/benchmarks.md"
doc = doc_path.read_text()
start, end = "<!-- load harness: start -->", "<!-- load harness: end -->"
if start in doc:
    doc = doc[: doc.index(start) + len(start)] + "\n" + table + "\n" + doc[doc.index(end):]
else:
    doc = doc.rstrip() + "\n\n## Pages under load (bench/run.sh)\n\n" + start + "\n" + table + "\n" + end + "\n"
doc_path.write_text(doc)
print(table)
