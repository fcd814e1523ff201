#!/usr/bin/env python3
"""Adds up the TRX results of each suite; a suite without results counts as one failure."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
folder, suites = Path(sys.argv[1]), sys.argv[2:]
passed = failed = skipped = 0
for suite in suites:
    trx = folder / f"{suite}.trx"
    if not trx.exists():
        print(f"{suite}: no results (the test run did not finish)")
        failed += 1
        continue
    c = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS).attrib
    total, p, f = int(c["total"]), int(c["passed"]), int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s = max(total - p - f, 0)
    print(f"{suite}: {p} passed, {f} failed, {s} skipped")
    if total == 0:
        print(f"{suite}: ran no test")
        failed += 1
    passed, failed, skipped = passed + p, failed + f, skipped + s
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
