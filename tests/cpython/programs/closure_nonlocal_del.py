def outer():
    x = 0
    def g():
        nonlocal x
        del x
    g()
    try:
        print(x)
    except NameError as e:
        print(type(e).__name__, e)


outer()
