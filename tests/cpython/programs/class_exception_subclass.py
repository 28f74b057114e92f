class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    return balance - amount


try:
    withdraw(10, 20)
except BankError as e:
    print(type(e).__name__, e, e.needed, e.available, e.args)
    print(repr(e), isinstance(e, Exception), isinstance(e, InsufficientFunds))

try:
    raise BankError
except BankError as e:
    print("bare", repr(e), str(e) == "")

try:
    raise BankError("a", 1)
except (ValueError, BankError) as e:
    print(e.args, e)

try:
    withdraw(1, 5)
except ValueError:
    print("wrong")
except InsufficientFunds as e:
    print("caught", e)

withdraw(0, 1)
