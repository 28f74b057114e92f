def make_ops():
    ops = {}
    def register(name):
        def decorate(f):
            ops[name] = f
            return f
        return decorate
    @register("inc")
    def inc(x):
        return x + 1
    @register("neg")
    def neg(x):
        return -x
    return ops


ops = make_ops()
print(sorted(ops), ops["inc"](1), ops["neg"](4))
