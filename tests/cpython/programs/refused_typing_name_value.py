import typing
print(typing.List)
