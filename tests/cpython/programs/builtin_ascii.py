print(ascii("abc"), ascii("é"), ascii("日本"), ascii("\n"), ascii(["ü", 1]))
print(ascii(3), ascii(None), ascii({"k": "ß"}))
