import os

# racecheck assumes one CPU, as its ThreadPoolExecutor's default max_workers (5) does.
print(os.cpu_count())
print(os.getpid())
