print("ÀÉÎÕÜ".lower(), "àéîõü".upper(), "ß".upper(), "ﬁ".upper(), "ΣΑΣ".lower(), "Ǆ".title())
print("éa".capitalize(), "élan vital".title(), "ÉÉ".swapcase())
