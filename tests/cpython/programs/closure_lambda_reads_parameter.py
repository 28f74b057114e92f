def make_adder(n):
    return lambda x: x + n


add2 = make_adder(2)
add5 = make_adder(5)
print(add2(3), add5(3), add2(10))
