print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("x", "y"), "a.b.c".replace(".", ""))
print("hello".replace("l", "L", 1), "abab".replace("ab", "ba"))
