print(repr(" \t\n".isspace()))
print(repr("".isspace()))
print(repr("\u3000".isspace()))
print(repr("a ".isspace()))
