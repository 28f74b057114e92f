from concurrent.futures import ThreadPoolExecutor, as_completed
def sq(x):
    return x * x
with ThreadPoolExecutor(max_workers=2) as ex:
    futs = [ex.submit(sq, i) for i in range(4)]
    print([f.result() for f in futs])
    print(list(ex.map(sq, [5, 6])))
    print(sorted(f.result() for f in as_completed(futs)))
print(all(f.done() for f in futs))
