"""The :class:`Store`: documents, claims, entities and rejections in SQLite or PostgreSQL.

``Store("data/missionwatch.db")`` opens (and creates) a SQLite file; ``Store(
"postgresql+psycopg://user@host/db")`` opens PostgreSQL. Opening migrates the schema to
the newest revision. Everything goes through SQLAlchemy Core; what differs between the
two databases is in :mod:`missionwatch.store.dialects` (inserts that skip existing ids,
the bulk path) and :mod:`missionwatch.store.sqlite` (the SQLite engine and its pragmas).

Writes are transactional per call: if ``add_claims`` fails half-way, none of that call's
claims are stored and everything stored before is kept. To make several calls one unit
(a document and its claims), wrap them in ``with store.transaction():``. A Store is not
meant to be shared between threads; open one per thread or process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING, Any, get_args

import sqlalchemy as sa

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.errors import NotFound, StoreError
from missionwatch.model import Claim, Entity, ReviewStatus
from missionwatch.store import migrate

if TYPE_CHECKING:
    from missionwatch.api import IngestReport
    from missionwatch.query.state import MissionState
from missionwatch.store.dialects import (
    BulkInserter,
    count_written,
    insert_ignore,
    upsert,
    without_indexes,
)
from missionwatch.store.rows import (
    CLAIM_COLUMNS,
    GROUP_COLUMNS,
    REF_COLUMNS,
    RowLayout,
    claim_from_row,
    claim_row,
    document_from_row,
    document_row,
    entity_from_row,
    entity_row,
    fixed_items,
    row_layout,
)
from missionwatch.store.schema import claim_groups as groups_t
from missionwatch.store.schema import claim_refs as refs_t
from missionwatch.store.schema import claims as claims_t
from missionwatch.store.schema import documents as documents_t
from missionwatch.store.schema import entities as entities_t
from missionwatch.store.schema import rejections as rejections_t
from missionwatch.store.sqlite import sqlite_engine

BATCH = 5000  # claims per executemany: large enough to amortise, small enough to stream


@dataclass(frozen=True)
class Rejection:
    """An input that could not be ingested, recorded once per (source, reason)."""

    id: str
    source: str
    reason: str
    error_type: str
    recorded_at: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "source": self.source, "reason": self.reason,
                "error_type": self.error_type, "recorded_at": self.recorded_at}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _make_engine(url_or_path: str | os.PathLike[str]) -> sa.Engine:
    text = os.fspath(url_or_path)
    if "://" not in text:
        return sqlite_engine(text)
    try:
        url = sa.make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"{text!r} is not a database URL or a file path ({exc})") from exc
    if url.get_backend_name() == "sqlite":
        return sqlite_engine(url.database or ":memory:")
    if url.drivername in ("postgres", "postgresql"):  # no driver named: the one we depend on
        url = url.set(drivername="postgresql+psycopg")
    try:
        return sa.create_engine(url)
    except ImportError as exc:
        raise StoreError(
            f"{url.render_as_string(hide_password=True)}: the database driver is not installed "
            f"({exc}); for PostgreSQL install missionwatch[postgres]"
        ) from exc


class Store(AbstractContextManager["Store"]):
    """A missionwatch database (see the module docstring)."""

    def __init__(self, url_or_path: str | os.PathLike[str]) -> None:
        self._engine = _make_engine(url_or_path)
        self.url = self._engine.url.render_as_string(hide_password=True)
        self.dialect = self._engine.dialect.name
        self._dbapi_error: type[Exception] = self._engine.dialect.loaded_dbapi.Error
        self._conn: sa.Connection | None = None  # set inside transaction()
        self._insert_claims = BulkInserter(claims_t, CLAIM_COLUMNS, self._engine)
        self._fixed_inserters: dict[RowLayout, BulkInserter] = {}
        self._insert_groups = BulkInserter(groups_t, GROUP_COLUMNS, self._engine)
        self._insert_refs = BulkInserter(refs_t, REF_COLUMNS, self._engine)
        self._known_groups: set[tuple[str, ...]] = set()  # committed claim_groups rows
        self._insert_documents = insert_ignore(documents_t, self.dialect)
        self._insert_rejections = insert_ignore(rejections_t, self.dialect)
        self._upsert_entities = upsert(entities_t, self.dialect,
                                       ("name", "type", "aliases", "attributes"))
        try:
            with self._writer() as conn:
                self.migrated = migrate.upgrade(conn)
        except StoreError as exc:
            self._engine.dispose()
            cause = exc.__cause__ or exc
            raise StoreError(f"{self.url}: cannot open or migrate the store ({cause})") from cause

    # -- connections and transactions ------------------------------------------------

    @contextmanager
    def _writer(self) -> Iterator[sa.Connection]:
        """The open transaction, or a new write transaction committed on success.

        A database error becomes a :class:`StoreError`; the transaction is rolled back.
        """
        try:
            if self._conn is not None:
                yield self._conn
                return
            with self._engine.connect() as conn:
                conn = conn.execution_options(write=True)  # BEGIN IMMEDIATE on SQLite
                with conn.begin():
                    yield conn
        except (sa.exc.SQLAlchemyError, self._dbapi_error) as exc:
            raise StoreError(f"{self.url}: write failed and was rolled back ({exc})") from exc

    @contextmanager
    def _reader(self) -> Iterator[sa.Connection]:
        if self._conn is not None:
            yield self._conn
            return
        with self._engine.connect() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Make every write inside the block one transaction (nested blocks join it)."""
        if self._conn is not None:
            yield self
            return
        try:
            with self._writer() as conn:
                self._conn = conn
                try:
                    yield self
                finally:
                    self._conn = None
        except BaseException:
            self._known_groups.clear()  # rolled back: forget the groups this block added
            raise

    def rows(self, statement: sa.Executable, params: Any = None) -> list[sa.RowMapping]:
        """Run a read-only Core statement and return its rows (for the query layer)."""
        with self._reader() as conn:
            return list(conn.execute(statement, params).mappings())

    def close(self) -> None:
        self._engine.dispose()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- writes ------------------------------------------------------------------------

    def add_document(self, doc: Document, raw: bytes) -> bool:
        """Store a document and its raw bytes; False if a document with its id is stored."""
        with self._writer() as conn:
            rows = [document_row(doc, raw, _now())]
            return count_written(conn, self._insert_documents, rows) == 1

    def add_claims(self, claims: Iterable[Claim], *, bulk: bool = False) -> int:
        """Store claims in one transaction; return how many were new (same ids add nothing).

        The claims are read and written in batches, so an iterator of millions streams in
        flat memory. ``bulk=True`` is for a load as large as the table already is (an
        import into a fresh store): on SQLite the secondary indexes are dropped and rebuilt
        once at the end, in the same transaction; on PostgreSQL it changes nothing.
        """
        return self.add_claim_rows(map(claim_row, claims), bulk=bulk)

    def add_claim_rows(self, rows: Iterable[tuple[Any, ...]], *, bulk: bool = False,
                       fixed: Mapping[str, Any] | None = None) -> int:
        """:meth:`add_claims` for rows already in :data:`~missionwatch.store.rows.CLAIM_COLUMNS`
        order (as :func:`~missionwatch.store.rows.claim_row` makes them), for importers
        that build rows directly. Keeps ``claim_groups`` and ``claim_refs`` up to date.

        ``fixed`` maps columns to the value they have in *every* row (scalars: an
        importer's kind, extractor, recorded time…); the rows then leave those columns
        out (:class:`~missionwatch.store.rows.RowLayout`). The values go into the
        statement once instead of being bound per row, which makes the insert faster.
        """
        layout = row_layout(fixed_items(fixed))
        insert = self._claims_inserter(layout)
        added = 0
        source = iter(rows)
        groups: set[tuple[str, ...]] = set()
        with self._writer() as conn, without_indexes(conn, claims_t, bulk):
            while batch := list(islice(source, BATCH)):
                added += insert(conn, batch)
                refs = layout.refs(batch)
                if refs:
                    self._insert_refs(conn, refs)
                new = layout.groups(batch) - self._known_groups - groups
                if new:
                    self._insert_groups(conn, sorted(new))
                    groups |= new
        self._known_groups |= groups  # committed (or part of an open transaction())
        return added

    def _claims_inserter(self, layout: RowLayout) -> BulkInserter:
        """The claims insert for rows of ``layout`` (compiled once per layout)."""
        if not layout.fixed:
            return self._insert_claims
        found = self._fixed_inserters.get(layout)
        if found is None:
            if len(self._fixed_inserters) >= 16:  # each import fixes its own recorded time
                self._fixed_inserters.clear()
            found = BulkInserter(claims_t, layout.columns, self._engine, layout.fixed)
            self._fixed_inserters[layout] = found
        return found

    def ingest_document(self, doc: Document, raw: bytes, entities: Iterable[Entity],
                        claims: Iterable[Claim]) -> int:
        """Store a document, the entities it names and its claims as one transaction;
        return how many claims were new (a failure stores none of them)."""
        with self.transaction():
            self.add_document(doc, raw)
            self.add_entities(entities)
            return self.add_claims(claims)

    def add_entities(self, entities: Iterable[Entity]) -> int:
        """Insert entities or update changed ones; return how many were new or changed."""
        rows = [entity_row(e) for e in entities]
        with self._writer() as conn:
            return count_written(conn, self._upsert_entities, rows)

    def record_rejection(self, source: str, reason: str, error_type: str) -> None:
        """Record that ``source`` was rejected for ``reason`` (once per source and reason)."""
        key = hashlib.sha1(f"{source}\x00{reason}".encode()).hexdigest()[:20]
        row = {"id": "r-" + key, "source": source, "reason": reason,
               "error_type": error_type, "recorded_at": _now()}
        with self._writer() as conn:
            conn.execute(self._insert_rejections, row)

    def set_status(self, claim_id: str, status: ReviewStatus) -> None:
        """Set a claim's review status (candidate, accepted or rejected)."""
        if status not in get_args(ReviewStatus):
            raise ValueError(f"status {status!r} is not one of {list(get_args(ReviewStatus))}")
        with self._writer() as conn:
            stmt = sa.update(claims_t).where(claims_t.c.id == claim_id).values(status=status)
            if conn.execute(stmt).rowcount == 0:
                raise NotFound(f"no claim with id {claim_id!r}")

    # -- reads -------------------------------------------------------------------------

    def claims(
        self,
        *,
        subject: str | None = None,
        kind: str | None = None,
        mission: str | None = None,
        document: str | None = None,
        modality: str | None = None,
        status: str | None = None,
        since: PartialDate | str | None = None,
        until: PartialDate | str | None = None,
        contributor: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Claim]:
        """Claims matching every filter given, in valid-time order (undated last).

        ``mission`` is another name for ``subject``. ``since``/``until`` keep claims whose
        valid time overlaps the period: ``since=2020-02`` keeps a claim dated ``2020``
        (it may fall in February) and drops undated claims.
        """
        if mission is not None and subject is not None and mission != subject:
            raise ValueError(f"subject={subject!r} and mission={mission!r} disagree")
        subject = subject if subject is not None else mission
        c = claims_t.c
        filters: list[sa.ColumnElement[bool]] = []
        for column, wanted in ((c.subject, subject), (c.kind, kind), (c.document, document),
                               (c.modality, modality), (c.status, status),
                               (c.contributor, contributor)):
            if wanted is not None:
                filters.append(column == wanted)
        if since is not None:
            filters.append(c.valid_to >= _day(since, first=True))
        if until is not None:
            filters.append(c.valid_from <= _day(until, first=False))
        stmt = sa.select(claims_t).where(*filters).order_by(*CLAIM_ORDER).limit(limit)
        yield from self.select_claims(stmt, stream=True)

    def select_claims(self, stmt: sa.Select[Any], params: dict[str, Any] | None = None, *,
                      stream: bool = False) -> Iterator[Claim]:
        """Run a SELECT of claims rows and yield :class:`Claim` objects.

        ``stream=True`` fetches in chunks (a server-side cursor on PostgreSQL) for results
        too large to hold; small results are faster fetched at once.
        """
        with self._reader() as conn:
            if stream:
                conn = conn.execution_options(yield_per=1000)
            for row in conn.execute(stmt, params).mappings():
                yield claim_from_row(row)

    def get_claim(self, claim_id: str) -> Claim:
        found = next(self.select_claims(sa.select(claims_t).where(claims_t.c.id == claim_id)),
                     None)
        if found is None:
            raise NotFound(f"no claim with id {claim_id!r}")
        return found

    def documents(self) -> Iterator[Document]:
        """Stored documents (text and metadata, without annotations) in id order."""
        cols = [col for col in documents_t.c if col.name != "raw"]
        with self._reader() as conn:
            for row in conn.execute(sa.select(*cols).order_by(documents_t.c.id)).mappings():
                yield document_from_row(row)

    def document(self, doc_id: str) -> Document:
        cols = [col for col in documents_t.c if col.name != "raw"]
        with self._reader() as conn:
            row = conn.execute(sa.select(*cols).where(documents_t.c.id == doc_id)).mappings()
            found = row.first()
        if found is None:
            raise NotFound(f"no document with id {doc_id!r}")
        return document_from_row(found)

    def has_document(self, doc_id: str) -> bool:
        with self._reader() as conn:
            stmt = sa.select(documents_t.c.id).where(documents_t.c.id == doc_id)
            return conn.execute(stmt).first() is not None

    def raw(self, doc_id: str) -> bytes:
        """The bytes a document was read from, exactly as they were."""
        with self._reader() as conn:
            found = conn.execute(
                sa.select(documents_t.c.raw).where(documents_t.c.id == doc_id)
            ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"no document with id {doc_id!r}")
        return bytes(found)

    def published(self, doc_ids: Iterable[str]) -> dict[str, PartialDate]:
        """Publication dates of the given documents (those stored with one)."""
        ids = sorted(set(doc_ids))
        out: dict[str, PartialDate] = {}
        if not ids:
            return out
        with self._reader() as conn:
            for start in range(0, len(ids), 500):
                stmt = sa.select(documents_t.c.id, documents_t.c.published).where(
                    documents_t.c.id.in_(ids[start:start + 500]),
                    documents_t.c.published.is_not(None))
                out.update((i, PartialDate.parse(p)) for i, p in conn.execute(stmt))
        return out

    def rejections(self) -> Iterator[Rejection]:
        with self._reader() as conn:
            stmt = sa.select(rejections_t).order_by(rejections_t.c.recorded_at,
                                                    rejections_t.c.source)
            for row in conn.execute(stmt).mappings():
                yield Rejection(**row)

    def entities(self, type: str | None = None) -> Iterator[Entity]:
        stmt = sa.select(entities_t).order_by(entities_t.c.id)
        if type is not None:
            stmt = stmt.where(entities_t.c.type == type)
        with self._reader() as conn:
            for row in conn.execute(stmt).mappings():
                yield entity_from_row(row)

    def entity(self, entity_id: str) -> Entity:
        found = next((e for e in self._entities_where(entities_t.c.id == entity_id)), None)
        if found is None:
            raise NotFound(f"no entity with id {entity_id!r}")
        return found

    def _entities_where(self, condition: sa.ColumnElement[bool]) -> Iterator[Entity]:
        with self._reader() as conn:
            for row in conn.execute(sa.select(entities_t).where(condition)).mappings():
                yield entity_from_row(row)

    def subjects(self) -> list[str]:
        """Every entity id that is the subject of a claim (from ``claim_groups``: fast)."""
        with self._reader() as conn:
            stmt = sa.select(groups_t.c.subject).distinct().order_by(groups_t.c.subject)
            return [str(subject) for subject in conn.execute(stmt).scalars()]

    # -- conveniences over the pipeline and the queries (``missionwatch.api``) ----------
    def ingest(self, paths: Iterable[str], published: str | None = None,
               workers: int = 1) -> IngestReport:
        """Read, extract and store documents (see :func:`missionwatch.api.ingest`)."""
        from missionwatch import api

        return api.ingest(self, paths, published, workers=workers)

    def mission(self, name: str, as_of: str | None = None) -> MissionState:
        """A mission's state as of a date (see :func:`missionwatch.api.mission_state`)."""
        from missionwatch import api

        return api.mission_state(self, name, as_of)

    def counts(self) -> dict[str, Any]:
        """``{"documents": n, "claims": {kind: n}, "entities": n, "rejections": n}``."""
        count = sa.func.count()
        with self._reader() as conn:
            by_kind = conn.execute(
                sa.select(claims_t.c.kind, count).group_by(claims_t.c.kind)
                .order_by(claims_t.c.kind)).all()
            return {
                "documents": conn.execute(sa.select(count).select_from(documents_t)).scalar(),
                "claims": {str(kind): int(n) for kind, n in by_kind},
                "entities": conn.execute(sa.select(count).select_from(entities_t)).scalar(),
                "rejections": conn.execute(sa.select(count).select_from(rejections_t)).scalar(),
            }


#: the order claims are listed in: valid time (undated last), then place in the source
CLAIM_ORDER = (
    sa.nulls_last(claims_t.c.valid_from.asc()), claims_t.c.valid_to, claims_t.c.document,
    claims_t.c.src_start, claims_t.c.id,
)


def _day(value: PartialDate | str, *, first: bool) -> str:
    date = value if isinstance(value, PartialDate) else PartialDate.parse(value)
    return (date.earliest() if first else date.latest()).isoformat()
