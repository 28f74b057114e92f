words = ["pear", "fig", "banana", "kiwi"]
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
def last(w):
    return w[-1]
words.sort(key=last)
print(words)
pairs = [(1, "b"), (0, "c"), (1, "a")]
pairs.sort()
print(pairs)
nums = [3, -1, -4, 2]
nums.sort(key=abs, reverse=True)
print(nums)
