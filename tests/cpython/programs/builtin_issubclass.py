print(issubclass(KeyError, LookupError), issubclass(KeyError, Exception), issubclass(ValueError, KeyError))
print(issubclass(bool, int), issubclass(int, (str, int)), issubclass(ZeroDivisionError, ArithmeticError))
try:
    issubclass(3, int)
except TypeError as e:
    print(e)
