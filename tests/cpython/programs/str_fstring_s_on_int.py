try:
    print(f"{5:s}")
except ValueError as e:
    print(e)
try:
    print(f"{'a':d}")
except ValueError as e:
    print(e)
try:
    print(f"{1.5:d}")
except ValueError as e:
    print(e)
try:
    print(f"{5:z}")
except ValueError as e:
    print(e)
