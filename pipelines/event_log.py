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

It also writes a step's bookkeeping events (``STEP_INPUT``, ``LOADED_INPUT``,
``STEP_OUTPUT``, ``HANDLED_OUTPUT``: about 150 of a build's ~240 events) in
the same transaction as the run's next other event, instead of one commit
each. Every write to a run's file is a commit that SQLite makes durable with
``fsync`` (and, as the file is closed after it, a checkpoint), ~5 ms here;
these events only record what a step read and wrote, are mirrored nowhere,
and the step's next event is never far: its materialisation, check, success
or failure, or the run's end. Anything that reads or writes a run's file
writes that run's held events first, so the log reads the same, in the same
order, as when each was written at once; a process killed mid-step loses
only that step's held events (its failure is recorded by the run monitor).

A database file already stamped with a schema revision is taken as set up
without reading Dagster's ~270 migration scripts to learn the newest
revision (~0.15 s per file and process): Dagster's own set-up does nothing
more for such a file, and migrating one stays ``dagster instance migrate``'s job.

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
from dagster._core.events import DagsterEventType
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._serdes import ConfigurableClassData
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

#: Run databases whose engines are kept (a webserver reads many runs; each engine holds no open file).
KEPT_RUN_ENGINES = 16

#: Events written with the run's next other event rather than committed on their own (see the module).
HELD_EVENTS = frozenset({DagsterEventType.STEP_INPUT, DagsterEventType.LOADED_INPUT,
                         DagsterEventType.STEP_OUTPUT, DagsterEventType.HANDLED_OUTPUT})

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
        self._held: dict[str, list] = {}  # run id -> insert statements of held events, in order
        self._held_lock = threading.Lock()
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

    def store_event(self, event: EventLogEntry) -> None:
        if event.is_dagster_event and event.dagster_event_type in HELD_EVENTS and event.run_id:
            statement = self.prepare_insert_event(event)
            with self._held_lock:
                self._held.setdefault(event.run_id, []).append(statement)
            return
        super().store_event(event)

    @contextmanager
    def run_connection(self, run_id: str | None = None) -> Iterator[Connection]:
        """A transaction on the run's file that first writes the run's held events (see the module)."""
        with self._held_lock:
            held = self._held.pop(run_id, []) if run_id else []
        try:
            with self._connect(run_id) as conn:  # type: ignore[arg-type]  # Dagster's own signature
                for statement in held:
                    conn.execute(statement)
                yield conn
        except BaseException:
            if held:  # not written: held again, ahead of anything held since
                with self._held_lock:
                    self._held[run_id] = held + self._held.get(run_id, [])  # type: ignore[index]
            raise

    def flush_held_events(self) -> None:
        """Write every run's held events now."""
        with self._held_lock:
            runs = list(self._held)
        for run_id in runs:
            with self.run_connection(run_id):
                pass

    def _initdb(self, engine: Engine, for_index_shard: bool = False) -> None:
        """Dagster's set-up of a database file, skipped when the file already carries a schema revision."""
        with engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_revision():
                return
        super()._initdb(engine, for_index_shard)

    def _forget_engines(self) -> None:
        self._held = {}  # the parent's to write
        self._held_lock = threading.Lock()
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
        with self._held_lock:
            self._held.clear()
        self._dispose_engines()  # files are deleted: no engine may hold them open
        super().wipe()

    def dispose(self) -> None:
        self.flush_held_events()
        self._dispose_engines()
        super().dispose()
