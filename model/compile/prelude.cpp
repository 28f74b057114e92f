// The prelude's source. Its functions see no user globals; they run as ordinary bytecode in
// virtual threads, so their visible operations (a Condition wait, a future's result, a shared
// read in a generator they consume) are scheduled like the user's own.
#include "model/compile/prelude.hpp"

namespace rc {

std::string_view prelude_source() {
    return R"PY(def _rc_thread_main(target, args, kwargs):
    if target is not None:
        _rc_apply(target, args, kwargs)

def _rc_timer_main(finished, interval, function, args, kwargs):
    finished.wait(interval)
    if not finished.is_set():
        _rc_apply(function, args, kwargs)
    finished.set()

def _rc_wait_for(cond, predicate, timeout):
    result = predicate()
    while not result:
        if not cond.wait(timeout):
            return predicate()
        result = predicate()
    return result

def _rc_future_callbacks(fut, callbacks, result):
    for fn in callbacks:
        try:
            fn(fut)
        except Exception as e:
            _rc_callback_raised(fut, e)
    return result

def _rc_pool_worker(pool):
    while True:
        fut = _rc_pool_next(pool)
        if fut is None:
            return
        if fut is not False:
            try:
                result = _rc_apply(_rc_future_fn(fut), _rc_future_args(fut), _rc_future_kwargs(fut))
            except BaseException as e:
                callbacks = _rc_future_fail(fut, e)
            else:
                callbacks = _rc_future_finish(fut, result)
            if callbacks:
                for fn in callbacks:
                    try:
                        fn(fut)
                    except Exception as e:
                        _rc_callback_raised(fut, e)
        _rc_pool_idle(pool)

def _rc_pool_map(pool, fn, arg_tuples):
    futures = [_rc_pool_submit(pool, fn, args) for args in arg_tuples]
    return _rc_lazy_results(futures)

def _rc_pool_results(futures):
    futures.reverse()
    while futures:
        f = futures.pop()
        try:
            r = f.result()
        except BaseException:
            for g in futures:
                g.cancel()
            raise
        yield r

def _rc_pool_cancel(futures):
    for f in futures:
        f.cancel()

def _rc_barrier_release(barrier, action, index):
    try:
        action()
    except:
        _rc_barrier_open(barrier, False)
        raise
    _rc_barrier_open(barrier, True)
    return index

def _rc_as_completed(it):
    batch = list(_rc_as_completed_batch(it))
    while batch:
        i = 0
        while i < len(batch) - 1 and _rc_choose():
            i += 1
        yield batch.pop(i)
    for f in it:
        yield f

def _rc_futures_wait(it, fs, return_when):
    done = set(_rc_as_completed_batch(it))
    if return_when == 'FIRST_COMPLETED' and done:
        return _rc_done_not_done(done, fs)
    if return_when == 'FIRST_EXCEPTION' and done:
        for f in done:
            if _rc_future_failed(f):
                return _rc_done_not_done(done, fs)
    if len(done) == len(fs):
        return _rc_done_not_done(done, fs)
    for f in it:
        done.add(f)
        if return_when == 'FIRST_COMPLETED' or (return_when == 'FIRST_EXCEPTION' and _rc_future_failed(f)):
            break
    if len(done) < len(fs):
        done.update(_rc_as_completed_batch(it))
    return _rc_done_not_done(done, fs)

def _rc_it_count(n, step):
    while True:
        yield n
        n += step

def _rc_it_cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element

def _rc_it_repeat(obj, times):
    if times is None:
        while True:
            yield obj
    while times > 0:
        times -= 1
        yield obj

def _rc_it_islice(it, nxt, stop, step):
    cnt = 0
    while True:
        while cnt < nxt:
            ended = True
            for item in it:
                ended = False
                break
            if ended:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        ended = True
        for item in it:
            ended = False
            break
        if ended:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item

def _rc_it_chain(iterables):
    for it in iterables:
        for element in it:
            yield element

def _rc_it_product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)

def _rc_it_permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[k] for k in indices[:r]])
                break
        else:
            return

def _rc_it_combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[k] for k in indices])

def _rc_it_accumulate(it, func, total, has_initial):
    if not has_initial:
        ended = True
        for total in it:
            ended = False
            break
        if ended:
            return
    yield total
    for element in it:
        if func is None:
            total = total + element
        else:
            total = func(total, element)
        yield total

def _rc_it_zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    live = [True] * active
    while True:
        values = []
        for i in range(len(iterators)):
            value = fillvalue
            if live[i]:
                ended = True
                for value in iterators[i]:
                    ended = False
                    break
                if ended:
                    live[i] = False
                    active -= 1
                    if not active:
                        return
                    value = fillvalue
            values.append(value)
        yield tuple(values)

def _rc_print(objects, sep, end, whole):
    if whole:
        _rc_write(objects, sep, end)
        return
    first = True
    for o in objects:
        if first:
            first = False
        elif sep:
            _rc_write(sep)
        _rc_write(o)
    if end:
        _rc_write(end)

