// Rendering of vector clocks; the arithmetic is inline in the header (it is on the hot path).
#include "checker/detectors/vector_clock.hpp"

namespace rc {

std::string VectorClock::to_string() const {
    std::string out = "[";
    for (size_t i = 0; i < c_.size(); ++i) {
        if (i) out += ", ";
        out += std::to_string(c_[i]);
    }
    return out + "]";
}

} // namespace rc
