from concurrent.futures import ThreadPoolExecutor, wait


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: wait())
show(lambda: wait([1]))
show(lambda: wait(5))
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(pow, 2, 3)
    f.result()
    show(lambda: len(wait([f], return_when="BAD").done))
