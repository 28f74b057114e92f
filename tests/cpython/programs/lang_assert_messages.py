try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("caught", e)
try:
    assert []
except AssertionError as e:
    print("empty", repr(e))
