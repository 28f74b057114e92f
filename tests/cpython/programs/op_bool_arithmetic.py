print(True + True, True * 3, False - 1, True / 2, True // 2, True % 2, True ** 2, 5 + True, 1.5 * True)
