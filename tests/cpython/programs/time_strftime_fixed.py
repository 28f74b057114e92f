import time

t = time.gmtime(0)
print(t)
print(t.tm_year, t[1], t.tm_wday, t.tm_yday, len(t), type(t).__name__, isinstance(t, tuple))
u = time.gmtime(1700000000)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", u))
print(time.strftime("%A %B %d %I %p %y %w %U", u), time.strftime("", u))
print(time.ctime(0), time.ctime(1700000000.9), time.gmtime(86399.9).tm_sec)
print(time.localtime(0) == time.gmtime(0), time.gmtime(-86400).tm_year)
year, month, day, hour, minute, sec, wday, yday, dst = time.gmtime(0)
print(year, month, day, wday, yday, dst)
try:
    time.strftime(1)
except TypeError as e:
    print(e)
try:
    time.gmtime("x")
except TypeError as e:
    print(e)
print(type(time.strftime("%H:%M")).__name__, len(time.ctime()), time.localtime().tm_isdst)
