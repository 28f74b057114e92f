import threading, queue
from concurrent.futures import ThreadPoolExecutor
L = threading.Lock()
try:
    threading.Lock(1)
    print('Lock(1)', "ok")
except Exception as e:
    print('Lock(1)', type(e).__name__, e)
try:
    threading.Lock(x=1)
    print('Lock(x=1)', "ok")
except Exception as e:
    print('Lock(x=1)', type(e).__name__, e)
try:
    L.release(1)
    print('release(1)', "ok")
except Exception as e:
    print('release(1)', type(e).__name__, e)
try:
    L.locked(1)
    print('locked(1)', "ok")
except Exception as e:
    print('locked(1)', type(e).__name__, e)
try:
    threading.RLock(1)
    print('RLock(1)', "ok")
except Exception as e:
    print('RLock(1)', type(e).__name__, e)
try:
    threading.RLock(x=1)
    print('RLock(x=1)', "ok")
except Exception as e:
    print('RLock(x=1)', type(e).__name__, e)
R = threading.RLock()
try:
    R.release(1)
    print('rrelease(1)', "ok")
except Exception as e:
    print('rrelease(1)', type(e).__name__, e)
try:
    R.acquire(1, 2, 3)
    print('racquire(1,2,3)', "ok")
except Exception as e:
    print('racquire(1,2,3)', type(e).__name__, e)
try:
    threading.Condition(1, 2)
    print('Condition(1,2)', "ok")
except Exception as e:
    print('Condition(1,2)', type(e).__name__, e)
try:
    threading.Condition(x=1)
    print('Condition(x=1)', "ok")
except Exception as e:
    print('Condition(x=1)', type(e).__name__, e)
C = threading.Condition()
try:
    C.wait(1, 2)
    print('cwait(1,2)', "ok")
except Exception as e:
    print('cwait(1,2)', type(e).__name__, e)
try:
    C.notify(x=1)
    print('cnotify(x=1)', "ok")
except Exception as e:
    print('cnotify(x=1)', type(e).__name__, e)
try:
    C.notify_all(1)
    print('cnotify_all(1)', "ok")
except Exception as e:
    print('cnotify_all(1)', type(e).__name__, e)
try:
    C.wait_for()
    print('cwait_for()', "ok")
except Exception as e:
    print('cwait_for()', type(e).__name__, e)
try:
    C.acquire(x=1)
    print('cacquire(x=1)', "ok")
except Exception as e:
    print('cacquire(x=1)', type(e).__name__, e)
try:
    threading.Semaphore(1, 2)
    print('Semaphore(1,2)', "ok")
except Exception as e:
    print('Semaphore(1,2)', type(e).__name__, e)
try:
    threading.Semaphore(v=1)
    print('Semaphore(v=1)', "ok")
except Exception as e:
    print('Semaphore(v=1)', type(e).__name__, e)
S = threading.Semaphore()
try:
    S.acquire(1, 2, 3)
    print('sacq(1,2,3)', "ok")
except Exception as e:
    print('sacq(1,2,3)', type(e).__name__, e)
try:
    S.acquire(x=1)
    print('sacq(x=1)', "ok")
except Exception as e:
    print('sacq(x=1)', type(e).__name__, e)
try:
    S.release(1, 2)
    print('srel(1,2)', "ok")
except Exception as e:
    print('srel(1,2)', type(e).__name__, e)
try:
    threading.Event(1)
    print('Event(1)', "ok")
except Exception as e:
    print('Event(1)', type(e).__name__, e)
E = threading.Event(); E.set()
try:
    E.wait(1, 2)
    print('ewait(1,2)', "ok")
except Exception as e:
    print('ewait(1,2)', type(e).__name__, e)
try:
    E.wait(x=1)
    print('ewait(x=1)', "ok")
except Exception as e:
    print('ewait(x=1)', type(e).__name__, e)
try:
    E.set(1)
    print('eset(1)', "ok")
except Exception as e:
    print('eset(1)', type(e).__name__, e)
try:
    threading.Barrier()
    print('Barrier()', "ok")
except Exception as e:
    print('Barrier()', type(e).__name__, e)
try:
    threading.Barrier(1, None, None, 4)
    print('Barrier(1,2,3,4)', "ok")
except Exception as e:
    print('Barrier(1,2,3,4)', type(e).__name__, e)
B = threading.Barrier(1)
try:
    B.wait(1, 2)
    print('bwait(1,2)', "ok")
except Exception as e:
    print('bwait(1,2)', type(e).__name__, e)
try:
    B.abort(1)
    print('babort(1)', "ok")
except Exception as e:
    print('babort(1)', type(e).__name__, e)
try:
    threading.Thread(x=1)
    print('Thread(x=1)', "ok")
except Exception as e:
    print('Thread(x=1)', type(e).__name__, e)
try:
    threading.Thread(None, None, None, (), None, None, 7)
    print('Thread(1..7)', "ok")
except Exception as e:
    print('Thread(1..7)', type(e).__name__, e)
def noop():
    pass
T = threading.Thread(target=noop)
try:
    T.start(1)
    print('tstart(1)', "ok")
except Exception as e:
    print('tstart(1)', type(e).__name__, e)
