import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("code", e.code)
print("end")
sys.exit(0)
print("unreachable")
