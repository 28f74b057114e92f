try:
    [].foo()
except AttributeError as e:
    print(e)
try:
    "abc".bar
except AttributeError as e:
    print(e)
try:
    (5).real_nope
except AttributeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    {}.has_key("a")
except AttributeError as e:
    print(e)
