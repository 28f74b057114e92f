#!/usr/bin/python3
"""The HTML report in a real browser: headless Chromium loads the page, runs its script, and the
DOM it dumps afterwards must show the swimlanes, the code beside them with the current line
highlighted, the outcome table with its links, and one section per scenario. The page must load
nothing from the network, and stay small with a 10,000-step witness.

usage: html_report_test.py RACECHECK   (run from the repository root; CTest does)
Needs Debian's chromium; exits 77 (CTest: skipped) and says so when it is not installed.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

RACECHECK = sys.argv[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("skipped: chromium is not installed (apt-get install -y chromium)")
    sys.exit(77)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, attrs, parent, [], ""

    def classes(self):
        return self.attrs.get("class", "").split()

    def all(self, tag=None, cls=None, **attrs):
        found = []
        for c in self.children:
            if ((tag is None or c.tag == tag) and (cls is None or cls in c.classes()) and
                    all(c.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())):
                found.append(c)
            found += c.all(tag, cls, **attrs)
        return found

    def first(self, tag=None, cls=None, **attrs):
        found = self.all(tag, cls, **attrs)
        return found[0] if found else None

    def content(self):
        return self.text + "".join(c.content() for c in self.children)


class Dom(html.parser.HTMLParser):
    VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"}

    def __init__(self, text):
        super().__init__()
        self.root = Node("#document", {}, None)
        self.at = self.root
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(node)
        if tag not in self.VOID:
            self.at = node

    def handle_endtag(self, tag):
        n = self.at
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.at = n.parent

    def handle_data(self, data):
        self.at.text += data  # the checks only ask what an element contains, not in which order


def render(page, fragment=""):
    """The DOM after the page's scripts ran, as Chromium dumps it."""
    with tempfile.TemporaryDirectory() as profile:
        p = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync",
                            "--user-data-dir=" + profile, "--dump-dom",
                            "file://" + os.path.abspath(page) + fragment],
                           capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, f"chromium exited {p.returncode}: {p.stderr[-500:]}")
    return Dom(p.stdout).root


