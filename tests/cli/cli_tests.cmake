# End-to-end runs of the racecheck binary: exit codes (0 ok, 1 findings, 2 bad input or usage)
# and the first line of what it prints. Included from the top-level CMakeLists.txt.

# rc_cli_test(NAME EXIT <regex> [STDOUT <regex>] [STDERR <regex>] ARGS <arg>...)
function(rc_cli_test name)
    cmake_parse_arguments(arg "" "EXIT;STDOUT;STDERR" "ARGS" ${ARGN})
    string(REPLACE ";" "|" joined "${arg_ARGS}")
    set(defines -DRC_EXE=$<TARGET_FILE:racecheck> "-DRC_ARGS=${joined}" "-DRC_EXIT=${arg_EXIT}")
    if(DEFINED arg_STDOUT)
        list(APPEND defines "-DRC_STDOUT=${arg_STDOUT}")
    endif()
    if(DEFINED arg_STDERR)
        list(APPEND defines "-DRC_STDERR=${arg_STDERR}")
    endif()
    add_test(NAME cli_${name}
             COMMAND ${CMAKE_COMMAND} ${defines} -P ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endfunction()

rc_cli_test(version_prints_name_and_version EXIT 0 STDOUT "^racecheck 0\\.1\\.0" ARGS --version)
rc_cli_test(help_lists_exit_codes EXIT 0 STDOUT "Exit codes: 0 no findings" ARGS --help)
rc_cli_test(no_arguments_is_a_usage_error EXIT 2 STDERR "no scenario given")
rc_cli_test(unknown_option_is_a_usage_error EXIT 2 STDERR "--bogus" ARGS --bogus)
rc_cli_test(run_without_file_is_a_usage_error EXIT 2 STDERR "paths is required" ARGS run)
rc_cli_test(negative_seed_is_a_usage_error EXIT 2 STDERR "--seed: expected an integer"
            ARGS run scenarios/counter.yaml --seed -1)
rc_cli_test(missing_file_is_bad_input EXIT 2
            STDERR "^tests/cli/no_such\\.yaml: error: cannot read file"
            ARGS run tests/cli/no_such.yaml)
rc_cli_test(invalid_scenario_points_into_the_yaml EXIT 2
            STDERR "^tests/cli/bad_key\\.yaml:4:1: error: unknown key 'chekcs'\n  hint: did you mean 'checks'"
            ARGS run tests/cli/bad_key.yaml)
rc_cli_test(unknown_param_is_bad_input EXIT 2
            STDERR "^<command line>: error: unknown param 'NOPE'\n  hint: params of 'unsafe-counter': THREADS, ITERATIONS"
            ARGS run scenarios/counter.yaml --param NOPE=1)
rc_cli_test(folder_without_scenarios_is_bad_input EXIT 2
            STDERR "^model: error: no \\*\\.yaml scenario files in folder"
            ARGS model)
rc_cli_test(run_counter_ends_with_ok_or_findings EXIT "0|1"
            ARGS run scenarios/counter.yaml --seed 3 --param ITERATIONS=1)

# ---- racecheck FILE|DIR: the checker -------------------------------------------------------
rc_cli_test(check_clean_scenario_exits_0 EXIT 0 STDOUT "explored all 73 states \\(exhaustive, state; threads folded by symmetry\\)\n.*✓ no findings"
            ARGS scenarios/counter_lock.yaml)
rc_cli_test(check_pb_is_still_an_option EXIT 0 STDOUT "explored all 118 interleavings \\(exhaustive, pb\\)\n.*✓ no findings"
            ARGS scenarios/counter_lock.yaml --strategy pb)
rc_cli_test(check_dpor_runs_one_execution_per_trace EXIT 0 STDOUT "explored all 6 traces \\(exhaustive, dpor: one execution per Mazurkiewicz trace\\)"
            ARGS scenarios/counter_lock.yaml --strategy dpor)
rc_cli_test(check_buggy_scenario_exits_1 EXIT 1
            STDOUT "✗ lost update on `counter`.*replay: racecheck replay scenarios/counter\\.yaml --schedule rc2\\."
            ARGS scenarios/counter.yaml)
rc_cli_test(check_bad_yaml_exits_2 EXIT 2
            STDERR "^tests/cli/bad_key\\.yaml:4:1: error: unknown key 'chekcs'"
            ARGS tests/cli/bad_key.yaml)
rc_cli_test(check_unknown_flag_exits_2 EXIT 2 STDERR "--bogus" ARGS scenarios/counter.yaml --bogus)
rc_cli_test(check_unknown_strategy_exits_2 EXIT 2 STDERR "--strategy"
            ARGS scenarios/counter.yaml --strategy nope)
rc_cli_test(check_unknown_format_exits_2 EXIT 2 STDERR "--format"
            ARGS scenarios/counter.yaml --format xml)
rc_cli_test(check_budget_hit_is_said EXIT "0|1"
            STDOUT "not exhaustive: stopped by the execution budget \\(max_executions 3\\)"
            ARGS scenarios/counter.yaml --max-executions 3)
rc_cli_test(check_json_has_the_search_block EXIT 1 STDOUT "\"stopped_by\": \"exhausted\""
            ARGS scenarios/counter.yaml --format json)
rc_cli_test(check_help_lists_strategies_and_formats EXIT 0 STDOUT "pb +iterative preemption.*json +one JSON"
            ARGS --help)
rc_cli_test(check_expect_matching_exits_0 EXIT 0 STDOUT "expect: matches \\[data-race, lost-update, check-failed\\]"
            ARGS scenarios/counter.yaml --expect)
# The default budgets, as a user runs it: the daemons' infinite state spaces and the tutorials'
# 1 M-step executions take the 8 s time budget each (the tutorials' findings come from the
# portfolio's first execution; a smaller budget cut it on a loaded machine).
rc_cli_test(check_expect_on_the_whole_corpus_exits_0 EXIT 0 STDOUT "scenarios: [0-9]+ match their expect, 0 differ"
            ARGS scenarios --expect --no-validate)
if(TARGET racecheck_tsan)
    rc_cli_test(check_validates_findings_on_real_threads EXIT 1
                STDOUT "validated on real threads under ThreadSanitizer.*lost update on `counter`\n +forced replay: reproduced; TSan: confirmed"
                ARGS scenarios/counter.yaml)
    rc_cli_test(check_clean_scenario_is_tsan_clean EXIT 0
                STDOUT "✓ no findings.*validated on real threads.*✓ TSan-clean in every run"
                ARGS scenarios/counter_lock.yaml)
    rc_cli_test(check_json_has_a_validation_per_finding EXIT 1
                STDOUT "\"validation\": \{\n *\"forced_replay\": \"reproduced\",\n *\"tsan\": \"confirmed\""
                ARGS scenarios/counter.yaml --format json)
endif()

# ---- racecheck replay ------------------------------------------------------------------------
rc_cli_test(replay_buggy_witness_exits_1 EXIT 1
            STDOUT "step  thread +line  operation +code.*the program hangs.*✗ deadlock"
            ARGS replay scenarios/abba_deadlock.yaml --schedule rc2.8239f79a.cN4CDAAEAgEEAQ)
rc_cli_test(replay_clean_interleaving_exits_0 EXIT 0 STDOUT "✓ this interleaving shows no findings"
            ARGS replay scenarios/abba_fixed.yaml --schedule rc2.3af90ce5.cQ-SAQAEAgUAAQQFAAI)
rc_cli_test(replay_bad_token_exits_2 EXIT 2 STDERR "^<command line>: error: --schedule: "
            ARGS replay scenarios/counter.yaml --schedule not-a-token)
rc_cli_test(replay_token_of_another_scenario_exits_2 EXIT 2
            STDERR "^<command line>: error: --schedule: .*different scenario"
            ARGS replay scenarios/counter_lock.yaml --schedule rc2.8239f79a.cN4CDAAEAgEEAQ)
rc_cli_test(replay_token_with_other_params_exits_2 EXIT 2
            STDERR "^<command line>: error: --schedule: .*different params"
            ARGS replay scenarios/counter.yaml --schedule rc2.cac91db9.M-uCkQADAgQEAQ --param ITERATIONS=3)
# The abba witness token with one character changed (the run length 4 of thread 0 made 5):
# without the checksum it would replay another schedule.
rc_cli_test(replay_tampered_token_is_refused EXIT 2
            STDERR "^<command line>: error: --schedule: this schedule token is damaged: its checksum does not match"
            ARGS replay scenarios/abba_deadlock.yaml --schedule rc2.8239f79a.cN4CDAAFAgEEAQ)
rc_cli_test(replay_old_token_format_is_refused_with_what_to_do EXIT 2
            STDERR "^<command line>: error: --schedule: this schedule token comes from an older racecheck.*copy the \"rc2\.\" token"
            ARGS replay scenarios/abba_deadlock.yaml --schedule rc1.8239f79a.AAQCAQQB)
rc_cli_test(replay_without_schedule_is_a_usage_error EXIT 2 STDERR "--schedule is required"
            ARGS replay scenarios/counter.yaml)

# ---- reports: several formats, files -------------------------------------------------------
rc_cli_test(check_help_lists_the_report_formats EXIT 0
            STDOUT "sarif +SARIF 2\\.1\\.0.*junit +JUnit XML.*html +one self-contained page.*--output FORMAT=FILE.*--html FILE"
            ARGS --help)
rc_cli_test(check_output_unknown_format_is_a_usage_error EXIT 2
            STDERR "--output: unknown report format 'xml' \\(formats: text, json, sarif, junit, html\\)"
            ARGS scenarios/counter.yaml --output xml=out.xml)
rc_cli_test(check_output_without_a_file_is_a_usage_error EXIT 2
            STDERR "--output: expected FORMAT=FILE, got 'sarif'"
            ARGS scenarios/counter.yaml --output sarif)
rc_cli_test(check_report_file_that_cannot_be_written_is_bad_input EXIT 2
            STDERR "^<command line>: error: cannot write the html report to '/nonexistent/racecheck\\.html': No such file or directory\n  hint: "
            ARGS scenarios/counter.yaml --no-validate --html /nonexistent/racecheck.html)
rc_cli_test(check_budget_message_says_what_it_counted EXIT 1
            STDOUT "stopped by the execution budget \\(max_executions 20000, which counts every execution run\\) after pb ran 20000 executions: [0-9]+ distinct interleavings and [0-9]+ re-runs of interleavings with fewer preemptions"
            ARGS scenarios/dining_philosophers.yaml --no-validate --strategy pb --max-executions 20000)

# ---- end to end in Python: SARIF against its schema, JUnit with an XML parser, HTML in headless
# Chromium, the progress line and Ctrl-C on a pseudo-terminal. Debian's /usr/bin/python3 first
# (python3-jsonschema is installed for it); a test whose package or browser is missing exits 77,
# which CTest reports as skipped, with the reason in its output.
find_program(RC_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT RC_PYTHON3)
    find_program(RC_PYTHON3 python3)
endif()
function(rc_python_test name script)
    add_test(NAME ${name} COMMAND ${RC_PYTHON3} ${CMAKE_SOURCE_DIR}/${script}
                                  $<TARGET_FILE:racecheck>
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
endfunction()
if(RC_PYTHON3)
    rc_python_test(report_sarif_validates_against_the_sarif_2_1_0_schema
                   tests/checker/report/sarif_report_test.py)
    rc_python_test(report_junit_has_the_structure_ci_readers_expect
                   tests/checker/report/junit_report_test.py)
    rc_python_test(report_html_shows_swimlanes_in_headless_chromium
                   tests/checker/report/html/html_report_test.py)
    rc_python_test(cli_progress_line_on_a_terminal_and_ctrl_c_still_reports
                   tests/cli/progress_and_interrupt_test.py)
    rc_python_test(scenarios_reach_the_outputs_cpython_shows_print_map_as_completed_workers
                   tests/soundness/behaviours_test.py)
    rc_python_test(soundness_submit_in_one_step_shows_what_cpythons_two_steps_show
                   tests/soundness/submit_one_step.py)
    # Soundness against CPython 3.12 (tests/soundness/README.md): a few runs per scenario here;
    # run it by hand with a large --runs.
    add_test(NAME soundness_every_cpython_output_is_a_racecheck_outcome
             COMMAND ${RC_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/soundness/soundness.py
                     --racecheck $<TARGET_FILE:racecheck> --python "${rc_cpython}" --runs 4
                     --jobs 2 scenarios
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(soundness_every_cpython_output_is_a_racecheck_outcome
                         PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1800)
else()
    message(WARNING "python3 not found: the SARIF, JUnit, HTML and Ctrl-C tests are not registered")
endif()

# ---- robustness (issue 12): limits are named, bad input is located, nothing hangs -----------
rc_cli_test(run_past_the_string_limit_names_the_limit EXIT 1
            STDOUT "stopped at a limit of racecheck's, not a bug in the program: the program built a string longer than 64 MiB at line 6"
            ARGS run tests/cli/limit_string_doubling.yaml)
rc_cli_test(check_past_the_memory_limit_reports_the_cut_execution EXIT 0
            STDOUT "1 execution was stopped at a limit of racecheck's, not a bug in the program: the program's memory passed 1 MiB at line 6.*1 (final state|execution) cut by the memory limit before the end: not outcomes"
            ARGS tests/cli/limit_string_doubling.yaml --no-validate --max-memory 1)
rc_cli_test(check_json_names_the_limit EXIT 0
            STDOUT "\"limit_executions\": 1,\n *\"limit\": \"the program built a string longer than 64 MiB at line 6\""
            ARGS tests/cli/limit_string_doubling.yaml --no-validate --format json)
rc_cli_test(expression_nested_past_the_limit_is_bad_input EXIT 2
            STDERR "^tests/cli/deep_expression\\.yaml:3:7: error: expression nested too deeply \\(more than 1000 levels\\)\n  hint: "
            ARGS run tests/cli/deep_expression.yaml)
rc_cli_test(yaml_that_loops_yaml_cpp_loadall_is_bad_input EXIT 2
            STDERR "^tests/cli/yaml_comma\\.yaml:1:1: error: invalid YAML: no value can start with ','"
            ARGS tests/cli/yaml_comma.yaml)
rc_cli_test(a_check_cut_at_a_comma_of_a_flow_list_says_to_quote_it EXIT 2
            STDERR "^tests/cli/check_comma_in_flow_list\\.yaml:8:30: error: '\\(' was never closed \\(in check `taken == list\\(range\\(1`\\)\n  hint: in a YAML list written `\\[\\.\\.\\.\\]` every comma separates two checks; quote the check"
            ARGS tests/cli/check_comma_in_flow_list.yaml)
rc_cli_test(max_memory_out_of_range_is_a_usage_error EXIT 2 STDERR "--max-memory"
            ARGS tests/cli/limit_string_doubling.yaml --max-memory 0)

# An outcome's replay token past 4 KiB (a random 2 × 3,000 run switches thousands of times) is
# left out with its reason, in text and JSON; a finding's token never is.
rc_cli_test(long_outcome_tokens_are_left_out_with_the_reason EXIT 1
            STDOUT "no replay token: its execution switches threads [0-9,]+ times, a token of [0-9]+ KiB \\(an outcome's token is left out past 4 KiB\\)"
            ARGS scenarios/counter.yaml --param ITERATIONS=3000 --strategy random --max-executions 3
                 --no-validate --outcomes)
rc_cli_test(long_outcome_tokens_are_null_in_json_with_the_reason EXIT 1
            STDOUT "\"schedule\": null,[ \n]+\"schedule_omitted\": \"no replay token: its execution switches threads"
            ARGS scenarios/counter.yaml --param ITERATIONS=3000 --strategy random --max-executions 3
                 --no-validate --format json)

# CPython's compile-time SyntaxWarnings are printed on stderr at their YAML position, and the
# check goes on (the program is fine: exit 0).
rc_cli_test(syntax_warnings_point_into_the_yaml_and_the_check_goes_on EXIT 0
            STDERR "^tests/cli/syntax_warning\\.yaml:8:10: warning: \"is\" with 'int' literal\\. Did you mean \"==\"\\? \\[SyntaxWarning\\]\n$"
            STDOUT "no findings"
            ARGS tests/cli/syntax_warning.yaml --no-validate)

# Two threads inside one shared map() iterator: CPython runs both (map is C code, without the
# "generator already executing" check); racecheck cannot, and refuses rather than raise.
rc_cli_test(two_threads_inside_one_map_iterator_are_refused EXIT 2
            STDERR "shared_map_iterator\\.yaml:11:16: error: unsupported: two threads inside one map\\(\\) iterator at once"
            ARGS tests/cli/shared_map_iterator.yaml --no-validate)

# A thread that sleeps yields: the stateful search's first execution runs the other threads
# before the sleeper again, so a sleep-polling loop does not starve the thread that stops it
# (the first execution used to run the ticker forever, until the time budget).
rc_cli_test(a_sleeping_thread_yields_on_the_first_path EXIT 0
            STDOUT "ended  output \"ticked: True\\\\n\""
            ARGS tests/cli/sleep_ticker.yaml --strategy state --max-executions 1 --no-validate --outcomes)

# A daemon the exit stops while it re-enters an RLock it holds is no deadlock (only threads
# blocked for good, waiting in a cycle, are: scenarios/daemon_self_deadlock.yaml).
rc_cli_test(a_daemon_stopped_inside_an_rlock_is_no_deadlock EXIT 0
            STDOUT "no findings"
            ARGS tests/cli/daemon_in_rlock_at_exit.yaml --no-validate)
