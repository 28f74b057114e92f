import sys
import threading
from sys import stdout

n = sys.stdout.write("hello\n")
print(n, stdout.write("é!\n"))
sys.stdout.flush()
print("to stderr", 1, file=sys.stderr)
print("to stdout", file=sys.stdout)
print(sys.stderr.write("err line\n"))
sys.stderr.flush()
print(repr(sys.stdout), repr(sys.stderr))
print(repr(sys.stdout.write).split(" at ")[0])
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
try:
    sys.stdout.nothing
except AttributeError as e:
    print(e)


def worker(i):
    sys.stdout.write(f"worker {i}\n")


t = threading.Thread(target=worker, args=(1,))
t.start()
t.join()
print("end", end="\n", file=sys.stdout, flush=True)
