print("Hello".upper(), "Hello".lower(), "hello world".title(), "hello".capitalize(), "HeLLo".swapcase())
print("ÉCOLE".lower(), "straße".upper(), "ǅ".lower(), "éa".upper(), "İ".lower() == "i̇")
