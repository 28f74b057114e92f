try:
    "%d" % "a"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print(e)
try:
    "%s" % ("a", "b")
except TypeError as e:
    print(e)
try:
    "%z" % 1
except ValueError as e:
    print(e)
try:
    "%(k)s" % {"x": 1}
except KeyError as e:
    print("KeyError", e)
