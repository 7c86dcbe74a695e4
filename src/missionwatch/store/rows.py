"""Claims, documents and entities to table rows and back.

The row form is what :mod:`missionwatch.store.schema` describes: JSON as canonical text,
partial dates as written plus the derived ``valid_from``/``valid_to`` days, and the
``contributor``/``role`` qualifiers repeated in their own columns ("" when absent).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.errors import InvalidClaim, InvalidDate
from missionwatch.model import Claim, Entity, Source, canonical_json
from missionwatch.vocab import vocabulary

#: the claims columns in the order :func:`claim_row` fills them
CLAIM_COLUMNS = (
    "id", "kind", "subject", "subject_name", "value", "qualifiers", "date", "date_end",
    "precision", "valid_from", "valid_to", "date_inferred", "modality", "confidence",
    "status", "recorded_at", "document", "src_start", "src_end", "src_text", "extractor",
    "extractor_version", "contributor", "role",
)

#: the claim_groups columns, and where :func:`group_of` finds them in a claim row
GROUP_COLUMNS = ("kind", "subject", "contributor", "role")
_GROUP_AT = tuple(CLAIM_COLUMNS.index(name) for name in GROUP_COLUMNS)


#: the (kind, subject, contributor, role) of a claim row
group_of: Callable[[tuple[Any, ...]], tuple[str, ...]] = itemgetter(*_GROUP_AT)


#: the claim_refs columns (see :func:`refs_of`)
REF_COLUMNS = ("entity", "kind", "qualifier", "claim")


@cache
def _entity_qualifiers(kind: str) -> tuple[str, ...]:
    """The qualifiers of ``kind`` that name entities, except grouped kinds' group keys."""
    spec = vocabulary().kinds.get(kind)
    if spec is None:
        return ()
    return tuple(q.name for q in spec.qualifiers.values()
                 if q.type == "entity" and q.name not in spec.group_by)


_KIND_AT, _QUALIFIERS_AT = CLAIM_COLUMNS.index("kind"), CLAIM_COLUMNS.index("qualifiers")


def refs_of_row(row: tuple[Any, ...]) -> list[tuple[str, str, str, str]]:
    """The claim_refs rows of a claim row: one per entity id in an entity-typed qualifier."""
    kind = row[_KIND_AT]
    names = _entity_qualifiers(kind)
    if not names:
        return []
    qualifiers = json.loads(row[_QUALIFIERS_AT])
    out = []
    for name in names:
        value = qualifiers.get(name)
        for entity in value if isinstance(value, list) else [value]:
            if isinstance(entity, str) and entity:
                out.append((entity, kind, name, row[0]))
    return out


