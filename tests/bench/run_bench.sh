#!/usr/bin/env bash
# Exploration benchmark: racecheck beside SPIN on the same programs (tests/bench/promela/), and
# every corpus scenario under racecheck's default strategy and budgets. Prints figures from one
# run each; asserts nothing (speed is never a test). Usage, from anywhere:
#   tests/bench/run_bench.sh [BUILD_DIR]      # default: build (configured in Release if absent;
#                                             # the project's usual build is RelWithDebInfo, -O2)
# Installs Debian's `spin` package when it is missing (needs apt and root, as in CI images).
# SPIN runs with its defaults (partial-order reduction on) and -DSAFETY; pan's -E keeps it
# going past the counters' failing assertion, so both tools explore the whole state space.
# SPIN_TIMEOUT (seconds, default 300) caps each pan run.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
spin_timeout=${SPIN_TIMEOUT:-300}

if ! command -v spin >/dev/null; then
    echo "spin is not installed: apt-get install -y spin" >&2
    apt-get install -y spin >&2 || { apt-get update >&2 && apt-get install -y spin >&2; }
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target bench_exploration >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# SPIN on one model: prints "states<TAB>pan's seconds<TAB>pan process seconds" (or "-<TAB>> N s<TAB>-"
# when cut by the timeout). pan's own "elapsed time" (the search; resolution 0.01 s) is the
# figure SPIN reports and the one compared; the whole pan process (timed from outside) adds
# allocating and clearing its default 2^24-slot hash table, which dominates small models.
# -m1000000 bounds the depth (a larger -m allocates its stack up front: -m100000000 costs about
# 25 s per run); pan saying the depth was too small is flagged with a '!' after the states.
spin_run() {
    local model=$1 defines=$2
    (
        cd "$work"
        rm -f pan pan.* _spin_nvr.tmp
        # shellcheck disable=SC2086 # the defines are separate words
        spin -a $defines "$OLDPWD/tests/bench/promela/$model" >/dev/null
        gcc -O2 -DSAFETY -DMEMLIM=8192 -o pan pan.c 2>/dev/null
        local start end states flag=""
        start=$(date +%s%N)
        if ! timeout "$spin_timeout" ./pan -E -m1000000 >pan.out 2>&1; then
            printf -- "-\t> %s s\t-\n" "$spin_timeout"
            return
        fi
        end=$(date +%s%N)
        if grep -q "max search depth too small" pan.out; then flag="!"; fi
        states=$(awk '/states, stored/ {print $1; exit}' pan.out)
        printf "%s%s\t%s\t%s\n" "$states" "$flag" "$(awk '/elapsed time/ {print $4; exit}' pan.out)" \
            "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')"
    )
}

echo "racecheck $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2)), $(spin -V | head -1), $(gcc -dumpfullversion 2>/dev/null | sed 's/^/gcc /')"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf "%-13s %-5s | %10s %9s %9s | %10s %10s %6s %9s | %11s %7s %9s | %s\n" \
    family size "states" "wall s" "cpu s" "dpor exec" "traces" "ratio" "dpor s" "SPIN states" "SPIN s" \
    "pan proc s" "SPIN s / racecheck s"
"$build/bench_exploration" families | tail -n +2 |
    while IFS=$'\t' read -r family size model defines states wall cpu dpor traces dpor_wall; do
        IFS=$'\t' read -r spin_states spin_seconds pan_process < <(spin_run "$model" "$defines")
        ratio="-"
        exec_ratio="-"
        if [ "$dpor" != "-" ]; then exec_ratio=$(awk -v e="$dpor" -v t="$traces" 'BEGIN {printf "%.2f", e / t}'); fi
        if [ "$spin_states" != "-" ]; then
            # pan reports 0 below its resolution: no ratio then
            ratio=$(awk -v s="$spin_seconds" -v r="$wall" \
                'BEGIN {if (s == 0) print "(SPIN < 0.01 s)"; else if (r > 0) printf "%.2f", s / r; else print "inf"}')
        fi
        printf "%-13s %-5s | %10s %9s %9s | %10s %10s %6s %9s | %11s %7s %9s | %s\n" \
            "$family" "$size" "$states" "$(printf '%.4f' "$wall")" "$(printf '%.4f' "$cpu")" "$dpor" "$traces" "$exec_ratio" \
            "$(if [ "$dpor_wall" != "-" ]; then printf '%.4f' "$dpor_wall"; else echo -; fi)" "$spin_states" "$spin_seconds" "$pan_process" "$ratio"
    done
echo
echo "(states and times: racecheck's default stateful search; dpor: executions of the dpor"
echo " strategy against the published trace count, - where the count is far beyond a run;
 racecheck's times exclude loading the scenario; SPIN s is pan's own elapsed time
 (resolution 0.01 s), pan proc s the whole pan process; compiling pan.c is excluded;
 ratio = SPIN s / racecheck wall s, > 1: racecheck is faster)"
echo
echo "Corpus, default strategy and budgets (as \`racecheck FILE\` runs it):"
"$build/bench_exploration" corpus | column -t -s $'\t'
