def outer():
    def get():
        return x
    print("before")
    get()
    x = 1


outer()
