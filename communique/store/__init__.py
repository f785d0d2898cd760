"""The embedded store: a plain SQLite file (WAL), one transaction per article.

db.py       connect, migrate, write transactions
schema.py   the tables, as numbered migrations (documented in docs/store.md)
write.py    one article's rows and its linking, stored whole or not at all
queries.py  the read queries every surface (CLI, API, pages, exports) shares
"""
from communique.store.db import connect, transaction
from communique.store.write import delete, save, save_reject, stored_input_hash

__all__ = ["connect", "transaction", "save", "save_reject", "delete", "stored_input_hash"]
