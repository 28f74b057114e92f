// State's one operation that keeps an invariant: a thread's end and the live-thread index.
#include "model/runtime/state.hpp"

#include <algorithm> // lower_bound

namespace rc {

void State::finish_thread(ThreadId t) {
    threads[t.value].status = ThreadStatus::Finished;
    auto it = std::lower_bound(live_threads.begin(), live_threads.end(), t,
                               [](ThreadId a, ThreadId b) { return a.value < b.value; });
    if (it != live_threads.end() && *it == t) live_threads.erase(it);
}

} // namespace rc
