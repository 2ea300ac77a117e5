"""The gazette store: peewee tables over SQLite (per user by default) or PostgreSQL by URL.

``open_store`` opens or creates a store and migrates an older one; the services in
``editor.services`` do everything else through it.
"""

from editor.store.db import Store, default_db_path, open_store

__all__ = ["Store", "default_db_path", "open_store"]
