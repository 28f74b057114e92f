try:
    raise IndexError
except IndexError as e:
    print(type(e).__name__, e.args)
try:
    raise Exception("multi", "args")
except Exception as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
