print(repr("ABC".lower()))
print(repr("ÀÉÎ".lower()))
print(repr("ΣΑΣ".lower()))
print(repr("İ".lower()))
