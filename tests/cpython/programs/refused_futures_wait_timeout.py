from concurrent.futures import ThreadPoolExecutor, wait

with ThreadPoolExecutor(1) as ex:
    f = ex.submit(pow, 2, 5)
    done, not_done = wait([f], timeout=1)
    print(len(done))
