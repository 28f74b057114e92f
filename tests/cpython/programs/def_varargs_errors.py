def kwonly(a, *, key):
    return a, key

def mixed(a, b=2, *rest, **opts):
    return a

def plain(a, *, b):
    return a

def va(x, *args):
    return x

for call in [
    lambda: kwonly(1),
    lambda: kwonly(1, 2),
    lambda: kwonly(1, 2, key=3),
    lambda: kwonly(key=1),
    lambda: mixed(),
    lambda: mixed(1, a=2),
    lambda: plain(1, 2, b=3),
    lambda: plain(b=3),
    lambda: va(),
    lambda: va(1, x=2),
    lambda: kwonly(1, key=2, other=3),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def two_kwonly(*, p, q):
    return p
try:
    two_kwonly()
except TypeError as e:
    print(e)
