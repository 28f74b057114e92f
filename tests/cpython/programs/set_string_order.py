print({"a", "b", "c"}, {"apple", "banana", "cherry", "date"}, set("mississippi"))
print(frozenset(["x", "y"]), {"é", "€", "a"})
