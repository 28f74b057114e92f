try:
    min([])
except ValueError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)
try:
    max(1, "a")
except TypeError as e:
    print(e)
