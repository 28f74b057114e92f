def a():
    b()
def b():
    raise ValueError("deep")
print("start")
a()
