"""The public Python API: open a store, extract documents, ingest them.

>>> import missionwatch
>>> store = missionwatch.open("missions.sqlite")
>>> report = missionwatch.ingest(store, ["article.txt"], published="2020-02-13")
>>> state = missionwatch.mission_state(store, "NATO Mission Iraq", "2020-02-14")
"""

from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, Any

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.errors import InputError, MissionwatchError, NotFound
from missionwatch.extract.pipeline import DEFAULT_STEPS, Pipeline
from missionwatch.ingest.readers import Item, content_id, read
from missionwatch.model import Claim, Entity
from missionwatch.store import Store

if TYPE_CHECKING:
    from missionwatch.query.state import MissionState

EXAMPLE_PUBLISHED = "2020-02-13"


@dataclass
class Rejection:
    source: str
    reason: str
    error_type: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "reason": self.reason, "error": self.error_type}


@dataclass
class IngestReport:
    """What one ``ingest`` call did."""

    documents: int = 0  # newly stored
    unchanged: int = 0  # already stored, skipped
    claims: int = 0  # newly stored
    claims_by_kind: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "unchanged": self.unchanged,
                "claims": self.claims, "claims_by_kind": dict(sorted(self.claims_by_kind.items())),
                "rejections": [r.to_dict() for r in self.rejections]}


def open(path: str = "missionwatch.sqlite") -> Store:
    """Open (and migrate) a store: a SQLite file path or a SQLAlchemy database URL."""
    return Store(path)


@cache
def pipeline(steps: tuple[str, ...] = DEFAULT_STEPS) -> Pipeline:
    """The extraction pipeline (built once per list of steps)."""
    return Pipeline(steps)


def extract(text: str, published: str | None = None, *, title: str = "",
            doc_id: str | None = None) -> Document:
    """Run the pipeline over ``text`` without storing anything."""
    doc = Document(id=doc_id or content_id(text.encode("utf-8")), text=text, title=title)
    if published:
        doc.published, doc.date_source = PartialDate.parse(published), "argument"
    return pipeline()(doc)


def extract_paths(paths: Iterable[str], published: str | None = None
                  ) -> Iterable[Document | InputError]:
    """Read and extract every input, yielding documents or input errors, in input order."""
    run = pipeline()
    for item in read(paths, published):
        yield item if isinstance(item, InputError) else run(item.document)


def example_text() -> str:
    """The founding article shipped with the package."""
    return resources.files("missionwatch.example").joinpath("article.txt").read_text("utf-8")


def _entities(doc: Document) -> list[Entity]:
    return list(doc.entities.values())


def ingest(store: Store, paths: Iterable[str], published: str | None = None,
           on_item: Callable[[str], None] | None = None, workers: int = 1) -> IngestReport:
    """Read, extract and store every input. Bad inputs are recorded and skipped.

    With ``workers > 1`` extraction runs in that many processes while this one reads and
    writes the store; documents are stored in input order either way.
    """
    report = IngestReport()

    def pending() -> Iterator[Item | InputError]:
        for item in read(paths, published):
            if isinstance(item, Item) and store.has_document(item.document.id):
                report.unchanged += 1
                if on_item is not None:
                    on_item(item.document.origin)
                continue
            yield item

    for done in extract_items(pending(), workers):
        if isinstance(done, InputError):
            _reject(store, report, done.source, str(done), type(done).__name__)
        else:
            _store_item(store, done, report)
        if on_item is not None:
            on_item(done.source if isinstance(done, InputError) else done.document.origin)
    return report


def _extract_one(item: Item | InputError) -> Item | InputError:
    if isinstance(item, InputError):
        return item
    try:
        pipeline()(item.document)
    except MissionwatchError as exc:
        origin = item.document.origin
        return InputError(origin, f"extraction failed ({type(exc).__name__}: {exc})")
    return item


