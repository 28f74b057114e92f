print(repr("\u3000x\u3000".strip()), repr("\u2028a\u2029".strip()), repr("\x1c\x1da\x1e\x1f\x85".strip()))
print(repr("ééaé".strip("é")), repr("€a€".lstrip("€")), repr("a\u200b".strip()))
