import threading


def from_handler():
    try:
        raise ValueError("v")
    except ValueError as e:
        f = lambda: str(e)
        print(f())
    try:
        f()
    except NameError as err:
        print(err)


def from_with():
    lock = threading.Lock()
    with lock as held:
        g = lambda: held
    print(g(), lock.locked())


from_handler()
from_with()
