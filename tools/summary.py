# tools/summary.py — the closing line of tools/test
#
# Copyright 2026 The Neurolift authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: python3 tools/summary.py TESTLOG.JSON MESON-TEST-EXIT-STATUS [EXTRA]
#
# EXTRA, when given, is a file of further results, one "NAME passed" or
# "NAME failed" a line (the sanitizer, leak-check and fuzz stages).
#
# Reads meson's build/meson-logs/testlog.json (one JSON object per test
# program) and prints "N passed, N failed" (", N skipped" only when some
# were).  A test program counts once, whatever its number of TAP subtests.
# When meson test failed although no test did (a rebuild error, say), that
# counts as one failure, so the line never reads as a success it was not.
# Exit status: 0 when nothing failed, 1 otherwise.

import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        result = json.loads(line).get("result")
        if result in PASSED:
            passed += 1
        elif result in SKIPPED:
            skipped += 1
        else:
            # FAIL, ERROR, TIMEOUT, UNEXPECTEDPASS, INTERRUPT
            failed += 1

if int(sys.argv[2]) != 0 and failed == 0:
    meson_failed_outside = True
else:
    meson_failed_outside = False

if len(sys.argv) > 3:
    try:
        with open(sys.argv[3], encoding="utf-8") as extra:
            for line in extra:
                fields = line.split()
                if len(fields) != 2:
                    continue
                if fields[1] == "passed":
                    passed += 1
                else:
                    print(f"{fields[0]} failed", file=sys.stderr)
                    failed += 1
    except OSError:
        print(f"no results in {sys.argv[3]}", file=sys.stderr)
        failed += 1

if meson_failed_outside and failed == 0:
    print(f"meson test failed (exit status {sys.argv[2]}) outside any test",
          file=sys.stderr)
    failed = 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed else 0)
