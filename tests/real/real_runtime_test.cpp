// racecheck_tsan as a subprocess: forced replays follow the schedule and let TSan see every race,
// lost updates end with the model's exact values, deadlocks are cut by the watchdog, and the
// correct tutorial scenarios are clean under TSan and in free runs.
#include <cstdio>  // popen, the schedule file
#include <set>     // runs that reported
#include <unistd.h> // getpid
#include <string>  // commands, output
#include <utility> // pair
#include <vector>  // scenario lists

#include <doctest/doctest.h>  // TEST_CASE, CHECK
#include <nlohmann/json.hpp>  // racecheck_tsan's output

namespace {

/// Runs racecheck_tsan with `args` (shell words), stderr discarded; returns its JSON.
nlohmann::json run_tsan(const std::string& args) {
    const std::string cmd = std::string(RC_TSAN_BINARY) + " " + args + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int status = pclose(p);
    INFO(cmd);
    REQUIRE(status == 0);
    nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
    REQUIRE(!j.is_discarded());
    return j;
}

/// TSan reported a race on `var` between exactly threads a and b (either order).
bool tsan_race(const nlohmann::json& j, const std::string& var, const std::string& a,
               const std::string& b) {
    for (const nlohmann::json& e : j["tsan"]) {
        if (e["variable"] != var) continue;
        if ((e["threads"][0] == a && e["threads"][1] == b) ||
            (e["threads"][0] == b && e["threads"][1] == a))
            return true;
    }
    return false;
}

// counter.yaml, THREADS=2 ITERATIONS=1: step 4 Thread-1 reads, 5 Thread-2 reads, 6-7 both write.
const char* kCounterInterleaved = "0,0,1,0,2,2,1,0,0,0,0,0";
// The same, but Thread-1's read and write both come before Thread-2's: no update is lost.
const char* kCounterSerial = "0,0,0,1,1,2,2,0,0,0,0,0";
// counter.yaml 2×2 (and unsafe_increase_two_threads.yaml): ends with counter == 3.
const char* kCounterLoses1of4 = "0,0,0,2,2,1,2,2,1,1,1,0,0,0,0,0";

} // namespace

TEST_CASE("counter_race_is_confirmed_by_tsan_in_forced_replay") {
    auto j = run_tsan(std::string("scenarios/counter.yaml --param ITERATIONS=1 --schedule-choices ") +
                      kCounterInterleaved);
    CHECK(j["mode"] == "forced");
    REQUIRE(j["runs"].size() == 1);
    CHECK(j["runs"][0]["ending"] == "ended");
    CHECK(j["runs"][0]["final_values"]["counter"] == "1");
    CHECK(j["runs"][0]["output"] == "Counter: 1\n");
    CHECK(tsan_race(j, "counter", "Thread-1 (worker)", "Thread-2 (worker)"));
    for (const nlohmann::json& e : j["tsan"]) CHECK(e["lines"] == nlohmann::json({15, 15}));
    CHECK(j["tsan_other"].empty());
}

TEST_CASE("a_schedule_ending_in_stop_ends_its_run_there_after_tsan_saw_the_race") {
    // Thread-1 reads (step 4), Thread-2 reads and writes (5-6), Thread-1 writes (7): both races
    // are done, and the run stops with the main thread's joins and print still to come.
    auto j = run_tsan("scenarios/counter.yaml --param ITERATIONS=1 --schedule-choices "
                      "'0,0,1,0,2,2,1;stop'");
    REQUIRE(j["runs"].size() == 1);
    CHECK(j["runs"][0]["ending"] == "schedule-end");
    CHECK(j["runs"][0]["steps"] == 7);
    CHECK(j["runs"][0]["output"] == "");
    CHECK(j["runs"][0]["note"] == "stopped after the witness's 7 steps");
    CHECK(tsan_race(j, "counter", "Thread-1 (worker)", "Thread-2 (worker)"));
    // Without `;stop` the same schedule goes on to the program's end.
    auto whole = run_tsan("scenarios/counter.yaml --param ITERATIONS=1 --schedule-choices "
                          "'0,0,1,0,2,2,1'");
    CHECK(whole["runs"][0]["ending"] == "ended");
    CHECK(whole["runs"][0]["output"] == "Counter: 1\n");
}

