#!/usr/bin/env python3
"""Adds Danish→English pairs (tab-separated lines on stdin or in a file) to SharedResource.en.resx, sorted, skipping keys already there."""
import sys, re, html
from pathlib import Path
resx = Path(__file__).resolve().parent.parent / "src/Samskab.Web/Resources/SharedResource.en.resx"
text = resx.read_text(encoding="utf-8")
# Resource names are compared without case when the resources are built, so duplicates are found the same way.
existing = {html.unescape(m).lower() for m in re.findall(r'<data name="([^"]*)"', text)}
source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
added = []
for line in source:
    line = line.rstrip("\n")
    if not line.strip():
        continue
    da, en = line.split("\t", 1)
    if da.lower() in existing:
        print(f"already there (perhaps in other case): {da}", file=sys.stderr)
        continue
    existing.add(da.lower())
    added.append(f'  <data name="{html.escape(da, quote=True)}" xml:space="preserve"><value>{html.escape(en, quote=False)}</value></data>\n')
head, tail = text.rsplit("</root>", 1)
resx.write_text(head + "".join(added) + "</root>" + tail, encoding="utf-8")
print(f"added {len(added)}")
