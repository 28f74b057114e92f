from collections import Counter

print(Counter("ab") + Counter("b"))
print(Counter("ab") | Counter("b"))
