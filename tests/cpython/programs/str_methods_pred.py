print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace(), "".isdigit())
print("ABC".isupper(), "abc".islower(), "Abc".isupper(), "é".isalpha(), "²".isdigit(), "Hello World".istitle())
print("123".isnumeric(), "12.5".isdecimal(), "x_1".isidentifier(), "1x".isidentifier())
