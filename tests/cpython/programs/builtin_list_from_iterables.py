print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)), list({3}), list({1: 2}.items()))
print(tuple([1, 2]), tuple("xy"), tuple(range(2)))
try:
    list(5)
except TypeError as e:
    print(e)
