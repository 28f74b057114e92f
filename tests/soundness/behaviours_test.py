#!/usr/bin/env python3
"""The scenarios of issue 14 reach the outputs CPython 3.12 shows for them (each output below
was printed by CPython under sys.setswitchinterval(1e-6), buffered or with -u), and the whole
outcome set racecheck reports is the one listed where it is small.

Usage: behaviours_test.py RACECHECK  (run from the repository root)
"""
import json
import subprocess
import sys

MUST_REACH = {
    # print writes "worker", " ", "0", "\n" separately: the other thread's line can come between
    "scenarios/print_two_threads.yaml": ["worker 0\nworker 1\n", "worker 1worker 0\n\n",
                                         "worker worker 0\n1\n"],
    # map is lazy: the caller prints result 0 before the second task runs
    "scenarios/pool_map_lazy.yaml": ["computing 0\ngot 0\ncomputing 1\ngot 1\n",
                                     "computing 0\ncomputing 1\ngot 0\ngot 1\n",
                                     "computing computing0\ngot 1\n 0\ngot 1\n"],
    # futures already done when as_completed starts come in set order: any order
    "scenarios/as_completed_order.yaml": ["0\n1\n2\n", "0\n2\n1\n", "1\n0\n2\n", "1\n2\n0\n",
                                          "2\n0\n1\n", "2\n1\n0\n"],
    # the second task starts a second worker when the first has not released the idle semaphore
    "scenarios/pool_second_worker.yaml": ["ThreadPoolExecutor-0_0 ThreadPoolExecutor-0_0\n",
                                          "ThreadPoolExecutor-0_0 ThreadPoolExecutor-0_1\n"],
    # leaving the loop drops map's iterator: the calls no worker started are cancelled
    "scenarios/pool_map_break.yaml": ["ran [0, 1]\n", "ran [0, 1, 2]\n", "ran [0, 1, 2, 3]\n",
                                      "ran [0, 1, 2, 3, 4]\n", "ran [0, 1, 2, 3, 4, 5]\n"],
    # the worker can start one more call between the break and the cancel (CPython printed it)
    "scenarios/pool_map_break_prints.yaml": ["start 0\nresult 0start\n 1\nstart 2\ndone\n",
                                             "start 0\nresult 0\ndone\n"],
    # a worker with only local work can still be running when start() returns (probe6: CPython
    # printed True 7 of 300 runs, active_count() 2 in 2 of 60; racecheck said False / 1 only)
    "scenarios/is_alive_after_start.yaml": ["True\nFalse\n", "False\nFalse\n"],
    "scenarios/active_count_after_start.yaml": ["1\n", "2\n"],
    # a dict's iterator is made when the loop starts: an insert just before it shows both keys
    # (probe6: CPython printed "a\nb\n" 1 of 100 runs; racecheck made the loop raise instead)
    "scenarios/dict_iterate_while_inserting.yaml": ["a\n", "a\nb\n"],
}
# the finding kinds each must report (none for the others)
FINDINGS = {"scenarios/dict_iterate_while_inserting.yaml": ["exception"]}
EXACT = {"scenarios/as_completed_order.yaml", "scenarios/pool_second_worker.yaml",
         "scenarios/pool_map_break.yaml", "scenarios/is_alive_after_start.yaml",
         "scenarios/active_count_after_start.yaml"}


def main():
    racecheck = sys.argv[1]
    failures = 0
    for path, outputs in MUST_REACH.items():
        r = subprocess.run([racecheck, path, "--format", "json", "--no-validate"],
                           capture_output=True, text=True, timeout=600)
        report = json.loads(r.stdout)
        if report.get("outcomes_are") != "reachable":
            print(f"FAIL {path}: the search is not exhaustive")
            failures += 1
            continue
        reached = {o["output"] for o in report["outcomes"] if o["ending"] == "ended"}
        for out in outputs:
            if out not in reached:
                print(f"FAIL {path}: CPython prints {out!r}; racecheck calls it unreachable")
                failures += 1
        if path in EXACT and reached != set(outputs):
            print(f"FAIL {path}: racecheck reaches {sorted(reached)}, CPython's set is {sorted(outputs)}")
            failures += 1
        kinds = sorted({f["kind"] for f in report["findings"]})
        if kinds != FINDINGS.get(path, []):
            print(f"FAIL {path}: findings {kinds}, expected {FINDINGS.get(path, [])}")
            failures += 1
    print("ok" if not failures else f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
