def f():
    global g
    g = 1
    def h():
        return g
    return h()
print(f())

def outer():
    v = 1
    def mid():
        global v
        def inner():
            return v
        return inner()
    return mid()
v = "module"
print(outer())
