for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), {0}, None, range(0), range(1)]:
    print(repr(v), bool(v))
