# ThreadPoolExecutor.map returns a generator (CPython 3.12 submits every call at once and waits
# for each result as the caller iterates); as_completed returns a generator too; a finished
# future cannot be cancelled.
from concurrent.futures import ThreadPoolExecutor, as_completed


def square(n):
    return n * n


with ThreadPoolExecutor(max_workers=2) as ex:
    results = ex.map(square, [1, 2, 3])
    print(type(results).__name__)
    print(next(results))
    print(list(results))
    f = ex.submit(square, 4)
    print(f.result(), f.cancel(), f.cancelled(), f.done())
    it = as_completed([f])
    print(type(it).__name__)
    print([g.result() for g in it])
    print(list(ex.map(square, [])))
