print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2.0, 3))
print(hex(255), hex(-1), bin(5), bin(-5), oct(8), oct(0))
