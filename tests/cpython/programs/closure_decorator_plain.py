def log_calls(f):
    def wrapper(x):
        print("calling", f.__name__, "with", x)
        return f(x)
    return wrapper


@log_calls
def double(x):
    return 2 * x


print(double(4))
print(double.__name__)
