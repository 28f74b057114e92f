print(repr("123".isnumeric()))
print(repr("½".isnumeric()))
print(repr("五".isnumeric()))
print(repr("a".isnumeric()))
