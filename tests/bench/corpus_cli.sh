#!/usr/bin/env bash
# Every corpus scenario as a user runs it: `racecheck FILE --format json --no-validate` (default
# strategy and budgets, or the scenario's explore block), timed from outside the process, so the
# time includes loading, compiling and reporting. Validation on real threads is off: it measures
# TSan runs, not exploration. Prints a Markdown table and a count of exhaustive scenarios.
# Figures from one run; asserts nothing. Usage: tests/bench/corpus_cli.sh [BUILD_DIR] (default build)
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
echo "| scenario | exhaustive | stopped by | states | wall s |"
echo "|---|---|---|---:|---:|"
yes=0
total=0
for f in scenarios/*.yaml; do
    total=$((total + 1))
    start=$(date +%s%N)
    out=$("$build/racecheck" "$f" --format json --no-validate 2>/dev/null)
    end=$(date +%s%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
    row=$(printf '%s' "$out" | python3 -c '
import json, sys
try:
    s = json.load(sys.stdin)["search"]
except Exception:
    print("refused\t-\t-"); sys.exit()
print("%s\t%s\t%s" % ("yes" if s.get("exhaustive") else "no", s.get("stopped_by", "-"), s.get("states", "-")))')
    IFS=$'\t' read -r exhaustive stopped states <<<"$row"
    if [ "$exhaustive" = yes ]; then yes=$((yes + 1)); fi
    echo "| $(basename "$f") | $exhaustive | $stopped | $states | $secs |"
done
echo
echo "$yes of $total scenarios explored exhaustively."
