// The synchronization a real run performs so that TSan sees exactly the happens-before edges of
// racecheck's own race detector (checker/detectors/happens_before.cpp, and the edges listed beside
// RC_OP_KINDS in model/runtime/operation.hpp), and no others.
//
//  - Lock, RLock (and a Condition's lock) and Semaphore objects get a POSIX sem_t holding the
//    model's count (a lock: 1 when free). TSan models sem_post → sem_wait/sem_trywait as
//    happens-before (sanitizer_common_interceptors.inc). The model executes an acquire only
//    when it succeeds, so the runtime takes with sem_trywait, which cannot block; a failed take
//    means runtime and model disagree and is reported as an internal error.
//  - Every other edge is __tsan_release / __tsan_acquire on a sync word: a stable address
//    allocated per (object, role, item): an Event, a queue item, a barrier generation, a
//    submitted or finished future, a thread's end.
//
// Usage, per step, by the thread that holds the turn: inside an IgnoreScope call observe() and
// plan(), then outside it perform() the returned actions at once, before passing the turn.
#pragma once

#include <cstdint>   // uint64_t
#include <map>       // sync words and semaphores by key
#include <memory>    // unique_ptr for stable sem_t addresses
#include <semaphore.h> // sem_t
#include <string>    // errors
#include <tuple>     // key ordering
#include <vector>    // actions

#include "model/runtime/interpreter.hpp" // Interpreter
#include "model/runtime/operation.hpp"   // Event, OpKind
#include "model/runtime/state.hpp"       // State

namespace rc::real {

struct SyncAction {
    enum class Kind { SemTake, SemGive, Acquire, Release };
    Kind kind;
    void* addr; // a sem_t* for SemTake/SemGive, a sync word otherwise
};

class RealSync {
public:
    RealSync() = default;
    ~RealSync(); // destroys the semaphores; call only after every thread of the run has ended
    RealSync(const RealSync&) = delete;
    RealSync& operator=(const RealSync&) = delete;

    /// Inside an IgnoreScope: creates a sem_t for every Lock/RLock/Semaphore object the heap has
    /// gained since the last call, initialized to the object's current count.
    void observe(const State& s);

    /// Inside an IgnoreScope: the sync actions for event `e`, which produced state `after`.
    std::vector<SyncAction> plan(const Event& e, const State& after);

    /// The sync word a thread releases when it ends (ThreadJoin & co acquire it).
    void* thread_end(ThreadId t) { return word(Key{t.value, Role::ThreadEnd, 0}); }

    /// Outside any IgnoreScope. Returns an error sentence when a sem_trywait failed.
    static std::string perform(const std::vector<SyncAction>& actions);

private:
    enum class Role : uint8_t { Object, Item, Generation, Submitted, ThreadEnd };
    struct Key {
        uint32_t id; // ObjectId, or ThreadId for Role::ThreadEnd
        Role role;
        uint64_t item;
        friend bool operator<(const Key& a, const Key& b) {
            return std::tie(a.id, a.role, a.item) < std::tie(b.id, b.role, b.item);
        }
    };
    struct Sem {
        std::unique_ptr<sem_t> sem;
        int64_t count = 0; // the model count the sem_t holds
    };

    void* word(Key k) { return &words_[k]; } // std::map nodes never move
    /// Takes or gives `obj`'s sem_t until it holds the model's current count.
    void follow_count(ObjectId obj, const State& after, std::vector<SyncAction>& out);
    void acquire(Key k, std::vector<SyncAction>& out) { out.push_back({SyncAction::Kind::Acquire, word(k)}); }
    void release(Key k, std::vector<SyncAction>& out) { out.push_back({SyncAction::Kind::Release, word(k)}); }

    std::map<Key, char> words_;
    std::map<uint32_t, Sem> sems_; // by ObjectId
    size_t observed_ = 0;          // heap objects already looked at
};

} // namespace rc::real
