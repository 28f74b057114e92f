from concurrent.futures import ThreadPoolExecutor, as_completed
def cube(x):
    return x ** 3
with ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(cube, i) for i in range(4)]
    print(sorted(f.result() for f in as_completed(futs)))
