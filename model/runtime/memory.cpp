// The program's memory as racecheck accounts it, and its resource limits (Limits): one budget
// for heap objects, live frames, thread states and printed output (State::memory), a cap on
// any one string, a cap on threads. Passing one throws LimitExceeded, which Interpreter::step
// turns into State::limit: the execution stops there, and the reports name the limit.
//
// Heap objects are never freed during an execution, so charging each object when it is
// allocated (and each in-place growth: an append, a new dict key, a queued item) keeps an upper
// bound of what the program holds. Sizes that only Python code can make huge (a repeated
// string, a format width, a join) are checked with reserve/reserve_string *before* anything is
// built, so no allocation larger than the budget is ever attempted.
#include "model/runtime/machine.hpp" // Machine

namespace rc {

uint64_t object_bytes(const Object& o) {
    uint64_t n = sizeof(Object);
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, StrObj>) n += x.s.size();
            else if constexpr (std::is_same_v<T, TupleObj> || std::is_same_v<T, ListObj> ||
                               std::is_same_v<T, QueueObj>)
                n += x.items.size() * sizeof(Value);
            else if constexpr (std::is_same_v<T, DictObj>)
                n += x.items.size() * sizeof(x.items[0]);
            else if constexpr (std::is_same_v<T, FunctionObj>) n += (x.defaults.size() + x.closure.size()) * sizeof(Value);
            else if constexpr (std::is_same_v<T, ExceptionObj>) n += x.args.size() * sizeof(Value);
            else if constexpr (std::is_same_v<T, ThreadObj>) n += x.name.size();
            else if constexpr (std::is_same_v<T, ClassObj>)
                n += x.name.size() + x.attrs.size() * sizeof(x.attrs[0]) + x.mro.size() * sizeof(ObjectId);
            else if constexpr (std::is_same_v<T, InstanceObj>) n += x.attrs.size() * sizeof(x.attrs[0]);
            else if constexpr (std::is_same_v<T, ExecutorObj>) n += x.name_prefix.size();
        },
        o.data);
    return n;
}

void Machine::exceed(LimitHit::Kind kind, uint64_t limit) {
    throw LimitExceeded{LimitHit{kind, th().frames.empty() ? 0 : line(), limit, ThreadId()}};
}

void Machine::charge(uint64_t bytes) {
    const uint64_t max = interp.limits().max_memory;
    if (bytes > max - st.memory) exceed(LimitHit::Kind::Memory, max);
    st.memory += bytes;
}

void Machine::reserve(uint64_t bytes) {
    const uint64_t max = interp.limits().max_memory;
    if (bytes > max - st.memory) exceed(LimitHit::Kind::Memory, max);
}

void Machine::reserve_string(uint64_t length) {
    if (length > interp.limits().max_string)
        exceed(LimitHit::Kind::String, interp.limits().max_string);
    reserve(length);
}

ObjectId Machine::alloc(Object o) {
    charge(object_bytes(o));
    st.heap.push_back(std::move(o));
    return ObjectId(static_cast<uint32_t>(st.heap.size() - 1));
}

} // namespace rc
