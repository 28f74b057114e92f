import threading
from concurrent.futures import ThreadPoolExecutor
def name():
    return threading.current_thread().name
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="w") as ex:
    print(ex.submit(name).result())
with ThreadPoolExecutor(max_workers=1) as ex:
    print(ex.submit(name).result())
