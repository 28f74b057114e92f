// TSan's reports, captured in structured form through the in-process report API.
//
// libtsan calls `__tsan_on_report(report)` for every report it is about to print (a weak hook,
// compiler-rt lib/tsan/rtl/tsan_rtl_report.cpp); tsan_reports.cpp defines it and reads the report
// with __tsan_get_report_data / _mop / _thread (lib/tsan/rtl/tsan_debugging.cpp). The hook keeps
// printing TSan's own text (to stderr) and appends a RawReport to the one registry.
//
// A report is made synchronously by the thread whose access completes the race, so that thread
// (which holds the turn) can attribute the newest reports to scenario lines right after its
// access. Records are plain data in a fixed array, so the hook allocates nothing; they are read
// by the reporting thread itself, or by the coordinator after joining every thread of the run.
#pragma once

#include <atomic>  // record count
#include <cstddef> // size_t
#include <cstdint> // uintptr_t

namespace rc::real {

struct RawReport {
    char description[32] = {}; // "data-race", "thread-leak", ...
    int mops = 0;              // memory operations recorded (≤ 2)
    uintptr_t addr[2] = {};    // [0] the access that completed the race, [1] the earlier one
    int size[2] = {};
    bool write[2] = {};
    bool atomic[2] = {};
    int python_tid[2] = {-1, -1}; // from the TSan thread's name "rc<N>"; -1 if not ours
};

/// The process's registry of reports. The only mutable global of the runtime, forced by TSan's
/// C callback, which takes no user pointer.
class TsanReports {
public:
    static constexpr size_t kCapacity = 4096;

    static TsanReports& instance();

    /// Number of reports so far (more than kCapacity are counted in dropped()).
    size_t count() const { return count_.load(std::memory_order_relaxed); }
    const RawReport& at(size_t i) const { return records_[i]; }
    size_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

    /// Called by the hook only. Returns true when an equal report (same 16-byte cell, same
    /// Python threads, same kinds of access) came before: the hook then keeps TSan from
    /// printing (and symbolizing) it again, which a spinning thread would otherwise make cost
    /// seconds. Every report is recorded either way.
    bool add(const RawReport& r);

private:
    static constexpr size_t kPrintedCapacity = 1024;
    struct PrintedKey {
        uintptr_t cell;
        int tids[2];
        bool write[2];
        char kind; // first letter of the description
    };
    PrintedKey printed_[kPrintedCapacity];
    size_t printed_count_ = 0; // written by reporting threads only: TSan serializes reports
    RawReport records_[kCapacity];
    std::atomic<size_t> count_{0};
    std::atomic<size_t> dropped_{0};
};

} // namespace rc::real
