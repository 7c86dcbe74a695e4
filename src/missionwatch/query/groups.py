"""The newest claim per (contributor, role) of one subject and kind, valid at a day.

This is the "personnel as of" query, and it must stay fast when a mission has hundreds of
thousands of monthly figures. It never reads the history: it takes the subject's few
(contributor, role) pairs from ``claim_groups`` and, for each, makes one backwards seek in
the index ``(kind, subject, contributor, role, valid_from)`` to the newest factual claim at
or before the day. Cost: a few index seeks per group, whatever the history's length.

:func:`latest_per_group_scan` is the plain read-everything-and-fold version, kept as the
reference the fast one is tested against (and as the baseline for benchmarks).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import sqlalchemy as sa

from missionwatch.model import Claim
from missionwatch.query.filters import FACTUAL, span
from missionwatch.store import Store
from missionwatch.store.schema import claim_groups as groups_t
from missionwatch.store.schema import claims as claims_t

#: the qualifiers the fast path groups by (they have their own indexed columns)
INDEXED_GROUP = ("contributor", "role")


@cache
def latest_per_group_query(dialect: str = "sqlite") -> sa.Select[Any]:
    """The SELECT behind :func:`latest_per_group`: one ``claims`` row per group, with the
    parameters ``kind``, ``subject`` and ``day`` (built once per dialect).

    PostgreSQL gets it as a ``LATERAL`` join (its planner would otherwise run the per-group
    subquery twice); SQLite has no ``LATERAL`` and plans the correlated scalar subquery as
    one seek per group.
    """
    g = groups_t.c
    latest = claims_t.alias("latest")
    newest = (
        sa.select(latest.c.id if dialect != "postgresql" else latest)
        .where(latest.c.kind == g.kind, latest.c.subject == g.subject,
               latest.c.contributor == g.contributor, latest.c.role == g.role,
               latest.c.valid_from <= sa.bindparam("day"), latest.c.modality.in_(FACTUAL))
        .order_by(latest.c.valid_from.desc(), latest.c.valid_to.desc(), latest.c.id.desc())
        .limit(1)
    )
    if dialect == "postgresql":
        row = newest.lateral("newest")
        joined = groups_t.join(row, sa.true())
        columns: list[Any] = [row.c[col.name] for col in claims_t.c]
    else:
        joined = groups_t.join(claims_t, claims_t.c.id == newest.scalar_subquery())
        columns = list(claims_t.c)
    return (sa.select(*columns).select_from(joined)
            .where(g.kind == sa.bindparam("kind"), g.subject == sa.bindparam("subject"))
            .order_by(g.contributor, g.role))


def latest_per_group(store: Store, kind: str, subject: str, day: str) -> list[Claim]:
    """The newest factual dated claim per (contributor, role), valid on ISO ``day``."""
    params = {"kind": kind, "subject": subject, "day": day}
    return list(store.select_claims(latest_per_group_query(store.dialect), params))


def latest_per_group_scan(store: Store, kind: str, subject: str, day: str,
                          group_by: tuple[str, ...] = INDEXED_GROUP) -> list[Claim]:
    """The same answer by reading every claim of the subject and kind (slow; reference)."""
    c = claims_t.c
    stmt = sa.select(claims_t).where(c.kind == kind, c.subject == subject,
                                     c.valid_from.is_not(None), c.modality.in_(FACTUAL))
    best: dict[tuple[str, ...], tuple[tuple[str, str, str], Claim]] = {}
    for claim in store.select_claims(stmt, stream=True):
        start, end = span(claim.date, claim.date_end)
        if start > day:
            continue
        key = tuple(_group_value(claim, name) for name in group_by)
        rank = (start, end, claim.id)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, claim)
    return [claim for _, (_, claim) in sorted(best.items())]


def _group_value(claim: Claim, name: str) -> str:
    value = claim.qualifiers.get(name)
    return "" if value is None else str(value)
