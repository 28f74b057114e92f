#!/usr/bin/env python3
"""Soundness against CPython: every output and ending CPython 3.12 produces for a scenario's
program must lie in the outcome set of racecheck's exhaustive search.

For each scenario: `racecheck FILE --format json --no-validate` gives the outcomes (skipped, with
the reason, when racecheck refuses the scenario or its search is not exhaustive). The program
(its params as globals, then its code) then runs N times under CPython with
sys.setswitchinterval(1e-6) and time.sleep patched to sleep(0), N times with buffered stdout (a
pipe) and N times unbuffered (-u). Each run's (stdout, ending) must be one of racecheck's
outcomes:
  - a run that exits is `ended` and its stdout must equal an outcome's output exactly;
  - a run still going after --hang-seconds is compared with the outcomes that do not end
    (`hangs`, `runs forever`): what it printed so far must be a prefix of such an outcome's
    output (or, for one that runs forever, extend it). When none fits, the run is made again
    with --slow-seconds, so that a slow machine never makes a violation: only a run that
    outlives --slow-seconds, or ends with an output racecheck does not have, is one.
A violation is listed with the scenario, the mode and the output; the exit code is 1 then.
The comparison is on stdout and the ending: stderr (tracebacks, logging) is not compared.

Usage: soundness.py --racecheck PATH --python PATH [--runs N] [--jobs J] SCENARIO|DIR...
Exit: 0 sound on every run, 1 violations, 2 usage, 77 a prerequisite is missing (skipped).
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("skipped: PyYAML is not installed for " + sys.executable)
    sys.exit(77)

PRELUDE = (
    "import sys as _rc_sys, time as _rc_time\n"
    "_rc_sys.setswitchinterval(1e-6)\n"
    "_rc_sleep = _rc_time.sleep\n"
    "_rc_time.sleep = lambda seconds: _rc_sleep(0)\n"
    "del _rc_sys, _rc_time\n"
)
NOT_ENDING = ("hangs", "runs forever")


def scenario_files(paths):
    for p in paths:
        p = pathlib.Path(p)
        if p.is_dir():
            yield from sorted(p.glob("*.yaml"))
        else:
            yield p


def racecheck_outcomes(racecheck, path):
    """(outcomes, None) or (None, the reason to skip)."""
    r = subprocess.run([racecheck, str(path), "--format", "json", "--no-validate"],
                       capture_output=True, text=True, timeout=900)
    if r.returncode not in (0, 1):
        first = (r.stderr.strip().splitlines() or ["exit " + str(r.returncode)])[0]
        return None, "racecheck refuses it: " + first
    report = json.loads(r.stdout)
    if "refused" in report:
        return None, "racecheck refuses it"
    if report.get("outcomes_are") != "reachable":
        return None, "racecheck's search is not exhaustive: " + report["search"]["coverage"]
    return report, None


def program_text(path, params):
    doc = yaml.safe_load(pathlib.Path(path).read_text())
    lines = [PRELUDE]
    for name, value in params.items():
        lines.append(f"{name} = {value}\n")
    lines.append(doc["code"])
    return "".join(lines)


def run_once(python, program, unbuffered, seconds):
    """(stdout, 'ended') or (stdout so far, None) when it was still running after `seconds`."""
    cmd = [python, "-X", "utf8"] + (["-u"] if unbuffered else []) + ["-c", program]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         stdin=subprocess.DEVNULL)
    try:
        out, _ = p.communicate(timeout=seconds)
        return out.decode("utf-8", "replace"), "ended"
    except subprocess.TimeoutExpired:
        p.kill()
        out, _ = p.communicate()
        return out.decode("utf-8", "replace"), None


def fits(outcomes, output, ending):
    if ending == "ended":
        return any(o["ending"] == "ended" and o["output"] == output for o in outcomes)
    for o in outcomes:
        if o["ending"] not in NOT_ENDING:
            continue
        if o["output"].startswith(output):
            return True
        if o["ending"] == "runs forever" and output.startswith(o["output"]):
            return True
    return False


def judge(python, program, outcomes, unbuffered, hang_seconds, slow_seconds):
    """None when the run fits racecheck's outcomes, else (output, ending) of the violation."""
    can_hang = any(o["ending"] in NOT_ENDING for o in outcomes)
    out, ending = run_once(python, program, unbuffered, hang_seconds if can_hang else slow_seconds)
    if fits(outcomes, out, ending):
        return None
    if ending is None and can_hang:  # maybe only slow: run again with the long timeout
        out, ending = run_once(python, program, unbuffered, slow_seconds)
        if fits(outcomes, out, ending):
            return None
    return out, ending or f"still running after {slow_seconds} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--racecheck", required=True)
    ap.add_argument("--python", required=True, help="CPython 3.12")
    ap.add_argument("--runs", type=int, default=20, help="runs per scenario and output mode")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--hang-seconds", type=float, default=1.5)
    ap.add_argument("--slow-seconds", type=float, default=60.0)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    if not args.python or not os.access(args.python, os.X_OK):
        print("skipped: no CPython 3.12 to run the programs (--python)")
        return 77

    covered, skipped, violations, runs = [], [], [], 0
    for path in scenario_files(args.paths):
        report, why = racecheck_outcomes(args.racecheck, path)
        if report is None:
            skipped.append((path, why))
            continue
        outcomes = report["outcomes"]
        program = program_text(path, report.get("params", {}))
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            jobs = [(mode, pool.submit(judge, args.python, program, outcomes, mode == "unbuffered",
                                       args.hang_seconds, args.slow_seconds))
                    for mode in ("buffered", "unbuffered") for _ in range(args.runs)]
            seen = set()
            for mode, job in jobs:
                runs += 1
                bad = job.result()
                if bad and (mode,) + bad not in seen:
                    seen.add((mode,) + bad)
                    violations.append((path, mode, bad))
        covered.append(path)
        print(f"{path}: {2 * args.runs} runs, {len(outcomes)} outcomes racecheck reaches"
              + ("" if not seen else f", {len(seen)} outputs racecheck calls unreachable"), flush=True)

    for path, why in skipped:
        print(f"{path}: skipped: {why}")
    for path, mode, (out, ending) in violations:
        print(f"VIOLATION {path} ({mode}): CPython printed {out!r} and {ending}; "
              "racecheck's exhaustive search has no such outcome")
    print(f"{runs} CPython runs over {len(covered)} scenarios ({len(skipped)} skipped): "
          f"{len(violations)} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
