// The parts of ThreadSanitizer's runtime interface the real-thread runtime uses, declared here
// because GCC 12 ships only <sanitizer/tsan_interface.h> (annotations and report accessors are
// exported by libtsan but not declared in any installed header).
//
// Sources: LLVM compiler-rt include/sanitizer/tsan_interface.h (__tsan_acquire/__tsan_release),
// compiler-rt lib/tsan/rtl/tsan_interface_ann.cpp (the Annotate* ignore annotations),
// lib/tsan/rtl/tsan_interface.cpp (__tsan_ignore_thread_*, __tsan_read16/write16) and
// lib/tsan/rtl/tsan_debugging.cpp (__tsan_get_report_*), checked against the symbols of GCC 12's
// libtsan.so.2 (`nm -D`) and by experiment (tests/real/).
//
// Semantics relied on (tsan_interface_ann.cpp, tsan_rtl.h):
//  - __tsan_ignore_thread_begin..end: the calling thread's memory accesses in between, the
//    interceptors' (memcpy, malloc, free) included, are neither checked nor recorded;
//    AnnotateIgnoreSyncBegin..End: its synchronization in between (mutexes, atomics,
//    acquire/release) creates no happens-before edges. Each begin records the caller's stack in
//    TSan's stack depot (for its own reports), a cost paid per call.
//  - __tsan_read16/__tsan_write16(a): a 16-byte load/store at a, as the instrumentation reports
//    it, from the caller's stack (rc_real itself is not instrumented: CMakeLists.txt).
//  - __tsan_release(a) then __tsan_acquire(a) in another thread: happens-before, as a mutex.
//  - Relaxed atomics and std::atomic_signal_fence create no happens-before edges.
#pragma once

#include <atomic>  // atomic_signal_fence
#include <cstdint> // uint32_t

#include <sanitizer/tsan_interface.h> // __tsan_acquire, __tsan_release

extern "C" {
// The instrumentation's own frame events (tsan_interface.cpp); not in GCC 12's public header.
void __tsan_func_entry(void* call_pc);
void __tsan_func_exit();
// The instrumentation's access events (tsan_interface.inc), called by hand: see real_run.cpp.
void __tsan_read16(void* addr);
void __tsan_write16(void* addr);
void AnnotateIgnoreSyncBegin(const char* file, int line);
void AnnotateIgnoreSyncEnd(const char* file, int line);
// tsan_interface.cpp: ThreadIgnoreBegin/End, which AnnotateIgnoreReads/WritesBegin/End also call
// (one counter for reads and writes), without the annotation's own frame.
void __tsan_ignore_thread_begin();
void __tsan_ignore_thread_end();

// tsan_debugging.cpp; `unsigned long` is compiler-rt's uptr on x86-64 Linux.
int __tsan_get_report_data(void* report, const char** description, int* count, int* stack_count,
                           int* mop_count, int* loc_count, int* mutex_count, int* thread_count,
                           int* unique_tid_count, void** sleep_trace, unsigned long trace_size);
int __tsan_get_report_mop(void* report, unsigned long idx, int* tid, void** addr, int* size,
                          int* write, int* atomic, void** trace, unsigned long trace_size);
int __tsan_get_report_thread(void* report, unsigned long idx, int* tid, unsigned long* os_id,
                             int* running, const char** name, int* parent_tid, void** trace,
                             unsigned long trace_size);
}

namespace rc::real {

/// RAII: everything the calling thread does in scope is invisible to TSan (reads, writes,
/// the interceptors' range checks of memcpy and the like, allocation, and synchronization). Every
/// call into model code, and every use of the runtime's bookkeeping that can reach an
/// interceptor, happens inside one, so TSan reports only the program's own accesses.
class IgnoreScope {
public:
    IgnoreScope() {
        std::atomic_signal_fence(std::memory_order_seq_cst);
        __tsan_ignore_thread_begin(); // reads and writes
        AnnotateIgnoreSyncBegin(__FILE__, __LINE__);
    }
    ~IgnoreScope() {
        AnnotateIgnoreSyncEnd(__FILE__, __LINE__);
        __tsan_ignore_thread_end();
        std::atomic_signal_fence(std::memory_order_seq_cst);
    }
    IgnoreScope(const IgnoreScope&) = delete;
    IgnoreScope& operator=(const IgnoreScope&) = delete;
};

/// RAII: a made-up frame on the calling thread's TSan stack for one access of the program's
/// memory, whose program counter names (run, memory cell, Python thread, read or write). Every
/// access runs through the same instructions of real_run.cpp; with this frame, two races have
/// equal stacks exactly when they are the same pair of (cell, thread, kind) in the same run, so
/// TSan's `suppress_equal_stacks` drops a repeat before it builds and symbolizes the report (each
/// costs milliseconds; a 1 M-step racy run made tens of thousands), while each run of a process
/// (the forced replays, the free runs) still reports its own races. The numbers have bit 60 set,
/// TSan's kExternalPCBit (compiler-rt tsan_symbolize.h: "fake PC values that come from
/// JIT/JAVA/etc."), so its symbolizer asks the (absent) external symbolizer instead of looking for
/// a module: a PC in no module made it re-read /proc/self/maps at every report (counter.yaml, 32
/// racing threads, 527 reports: 3.1 s, 1.4 s with the bit). Fields wrap (run mod 256, cell mod
/// 2^20, thread mod 4096): two pairs that collide are reported once.
class AccessFrame {
public:
    AccessFrame(uint32_t run, uint32_t cell, uint32_t python_tid, bool write) {
        const uint64_t pc = kBase + ((uint64_t{run} & 0xFF) << 35 | (uint64_t{cell} & 0xFFFFF) << 13 |
                                     (uint64_t{python_tid} & 0xFFF) << 1 | (write ? 1u : 0u));
        __tsan_func_entry(reinterpret_cast<void*>(pc));
    }
    ~AccessFrame() { __tsan_func_exit(); }
    AccessFrame(const AccessFrame&) = delete;
    AccessFrame& operator=(const AccessFrame&) = delete;

private:
    static constexpr uint64_t kBase = uint64_t{1} << 60;
};

} // namespace rc::real
