d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    d.pop("missing")
except KeyError as e:
    print(e)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
try:
    del d["nope"]
except KeyError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    {[1]: 2}
except TypeError as e:
    print(e)
