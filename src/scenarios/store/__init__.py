"""The shared store of workshops: tables, their journals' lines, and who follows them.

One interface (`Store`), two implementations that pass one contract test
suite: SQLite (standard library, WAL) for every process of one machine,
PostgreSQL (psycopg 3, optional extra) beyond it. The store keeps journal
lines as text, exactly as a JSONL journal holds them, and knows nothing of
the game: `scenarios.journal` builds and checks the lines.
"""

from scenarios.store.errors import SeqConflict, StoreError
from scenarios.store.locate import DEFAULT_STORE_ENV, default_store_url, open_store
from scenarios.store.protocol import Follower, Store
from scenarios.store.records import NewTable, NewWorkshop, StoredLine, Table, Workshop

__all__ = [
    "DEFAULT_STORE_ENV",
    "Follower",
    "NewTable",
    "NewWorkshop",
    "SeqConflict",
    "Store",
    "StoreError",
    "StoredLine",
    "Table",
    "Workshop",
    "default_store_url",
    "open_store",
]
