print(repr("abc".upper()))
print(repr("ß".upper()))
print(repr("ﬁx".upper()))
print(repr("àéî".upper()))
