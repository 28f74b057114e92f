o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object), isinstance(3, object))
try:
    object(1)
except TypeError as e:
    print(e)