def extract_items(items: Iterable[Item | InputError], workers: int = 1,
                  batch: int = 64) -> Iterator[Item | InputError]:
    """Run the pipeline over items, in order, in ``workers`` processes (1: this one).
    Items are handed out in bounded batches so memory stays flat on any corpus size."""
    if workers <= 1:
        yield from map(_extract_one, items)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    size = max(1, batch // 8)
    window = 4 * workers  # chunks in flight: every worker stays busy, memory stays bounded
    with context.Pool(workers) as pool:
        pending: deque[AsyncResult[list[Item | InputError]]] = deque()
        for chunk in _chunks(items, size):
            pending.append(pool.apply_async(_extract_chunk, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _extract_chunk(chunk: list[Item | InputError]) -> list[Item | InputError]:
    return [_extract_one(item) for item in chunk]


def _chunks(items: Iterable[Item | InputError], size: int) -> Iterator[list[Item | InputError]]:
    chunk: list[Item | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_items(store: Store, items: Iterable[Item]) -> IngestReport:
    report = IngestReport()
    for item in items:
        _ingest_item(store, item, report)
    return report


def _reject(store: Store, report: IngestReport, source: str, reason: str, kind: str) -> None:
    store.record_rejection(source, reason, kind)
    report.rejections.append(Rejection(source, reason, kind))


def _ingest_item(store: Store, item: Item, report: IngestReport) -> None:
    if store.has_document(item.document.id):
        report.unchanged += 1
        return
    done = _extract_one(item)
    if isinstance(done, InputError):
        _reject(store, report, done.source, str(done), type(done).__name__)
    else:
        _store_item(store, done, report)


def _store_item(store: Store, item: Item, report: IngestReport) -> None:
    doc = item.document
    added = store.ingest_document(doc, item.raw, _entities(doc), doc.claims)
    report.documents += 1
    report.claims += added
    report.claims_by_kind.update(c.kind for c in doc.claims)


def ingest_example(store: Store) -> IngestReport:
    """Ingest the founding article (published 2020-02-13)."""
    text = example_text()
    raw = text.encode("utf-8")
    doc = Document(id=content_id(raw), text=text,
                   title="NATO ready to expand Iraq training mission",
                   origin="missionwatch:example/article.txt",
                   published=PartialDate.parse(EXAMPLE_PUBLISHED), date_source="argument")
    return ingest_items(store, [Item(doc, raw)])


def resolve_entity(store: Store, name: str, type: str | None = None) -> Entity:
    """Find an entity by id, name or alias (gazetteer first, then the store)."""
    from missionwatch.link.gazetteer import gazetteer

    gaz = gazetteer()
    if ":" in name:
        try:
            return gaz.get(name)
        except NotFound:
            pass
    found = gaz.find(name, type)
    if found is not None:
        return found
    hits = [e for e in gaz.search(name) if type is None or e.type == type]
    if hits:
        return hits[0]
    for entity in store.entities(type):
        if name.lower() in (entity.name.lower(), entity.id.lower(),
                            *(a.lower() for a in entity.aliases)):
            return entity
    raise NotFound(f"no {type or 'entity'} called {name!r}; try `missionwatch entities`")


def mission_state(store: Store, name: str, as_of: str | None = None) -> MissionState:
    """The state of a mission (name, acronym or id) as of a date (default: today)."""
    import datetime as dt

    from missionwatch.query.state import state_as_of

    mission = resolve_entity(store, name, "mission")
    day = as_of or dt.date.today().isoformat()
    state = state_as_of(store, mission.id, day)
    _census_personnel(store, state, day)
    return state


def _census_personnel(store: Store, state: MissionState, day: str) -> None:
    """Where an imported census covers the mission, its personnel section follows the census
    rule (a contributor missing from the latest census has left; see query/personnel.py)."""
    from missionwatch.query.personnel import Personnel
    from missionwatch.query.state import StateItem

    personnel = Personnel(store)
    if personnel.census.snapshot(state.mission, PartialDate.parse(day).latest().isoformat()) \
            is None:
        return
    items = []
    for figure in personnel.contributors(state.mission, day):
        claim = store.get_claim(figure.claim)
        items.append(StateItem(claim, claim.date, "claim", "subject"))
    state.current["mission.personnel"] = items


def timeline(store: Store, name: str) -> list[Claim]:
    """Every claim about an entity, in date order (undated last)."""
    from missionwatch.query.timeline import timeline as _timeline

    return _timeline(store, resolve_entity(store, name).id)


def quotes(store: Store, speaker: str | None = None) -> list[Claim]:
    """Statement claims, optionally by one speaker (id or part of a name)."""
    from missionwatch.query.timeline import quotes as _quotes

    return _quotes(store, speaker)


def entities(store: Store, type: str | None = None,
             *, stored_only: bool = False) -> list[Entity]:
    """Gazetteer entities and those stored from documents (``stored_only``: only the latter
    and the entities stored claims are about)."""
    from missionwatch.link.gazetteer import gazetteer

    found: dict[str, Entity] = {e.id: e for e in store.entities(type)}
    if stored_only:
        subjects = store.subjects()
        gaz = gazetteer()
        for subject in subjects:
            if subject not in found:
                try:
                    entity = gaz.get(subject)
                except NotFound:
                    continue
                if type is None or entity.type == type:
                    found[subject] = entity
    else:
        for entity in gazetteer().entities():
            if type is None or entity.type == type:
                found.setdefault(entity.id, entity)
    return sorted(found.values(), key=lambda e: (e.type, e.name))
