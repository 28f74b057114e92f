s = "héllo wörld €"
print(len(s), s[1], s[-1], s[1:4], s[::-1], list(s[:3]))
for ch in "aé€😀":
    print(ch, len(ch), ord(ch))
print("é" in s, s.find("€"), s.index("w"), s.count("l"), s.rfind("ö"))
print(s.upper(), s.title())
