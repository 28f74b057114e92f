s = {1}
try:
    s.remove(5)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print(e)
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    s.add({})
except TypeError as e:
    print(e)
try:
    s[0]
except TypeError as e:
    print(e)
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print(e)
try:
    {1} + {2}
except TypeError as e:
    print(e)
