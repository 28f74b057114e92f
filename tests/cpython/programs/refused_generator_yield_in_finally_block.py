def gen():
    try:
        yield 1
    finally:
        print("cleanup")
g = gen()
print(next(g))
g = None
print("end")
