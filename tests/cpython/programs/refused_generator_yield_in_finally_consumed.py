def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in g():
    print(v)
def early():
    yield 1
    return
    yield 2
print(list(early()))