T.start()
try:
    T.join(1, 2)
    print('tjoin(1,2)', "ok")
except Exception as e:
    print('tjoin(1,2)', type(e).__name__, e)
try:
    T.join(x=1)
    print('tjoin(x=1)', "ok")
except Exception as e:
    print('tjoin(x=1)', type(e).__name__, e)
try:
    T.is_alive(1)
    print('talive(1)', "ok")
except Exception as e:
    print('talive(1)', type(e).__name__, e)
try:
    threading.Timer()
    print('Timer()', "ok")
except Exception as e:
    print('Timer()', type(e).__name__, e)
try:
    threading.Timer(1, print, (), {}, 5)
    print('Timer(1,2,3,4,5)', "ok")
except Exception as e:
    print('Timer(1,2,3,4,5)', type(e).__name__, e)
try:
    threading.local(1)
    print('local(1)', "ok")
except Exception as e:
    print('local(1)', type(e).__name__, e)
try:
    threading.local(x=1)
    print('local(x=1)', "ok")
except Exception as e:
    print('local(x=1)', type(e).__name__, e)
try:
    queue.Queue(1, 2)
    print('Queue(1,2)', "ok")
except Exception as e:
    print('Queue(1,2)', type(e).__name__, e)
try:
    queue.Queue(x=1)
    print('Queue(x=1)', "ok")
except Exception as e:
    print('Queue(x=1)', type(e).__name__, e)
Q = queue.Queue()
try:
    Q.put()
    print('put()', "ok")
except Exception as e:
    print('put()', type(e).__name__, e)
try:
    Q.put(1, 2, 3, 4)
    print('put(1,2,3,4)', "ok")
except Exception as e:
    print('put(1,2,3,4)', type(e).__name__, e)
try:
    Q.put(1, x=1)
    print('put(x=1)', "ok")
except Exception as e:
    print('put(x=1)', type(e).__name__, e)
try:
    Q.get(1, 2, 3)
    print('get(1,2,3)', "ok")
except Exception as e:
    print('get(1,2,3)', type(e).__name__, e)
try:
    Q.get_nowait(1)
    print('get_nowait(1)', "ok")
except Exception as e:
    print('get_nowait(1)', type(e).__name__, e)
try:
    Q.put_nowait()
    print('put_nowait()', "ok")
except Exception as e:
    print('put_nowait()', type(e).__name__, e)
try:
    Q.task_done(1)
    print('task_done(1)', "ok")
except Exception as e:
    print('task_done(1)', type(e).__name__, e)
try:
    Q.join(1)
    print('join(1)', "ok")
except Exception as e:
    print('join(1)', type(e).__name__, e)
try:
    Q.qsize(1)
    print('qsize(1)', "ok")
except Exception as e:
    print('qsize(1)', type(e).__name__, e)
try:
    threading.current_thread(1)
    print('current_thread(1)', "ok")
except Exception as e:
    print('current_thread(1)', type(e).__name__, e)
try:
    threading.active_count(1)
    print('active_count(1)', "ok")
except Exception as e:
    print('active_count(1)', type(e).__name__, e)
try:
    threading.enumerate(1)
    print('enumerate(1)', "ok")
except Exception as e:
    print('enumerate(1)', type(e).__name__, e)
try:
    threading.main_thread(1)
    print('main_thread(1)', "ok")
except Exception as e:
    print('main_thread(1)', type(e).__name__, e)
try:
    threading.get_ident(1)
    print('get_ident(1)', "ok")
except Exception as e:
    print('get_ident(1)', type(e).__name__, e)
try:
    ThreadPoolExecutor(x=1)
    print('TPE(x=1)', "ok")
except Exception as e:
    print('TPE(x=1)', type(e).__name__, e)
try:
    ThreadPoolExecutor(1, "", None, (), 5)
    print('TPE(1,2,3,4,5)', "ok")
except Exception as e:
    print('TPE(1,2,3,4,5)', type(e).__name__, e)
P = ThreadPoolExecutor(1)
try:
    P.submit()
    print('submit()', "ok")
except Exception as e:
    print('submit()', type(e).__name__, e)
try:
    P.shutdown(1, 2)
    print('shutdown(1,2)', "ok")
except Exception as e:
    print('shutdown(1,2)', type(e).__name__, e)
f = P.submit(int)
try:
    f.result(1, 2)
    print('result(1,2)', "ok")
except Exception as e:
    print('result(1,2)', type(e).__name__, e)
try:
    f.done(1)
    print('done(1)', "ok")
except Exception as e:
    print('done(1)', type(e).__name__, e)
try:
    f.exception(x=1)
    print('exception(x=1)', "ok")
except Exception as e:
    print('exception(x=1)', type(e).__name__, e)
P.shutdown()
import time
try:
    time.sleep()
    print('sleep()', "ok")
except Exception as e:
    print('sleep()', type(e).__name__, e)
try:
    time.sleep(1, 2)
    print('sleep(1,2)', "ok")
except Exception as e:
    print('sleep(1,2)', type(e).__name__, e)
try:
    time.time(1)
    print('time(1)', "ok")
except Exception as e:
    print('time(1)', type(e).__name__, e)
