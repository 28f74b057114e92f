def f():
    try:
        return "try"
    finally:
        print("finally runs")
def g():
    try:
        raise ValueError("x")
    except ValueError:
        return "handled"
    finally:
        print("g finally")
print(f(), g())
