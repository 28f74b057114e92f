def tag(name):
    def decorate(f):
        def wrapper(s):
            return "<" + name + ">" + f(s) + "</" + name + ">"
        return wrapper
    return decorate


def exclaim(f):
    def wrapper(s):
        return f(s) + "!"
    return wrapper


@tag("b")
@tag("i")
@exclaim
def hello(s):
    return "hello " + s


print(hello("you"))
