print(hash("abc"), hash(""), hash("hello world"), hash("é"), hash("€"), hash(("a", 1)))
