"""The Dagster instance's event log: Dagster's own SQLite storage, without a new engine per write.

Dagster's ``SqliteEventLogStorage`` creates a SQLAlchemy engine, opens the
database file, and closes and disposes of both again for every write: one
measured build made 381 engines for its 172 events, and an asset or check
event (several statements on the cross-run index database) cost ~35 ms.
Event writes were 2.8 s of a ~20 s one-article rebuild of a 4,000-article
corpus; with this storage, 2.0 s.

This storage is the same class with the same files, tables and migrations;
it only keeps things open:

- one engine per database file (the cross-run index, and the most recent
  runs' files), created once;
- the index database's connection stays open between writes. Each run's own
  file keeps Dagster's open-write-close cycle: closing the last connection
  folds SQLite's write-ahead log into the file, and a change of that file is
  what the webserver watches to show a run's events as they happen.

Configured in ``dagster.yaml`` (``event_log_storage``); without ``base_dir``
it uses Dagster's default place, ``$DAGSTER_HOME/history/runs``.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from dagster._config import Field, StringSource
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._serdes import ConfigurableClassData
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

#: Run databases whose engines are kept (a webserver reads many runs; each engine holds no open file).
KEPT_RUN_ENGINES = 16

_LIVE: weakref.WeakSet[SqliteEventLogStorageKeepingEngines] = weakref.WeakSet()


def _forget_after_fork() -> None:
    """A forked child must not use its parent's open SQLite connections: it starts with no engines."""
    for storage in list(_LIVE):
        storage._forget_engines()


os.register_at_fork(after_in_child=_forget_after_fork)


class SqliteEventLogStorageKeepingEngines(SqliteEventLogStorage):
    """``SqliteEventLogStorage`` that reuses its engines and keeps the index database open (see the module)."""

    def __init__(self, base_dir: str | None = None, inst_data: ConfigurableClassData | None = None) -> None:
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        self._engines_lock = threading.Lock()
        if not base_dir:
            base_dir = os.path.join(os.environ["DAGSTER_HOME"], "history", "runs")
        super().__init__(base_dir, inst_data)
        _LIVE.add(self)

    @classmethod
    def config_type(cls) -> dict:
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(cls, inst_data: ConfigurableClassData | None, config_value: dict
                          ) -> SqliteEventLogStorageKeepingEngines:
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str) -> Engine:
        with self._engines_lock:
            engine = self._engines.get(shard)
            if engine is not None:
                self._engines.move_to_end(shard)
                return engine
            keep_open = shard == INDEX_SHARD_NAME
            engine = create_engine(
                self.conn_string_for_shard(shard),
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
                # one connection is in use at a time (writes hold the storage's lock); a second one
                # (a table check during a write) is opened for the moment and closed again
                **({"pool_size": 1, "max_overflow": 4} if keep_open else {"poolclass": NullPool}),
            )
            self._engines[shard] = engine
            runs = [s for s in self._engines if s != INDEX_SHARD_NAME]
            for old in runs[:-KEPT_RUN_ENGINES]:
                self._engines.pop(old).dispose()
            return engine

    def _forget_engines(self) -> None:
        for engine in self._engines.values():
            engine.dispose(close=False)  # the parent's connections are the parent's to close
        self._engines = OrderedDict()
        self._engines_lock = threading.Lock()
        self._db_lock = threading.Lock()

    def _dispose_engines(self) -> None:
        with self._engines_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn:
                with conn.begin():
                    yield conn

    def has_table(self, table_name: str) -> bool:
        engine = self._engine(INDEX_SHARD_NAME)
        with engine.connect() as conn:
            return bool(engine.dialect.has_table(conn, table_name))

    def wipe(self) -> None:
        self._dispose_engines()  # files are deleted: no engine may hold them open
        super().wipe()

    def dispose(self) -> None:
        self._dispose_engines()
        super().dispose()
