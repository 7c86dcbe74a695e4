"""The state of a mission as of a date, folded from its claims.

Rules (``state_as_of``):

* **In force as of D** means valid from the first day of the claim's date up to the last
  day of D: a claim dated ``2020-01`` is in force as of ``2020-01-15`` and as of ``2020-01``
  (its ``valid_from`` is 2020-01-01), one dated ``2020-02`` is not in force as of
  ``2020-01-31``. An undated claim counts from its document's publication date (it was true
  when written); with no such date it counts, sorted before every dated claim.
* Each kind whose subject may be a mission is folded by its ``state`` rule in
  ``vocab/claims.yaml``: ``latest`` keeps the newest claim; ``per_qualifier`` the newest
  per value of the ``group_by`` qualifiers (personnel per contributor and role);
  ``set`` each distinct value once, with its earliest claim (since when); ``events``
  every claim in date order. Newest = latest ``valid_from``, then latest ``valid_to``,
  then the larger claim id (an arbitrary but stable tie-break).
* Only facts (``asserted``, ``reported``) set the state. Plans (``planned``,
  ``expected``, ``conditional``) stated by D are listed under ``plans`` unless a fact of
  the same kind and value dated between the plan's statement and D fulfilled them;
  ``negated`` claims are listed under ``negated``. Neither overrides a fact.
* Besides the mission's own claims, an ``events`` kind also takes claims naming the
  mission in an entity qualifier (a transfer ``to`` it); ``statements`` are statement
  claims ``about`` the mission or made in a document that supports one of the listed items.

``MissionState.to_dict()``::

    {"mission": {"id", "name"}, "as_of": "2020-02-14",
     "status": ITEM | null, "consent": ITEM | null, "cap": ITEM | null,   # latest
     "mandate": [ITEM], "personnel": [ITEM],                             # set, per group
     "transfers": [ITEM], "meetings": [ITEM], "events": [ITEM],          # events
     "plans": [ITEM], "negated": [ITEM], "statements": [ITEM]}

A section is the kind's name without ``mission.``, plural for ``events`` kinds. ``ITEM`` is
``{"kind", "value", "since", "since_from": "claim" | "document", "modality", "qualifiers",
"via": "subject" | "qualifier" | "about" | "document", "claim": id, "source": {document,
start, end, text}}``; a personnel item also has ``contributor`` and ``role``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from missionwatch.dates import PartialDate
from missionwatch.errors import NotFound
from missionwatch.model import Claim, canonical_json
from missionwatch.query.filters import (
    FACTUAL,
    NOT_FACTUAL,
    as_date,
    last_day,
    naming,
    role_of,
    span,
)
from missionwatch.query.groups import INDEXED_GROUP, latest_per_group
from missionwatch.store import Store
from missionwatch.store.schema import claims as claims_t
from missionwatch.vocab import ClaimKind, vocabulary


@dataclass(frozen=True)
class StateItem:
    """One claim in a mission's state, with the date it holds from."""

    claim: Claim
    since: str | None  # partial ISO date: the claim's date, else its document's
    since_from: str = "claim"  # "claim" | "document" | "none"
    via: str = "subject"  # how it concerns the mission: subject | qualifier | about | document

    @property
    def start(self) -> str:
        """The first day it holds from (``""`` when unknown: sorts first)."""
        return span(self.since)[0]

    def rank(self) -> tuple[str, str, str]:
        """Newer sorts later: first day, then last day of the claim's date, then id."""
        return (self.start, span(self.claim.date, self.claim.date_end)[1], self.claim.id)

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        data: dict[str, Any] = {
            "kind": c.kind, "value": c.value, "since": self.since, "since_from": self.since_from,
            "modality": c.modality, "qualifiers": c.qualifiers, "via": self.via, "claim": c.id,
            "source": {"document": c.source.document, "start": c.source.start,
                       "end": c.source.end, "text": c.source.text},
        }
        spec = vocabulary().kinds.get(c.kind)
        for name in spec.group_by if spec is not None else ():
            data[name] = c.qualifiers.get(name)
        return data


