#!/usr/bin/python3
"""The SARIF report, end to end: `racecheck --format sarif` on a few scenarios must validate
against the official SARIF 2.1.0 schema (sarif-schema-2.1.0.json beside this file, errata 01,
from github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/) and say what the JSON report says.

usage: sarif_report_test.py RACECHECK   (run from the repository root; CTest does)
Needs Debian's python3-jsonschema; exits 77 (CTest: skipped) and says so when it is missing.
"""
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("skipped: the jsonschema module is missing (apt-get install -y python3-jsonschema, "
          "and run this with /usr/bin/python3)")
    sys.exit(77)

RACECHECK = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["scenarios/counter.yaml", "scenarios/abba_deadlock.yaml",
         "scenarios/condition_notify_items.yaml", "scenarios/sync_primitives.yaml",
         "scenarios/counter_lock.yaml", "scenarios/gil_demo_full.yaml"]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args):
    p = subprocess.run([RACECHECK, *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout


with open(os.path.join(HERE, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())

code, text = run(*FILES, "--format", "sarif", "--no-validate")
check(code == 2, f"exit code {code}, expected 2 (a refused scenario is bad input)")
log = json.loads(text)
_, again = run(*FILES, "--format", "sarif", "--no-validate")
check(again == text, "two runs gave different bytes")

# 1. The schema accepts it, and the validator is not blind: broken copies are rejected.
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
for e in errors[:10]:
    failures.append(f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
for label, breaking in [("version 2.0.0", lambda l: l.update(version="2.0.0")),
                        ("a result without message",
                         lambda l: l["runs"][0]["results"][0].pop("message")),
                        ("startLine 0", lambda l: l["runs"][0]["results"][0]["locations"][0]
                         ["physicalLocation"]["region"].update(startLine=0))]:
    broken = json.loads(text)
    breaking(broken)
    check(not validator.is_valid(broken), f"the schema accepted a log with {label}")

run_ = log["runs"][0]
check(log["version"] == "2.1.0", "version is not 2.1.0")
check(run_["columnKind"] == "unicodeCodePoints", "columnKind")

# 2. One rule per finding kind, with help text (the fix).
kinds = ["data-race", "lost-update", "deadlock", "lost-wakeup", "potential-deadlock",
         "check-failed", "exception", "nontermination"]
rules = run_["tool"]["driver"]["rules"]
check([r["id"] for r in rules] == kinds, f"rule ids {[r['id'] for r in rules]}")
for r in rules:
    for field in ("shortDescription", "fullDescription", "help"):
        check(len(r[field]["text"]) > 20, f"rule {r['id']}: {field} too short")

# 3. One result per finding, as the JSON report has them, in the same order.
expected = []
for file in FILES[:-1]:
    _, js = run(file, "--format", "json", "--no-validate")
    report = json.loads(js)
    for finding in report["findings"]:
        expected.append((file, finding))
results = run_["results"]
check(len(results) == len(expected), f"{len(results)} results for {len(expected)} findings")
lines_of = {}
for (file, finding), result in zip(expected, results):
    where = f"{file}: {finding['summary']}"
    check(result["ruleId"] == finding["kind"], f"{where}: ruleId {result['ruleId']}")
    check(rules[result["ruleIndex"]]["id"] == result["ruleId"], f"{where}: ruleIndex")
    check(result["message"]["text"].startswith(finding["summary"]), f"{where}: message")
    props = result["properties"]
    check(props["replayToken"] == finding["schedule"], f"{where}: replay token")
    check(props["replayCommand"].endswith("--schedule " + finding["schedule"]), f"{where}: command")
    phys = result["locations"][0]["physicalLocation"]
    check(phys["artifactLocation"]["uri"] == file, f"{where}: uri {phys['artifactLocation']}")
    # The region is the code on the finding's YAML line: its columns cut out exactly the snippet.
    if file not in lines_of:
        with open(file, encoding="utf-8") as f:
            lines_of[file] = f.read().split("\n")
    regions = [phys["region"]] + [rl["physicalLocation"]["region"]
                                  for rl in result.get("relatedLocations", [])]
    for flow in result.get("codeFlows", []):
        for tf in flow["threadFlows"]:
            regions += [l["location"]["physicalLocation"]["region"] for l in tf["locations"]
                        if "physicalLocation" in l["location"]]
    for region in regions:
        line = lines_of[file][region["startLine"] - 1]
        if "startColumn" in region:
            cut = line[region["startColumn"] - 1:region["endColumn"] - 1]
            check(cut == region["snippet"]["text"] and cut.strip() == cut and cut,
                  f"{where}: columns {region} cut {cut!r} out of line {line!r}")
    finding_lines = [l for l in finding["lines"] if l]
    if finding_lines:
        check(phys["region"]["startLine"] == finding_lines[0], f"{where}: startLine")
    # codeFlows: one threadFlow per thread of the witness, steps in order, every step once.
    trace = finding["trace"]
    flows = result["codeFlows"][0]["threadFlows"]
    threads = []
    for step in trace:
        if step["thread"] not in threads:
            threads.append(step["thread"])
    check([tf["id"] for tf in flows] == threads, f"{where}: thread flows {[tf['id'] for tf in flows]}")
    orders = []
    for tf in flows:
        own = [l["executionOrder"] for l in tf["locations"] if "executionOrder" in l]
        check(own == sorted(own), f"{where}: {tf['id']} steps out of order")
        for l in tf["locations"]:
            if "executionOrder" in l:
                step = trace[l["executionOrder"] - 1]
                check(step["thread"] == tf["id"], f"{where}: step {step['step']} in the wrong flow")
                check(step["operation"] in l["location"]["message"]["text"], f"{where}: step text")
        orders += own
    check(sorted(orders) == [s["step"] for s in trace], f"{where}: steps missing from the flows")
    # The token replays the very finding.
    code, out = run("replay", file, "--schedule", props["replayToken"])
    check(code == 1 and finding["summary"] in out, f"{where}: the token does not replay it")

# 4. The refused scenario is an error notification at its position; the run did not succeed.
inv = run_["invocations"][0]
check(inv["executionSuccessful"] is False, "executionSuccessful should be false")
notes = inv.get("toolExecutionNotifications", [])
refused = [n for n in notes if n["level"] == "error"]
check(len(refused) == 1, f"{len(refused)} error notifications")
if refused:
    phys = refused[0]["locations"][0]["physicalLocation"]
    check(phys["artifactLocation"]["uri"] == "scenarios/gil_demo_full.yaml", "refused uri")
    check((phys["region"]["startLine"], phys["region"]["startColumn"]) == (9, 10), "refused region")
    check("unsupported: multiprocessing" in refused[0]["message"]["text"], "refused message")
scen = run_["properties"]["scenarios"]
check([s["file"] for s in scen] == FILES[:-1], "run.properties.scenarios")

# 5. A clean run is a successful invocation with no results.
code, clean = run("scenarios/counter_lock.yaml", "--format", "sarif", "--no-validate")
clean = json.loads(clean)
check(code == 0 and clean["runs"][0]["results"] == [] and
      clean["runs"][0]["invocations"][0]["executionSuccessful"] is True, "clean run")
check(validator.is_valid(clean), "the clean log does not validate")

for f in failures:
    print("FAIL:", f)
print(f"{len(results)} results, {len(failures)} failures")
sys.exit(1 if failures else 0)
