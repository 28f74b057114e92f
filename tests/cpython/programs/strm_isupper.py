print(repr("ABC".isupper()))
print(repr("AbC".isupper()))
print(repr("ÉCOLE".isupper()))
print(repr("123".isupper()))