@dataclass
class MissionState:
    """A mission's folded state as of a date (see the module docstring)."""

    mission: str
    name: str
    as_of: PartialDate
    current: dict[str, list[StateItem]] = field(default_factory=dict)  # by claim kind
    plans: list[StateItem] = field(default_factory=list)
    negated: list[StateItem] = field(default_factory=list)
    statements: list[StateItem] = field(default_factory=list)

    def _one(self, kind: str) -> StateItem | None:
        items = self.current.get(kind) or []
        return items[0] if items else None

    @property
    def status(self) -> StateItem | None:
        return self._one("mission.status")

    @property
    def consent(self) -> list[StateItem]:
        """Consent to the presence and, separately, to each change it concerns."""
        return self.current.get("mission.consent", [])

    @property
    def cap(self) -> StateItem | None:
        return self._one("mission.cap")

    @property
    def mandate(self) -> list[StateItem]:
        return self.current.get("mission.mandate", [])

    @property
    def personnel(self) -> list[StateItem]:
        return self.current.get("mission.personnel", [])

    @property
    def transfers(self) -> list[StateItem]:
        return self.current.get("mission.transfer", [])

    def items(self) -> list[StateItem]:
        """Every item in the state, plans and denials included (not statements)."""
        found = [item for items in self.current.values() for item in items]
        return found + self.plans + self.negated

    def to_dict(self) -> dict[str, Any]:
        vocab = vocabulary()
        data: dict[str, Any] = {"mission": {"id": self.mission, "name": self.name},
                                "as_of": self.as_of.iso()}
        for kind, items in self.current.items():
            rule = vocab.kind(kind).state
            if rule == "latest":
                data[section_name(kind)] = items[0].to_dict() if items else None
            else:
                data[section_name(kind)] = [item.to_dict() for item in items]
        data["plans"] = [item.to_dict() for item in self.plans]
        data["negated"] = [item.to_dict() for item in self.negated]
        data["statements"] = [item.to_dict() for item in self.statements]
        return data


#: written as a literal so that SQLite can use the partial index with the same condition
NOT_ASSERTED = sa.text("claims.modality <> 'asserted'")


def section_name(kind: str) -> str:
    """``mission.status`` → ``status``; an ``events`` kind is plural (``transfers``)."""
    name = kind.removeprefix("mission.")
    return name + "s" if vocabulary().kind(kind).state == "events" else name


def mission_kinds() -> list[ClaimKind]:
    """The claim kinds whose subject may be a mission, in vocabulary order."""
    return [k for k in vocabulary().kinds.values() if "mission" in k.subject]


def state_as_of(store: Store, mission_id: str, as_of: PartialDate | str) -> MissionState:
    """Fold the mission's claims into its state as of ``as_of`` (see the module docstring)."""
    date = as_date(as_of)
    day = last_day(date)
    kinds = mission_kinds()
    fast = [k.name for k in kinds if k.state == "per_qualifier" and k.group_by == INDEXED_GROUP]
    found = list(store.select_claims(_own_claims(mission_id, day, kinds, fast)))
    grouped = {kind: latest_per_group(store, kind, mission_id, day) for kind in fast}
    found_docs = {cl.source.document for cl in found}
    found_docs |= {cl.source.document for cls in grouped.values() for cl in cls}
    said = list(store.select_claims(statements_query(mission_id, found_docs)))
    # documents' dates place undated claims and tell when a plan was stated
    published = store.published(cl.source.document for cl in found + said
                                if not cl.date or role_of(cl) != "fact")

    state = MissionState(mission_id, _mission_name(store, mission_id, found, grouped), date)
    items = [_item(claim, mission_id, published) for claim in found]
    facts = [i for i in items if role_of(i.claim) == "fact" and i.start <= day]
    for kind in kinds:
        mine = [i for i in facts if i.claim.kind == kind.name]
        mine += [_item(cl, mission_id, published) for cl in grouped.get(kind.name, [])]
        state.current[kind.name] = fold(kind, mine)
    state.plans = _pending(items, facts, date, published)
    state.negated = sorted((i for i in items if role_of(i.claim) == "negated"
                            and _stated(i.claim, published) <= day), key=StateItem.rank)
    state.statements = _statements(said, mission_id, day, published)
    return state


