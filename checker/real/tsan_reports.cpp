// The __tsan_on_report hook and the registry it fills.
#include "checker/real/tsan_reports.hpp"

#include <cstdlib> // strtol
#include <cstring> // strncpy, strncmp

#include "checker/real/tsan_api.hpp" // __tsan_get_report_*, IgnoreScope

namespace rc::real {

/// "rc12" → 12; anything else → -1. (Not in an anonymous namespace: the hook below uses it.)
int python_tid_of(const char* name) {
    if (!name || std::strncmp(name, "rc", 2) != 0 || name[2] < '0' || name[2] > '9') return -1;
    char* end = nullptr;
    long v = std::strtol(name + 2, &end, 10);
    return *end == '\0' ? static_cast<int>(v) : -1;
}

TsanReports& TsanReports::instance() {
    static TsanReports registry; // constructed before any thread of a run exists
    return registry;
}

bool TsanReports::add(const RawReport& r) {
    IgnoreScope ignore; // reporting threads are ordered by the turns only, which TSan ignores
    size_t n = count_.load(std::memory_order_relaxed);
    if (n >= kCapacity) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
    } else {
        records_[n] = r;
        count_.store(n + 1, std::memory_order_relaxed);
    }
    const PrintedKey key{r.addr[0] & ~uintptr_t{15}, {r.python_tid[0], r.python_tid[1]},
                         {r.write[0], r.write[1]}, r.description[0]};
    for (size_t i = 0; i < printed_count_; ++i) {
        const PrintedKey& k = printed_[i];
        if (k.cell == key.cell && k.tids[0] == key.tids[0] && k.tids[1] == key.tids[1] &&
            k.write[0] == key.write[0] && k.write[1] == key.write[1] && k.kind == key.kind)
            return true;
    }
    if (printed_count_ < kPrintedCapacity) printed_[printed_count_++] = key;
    return false;
}

} // namespace rc::real

/// libtsan's hook: called once per report, in the reporting thread, before TSan prints it.
/// Returning false lets TSan print its usual text to stderr; true suppresses it.
extern "C" bool __tsan_on_report(void* report) {
    using rc::real::RawReport;
    const char* description = nullptr;
    int count = 0, stacks = 0, mops = 0, locs = 0, mutexes = 0, threads = 0, unique_tids = 0;
    void* sleep_trace[1] = {};
    if (!__tsan_get_report_data(report, &description, &count, &stacks, &mops, &locs, &mutexes,
                                &threads, &unique_tids, sleep_trace, 1))
        return false;
    RawReport r;
    std::strncpy(r.description, description ? description : "?", sizeof r.description - 1);
    r.mops = mops < 2 ? mops : 2;
    int tids[2] = {-1, -1};
    for (int i = 0; i < r.mops; ++i) {
        void* addr = nullptr;
        int size = 0, write = 0, atomic = 0;
        void* trace[1] = {};
        __tsan_get_report_mop(report, static_cast<unsigned long>(i), &tids[i], &addr, &size,
                              &write, &atomic, trace, 1);
        r.addr[i] = reinterpret_cast<uintptr_t>(addr);
        r.size[i] = size;
        r.write[i] = write != 0;
        r.atomic[i] = atomic != 0;
    }
    for (int i = 0; i < threads; ++i) {
        int tid = -1, running = 0, parent = -1;
        unsigned long os_id = 0;
        const char* name = nullptr;
        void* trace[1] = {};
        __tsan_get_report_thread(report, static_cast<unsigned long>(i), &tid, &os_id, &running,
                                 &name, &parent, trace, 1);
        for (int m = 0; m < r.mops; ++m)
            if (tids[m] == tid) r.python_tid[m] = rc::real::python_tid_of(name);
    }
    return rc::real::TsanReports::instance().add(r); // true: not printed again
}
