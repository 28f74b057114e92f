// libFuzzer target: YAML text -> the whole check with tiny budgets (fuzz_entry.hpp).
#include <cstddef> // size_t
#include <cstdint> // uint8_t

#include "tests/fuzz/fuzz_entry.hpp" // rc::fuzz::check

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    rc::fuzz::check(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
