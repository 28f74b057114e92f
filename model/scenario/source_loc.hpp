// A position in a scenario's code block: 1-based line and column, as Python reports them.
#pragma once

#include <cstdint> // uint32_t

namespace rc {

struct SourceLoc {
    uint32_t line = 0; // 0 = unknown
    uint32_t col = 0;
    friend bool operator==(SourceLoc, SourceLoc) = default;
};

} // namespace rc
