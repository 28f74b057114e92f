from concurrent.futures import ThreadPoolExecutor
def sq(x):
    return x * x
with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(sq, range(5))))
    f = ex.submit(sq, 7)
    print(f.result(), f.done())
