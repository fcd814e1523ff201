#!/usr/bin/env python3
"""Adds up the results of each suite (a TRX file from dotnet test, or a JUnit file such as vitest writes); a suite
without results counts as one failure."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
folder, suites = Path(sys.argv[1]), sys.argv[2:]
passed = failed = skipped = 0


def trx_counts(path):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", NS).attrib
    total, p, f = int(c["total"]), int(c["passed"]), int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    return total, p, f, max(total - p - f, 0)


def junit_counts(path):
    """Counts test cases; a test file that failed before running any test still counts as a failure."""
    p = f = s = 0
    for suite in ET.parse(path).getroot().iter("testsuite"):
        cases = suite.findall("testcase")
        for case in cases:
            if case.find("failure") is not None or case.find("error") is not None:
                f += 1
            elif case.find("skipped") is not None:
                s += 1
            else:
                p += 1
        if not cases and int(suite.get("failures", 0)) + int(suite.get("errors", 0)) > 0:
            f += 1
    return p + f + s, p, f, s


for suite in suites:
    trx, junit = folder / f"{suite}.trx", folder / f"{suite}.xml"
    if trx.exists():
        total, p, f, s = trx_counts(trx)
    elif junit.exists():
        total, p, f, s = junit_counts(junit)
    else:
        print(f"{suite}: no results (the test run did not finish)")
        failed += 1
        continue
    print(f"{suite}: {p} passed, {f} failed, {s} skipped")
    if total == 0:
        print(f"{suite}: ran no test")
        failed += 1
    passed, failed, skipped = passed + p, failed + f, skipped + s
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
