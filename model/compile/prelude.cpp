// The prelude's source. Its functions see no user globals; they run as ordinary bytecode in
// virtual threads, so their visible operations (a Condition wait, a future's result) are
// scheduled like the user's own.
#include "model/compile/prelude.hpp"

namespace rc {

std::string_view prelude_source() {
    return R"PY(def _rc_thread_main(target, args, kwargs):
    _rc_apply(target, args, kwargs)

def _rc_wait_for(cond, predicate, timeout):
    result = predicate()
    while not result:
        if not cond.wait(timeout):
            return predicate()
        result = predicate()
    return result

def _rc_pool_worker(pool):
    while True:
        fut = _rc_pool_next(pool)
        if fut is None:
            return
        try:
            result = _rc_apply(_rc_future_fn(fut), _rc_future_args(fut), _rc_future_kwargs(fut))
        except BaseException as e:
            _rc_future_fail(fut, e)
        else:
            _rc_future_finish(fut, result)

def _rc_pool_map(pool, fn, arg_tuples):
    futures = [_rc_pool_submit(pool, fn, args) for args in arg_tuples]
    return [f.result() for f in futures]
)PY";
}

} // namespace rc
