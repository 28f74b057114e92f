#!/usr/bin/python3
"""The progress line and Ctrl-C, end to end, on a real pseudo-terminal.

- With stderr on a terminal, a long search draws one progress line there, redrawn in place
  ("\\r", erase to the end of the line), never wider than the terminal, and erased at the end.
- With stderr not a terminal, nothing is drawn: stderr stays empty.
- SIGINT (Ctrl-C) stops the search; the report of what was found is still printed, says
  "interrupted" and never "exhaustive"; exit 1 with findings, else 130 (README); in a folder run
  the scenarios after it are listed as not checked.

usage: progress_and_interrupt_test.py RACECHECK   (run from the repository root; CTest does)
"""
import fcntl
import os
import pty
import struct
import termios
import re
import select
import signal
import subprocess
import sys
import time

RACECHECK = sys.argv[1]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def interrupted_run(args, wait_for, label, columns=0):
    """Runs racecheck with stderr on a pty `columns` wide (0: unknown, racecheck assumes 80);
    sends SIGINT once `wait_for` matches the progress line; returns (exit code, stdout,
    everything written to the terminal)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    p = subprocess.Popen([RACECHECK, *args], stdout=subprocess.PIPE, stderr=slave,
                         stdin=subprocess.DEVNULL)
    os.close(slave)
    terminal = b""
    deadline = time.monotonic() + 300  # a loaded machine (a parallel ctest) can be slow to get there
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the process closed its end
                break
            if not chunk:
                break
            terminal += chunk
        if not sent and re.search(wait_for, terminal.decode("utf-8", "replace")):
            p.send_signal(signal.SIGINT)
            sent = True
        if sent and p.poll() is not None:
            break
    check(sent, f"{label}: no progress line matching {wait_for!r} within 300 s: {terminal[-300:]!r}")
    if not sent:
        p.kill()
    out = p.communicate(timeout=120)[0].decode("utf-8")
    os.close(master)
    return p.returncode, out, terminal.decode("utf-8", "replace")


def check_progress_line(terminal, label, columns):
    draws = [d[:-3] for d in terminal.split("\r") if d.endswith("\x1b[K") and len(d) > 3]
    check(draws, f"{label}: the progress line was never drawn: {terminal[:300]!r}")
    for text in draws:
        check(len(text) <= columns - 1, f"{label}: a progress line wider than the terminal: {text!r}")
        check(re.match(r"^[a-z-]+: [0-9]+ findings? · [0-9.,kMG]+ executions", text),
              f"{label}: progress {text!r}")
    check(terminal.endswith("\r\x1b[K"), f"{label}: the progress line is not erased at the end")
    return draws


# pb, not the default stateful search: these need searches that last (the default finishes these
# scenarios in milliseconds).
# 1. A search with findings, interrupted: the findings so far are reported, exit 1.
code, out, terminal = interrupted_run(
    ["scenarios/dining_philosophers.yaml", "--no-validate", "--strategy", "pb", "--max-seconds", "120",
     "--max-executions", "100000000"], r"dining-philosophers: [1-9] findings? ·", "findings", 200)
check(code == 1, f"findings: exit {code}, expected 1")
check("not exhaustive: interrupted (Ctrl-C) after " in out, f"findings: no interrupted line: {out[:400]}")
check("exhaustive," not in out and "explored all" not in out, "findings: claims exhaustive")
check("✗ deadlock" in out, "findings: the deadlock found before Ctrl-C is not reported")
draws = check_progress_line(terminal, "findings", 200)
check(any(re.fullmatch(r"dining-philosophers: [0-9]+ findings? · [0-9.,kM]+ executions"
                       r"( \+ [0-9.,kM]+ repeats)? · [0-9.,kM]+/s · [0-9]+\.[0-9] s · up to "
                       r"[0-9]+ preemptions? · depth [0-9,]+ · budget left: [0-9.,kM]+ "
                       r"executions, [0-9]+\.[0-9] s", d) for d in draws),
      f"findings: progress fields: {draws[-1]!r}")

# 2. A clean search, interrupted: exit 130; validation is skipped, and said so.
code, out, terminal = interrupted_run(
    ["scenarios/producer_consumer.yaml", "--strategy", "pb", "--max-seconds", "120", "--max-executions",
     "100000000"], r"executions", "clean")
check(code == 130, f"clean: exit {code}, expected 130")
check("not exhaustive: interrupted (Ctrl-C)" in out and "✓ no findings" in out,
      f"clean: report {out[:400]}")
check("validation on real threads skipped: the search was interrupted (Ctrl-C)" in out,
      "clean: validation skip not said")
check_progress_line(terminal, "clean", 80)  # the width unknown: 80 is assumed

# 3. A folder run: the scenarios after the interrupted one are not checked, and listed.
code, out, terminal = interrupted_run(
    ["scenarios/", "--no-validate", "--strategy", "pb", "--max-seconds", "120", "--max-executions", "100000000"],
    r"counter-lock-tutorial: [0-9]+ findings? ·", "folder")
check(code == 1, f"folder: exit {code}, expected 1 (findings before Ctrl-C)")
check(re.search(r"counter-lock-tutorial .*stopped: interrupted", out), "folder: summary line")
m = re.search(r"interrupted \(Ctrl-C\): ([0-9]+) not checked", out)
check(m and int(m.group(1)) > 10, f"folder: unchecked count: {out[-300:]}")

# 4. stderr not a terminal: nothing is drawn, even for a search of seconds.
p = subprocess.run([RACECHECK, "scenarios/producer_consumer.yaml", "--no-validate", "--strategy", "pb",
                    "--max-seconds", "1.5"], capture_output=True, timeout=60)
check(p.returncode == 0 and p.stderr == b"", f"not a terminal: stderr {p.stderr[:200]!r}")
check(b"stopped by the time budget (max_seconds 1.5)" in p.stdout, "not a terminal: report")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
