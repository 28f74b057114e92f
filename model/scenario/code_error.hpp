// An error in a scenario's code block, found while lexing, parsing or compiling it.
//
// The model reports these as values (never as exceptions across its boundary). `loc` is relative
// to the code block; the scenario loader maps it to a file:line:col in the YAML file.
#pragma once

#include <string> // message, hint

#include "model/scenario/source_loc.hpp" // SourceLoc

namespace rc {

struct CodeError {
    SourceLoc loc;
    std::string message; // e.g. "invalid syntax", "unsupported: class definitions"
    std::string hint;    // one actionable sentence, or empty
};

} // namespace rc
