try:
    print(undefined_thing)
except NameError as e:
    print(e)
counter = 0
def f():
    return countr
try:
    f()
except NameError as e:
    print(e)
