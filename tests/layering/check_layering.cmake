# The layering rules of model/ and checker/, checked on every #include "…" (cmake -P script,
# registered as the CTest test `layering_includes_follow_the_folder_rules`).
#
# Each source folder may include its own files, the shared vocabulary model/ids.hpp and
# model/check.hpp, and the prefixes listed for it below. The same rules are written in each
# folder's README; change both together. CMake targets enforce the coarse rules at link time
# (rc_model links nothing of ours; rc_strategies and rc_detectors link rc_model only; rc_real
# never links rc_checker); this script also catches header-only dependencies.
#   RC_SOURCE_DIR  the repository root
set(interp "model/scenario/;model/syntax/ast.hpp;model/bytecode/;model/values/;model/runtime/;model/threading/")
set(rule_model/scenario "")
set(rule_model/syntax "model/scenario/")
set(rule_model/bytecode "model/scenario/;model/syntax/ast.hpp")
set(rule_model/compile "model/scenario/;model/syntax/;model/bytecode/")
set(rule_model/values "${interp}")
set(rule_model/runtime "${interp}")
set(rule_model/threading "${interp}")
set(rule_checker/strategies "model/runtime/choice.hpp;model/runtime/operation.hpp;model/values/value.hpp;model/bytecode/builtins.hpp")
set(rule_checker/detectors "model/")
set(rule_checker/explore "model/;checker/strategies/;checker/detectors/")
set(rule_checker/validate "model/;checker/detectors/;checker/explore/")
set(rule_checker/report "model/;checker/detectors/;checker/explore/;checker/validate/")
set(rule_checker/commands "model/;checker/")
set(rule_checker/real "model/")

file(GLOB_RECURSE sources RELATIVE ${RC_SOURCE_DIR}
     ${RC_SOURCE_DIR}/model/*.cpp ${RC_SOURCE_DIR}/model/*.hpp
     ${RC_SOURCE_DIR}/checker/*.cpp ${RC_SOURCE_DIR}/checker/*.hpp)
set(violations "")
set(checked 0)
foreach(source IN LISTS sources)
    get_filename_component(folder ${source} DIRECTORY)
    if(folder STREQUAL "model")
        set(allowed "") # the shared vocabulary includes nothing of ours but itself
    elseif(DEFINED rule_${folder})
        set(allowed "${rule_${folder}}")
    else()
        string(APPEND violations "  ${source}: folder ${folder} has no layering rule\n")
        continue()
    endif()
    list(APPEND allowed "${folder}/" "model/ids.hpp" "model/check.hpp")
    file(STRINGS ${RC_SOURCE_DIR}/${source} lines REGEX "^#include \"")
    foreach(line IN LISTS lines)
        string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" target "${line}")
        math(EXPR checked "${checked} + 1")
        set(ok FALSE)
        foreach(prefix IN LISTS allowed)
            string(FIND "${target}" "${prefix}" at)
            if(at EQUAL 0)
                set(ok TRUE)
                break()
            endif()
        endforeach()
        if(NOT ok)
            string(APPEND violations "  ${source} includes ${target}\n")
        endif()
    endforeach()
    file(STRINGS ${RC_SOURCE_DIR}/${source} yaml REGEX "^#include <yaml-cpp")
    if(yaml AND NOT source STREQUAL "model/scenario/yaml_tree.cpp")
        string(APPEND violations "  ${source} includes yaml-cpp (only model/scenario/yaml_tree.cpp may)\n")
    endif()
endforeach()
if(checked LESS 100)
    message(FATAL_ERROR "only ${checked} includes found under ${RC_SOURCE_DIR}: wrong root?")
endif()
if(violations)
    message(FATAL_ERROR "layering violations:\n${violations}")
endif()
message(STATUS "layering: ${checked} includes follow the folder rules")
