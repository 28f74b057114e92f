from concurrent.futures import ThreadPoolExecutor
def fail():
    raise KeyError("nope")
with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(fail)
    try:
        f.result()
    except KeyError as e:
        print("caught", repr(e))
    print(repr(f.exception()))
