// racecheck's own Python prelude: the hidden functions behind Thread.run, Condition.wait_for and
// ThreadPoolExecutor (see PreludeFuncs in program.hpp). Compiled into every program.
#pragma once

#include <string_view> // source text

namespace rc {

/// The prelude's Python source. It may call the internal `_rc_` builtins.
std::string_view prelude_source();

} // namespace rc
