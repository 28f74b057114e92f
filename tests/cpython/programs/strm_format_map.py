
print("{a}-{b}".format_map({"a": 1, "b": [2]}))
print("{x!r:>6}|".format_map({"x": "q"}))
try:
    "{missing}".format_map({})
except KeyError as e:
    print("KeyError", e)
