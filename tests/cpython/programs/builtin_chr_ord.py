print(chr(65), ord("a"), chr(233), ord("€"), chr(0x1F600) == "\U0001F600")
