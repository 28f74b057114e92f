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
rc_cli_test(bare_file_runs_like_run EXIT "0|1" ARGS scenarios/counter.yaml)
