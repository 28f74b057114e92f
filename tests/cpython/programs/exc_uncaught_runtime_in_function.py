def deep(n):
    if n == 0:
        raise RuntimeError("bottom reached")
    deep(n - 1)
deep(3)
