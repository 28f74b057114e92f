calls = []


def logged(fn):
    calls.append(fn.__name__)
    return fn


@logged
def work(x):
    return x + 1


class Box:
    @logged
    def get(self):
        return 7


print(work(1), Box().get(), calls)
