from concurrent.futures import ThreadPoolExecutor
def bad():
    raise KeyError("pool")
with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(bad)
    try:
        f.result()
    except KeyError as e:
        print("caught", e)
    print(repr(f.exception()))
