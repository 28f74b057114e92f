def outer():
    a = 1
    def middle():
        def inner():
            return a
        return inner
    f = middle()
    a = 3
    return f


def writer():
    n = 0
    def middle():
        def inner():
            nonlocal n
            n += 10
        inner()
        return n
    return middle()


print(outer()())
print(writer())
