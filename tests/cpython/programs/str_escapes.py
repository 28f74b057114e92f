print("a\tb", "a\\b", "\x41\u00e9", "\101", len("\n"))
print(r"raw\n", 'single', "dou'ble", """tri
ple""")
print("con" "cat", ("par"
 "en"))
