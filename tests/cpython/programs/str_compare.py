print("a" < "b", "abc" < "abd", "a" < "ab", "B" < "a", "é" > "z", "€" > "é", "" < "a")
print("abc" == "abc", "a" != "b", max(["é", "z", "e"]), sorted(["é", "z", "e", "€", "a"]))