TEST_CASE("forced_turns_hide_no_race_from_tsan") {
    // Thread-2 reads only after Thread-1's turn has ended and its write is done: only the turn
    // token orders them, and TSan must still call it a race.
    auto j = run_tsan(std::string("scenarios/counter.yaml --param ITERATIONS=1 --schedule-choices ") +
                      kCounterSerial);
    CHECK(j["runs"][0]["final_values"]["counter"] == "2");
    CHECK(j["runs"][0]["failed_checks"].empty());
    CHECK(tsan_race(j, "counter", "Thread-1 (worker)", "Thread-2 (worker)"));
    bool write_then_read = false;
    for (const nlohmann::json& e : j["tsan"])
        write_then_read |= e["threads"][0] == "Thread-1 (worker)" && e["writes"][0] == true &&
                           e["writes"][1] == false;
    CHECK(write_then_read);
}

TEST_CASE("lost_update_is_reproduced_with_the_exact_final_value") {
    auto j = run_tsan(std::string("scenarios/counter.yaml --schedule-choices ") + kCounterLoses1of4);
    REQUIRE(j["runs"].size() == 1);
    CHECK(j["runs"][0]["final_values"]["counter"] == "3");
    CHECK(j["runs"][0]["output"] == "Counter: 3\n");
    CHECK(j["runs"][0]["failed_checks"] == nlohmann::json({"counter == THREADS * ITERATIONS"}));

    auto u = run_tsan(std::string("scenarios/unsafe_increase_two_threads.yaml --schedule-choices ") +
                      kCounterLoses1of4);
    CHECK(u["runs"][0]["final_values"]["counter"] == "3");
    CHECK(tsan_race(u, "counter", "Thread-1 (increase)", "Thread-2 (increase)"));
}

TEST_CASE("abba_deadlock_hangs_and_is_cut_with_blocked_threads_listed") {
    auto j = run_tsan("tests/real/abba_deadlock.yaml --schedule-choices 0,0,0,1,0,2");
    const nlohmann::json& run = j["runs"][0];
    CHECK(run["ending"] == "hang");
    REQUIRE(run["hang"].size() == 3);
    CHECK(run["hang"][0].get<std::string>().find("MainThread (line 25) waits to join") == 0);
    CHECK(run["hang"][1].get<std::string>().find("Thread-1 (left) (line 13) waits to acquire Lock `b`") == 0);
    CHECK(run["hang"][2].get<std::string>().find("Thread-2 (right) (line 18) waits to acquire Lock `a`") == 0);
    CHECK(j["tsan"].empty());
}

TEST_CASE("a_schedule_that_does_not_fit_is_reported_as_diverged") {
    auto j = run_tsan("scenarios/counter.yaml --schedule-choices 0,2");
    CHECK(j["runs"][0]["ending"] == "diverged");
    CHECK(j["runs"][0]["diverged_at"] == 2);
}

TEST_CASE("correct_scenarios_are_tsan_clean_in_forced_and_free_runs") {
    const std::vector<std::string> correct = {"counter_lock", "condition_handoff",
                                              "producer_consumer", "event_signal",
                                              "semaphore_limit", "lock_with_statement",
                                              // attributes: each shared one has its memory cell
                                              "class_counter_locked", "class_bank_transfer_ordered",
                                              "class_thread_subclass_dict_locked",
                                              "closure_counter_locked"};
    for (const std::string& name : correct) {
        CAPTURE(name);
        auto free = run_tsan("scenarios/" + name + ".yaml --free-runs 20");
        CHECK(free["mode"] == "free");
        REQUIRE(free["runs"].size() == 20);
        for (const nlohmann::json& run : free["runs"]) {
            CHECK(run["ending"] == "ended");
            CHECK(run["failed_checks"].empty());
            CHECK(run["exceptions"].empty());
        }
        CHECK(free["tsan"].empty());
        CHECK(free["tsan_other"].empty());
        auto forced = run_tsan("scenarios/" + name + ".yaml --schedule-choices ''");
        CHECK(forced["runs"][0]["ending"] == "ended");
        CHECK(forced["tsan"].empty());
    }
}

TEST_CASE("racy_scenarios_show_races_in_free_runs") {
    auto j = run_tsan("scenarios/counter.yaml --free-runs 10");
    CHECK(tsan_race(j, "counter", "Thread-1 (worker)", "Thread-2 (worker)"));
    CHECK(j["tsan_other"].empty());
    auto a = run_tsan("scenarios/class_counter_unsafe.yaml --free-runs 10");
    CHECK(tsan_race(a, "counter.value", "Thread-1 (worker)", "Thread-2 (worker)"));
    CHECK(a["tsan_other"].empty());
}

