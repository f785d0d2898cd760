"""Linking across articles: one person row per real person, one canonical event per real engagement.

names.py     name keys and the compatibility rule for two forms of one person's name
people.py    the person registry in the store (aliases, offices over time)
similarity.py  MinHash signatures of article bodies: republications and shared wording
events.py    scoring an article's event against the canonical events of the same pair
"""
