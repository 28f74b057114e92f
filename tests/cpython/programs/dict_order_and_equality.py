d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(d, list(d))
del d["a"]
d["a"] = 4
print(d)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: "x"} == {1.0: "x"}, {True: 1, 1: 2, 1.0: 3})
d[1] = "one"
d[1.0] = "float one"
print(d)
print({(1, 2): "t"}[(1, 2)], {None: 0}[None])