TEST_CASE("tsan_reports_each_pair_of_accesses_once_however_long_the_run") {
    // 3 threads × 20,000 racy increments: tens of thousands of racing access pairs, but only
    // (cell, thread, read/write) × (cell, thread, read/write) distinct stacks. TSan builds and
    // symbolizes a report for each new pair only (milliseconds each); before the per-access
    // frames it made one for nearly every switch, and a 1 M-step run made 21,450 in 60 s.
    auto j = run_tsan("scenarios/counter.yaml --param THREADS=3 --param ITERATIONS=20000 --free-runs 1 "
                      "--max-steps 1000000");
    REQUIRE(j["runs"].size() == 1);
    const nlohmann::json& run = j["runs"][0];
    CHECK(run["ending"] == "ended");
    CHECK(run["steps"].get<uint64_t>() > 120000);
    // Threads 0–3 each read and write `counter`: 8 frames, so at most 8 × 8 pairs.
    CHECK(run["tsan_reports"].get<uint64_t>() >= 1);
    CHECK(run["tsan_reports"].get<uint64_t>() <= 64);
    // Every worker is in a reported pair. Not every pair is: an access that races is not recorded
    // in TSan's shadow, so the first writer's last write stays there and the others' accesses
    // race with it (the same pairs as without the frames, where this run made over 16,000
    // reports and the registry dropped most).
    for (const char* worker : {"Thread-1 (worker)", "Thread-2 (worker)", "Thread-3 (worker)"}) {
        CAPTURE(worker);
        bool in_a_pair = false;
        for (const char* other : {"Thread-1 (worker)", "Thread-2 (worker)", "Thread-3 (worker)"})
            in_a_pair = in_a_pair || tsan_race(j, "counter", worker, other);
        CHECK(in_a_pair);
    }
    CHECK(j["tsan_other"].empty());
}

TEST_CASE("a_threads_read_after_its_own_release_and_anothers_write_is_judged_again") {
    // The reader reads, releases the lock; the writer takes it and writes; the reader reads again.
    // The second read repeats the first, but the reader synchronized and the writer wrote since:
    // it must reach TSan (repeat_filter.hpp), which reports the write → read race.
    auto j = run_tsan("tests/real/read_again_after_a_release.yaml --schedule-choices 0,0,0,0,1,1,1,2,2,2,1");
    REQUIRE(j["runs"].size() == 1);
    CHECK(j["runs"][0]["ending"] == "ended");
    REQUIRE(j["tsan"].size() == 1);
    CHECK(j["tsan"][0]["variable"] == "counter");
    CHECK(j["tsan"][0]["threads"] == nlohmann::json({"Thread-2 (writer)", "Thread-1 (reader)"}));
    CHECK(j["tsan"][0]["writes"] == nlohmann::json({true, false}));
    CHECK(j["tsan"][0]["lines"] == nlohmann::json({23, 18}));
    CHECK(j["tsan_other"].empty());
}

TEST_CASE("tsan_reports_every_pair_of_racing_threads_even_those_it_never_recorded") {
    // Three single writes after the three starts: the first is recorded, the second and third
    // race with it and are not, so the cell's own shadow never compares them. Their pair cell
    // does (pair_cells.hpp), and each pair is reported once.
    auto j = run_tsan("tests/real/three_writers.yaml --schedule-choices 0,0,0,0,1,2,3");
    REQUIRE(j["runs"].size() == 1);
    CHECK(j["runs"][0]["ending"] == "ended");
    CHECK(j["tsan"].size() == 3);
    for (const nlohmann::json& e : j["tsan"]) CHECK(e["count"] == 1);
    CHECK(tsan_race(j, "flag", "Thread-1 (set_flag)", "Thread-2 (set_flag)"));
    CHECK(tsan_race(j, "flag", "Thread-1 (set_flag)", "Thread-3 (set_flag)"));
    CHECK(tsan_race(j, "flag", "Thread-2 (set_flag)", "Thread-3 (set_flag)"));
    CHECK(j["tsan_other"].empty());
}

