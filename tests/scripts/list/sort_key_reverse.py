words = ["banana", "Apple", "cherry", "date"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower))
words.sort(key=lambda w: w[-1], reverse=True)
print(words)
nums = [3, -1, 2, -5, 4]
nums.sort(key=abs)
print(nums)
print(nums.sort())
