aliases = {"ints": list[int]}
print(aliases)
