def outer():
    x = 1
    def get():
        return x
    print(get())
    x = 2
    return get


g = outer()
print(g())
