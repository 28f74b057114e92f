import threading

def w(*args, **kwargs):
    print(args, kwargs)

t = threading.Thread(target=w, args=(1, 2), kwargs={"name": "x"})
t.start()
t.join()

def v(first, **options):
    print(first, sorted(options.items()))

v(0, name="a", target="b", args=3)