TEST_CASE("each_run_of_a_process_reports_its_own_races") {
    // TSan drops a repeated pair of racing stacks for the whole process; the made-up frames name
    // the run too, so the second of two identical forced runs (as validation makes one per
    // finding, and free runs follow each other) still reports the race.
    const std::string file = "/tmp/racecheck_two_runs_" + std::to_string(::getpid()) + ".txt";
    {
        std::FILE* f = std::fopen(file.c_str(), "w");
        REQUIRE(f != nullptr);
        std::fprintf(f, "%s\n%s\n", kCounterInterleaved, kCounterInterleaved);
        std::fclose(f);
    }
    auto j = run_tsan("scenarios/counter.yaml --param ITERATIONS=1 --schedule-file " + file);
    std::remove(file.c_str());
    REQUIRE(j["runs"].size() == 2);
    std::set<uint64_t> runs;
    for (const nlohmann::json& e : j["tsan"])
        if (e["variable"] == "counter")
            for (const nlohmann::json& r : e["runs"]) runs.insert(r.get<uint64_t>());
    CHECK(runs == std::set<uint64_t>{0, 1});
    auto free = run_tsan("scenarios/counter.yaml --free-runs 6");
    std::set<uint64_t> free_runs;
    for (const nlohmann::json& e : free["tsan"])
        for (const nlohmann::json& r : e["runs"]) free_runs.insert(r.get<uint64_t>());
    CHECK(free_runs.size() >= 4); // 2 threads × 2 increments race in nearly every free run
}

TEST_CASE("without_the_sync_edges_tsan_reports_what_they_order") {
    // Negative control: the cleanliness of the correct scenarios comes from the real
    // synchronization (sem_t, acquire/release words), not from the turns or from TSan missing
    // the cells. Thread creation still orders a parent's earlier accesses.
    for (const char* name : {"counter_lock", "condition_handoff"}) {
        CAPTURE(name);
        auto synced = run_tsan(std::string("scenarios/") + name + ".yaml --free-runs 3");
        CHECK(synced["tsan"].empty());
        auto bare = run_tsan(std::string("scenarios/") + name + ".yaml --free-runs 3 --no-sync");
        CHECK(!bare["tsan"].empty());
        for (const nlohmann::json& run : bare["runs"]) CHECK(run["ending"] == "ended");
    }
}

TEST_CASE("a_free_runs_recorded_schedule_replays_to_the_same_result") {
    auto free = run_tsan("scenarios/counter.yaml --free-runs 4");
    for (const nlohmann::json& run : free["runs"]) {
        const std::string schedule = run["schedule"];
        CAPTURE(schedule);
        auto forced = run_tsan("scenarios/counter.yaml --schedule-choices " + schedule);
        CHECK(forced["runs"][0]["schedule"] == schedule);
        CHECK(forced["runs"][0]["final_values"] == run["final_values"]);
        CHECK(forced["runs"][0]["output"] == run["output"]);
    }
}

TEST_CASE("a_run_in_which_one_thread_alone_comes_back_to_a_state_is_proven_to_go_round_forever") {
    // spin_forever.yaml: Thread-1 spins holding the lock Thread-2 needs; MainThread joins. Forced
    // to that point, the run's continuation is Thread-1 alone: proven at its first repeat, not
    // cut at the step limit (it was 20 s of spinning for a free run).
    auto forced = run_tsan("scenarios/spin_forever.yaml --schedule-choices 0,0,0,0,1 --max-steps 100000");
    CHECK(forced["runs"][0]["ending"] == "runs-forever");
    CHECK(forced["runs"][0]["steps"].get<uint64_t>() < 1000);
    CHECK(forced["runs"][0]["note"] ==
          "Thread-1 (waiter) came back to a state at line 13 while no other thread could move: it goes round forever");
    // A loop that writes each round, but the same value: the state repeats all the same.
    auto rewriter = run_tsan("tests/real/spin_cases.yaml --param CASE=3 --free-runs 2 --max-steps 100000");
    for (const nlohmann::json& run : rewriter["runs"]) CHECK(run["ending"] == "runs-forever");
    // What is no proof: a loop whose state changes each round (its counter) and ends; a spin
    // while another thread sleeps (it will move); a spin while a wait with a timeout is pending
    // (CPython's timeout would end it; free runs time out only when no thread can move, so this
    // one spins to the step limit, but it is not called endless).
    for (const std::pair<std::string, std::string>& c : std::vector<std::pair<std::string, std::string>>{
             {"CASE=0", "ended"}, {"CASE=1", "ended"}, {"CASE=2", "step-limit"}}) {
        const std::string& param = c.first; // (clang 14 cannot capture a structured binding)
        auto j = run_tsan("tests/real/spin_cases.yaml --param " + param + " --free-runs 3 --max-steps 20000");
        CAPTURE(param);
        for (const nlohmann::json& run : j["runs"]) CHECK(run["ending"] == c.second);
    }
}
