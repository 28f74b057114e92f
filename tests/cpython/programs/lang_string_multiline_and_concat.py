s = ("abc"
     "def")
t = """line1
line2"""
print(s, t, len(t), r"raw\n", 'single' "double")
