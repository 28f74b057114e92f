LIMIT = 3
log = []


def helper(x):
    return x * 2


class Job:
    def __init__(self, n):
        self.n = min(n, LIMIT)

    def run(self):
        log.append(helper(self.n))
        return len(log)


print(Job(1).run(), Job(10).run(), log)
LIMIT = 1
print(Job(10).n)
