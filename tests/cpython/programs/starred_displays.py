a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, 0, *b))
print({*a, *b, 2})
print([*range(3)], (*"ab",))
t = *a, *b
print(t)
def gen():
    yield "x"
    yield "y"
print([0, *gen(), 9])
print({*{3: "a", 1: "b"}})
try:
    print([*5])
except TypeError as e:
    print("TypeError:", e)
