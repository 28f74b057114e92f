def worker(n: int, q: Queue) -> None:
    print(n)
print("unreached")
