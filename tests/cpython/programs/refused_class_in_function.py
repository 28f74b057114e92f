def make():
    class Local:
        pass
    return Local()


print(make())
