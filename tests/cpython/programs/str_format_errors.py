try:
    "{}".format()
except IndexError as e:
    print(e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError", e)
try:
    "{".format(1)
except ValueError as e:
    print(e)
try:
    "}".format(1)
except ValueError as e:
    print(e)