class RowLayout:
    """The shape of the claim rows given to the bulk path (``Store.add_claim_rows``).

    ``fixed`` columns hold the same value in every row of a load (an importer's kind,
    extractor, recorded time…): they are given once, and each row holds only the other
    :attr:`columns`, in :data:`CLAIM_COLUMNS` order. With nothing fixed, rows are full
    :func:`claim_row` tuples. Get layouts from :func:`row_layout` (cached, hashable).
    """

    __slots__ = ("_fill", "_group_fill", "_group_get", "_group_one", "_refs", "columns",
                 "fixed")

    def __init__(self, fixed: tuple[tuple[str, Any], ...]) -> None:
        names = dict(fixed)
        unknown = sorted(set(names) - set(CLAIM_COLUMNS))
        if unknown or "id" in names:
            raise ValueError(f"cannot fix claim columns {unknown or ['id']}")
        self.fixed = fixed
        self.columns = tuple(c for c in CLAIM_COLUMNS if c not in names)
        at = {name: i for i, name in enumerate(self.columns)}
        #: per CLAIM_COLUMNS: (True, position in a row) or (False, the fixed value)
        self._fill = tuple((True, at[c]) if c in at else (False, names[c])
                           for c in CLAIM_COLUMNS)
        varying = [at[c] for c in GROUP_COLUMNS if c in at]
        #: the varying part of a row's group key (a tuple, or one value when one varies)
        self._group_get: Callable[[tuple[Any, ...]], Any] = (
            itemgetter(*varying) if varying else (lambda _row: ()))
        self._group_one = len(varying) == 1
        #: per GROUP_COLUMNS: (True, "") when it varies, else (False, the fixed value)
        self._group_fill = (None if len(varying) == len(GROUP_COLUMNS) else
                            tuple((c in at, names.get(c, "")) for c in GROUP_COLUMNS))
        kind = names.get("kind")
        # rows of a fixed kind without entity qualifiers have no claim_refs rows
        self._refs = not (isinstance(kind, str) and not _entity_qualifiers(kind))

    def full(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """``row`` with the fixed columns put back: a :func:`claim_row` tuple."""
        if not self.fixed:
            return row
        return tuple(row[x] if varying else x for varying, x in self._fill)

    def groups(self, rows: list[tuple[Any, ...]]) -> set[tuple[str, ...]]:
        """The distinct ``claim_groups`` rows (:data:`GROUP_COLUMNS`) of ``rows``."""
        if self._group_fill is None:
            return set(map(self._group_get, rows))
        out: set[tuple[str, ...]] = set()
        for key in set(map(self._group_get, rows)):
            values = iter((key,) if self._group_one else key)
            out.add(tuple(next(values) if varying else v for varying, v in self._group_fill))
        return out

    def refs(self, rows: list[tuple[Any, ...]]) -> list[tuple[str, str, str, str]]:
        """The ``claim_refs`` rows of ``rows`` (see :func:`refs_of_row`)."""
        if not self._refs:
            return []
        return [ref for row in rows for ref in refs_of_row(self.full(row))]


@lru_cache(maxsize=64)
def row_layout(fixed: tuple[tuple[str, Any], ...] = ()) -> RowLayout:
    """The :class:`RowLayout` with these ``(column, value)`` pairs fixed (sorted by column)."""
    return RowLayout(fixed)


def fixed_items(fixed: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    """``fixed`` as the sorted pairs :func:`row_layout` takes."""
    return tuple(sorted((fixed or {}).items(), key=itemgetter(0)))


@lru_cache(maxsize=65536)
def _earliest(iso: str) -> str:
    return PartialDate.parse(iso).earliest().isoformat()


@lru_cache(maxsize=65536)
def _latest(iso: str) -> str:
    return PartialDate.parse(iso).latest().isoformat()


def valid_span(date: str | None, date_end: str | None) -> tuple[str | None, str | None]:
    """The first and last day a claim dated ``date`` (to ``date_end``) can refer to.

    ``2020-01`` gives ``("2020-01-01", "2020-01-31")``; an undated claim gives ``(None, None)``.
    """
    if not date:
        return None, None
    return _earliest(date), _latest(date_end or date)


def _canonical_encoder() -> Callable[[Any], str]:
    """:func:`canonical_json`, built once (bulk inserts encode two values per claim).

    ``json.dumps`` builds a new encoder on every call; this builds CPython's C encoder
    once (``_json.make_encoder``, what ``JSONEncoder.iterencode`` calls) and falls back to
    a reused :class:`json.JSONEncoder` where the C accelerator is missing. Same text.
    """
    encoder = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    basestring = getattr(json.encoder, "c_encode_basestring", None)
    if make is None or basestring is None:
        return encoder.encode
    c_encode = make(None, encoder.default, basestring, None, ":", ",", True, False, True)

    def encode(value: Any) -> str:
        return "".join(c_encode(value, 0))

    return encode


_json = _canonical_encoder()


def _key(value: Any) -> str:
    """A qualifier as a group key: strings as they are, "" when absent, else JSON."""
    if value.__class__ is str:
        return str(value)
    return "" if value is None else _json(value)


def claim_row(claim: Claim) -> tuple[Any, ...]:
    """The claim as a tuple in :data:`CLAIM_COLUMNS` order (the bulk-insert form)."""
    src = claim.source
    quals = claim.qualifiers
    date = claim.date or None
    try:
        valid_from, valid_to = valid_span(date, claim.date_end)
    except InvalidDate as exc:
        raise InvalidClaim(
            f"claim {claim.id} ({claim.kind} of {claim.subject}, document "
            f"{claim.source.document}): {exc}", {"date": str(exc)}) from exc
    return (
        claim.id, claim.kind, claim.subject, claim.subject_name, _json(claim.value),
        _json(quals), date, claim.date_end or None, claim.precision,
        valid_from, valid_to, bool(claim.date_inferred), claim.modality,
        float(claim.confidence), claim.status, claim.recorded_at, src.document, src.start,
        src.end, src.text, src.extractor, src.extractor_version,
        _key(quals.get("contributor")), _key(quals.get("role")),
    )


def claim_from_row(row: Mapping[Any, Any]) -> Claim:
    """Rebuild the :class:`Claim` a row was made from (ids are kept, not recomputed)."""
    return Claim(
        kind=row["kind"], subject=row["subject"], value=json.loads(row["value"]),
        source=Source(row["document"], row["src_start"], row["src_end"], row["src_text"],
                      row["extractor"], row["extractor_version"]),
        qualifiers=json.loads(row["qualifiers"]), date=row["date"], date_end=row["date_end"],
        precision=row["precision"], date_inferred=bool(row["date_inferred"]),
        modality=row["modality"], confidence=float(row["confidence"]), status=row["status"],
        recorded_at=row["recorded_at"], subject_name=row["subject_name"], id=row["id"],
    )


def document_row(doc: Document, raw: bytes, ingested_at: str) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "url": doc.url, "origin": doc.origin,
        "published": doc.published.iso() if doc.published else None,
        "date_source": doc.date_source, "meta": canonical_json(doc.meta), "text": doc.text,
        "raw": bytes(raw), "ingested_at": ingested_at,
    }


def document_from_row(row: Mapping[Any, Any]) -> Document:
    published = row["published"]
    return Document(
        id=row["id"], text=row["text"], title=row["title"], url=row["url"],
        origin=row["origin"],
        published=PartialDate.parse(published) if published else None,
        date_source=row["date_source"], meta=json.loads(row["meta"]),
    )


def entity_row(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type,
            "aliases": canonical_json(list(entity.aliases)),
            "attributes": canonical_json(entity.attributes)}


def entity_from_row(row: Mapping[Any, Any]) -> Entity:
    return Entity(id=row["id"], name=row["name"], type=row["type"],
                  aliases=json.loads(row["aliases"]), attributes=json.loads(row["attributes"]))
