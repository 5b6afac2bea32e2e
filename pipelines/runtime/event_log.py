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

It also commits a step's events together instead of one by one. Every
commit to a SQLite file is made durable with ``fsync`` (and a run's file,
closed after each write, is checkpointed too): ~5 ms per event on a run's
file, and ~25 ms for an asset event, which Dagster also mirrors in the index
database in transactions of its own. Events that record what a step read,
wrote, materialised or checked (``HELD_EVENTS``: about 200 of a build's
~240) are held and written with the next other event (the step's success or
failure, the run's start or end, a log message), each by Dagster's own
``store_event``, inside one transaction per database file. Anything that
reads or writes the storage in between writes the held events first, so
readers see the log as if each event had been written at once, in the same
order. A process killed mid-step loses that step's held events (its failure
is recorded by the run monitor); the webserver shows a step's events when
the step ends rather than as they come.

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
from dagster._core.instance import RUNLESS_RUN_ID
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from dagster._serdes import ConfigurableClassData
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

#: Run databases whose engines are kept (a webserver reads many runs; each engine holds no open file).
KEPT_RUN_ENGINES = 16

#: Events written with the next other event rather than committed on their own (see the module); any event
#: type not listed (run and step progress, logs, anything newer) is written at once, as Dagster does.
HELD_EVENTS = frozenset({
    DagsterEventType.STEP_INPUT, DagsterEventType.LOADED_INPUT, DagsterEventType.STEP_OUTPUT,
    DagsterEventType.HANDLED_OUTPUT, DagsterEventType.ASSET_MATERIALIZATION_PLANNED,
    DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED,
    DagsterEventType.ASSET_CHECK_EVALUATION,
})

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
        self._held: list[EventLogEntry] = []  # in the order they came
        self._held_lock = threading.Lock()
        self._together: dict[str, Connection] | None = None  # open transactions while held events are written
        self._together_thread: int | None = None
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
        if event.is_dagster_event and event.dagster_event_type in HELD_EVENTS and event.run_id != RUNLESS_RUN_ID:
            with self._held_lock:
                self._held.append(event)
            return
        self._write_together([event])

    def flush_held_events(self) -> None:
        """Write every held event now."""
        self._write_together([])

    def _write_together(self, events: list[EventLogEntry]) -> None:
        """The held events and then ``events``, each stored by Dagster's own ``store_event``; several at once
        share one transaction per database file (``_connect`` hands out the open ones)."""
        with self._held_lock:
            held, self._held = self._held, []
        batch = [*held, *events]
        if len(batch) <= 1:
            for event in batch:  # Dagster's own path
                super().store_event(event)
            return
        with self._db_lock:
            self._together, self._together_thread = {}, threading.get_ident()
            committed = False
            try:
                for event in batch:
                    super().store_event(event)
                for conn in self._together.values():
                    conn.commit()
                    committed = True  # a later file's failure cannot undo this one: not held again
            except BaseException:
                for conn in self._together.values():
                    conn.rollback()
                if not committed:  # none was written: the held ones are held again (the caller sees its own fail)
                    with self._held_lock:
                        self._held = held + self._held
                raise
            finally:
                for conn in self._together.values():
                    conn.close()
                self._together, self._together_thread = None, None

    def _initdb(self, engine: Engine, for_index_shard: bool = False) -> None:
        """Dagster's set-up of a database file, skipped when the file already carries a schema revision."""
        with engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_revision():
                return
        super()._initdb(engine, for_index_shard)

    def _forget_engines(self) -> None:
        self._held = []  # the parent's to write
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
        if self._together is not None and self._together_thread == threading.get_ident():
            conn = self._together.get(shard)  # writing held events: one open transaction per file
            if conn is None:
                conn = self._together[shard] = self._open(shard)
                conn.begin()
            yield conn
            return
        if self._held:
            self.flush_held_events()  # whoever reads or writes sees every event before it
        with self._db_lock:
            with self._open(shard) as conn:
                with conn.begin():
                    yield conn

    def _open(self, shard: str) -> Connection:
        """A connection to the shard's file, set up first if this process has not seen it (hold ``_db_lock``)."""
        engine = self._engine(shard)
        if shard not in self._initialized_dbs:
            self._initdb(engine)
            self._initialized_dbs.add(shard)
        return engine.connect()

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
