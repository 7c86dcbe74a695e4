"""Queries over a :class:`~missionwatch.store.Store`: state as of a date, timelines, quotes.

    from missionwatch.query import state_as_of, timeline, quotes
    state = state_as_of(store, "mission:nmi", "2020-02-14")
    state.status.claim.value, state.status.since   # "suspended", "2020-01"
"""

from missionwatch.query.groups import latest_per_group, latest_per_group_scan
from missionwatch.query.state import MissionState, StateItem, state_as_of
from missionwatch.query.timeline import quotes, timeline

__all__ = [
    "MissionState",
    "StateItem",
    "latest_per_group",
    "latest_per_group_scan",
    "quotes",
    "state_as_of",
    "timeline",
]
