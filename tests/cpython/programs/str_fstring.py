x = 5
name = "bob"
print(f"{x}", f"{x!r}", f"{name!r}", f"{x + 1}", f"{{x}}", f"{name:>6}", f"{x:03d}")
print(f"{3.14159:.2f}", f"{x:b}", f"{255:x}", f"{255:#X}", f"{x:+d}", f"{-x: d}", f"{0.25:.0%}")
print(f"{1234567.891:,.2f}", f"{1e-7}", f"{1e16}", f"{x=}" if False else "no debug")
print(f"{'nested' + '!'}", f"{[1, 2][0]}", f"{ {'a': 1}['a'] }")