def _rc_drain(iterable):
    return [x for x in iterable]

def _rc_drain_checked(iterable, check, into):
    items = []
    try:
        for x in iterable:
            if check == 1:
                hash(x)
            elif check == 2:
                try:
                    dict([x])
                except (TypeError, ValueError):
                    dict(items + [x])
            items.append(x)
    except BaseException:
        if into is not None:
            into(items)
        raise
    return items

def _rc_drain_until_in(iterable, s):
    items = []
    for x in iterable:
        items.append(x)
        if x in s:
            break
    return items

def _rc_minmax_drain(iterable, want_max):
    items = []
    for x in iterable:
        if not items:
            best = x
        elif want_max:
            if x > best:
                best = x
        elif x < best:
            best = x
        items.append(x)
    return items

def _rc_sum_drain(iterable, start):
    if isinstance(start, str):
        sum([], start)
    items = []
    for x in iterable:
        start = start + x
        items.append(x)
    return items

def _rc_unpack(iterable, n):
    items = []
    for x in iterable:
        items.append(x)
        if len(items) > n:
            break
    return items

def _rc_any(iterator):
    for x in iterator:
        if x:
            return True
    return False

def _rc_all(iterator):
    for x in iterator:
        if not x:
            return False
    return True

def _rc_user_len(obj):
    n = obj.__len__()
    if not isinstance(n, int):
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("__len__() should return >= 0")
    return int(n)

def _rc_user_truth(obj, has_bool):
    if has_bool:
        r = obj.__bool__()
        if r is not True and r is not False:
            raise TypeError("__bool__ should return bool, returned " + type(r).__name__)
        return r
    return len(obj) != 0

def _rc_user_contains(obj, value, negate):
    r = obj.__contains__(value)
    if negate:
        return not r
    return not not r

def _rc_user_iter(obj):
    return _rc_iter_result(obj.__iter__())

def _rc_construct(cls, new, args, kwargs):
    obj = new(cls, *args, **kwargs)
    if isinstance(obj, cls):
        obj.__init__(*args, **kwargs)
    return obj

def _rc_contains(iterator, value):
    for x in iterator:
        if x is value or x == value:
            return True
    return False

def _rc_not_contains(iterator, value):
    for x in iterator:
        if x is value or x == value:
            return False
    return True

def _rc_map(function, iterators):
    while True:
        args = []
        for it in iterators:
            try:
                x = next(it)
            except StopIteration:
                return
            args.append(x)
        yield _rc_apply(function, tuple(args), None)

def _rc_filter(function, iterator):
    for x in iterator:
        if function is None:
            if x:
                yield x
        elif function(x):
            yield x

def _rc_zip(iterators, strict):
    if not iterators:
        return
    while True:
        row = []
        for it in iterators:
            try:
                x = next(it)
            except StopIteration:
                if strict:
                    i = len(row)
                    if i:
                        raise ValueError("zip() argument " + str(i + 1) + " is shorter than argument" +
                                         (" 1" if i == 1 else "s 1-" + str(i)))
                    i = 1
                    while i < len(iterators):
                        try:
                            next(iterators[i])
                        except StopIteration:
                            i += 1
                            continue
                        raise ValueError("zip() argument " + str(i + 1) + " is longer than argument" +
                                         (" 1" if i == 1 else "s 1-" + str(i)))
                return
            row.append(x)
        yield tuple(row)

def _rc_enumerate(iterator, start):
    n = start
    for x in iterator:
        yield (n, x)
        n += 1

def _rc_counter_items(counter, mapping, kwds, sign):
    if sign > 0:
        for elem, count in mapping.items():
            counter[elem] = count + counter.get(elem, 0)
    else:
        for elem, count in mapping.items():
            counter[elem] = counter.get(elem, 0) - count
    if kwds is not None:
        if sign > 0:
            counter.update(kwds)
        else:
            counter.subtract(kwds)

def _rc_counter_iadd(counter, other, sign):
    if sign > 0:
        for elem, count in other.items():
            counter[elem] += count
    else:
        for elem, count in other.items():
            counter[elem] -= count
    nonpositive = [elem for elem, count in counter.items() if not count > 0]
    for elem in nonpositive:
        del counter[elem]
    return counter

def _rc_list_sort(lst, items, key, reverse):
    keys = [key(x) for x in items]
    _rc_sort_by_keys(lst, items, keys, reverse)

def _rc_sorted_key(items, key, reverse):
    keys = [key(x) for x in items]
    _rc_sort_by_keys(items, items, keys, reverse)
    return items

def _rc_minmax_key_iter(iterable, key, want_max, has_default, default, empty):
    first = True
    for x in iterable:
        k = key(x)
        if first:
            best = x
            best_key = k
            first = False
        elif want_max:
            if k > best_key:
                best = x
                best_key = k
        elif k < best_key:
            best = x
            best_key = k
    if first:
        if has_default:
            return default
        raise ValueError(empty)
    return best
)PY";
}

} // namespace rc
