import threading, queue, time
import concurrent.futures
print(threading.Lock is not None, queue.Queue.__name__ if False else "q", callable(time.sleep))
print(type(threading.Thread).__name__ if False else "t", concurrent.futures.ThreadPoolExecutor is not None)