def racecheck(*args):
    p = subprocess.run([RACECHECK, *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout


def self_contained(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    check(not re.search(r"<(link|iframe|img|object|embed)\b", raw), f"{path}: external element")
    check(not re.search(r"<script[^>]*\bsrc=", raw), f"{path}: <script src>")
    check(not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]", raw.replace("racecheck replay", "")),
          f"{path}: a URL in the page")
    check("@import" not in raw and "url(" not in raw and "@font-face" not in raw,
          f"{path}: CSS loading something")
    return raw


with tempfile.TemporaryDirectory() as tmp:
    files = ["scenarios/counter.yaml", "scenarios/abba_deadlock.yaml",
             "scenarios/counter_lock.yaml", "scenarios/gil_demo_full.yaml"]
    page = os.path.join(tmp, "folder.html")
    code, _ = racecheck(*files, "--no-validate", "--html", page)
    check(code == 2, f"exit {code} (a refused scenario is bad input)")
    raw = self_contained(page)
    again = os.path.join(tmp, "again.html")
    racecheck(*files, "--no-validate", "--html", again)
    with open(again, encoding="utf-8") as f:
        check(f.read() == raw, "two runs wrote different pages")
    check(os.path.getsize(page) < 200_000, f"folder page is {os.path.getsize(page)} bytes")
    with open("scenarios/counter.yaml", encoding="utf-8") as f:  # the `code: |` block's lines
        yaml = f.read().split("\n")
    start = yaml.index("code: |") + 1
    end = next(i for i in range(start, len(yaml)) if yaml[i] and not yaml[i].startswith(" "))
    while not yaml[end - 1].strip():
        end -= 1
    yaml_code_lines = list(range(start + 1, end + 1))
    _, report = racecheck("scenarios/counter.yaml", "--no-validate", "--format", "json")
    counter = json.loads(report)

    # The lost update's witness, stepped to its 8th step through the URL.
    dom = render(page, "#s1-f2-w-step-8")
    body = dom.first("body")
    check(body is not None and body.attrs.get("data-ready") == "1", "the page's script did not run")
    sections = dom.all("section", "scenario")
    check(len(sections) == 4, f"{len(sections)} sections, expected one per scenario")
    toc = dom.first("table", "toc")
    check(toc is not None and len(toc.all("tr")) == 4, "the table of contents lists 4 scenarios")
    s1 = sections[0]
    check("unsafe-counter" in s1.first("h2").content(), "section 1 is the counter")
    findings = s1.all("div", "finding")
    check(len(findings) == len(counter["findings"]) == 3, f"{len(findings)} findings shown")
    for finding, data in zip(findings, counter["findings"]):
        lanes = finding.first("table", "lanes")
        heads = [th.content() for th in lanes.first("thead").all("th")]
        threads = []
        for step in data["trace"]:
            if step["thread"] not in threads:
                threads.append(step["thread"])
        check(heads == ["step"] + threads, f"lane headers {heads}, threads {threads}")
        rows = lanes.all("tr", "st")
        check([int(r.attrs["data-step"]) for r in rows] == [s["step"] for s in data["trace"]],
              f"{data['kind']}: one row per step")
        for row, step in zip(rows, data["trace"]):
            cells = row.all("td")
            column = threads.index(step["thread"])
            check(step["operation"] in cells[column].content() and
                  all(not c.content() for i, c in enumerate(cells) if i != column),
                  f"{data['kind']} step {step['step']}: not in its thread's lane")
            check(("pre" in row.classes()) == (step["preempted"] and step["step"] > 1),
                  f"{data['kind']} step {step['step']}: preemption mark")
        code_lines = finding.first("ol", "code").all("li")
        check([int(li.attrs["data-line"]) for li in code_lines] == yaml_code_lines,
              f"{len(code_lines)} code lines beside the lanes, under their YAML line numbers")
    race_rows = findings[0].first("table", "lanes").all("tr", "conflict")
    check(len(race_rows) == 2, f"the race's two conflicting accesses marked: {len(race_rows)}")
    current = findings[1].all("tr", "cur")
    check(len(current) == 1 and current[0].attrs["data-step"] == "8", "step 8 is the current one")
    lit = findings[1].first("ol", "code").all("li", "cur")
    check(len(lit) == 1 and lit[0].attrs["data-line"] == "15" and "counter += 1" in lit[0].content(),
          "the current step's code line is highlighted")
    check(findings[1].first("span", "pos").content() == "step 8 of 9, line 15", "position text")
    check(not findings[0].all("li", "cur"), "other witnesses have no current line")

    # The outcome table links each outcome to its interleaving; following the link opens it.
    outcomes = s1.first("table", "outcomes")
    links = outcomes.all("a")
    check(len(links) == len(counter["outcomes"]) == len(outcomes.all("tr")) - 1,
          f"{len(links)} outcome links")
    check([a.attrs["href"] for a in links] == [f"#s1-o{i + 1}" for i in range(len(links))],
          "outcome link targets")
    detail = s1.first("details", id="s1-o1")
    check(detail is not None and "open" not in detail.attrs, "outcome interleavings start closed")
    opened = render(page, "#s1-o2").first("details", id="s1-o2")
    check(opened is not None and "open" in opened.attrs and opened.first("table", "lanes"),
          "following an outcome link opens its interleaving")

    # The deadlock: blocked threads shown as waiting on what.
    s2 = sections[1]
    end = s2.first("div", "finding").first("tr", "end")
    blocked = [td.content() for td in end.all("td", "blocked")]
    check(len(blocked) == 3, f"{len(blocked)} blocked threads shown")
    check(any("waits to acquire Lock `lock_b` held by Thread-2 (worker2)" in b for b in blocked),
          f"what Thread-1 waits for: {blocked}")
    check("✓ no findings" in sections[2].content(), "clean scenario")
    check("unsupported: multiprocessing" in sections[3].content(), "refused scenario")

    # A 10,000-step witness: folded as the text report folds it, and the page stays small.
    long_page = os.path.join(tmp, "long.html")
    code, text = racecheck("scenarios/counter.yaml", "--param", "ITERATIONS=2500", "--max-steps",
                           "20000", "--strategy", "random", "--max-executions", "3",
                           "--no-validate", "--html", long_page)
    check(code == 1, f"long witness run: exit {code}")
    self_contained(long_page)
    size = os.path.getsize(long_page)
    dom = render(long_page)
    check(dom.first("body").attrs.get("data-ready") == "1", "long page: script did not run")
    witnesses = dom.all("div", "witness")
    steps = max(int(w.attrs["data-steps"]) for w in witnesses)
    check(steps >= 10000, f"the longest witness has {steps} steps")
    for w in witnesses:
        shown = w.all("tr", "st")
        check(len(shown) <= 24, f"a witness of {w.attrs['data-steps']} steps shows {len(shown)} rows")
    folds = [r.content() for r in dom.all("tr", "fold")]
    check(folds and all(re.match(r"⋯ steps [0-9]+–[0-9]+: ", f) for f in folds), "fold rows")
    notes = [p.content() for p in dom.all("p", "folded")]
    check(notes and all(re.match(r"[0-9,]+ of [0-9,]+ steps are folded into ", n) for n in notes),
          "folded-steps notes")
    check(size < 150_000, f"the page with 10,000-step witnesses is {size} bytes")
    print(f"page with {steps}-step witnesses ({len(witnesses)} witnesses): {size} bytes")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
