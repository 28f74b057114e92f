print(repr("123".isdigit()))
print(repr("²".isdigit()))
print(repr("½".isdigit()))
print(repr("12a".isdigit()))
