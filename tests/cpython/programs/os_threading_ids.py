import os
import threading
from os import cpu_count

print(os.cpu_count() >= 1, cpu_count() == os.cpu_count(), type(os.getpid()).__name__, os.getpid() == os.getpid())
main_ident = threading.get_ident()
print(type(threading.get_native_id()).__name__, main_ident == threading.current_thread().ident)
print(threading.main_thread().native_id == threading.get_native_id())
seen = []


def work():
    seen.append(threading.get_ident() != main_ident)
    seen.append(threading.get_native_id() == threading.current_thread().native_id)


t = threading.Thread(target=work)
t.start()
t.join()
print(seen, [th.name for th in threading.enumerate()])
try:
    os.getpid(1)
except TypeError as e:
    print(e)
try:
    threading.get_native_id(1)
except TypeError as e:
    print(e)
