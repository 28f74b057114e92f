# sys.argv: the script's path and no arguments, read as a list
import sys
from sys import argv

print(len(sys.argv), argv == sys.argv, sys.argv[1:], type(argv).__name__)
print(sys.argv[0].endswith("sys_argv.py"))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 4
print("workers:", n)
