def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get


inc, get = counter(10)
inc()
inc(5)
print(get())
inc2, get2 = counter(0)
inc2()
print(get(), get2())