def _own_claims(mission_id: str, day: str, kinds: list[ClaimKind],
                fast: list[str]) -> sa.Select[Any]:
    """One query for every claim the fold needs except the newest per group (see
    :mod:`missionwatch.query.groups`). Each branch of the OR is an index seek."""
    c = claims_t.c
    slow = [k.name for k in kinds if k.name not in fast]
    branches: list[sa.ColumnElement[bool]] = [
        # the small kinds: facts up to the day, undated ones, and every plan or denial
        sa.and_(c.subject == mission_id, c.kind.in_(slow),
                sa.or_(c.valid_from <= day, c.valid_from.is_(None),
                       c.modality.not_in(FACTUAL))),
        # the grouped kinds' plans and denials (partial index on non-asserted claims)
        sa.and_(NOT_ASSERTED, c.modality.in_(NOT_FACTUAL), c.subject == mission_id,
                c.kind.in_(fast)),
        # the grouped kinds' undated facts (they count from their document's date)
        sa.and_(c.subject == mission_id, c.kind.in_(fast), c.valid_from.is_(None),
                c.modality.in_(FACTUAL)),
    ]
    # events naming the mission in a qualifier (a transfer "to" it)
    branches.append(naming(mission_id, [k.name for k in kinds if k.state == "events"]))
    return sa.select(claims_t).where(sa.or_(*branches))


def statements_query(mission_id: str, documents: Iterable[str]) -> sa.Select[Any]:
    """Statements ``about`` the mission, or made in one of ``documents``."""
    c = claims_t.c
    return sa.select(claims_t).where(sa.or_(
        naming(mission_id, ["statement"], ["about"]),
        sa.and_(c.kind == "statement", c.document.in_(sorted(documents))),
    ))


def fold(kind: ClaimKind, items: list[StateItem]) -> list[StateItem]:
    """Apply the kind's state rule to its factual items valid at the day."""
    ordered = sorted(items, key=StateItem.rank)
    if kind.state == "latest":
        return ordered[-1:]
    if kind.state == "set":
        first: dict[str, StateItem] = {}
        for item in ordered:
            first.setdefault(_value_key(item.claim.value), item)
        return list(first.values())
    if kind.state == "per_qualifier":
        newest: dict[tuple[str, ...], StateItem] = {}
        for item in ordered:
            newest[tuple(_value_key(item.claim.qualifiers.get(q)) for q in kind.group_by)] = item
        return [newest[key] for key in sorted(newest)]
    return ordered  # events


def _item(claim: Claim, mission_id: str, published: dict[str, PartialDate]) -> StateItem:
    via = "subject" if claim.subject == mission_id else "qualifier"
    if claim.date:
        return StateItem(claim, claim.date, "claim", via)
    doc_date = published.get(claim.source.document)
    if doc_date is not None:
        return StateItem(claim, doc_date.iso(), "document", via)
    return StateItem(claim, None, "none", via)


def _stated(claim: Claim, published: dict[str, PartialDate]) -> str:
    """The first day a claim was made: its document's date, else its own, else ``""``."""
    when = published.get(claim.source.document)
    if when is None and claim.date:
        when = as_date(claim.date)
    return when.earliest().isoformat() if when else ""


def _pending(items: list[StateItem], facts: list[StateItem], date: PartialDate,
             published: dict[str, PartialDate]) -> list[StateItem]:
    """Plans stated by the day and not yet fulfilled by a fact of the same kind and value."""
    day = date.latest().isoformat()
    pending = []
    for item in items:
        stated = _stated(item.claim, published)
        if role_of(item.claim) != "plan" or stated > day:
            continue
        value = _value_key(item.claim.value)
        fulfilled = any(
            f.claim.kind == item.claim.kind and f.claim.subject == item.claim.subject
            and _value_key(f.claim.value) == value and f.start >= stated for f in facts
        )
        if not fulfilled:
            pending.append(item)
    return sorted(pending, key=StateItem.rank)


def _statements(said: list[Claim], mission_id: str, day: str,
                published: dict[str, PartialDate]) -> list[StateItem]:
    out = []
    for claim in said:
        item = _item(claim, mission_id, published)
        via = "about" if claim.qualifiers.get("about") == mission_id else "document"
        if item.start <= day and role_of(claim) != "negated":
            out.append(StateItem(claim, item.since, item.since_from, via))
    return sorted(out, key=StateItem.rank)


def _value_key(value: Any) -> str:
    return value if isinstance(value, str) else canonical_json(value)


def _mission_name(store: Store, mission_id: str, found: list[Claim],
                  grouped: dict[str, list[Claim]]) -> str:
    try:
        return store.entity(mission_id).name
    except NotFound:
        pass
    own = [cl for cl in found if cl.subject == mission_id]
    own += [cl for cls in grouped.values() for cl in cls]
    if own:
        return next((cl.subject_name for cl in own if cl.subject_name), mission_id)
    c = claims_t.c
    if store.rows(sa.select(c.id).where(c.subject == mission_id).limit(1)):
        return mission_id
    raise NotFound(f"no mission {mission_id!r} in the store (no entity and no claims)")
