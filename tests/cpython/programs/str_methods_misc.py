print("a\tb".expandtabs(4), "abc".removeprefix("a"), "abc".removesuffix("c"), "%".join("ab"))
print("hello"[::-1], "hello"[1:4], "hello"[-3:], "hello"[::2], "hello"[10:], "hello"[-10:2])
print("ab" * 3, 3 * "x", "a" + "b", "ab" < "b", "a" in "cat", "x" not in "cat", "" in "a")
