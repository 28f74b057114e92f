// `racecheck replay FILE --schedule TOKEN`: step through one interleaving. Decodes the token
// (refusing one made for another scenario or other params), replays it with Session::replay and
// prints every step with its source line, the output, the threads left blocked, a divergence if
// the schedule did not fit, and the findings the interleaving shows.
#pragma once

#include <cstdint>  // uint64_t
#include <optional> // flags the user may leave unset
#include <ostream>  // output streams
#include <string>   // file, token
#include <vector>   // params

namespace rc {

struct ReplayRequest {
    std::string file;
    std::string schedule;            // the token
    std::vector<std::string> params; // NAME=VALUE, as when the token was made
    std::optional<uint64_t> max_steps;
    std::optional<uint64_t> max_memory; // MiB, as for the check that made the token
    bool print_lines = false;           // --print-lines, as for the check that made the token
    bool no_color = false;
    bool full = false; // every step, unfolded (default: the folded table the check report shows)
};

/// Returns the exit code: 0 the interleaving shows no finding, 1 it shows findings, 2 bad input
/// (including a token that is malformed or made for another scenario or other params).
int run_replay(const ReplayRequest& request, bool out_is_terminal, std::ostream& out,
               std::ostream& err);

} // namespace rc
