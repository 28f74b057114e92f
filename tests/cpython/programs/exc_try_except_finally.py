def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            return "one"
        r = 10 // (x - 2)
    except ValueError as e:
        print("caught", e)
        return "value"
    except (ZeroDivisionError, KeyError) as e:
        print("caught", type(e).__name__, e)
        return "div"
    else:
        print("else")
        return r
    finally:
        print("finally", x)
print(f(0), f(1), f(2), f(7))
