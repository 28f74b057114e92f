
def by_len(s):
    return len(s)
words = ["ccc", "a", "bb", "dd", "e", "fff"]
words.sort(key=by_len)
print(words)
words.sort(key=by_len, reverse=True)
print(words)
nums = [5, -3, 2, -8, 0]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), max(nums, key=abs), min(nums, key=abs))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted("hello"), sorted({3: "a", 1: "b"}))
