def retry(times):
    def decorate(f):
        def wrapper(n):
            for attempt in range(times):
                try:
                    return f(n + attempt)
                except ValueError as e:
                    print("attempt", attempt, "failed:", e)
            return None
        return wrapper
    return decorate


@retry(3)
def needs_even(n):
    if n % 2:
        raise ValueError(str(n) + " is odd")
    return n


@retry(2)
def never(n):
    raise ValueError("no")


print(needs_even(3))
print(never(0))
