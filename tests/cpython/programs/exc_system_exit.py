import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no code", e.code)
print("before exit")
sys.exit(0)
print("never")
