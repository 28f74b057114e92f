print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\t\x00\x7f"), repr("é\u200b"), repr("\\"))
