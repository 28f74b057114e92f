# Runs one racecheck command and checks its exit code and output (cmake -P script).
#   RC_EXE     the racecheck binary
#   RC_ARGS    its arguments, separated by '|'
#   RC_EXIT    regex the exit code must match, e.g. "2" or "0|1"
#   RC_STDOUT  optional regex stdout must contain
#   RC_STDERR  optional regex stderr must contain
string(REPLACE "|" ";" rc_args "${RC_ARGS}")
execute_process(COMMAND ${RC_EXE} ${rc_args}
                RESULT_VARIABLE rc_code OUTPUT_VARIABLE rc_out ERROR_VARIABLE rc_err
                INPUT_FILE /dev/null)
set(rc_report "command: racecheck ${rc_args}\nexit: ${rc_code}\nstdout:\n${rc_out}\nstderr:\n${rc_err}")
if(NOT rc_code MATCHES "^(${RC_EXIT})$")
    message(FATAL_ERROR "exit code ${rc_code}, expected ${RC_EXIT}\n${rc_report}")
endif()
if(DEFINED RC_STDOUT AND NOT rc_out MATCHES "${RC_STDOUT}")
    message(FATAL_ERROR "stdout does not match '${RC_STDOUT}'\n${rc_report}")
endif()
if(DEFINED RC_STDERR AND NOT rc_err MATCHES "${RC_STDERR}")
    message(FATAL_ERROR "stderr does not match '${RC_STDERR}'\n${rc_report}")
endif()
