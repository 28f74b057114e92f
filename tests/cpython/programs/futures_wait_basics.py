import concurrent.futures
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION,
                                ThreadPoolExecutor, wait)
import threading

print(repr(FIRST_COMPLETED), ALL_COMPLETED, FIRST_EXCEPTION,
      concurrent.futures.FIRST_COMPLETED == FIRST_COMPLETED)


def square(x):
    if x == 3:
        raise ValueError("three")
    return x * x


with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(square, i) for i in range(5)]
    result = wait(fs)
    done, not_done = result
    print(type(result).__name__, len(done), len(not_done), result.not_done, type(result.done).__name__)
    print(sorted(f.result() for f in done if f.exception() is None))
    print(sorted(str(f.exception()) for f in done if f.exception() is not None))
    print(result == (result.done, result.not_done), isinstance(result, tuple), len(result))
    print(result[1], result.count(set()), result._fields)
    print(repr(result).startswith("DoneAndNotDoneFutures(done={<"), repr(result).endswith(">}, not_done=set())"))
    print(wait([]), wait([], return_when=FIRST_COMPLETED))
    print(wait(fs, return_when=FIRST_COMPLETED).not_done)
    print(len(wait(fs, return_when=FIRST_EXCEPTION).done))

gate = threading.Event()


def slow():
    gate.wait()
    return "slow"


with ThreadPoolExecutor(max_workers=2) as ex:
    blocked = ex.submit(slow)
    quick = ex.submit(square, 2)
    first = wait([blocked, quick], return_when=FIRST_COMPLETED)
    print([f.result() for f in first.done], first.not_done == {blocked})
    failing = ex.submit(square, 3)
    early = wait([blocked, failing], return_when=FIRST_EXCEPTION)
    print(len(early.done), early.not_done == {blocked}, type(next(iter(early.done)).exception()).__name__)
    gate.set()
    print(len(wait([blocked, quick, failing]).done))
