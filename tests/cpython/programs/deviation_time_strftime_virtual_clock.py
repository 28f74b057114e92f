import time

print(time.strftime("%Y-%m-%d %H:%M"))
print(time.ctime())
print(time.localtime().tm_year)
