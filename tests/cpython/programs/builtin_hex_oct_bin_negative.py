print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(0))
try:
    hex(1.5)
except TypeError as e:
    print(e)
