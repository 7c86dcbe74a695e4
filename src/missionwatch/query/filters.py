"""Small building blocks shared by the queries: modality roles, days, qualifier matches.

How each modality counts in "state as of" (the modalities themselves are defined in
``vocab/modalities.yaml``; a test checks that every one of them has a role here):

* ``asserted``, ``reported`` — facts: they set the current state;
* ``planned``, ``expected``, ``conditional`` — plans: listed as pending, never override;
* ``negated`` — denials: listed, never set a state.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import sqlalchemy as sa

from missionwatch.dates import PartialDate
from missionwatch.model import Claim
from missionwatch.store.rows import valid_span
from missionwatch.store.schema import claim_refs as refs_t
from missionwatch.store.schema import claims as claims_t

Role = Literal["fact", "plan", "negated"]

MODALITY_ROLES: dict[str, Role] = {
    "asserted": "fact",
    "reported": "fact",
    "planned": "plan",
    "expected": "plan",
    "conditional": "plan",
    "negated": "negated",
}
FACTUAL = tuple(m for m, role in MODALITY_ROLES.items() if role == "fact")
NOT_FACTUAL = tuple(m for m, role in MODALITY_ROLES.items() if role != "fact")


def role_of(claim: Claim) -> Role:
    """Whether a claim is a fact, a plan or a denial (unknown modalities count as plans)."""
    return MODALITY_ROLES.get(claim.modality, "plan")


def as_date(value: PartialDate | str) -> PartialDate:
    return value if isinstance(value, PartialDate) else PartialDate.parse(value)


def last_day(value: PartialDate | str) -> str:
    """The last day a partial date covers, as ISO text (``2020-02`` → ``2020-02-29``)."""
    return as_date(value).latest().isoformat()


def span(date: str | None, date_end: str | None = None) -> tuple[str, str]:
    """First and last ISO day of a claim's dates, ``("", "")`` when undated (cached)."""
    first, last = valid_span(date or None, date_end or None)
    return first or "", last or ""


def like_escape(text: str) -> str:
    """``text`` with LIKE wildcards escaped by ``\\``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def naming(entity_id: str, kinds: Iterable[str] = (),
           qualifiers: Iterable[str] = ()) -> sa.ColumnElement[bool]:
    """Claims that name ``entity_id`` in an entity qualifier (``to``, ``about``…), optionally
    only of ``kinds`` and through ``qualifiers`` (looked up in ``claim_refs``)."""
    r = refs_t.c
    found = sa.select(r.claim).where(r.entity == entity_id)
    kinds, qualifiers = list(kinds), list(qualifiers)
    if kinds:
        found = found.where(r.kind.in_(kinds))
    if qualifiers:
        found = found.where(r.qualifier.in_(qualifiers))
    return claims_t.c.id.in_(found)


def order_key(claim: Claim) -> tuple[int, str, str, str, int, str]:
    """Timeline order: valid time (undated last), then place in the source."""
    start, end = span(claim.date, claim.date_end)
    return (0 if start else 1, start, end, claim.source.document, claim.source.start, claim.id)
