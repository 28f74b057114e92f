# math.factorial(21) is beyond 64 bits: refused, as every int result that does not fit.
import math
print(math.factorial(20))
print(math.factorial(21))
