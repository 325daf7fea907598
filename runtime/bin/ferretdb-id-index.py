#!/usr/bin/env python3
"""Gives every collection of the embedded FerretDB an `_id` index that its own queries can use.

FerretDB 1.24's SQLite backend creates the `_id` index on the expression `_ferretdb_sjson->"_id"`
but filters, updates and deletes by `_id` with `_ferretdb_sjson->'$._id'`. SQLite matches an
expression index only when the expression is written the same way, so every lookup, update and
delete by `_id` scans the whole table: 40 ms per update at 10,000 documents, and the write lock is
held meanwhile. This sidecar watches the SQLite directory and adds, to each collection's table,
an index on the expression FerretDB queries with (decision 0006). FerretDB keeps working as
before; dropping a collection drops the table and its indexes with it.

Usage: ferretdb-id-index.py <sqlite directory> [poll seconds]
Runs until stopped (the engine guard stops it with the FerretDB it belongs to).
"""

import os
import sqlite3
import sys
import time

INDEX_SUFFIX = "__id_expr"
ID_EXPRESSION = "_ferretdb_sjson->'$._id'"


class Database:
    """One FerretDB database file; reopened when FerretDB drops and re-creates the database."""

    def __init__(self, path):
        self.path = path
        self.inode = os.stat(path).st_ino
        # Autocommit: no transaction is left open between polls, so checkpoints and writers never wait on us.
        self.connection = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.indexed = set()

    def is_current(self):
        try:
            return os.stat(self.path).st_ino == self.inode
        except FileNotFoundError:
            return False

    def index_new_tables(self):
        rows = self.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_ferretdb\\_%' ESCAPE '\\'"
        ).fetchall()
        for (table,) in rows:
            if table in self.indexed:
                continue
            index = f"{table}{INDEX_SUFFIX}"
            self.connection.execute(
                f'CREATE INDEX IF NOT EXISTS "{index}" ON "{table}" ({ID_EXPRESSION})'
            )
            self.indexed.add(table)
        # A dropped collection's name may come back as a new table: forget tables that are gone.
        self.indexed &= {table for (table,) in rows}

    def close(self):
        self.connection.close()


def main():
    if len(sys.argv) < 2:
        print("usage: ferretdb-id-index.py <sqlite directory> [poll seconds]", file=sys.stderr)
        return 2
    directory = sys.argv[1]
    poll = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
    if sqlite3.sqlite_version_info < (3, 38, 0):
        print(f"SQLite {sqlite3.sqlite_version} has no -> operator; _id lookups stay scans", file=sys.stderr)
        return 0
    databases = {}
    print(f"indexing _id of the collections in {directory} every {poll}s", flush=True)
    while True:
        try:
            names = [n for n in os.listdir(directory) if n.endswith(".sqlite")]
        except FileNotFoundError:
            names = []
        for name in names:
            path = os.path.join(directory, name)
            database = databases.get(path)
            try:
                if database is not None and not database.is_current():
                    database.close()
                    database = None
                if database is None:
                    database = databases[path] = Database(path)
                database.index_new_tables()
            except (sqlite3.Error, FileNotFoundError) as error:
                # Locked past the timeout, or dropped while we looked: try again on the next poll.
                print(f"{name}: {error}", file=sys.stderr, flush=True)
                if database is not None:
                    database.close()
                databases.pop(path, None)
        for path in [p for p in databases if os.path.basename(p) not in names]:
            databases.pop(path).close()
        time.sleep(poll)


if __name__ == "__main__":
    sys.exit(main())
