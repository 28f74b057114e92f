s = "hello world, hello"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.rfind("hello"), s.find("o", 5, 9))
print(s.index("world"), s.rindex("o"), s.count("l"), s.count("hello"), s.count(""), "aaaa".count("aa"))
print(s.startswith("hell"), s.startswith(("x", "he")), s.endswith("llo"), s.endswith("x"), s.startswith("world", 6))
try:
    s.index("zzz")
except ValueError as e:
    print(e)
