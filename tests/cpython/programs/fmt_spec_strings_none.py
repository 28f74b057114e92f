print(f"[{None}]", f"[{None!r:>6}]", f"[{[1, 2]}]", f"[{(1,)!s}]", f"[{'ab':.1}]", f"[{'abc':>2}]")
try:
    print(f"{None:>5}")
except TypeError as e:
    print(e)
