"""Property tests: any claim survives claim → row → claim, in memory and in SQLite."""

from __future__ import annotations

import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missionwatch.model import Claim, Source
from missionwatch.store import Store
from missionwatch.store.rows import CLAIM_COLUMNS, claim_from_row, claim_row

text = st.text(max_size=30)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | text
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
partial_date = st.dates().map(lambda d: d.isoformat()).flatmap(
    lambda iso: st.sampled_from([iso[:4], iso[:7], iso]))

claims = st.builds(
    Claim,
    kind=st.sampled_from(["mission.status", "mission.personnel", "statement", "event"]),
    subject=st.sampled_from(["mission:nmi", "org:nato", "person:jens-stoltenberg"]),
    value=json_value,
    source=st.builds(Source, document=text, start=st.integers(0, 10**6),
                     end=st.integers(0, 10**6), text=text, extractor=text,
                     extractor_version=text),
    qualifiers=st.dictionaries(st.sampled_from(["contributor", "role", "cause", "to"]),
                               json_value, max_size=3),
    date=st.none() | partial_date,
    precision=st.none() | st.sampled_from(["year", "month", "day"]),
    date_inferred=st.booleans(),
    modality=st.sampled_from(["asserted", "planned", "negated"]),
    confidence=st.floats(0, 1),
    status=st.sampled_from(["candidate", "accepted", "rejected"]),
    subject_name=text,
)


@given(claims)
def test_claim_row_round_trip(claim: Claim):
    assert claim_from_row(dict(zip(CLAIM_COLUMNS, claim_row(claim), strict=True))) == claim


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(claims, max_size=5))
def test_claims_round_trip_through_sqlite(tmp_path: Path, batch: list[Claim]):
    with Store(tmp_path / f"{uuid.uuid4().hex}.db") as store:  # a fresh store per example
        store.add_claims(batch)
        first: dict[str, Claim] = {}
        for claim in batch:  # same id = same claim: the first one stored is kept
            first.setdefault(claim.id, claim)
        for claim in first.values():
            assert store.get_claim(claim.id) == claim
