print(repr("hello world".title()))
print(repr("they're bill's".title()))
print(repr("élan vital".title()))
print(repr("x1y".title()))
