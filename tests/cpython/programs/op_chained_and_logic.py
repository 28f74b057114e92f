def t(x):
    print("t", x)
    return x
print(t(1) and t(0) and t(2))
print(t(0) or t("") or t("z"))
print(1 < t(2) < 3 < t(0))
print(not [], not [0], (1 if t(False) else 2))
