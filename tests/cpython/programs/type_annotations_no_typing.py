values: dict[str, int] = {"a": 1}
def f(x: "int", y=None) -> "str":
    return str(x)
count: int
print(values, f(3))
