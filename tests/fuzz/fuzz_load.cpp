// libFuzzer target: YAML text -> parse_scenario (fuzz_entry.hpp).
#include <cstddef> // size_t
#include <cstdint> // uint8_t

#include "tests/fuzz/fuzz_entry.hpp" // rc::fuzz::load

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    rc::fuzz::load(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
