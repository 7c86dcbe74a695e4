"""A subject's timeline and the statements by a speaker.

``timeline(store, entity_id)`` lists the claims about an entity — its own, plus claims of
``events`` kinds that name it in an entity qualifier (a transfer ``to`` a mission, a
statement ``about`` it, an event with it as ``recipient``) — in valid-time order: by the
first day of the date, then the last (``2020`` before ``2020-01-15``), then the place in
the source; undated claims come last.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from missionwatch.model import Claim
from missionwatch.query.filters import like_escape, naming, order_key
from missionwatch.store import Store
from missionwatch.store.schema import claims as claims_t
from missionwatch.vocab import vocabulary


def timeline(store: Store, entity_id: str) -> list[Claim]:
    """Every claim about ``entity_id`` in date order (undated last)."""
    return sorted(store.select_claims(timeline_query(entity_id)), key=order_key)


def timeline_query(entity_id: str) -> sa.Select[Any]:
    """The claims :func:`timeline` lists, unordered."""
    events = [k.name for k in vocabulary().kinds.values() if k.state == "events"]
    return sa.select(claims_t).where(
        sa.or_(claims_t.c.subject == entity_id, naming(entity_id, events)))


def quotes(store: Store, speaker: str | None = None) -> list[Claim]:
    """Statement claims in date order; ``speaker`` matches the speaker's id exactly or a
    part of the speaker's name, ignoring case (``stoltenberg`` finds Jens Stoltenberg)."""
    c = claims_t.c
    stmt = sa.select(claims_t).where(c.kind == "statement")
    if speaker:
        pattern = f"%{like_escape(speaker.lower())}%"
        stmt = stmt.where(sa.or_(c.subject == speaker,
                                 sa.func.lower(c.subject_name).like(pattern, escape="\\")))
    return sorted(store.select_claims(stmt), key=order_key)
