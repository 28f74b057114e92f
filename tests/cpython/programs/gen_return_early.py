def early():
    yield 1
    return
    yield 2
print(list(early()))
def stops(n):
    i = 0
    while True:
        if i == n:
            return
        yield i
        i += 1
print(list(stops(3)), list(stops(0)))
