import typing
OptionalInt = int | None
print(isinstance(3, OptionalInt))
