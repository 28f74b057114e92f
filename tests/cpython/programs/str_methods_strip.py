print(repr("  a b  ".strip()), repr("xxaxx".strip("x")), repr("  a ".lstrip()), repr(" a  ".rstrip()))
print(repr("abcba".strip("ab")), repr("\t\n a \r\x0b\x0c".strip()), repr("\u00a0a\u2003".strip()))
print(repr("..a..".lstrip(".")), repr("..a..".rstrip(".")), repr("".strip()))
