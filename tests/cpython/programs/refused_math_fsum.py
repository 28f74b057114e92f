# math.fsum (exact summation) is not modelled: refused, as every name of math racecheck lacks.
import math
print(math.fsum([0.1] * 10))
