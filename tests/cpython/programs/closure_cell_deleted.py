def outer():
    x = 1
    def get():
        return x
    del x
    try:
        get()
    except NameError as e:
        print("NameError:", e)
    print(x)


outer()
