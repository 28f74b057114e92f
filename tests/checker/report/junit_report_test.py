#!/usr/bin/python3
"""The JUnit report, end to end, read with an XML parser as CI test reporters read it.

Jenkins (junit step), GitLab (artifacts:reports:junit) and GitHub test-report actions read
<testsuites>/<testsuite>/<testcase>: a testcase needs `name` and `classname`; it fails with a
<failure message= type=> element, errors with <error>, is skipped with <skipped>; the suite's
tests/failures/errors/skipped counts must add up. This checks exactly that, and racecheck's own
rules: one testsuite per run, one testcase per scenario, a failure per finding with its witness,
under --expect a failure exactly when the scenario does not match its expect:, refused scenarios
as errors.

usage: junit_report_test.py RACECHECK   (run from the repository root; CTest does)
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

RACECHECK = sys.argv[1]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(*args):
    p = subprocess.run([RACECHECK, *args, "--format", "junit", "--no-validate"],
                       capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout


def parse(text, label):
    """The one testsuite, after checking the structure every reader relies on."""
    root = ET.fromstring(text.encode("utf-8"))  # raises on malformed XML
    check(root.tag == "testsuites", f"{label}: root <{root.tag}>")
    suites = root.findall("testsuite")
    check(len(suites) == 1, f"{label}: {len(suites)} testsuites, expected one per run")
    suite = suites[0]
    cases = suite.findall("testcase")
    counted = {"tests": len(cases),
               "failures": sum(1 for c in cases if c.find("failure") is not None),
               "errors": sum(1 for c in cases if c.find("error") is not None),
               "skipped": sum(1 for c in cases if c.find("skipped") is not None)}
    for element in (root, suite):
        for name, value in counted.items():
            check(element.get(name) == str(value),
                  f"{label}: <{element.tag}> {name}={element.get(name)}, counted {value}")
    for c in cases:
        check(c.get("name") and c.get("classname"), f"{label}: testcase without name/classname")
        for child in c:
            check(child.tag in ("failure", "error", "skipped", "system-out"),
                  f"{label}: unexpected <{child.tag}>")
            if child.tag in ("failure", "error", "skipped"):
                check(child.get("message") and child.get("type"),
                      f"{label}: <{child.tag}> without message/type")
    for element in root.iter():  # byte-stable: no times, dates or host names
        for attribute in ("time", "timestamp", "hostname"):
            check(attribute not in element.attrib, f"{label}: <{element.tag}> has {attribute}")
    return {c.get("file"): c for c in cases}


# Without --expect: a failure per finding, refused scenarios as errors.
files = ["scenarios/counter.yaml", "scenarios/counter_lock.yaml", "scenarios/abba_deadlock.yaml",
         "scenarios/gil_demo_full.yaml"]
code, text = run(*files)
check(code == 2, f"exit {code}, expected 2 (a refused scenario)")
_, again = run(*files)
check(again == text, "two runs gave different bytes")
cases = parse(text, "plain")
check(list(cases) == files, f"testcases {list(cases)}")
counter = cases["scenarios/counter.yaml"]
check(counter.get("name") == "unsafe-counter", "testcase name is the scenario's name")
check(counter.get("classname") == "scenarios.counter", f"classname {counter.get('classname')}")
types = [f.get("type") for f in counter.findall("failure")]
check(types == ["data-race", "lost-update", "check-failed"], f"counter failures {types}")
for f in counter.findall("failure"):
    body = f.text or ""
    check("step  thread" in body and "replay: racecheck replay scenarios/counter.yaml --schedule rc2."
          in body, f"failure {f.get('type')} lacks the witness: {body[:200]!r}")
lost = counter.findall("failure")[1]
check(lost.get("message") == "lost update on `counter` (scenarios/counter.yaml:15)",
      f"message {lost.get('message')!r}")
check("← overwrites Thread-2 (worker)'s write" in lost.text, "the witness's markers")
check(len(cases["scenarios/counter_lock.yaml"].findall("failure")) == 0, "clean scenario failed")
check("explored all 73 states (exhaustive, state" in cases["scenarios/counter_lock.yaml"].find("system-out").text,
      "the clean scenario's output says what was explored")
abba = [f.get("type") for f in cases["scenarios/abba_deadlock.yaml"].findall("failure")]
check(abba == ["deadlock", "potential-deadlock"], f"abba failures {abba}")
refused = cases["scenarios/gil_demo_full.yaml"].find("error")
check(refused is not None and refused.get("type") == "refused" and
      refused.get("message") == "unsupported: multiprocessing" and
      "gil_demo_full.yaml:9:10: error:" in refused.text, "refused scenario as <error>")

# Under --expect: a testcase fails exactly when the scenario does not match its expect:.
with tempfile.TemporaryDirectory() as tmp:
    with open("scenarios/counter.yaml", encoding="utf-8") as f:
        source = f.read()
    wrong = os.path.join(tmp, "counter_expects_too_little.yaml")
    with open(wrong, "w", encoding="utf-8") as f:
        f.write(source.replace("expect: [data-race, lost-update, check-failed]",
                               "expect: [data-race, deadlock]"))
    check(source != open(wrong, encoding="utf-8").read(), "could not edit the expect: line")
    expect_files = ["scenarios/counter.yaml", "scenarios/counter_lock.yaml",
                    "scenarios/abba_deadlock.yaml", wrong, "scenarios/gil_demo_full.yaml"]
    code, text = run(*expect_files, "--expect")
    check(code == 1, f"--expect with one mismatch: exit {code}, expected 1")
    cases = parse(text, "expect")
    for file in expect_files[:3]:
        check(not cases[file].findall("failure"), f"{file} matches its expect: but failed")
    bad = cases[wrong].findall("failure")
    check(len(bad) == 1 and bad[0].get("type") == "expect-mismatch", "one expect-mismatch failure")
    if bad:
        check(bad[0].get("message") ==
              "expect differs — missing: deadlock; not in expect: lost-update, check-failed",
              f"mismatch message {bad[0].get('message')!r}")
        check("✗ lost update on `counter`" in bad[0].text, "the unexpected finding's witness")
        check("✗ data race" not in bad[0].text, "an expected finding is listed as a failure")
    out = cases["scenarios/counter.yaml"].find("system-out").text
    check("expect: matches [data-race, lost-update, check-failed]" in out and "✗ data race" in out,
          "expected findings are shown as output")
    skipped = cases["scenarios/gil_demo_full.yaml"].find("skipped")
    check(skipped is not None and "refused, as its `about` documents" in skipped.get("message"),
          "a documented refusal under --expect is skipped")
    code, text = run(*expect_files[:3], "--expect")
    check(code == 0 and parse(text, "all match").get("scenarios/counter.yaml").find("failure") is None,
          f"--expect, all matching: exit {code}")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
