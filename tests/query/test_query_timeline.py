from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from missionwatch.model import Claim
from missionwatch.query import latest_per_group, latest_per_group_scan, quotes, timeline
from missionwatch.query.groups import latest_per_group_query
from missionwatch.query.state import _own_claims, mission_kinds, statements_query
from missionwatch.query.timeline import timeline_query
from missionwatch.store import Store

NMI = "mission:nmi"


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # same first day: the shorter period first (day, month, year)
        (["2020", "2020-01", "2020-01-01"], ["2020-01-01", "2020-01", "2020"]),
        # the first day decides before the precision
        (["2020-01-15", "2020", "2019-12"], ["2019-12", "2020", "2020-01-15"]),
        # undated last
        ([None, "2018", None, "2020-02-13"], ["2018", "2020-02-13", None, None]),
    ],
)
def test_timeline_is_in_date_order_undated_last(store: Store, make_claim, dates, expected):
    store.add_claims(make_claim(value="launched", date=d, start=i) for i, d in enumerate(dates))
    assert [c.date for c in timeline(store, NMI)] == expected


def test_timeline_takes_claims_naming_the_entity(store: Store, make_claim):
    own = make_claim(value="suspended", date="2020-01", precision="month")
    transfer = make_claim("mission.transfer", "org:global-coalition", "training",
                          qualifiers={"from": "org:global-coalition", "to": NMI},
                          date="2020-02", start=5)
    about = make_claim("statement", "person:jens-stoltenberg", "we stay",
                       qualifiers={"about": NMI}, date="2020-02-12", start=9)
    other = make_claim("mission.transfer", "org:global-coalition", "training",
                       qualifiers={"to": "mission:nmi-2"}, date="2020-02", start=12)
    store.add_claims([own, transfer, about, other])
    assert [c.id for c in timeline(store, NMI)] == [own.id, transfer.id, about.id]
    assert [c.id for c in timeline(store, "org:global-coalition")] == [transfer.id, other.id]


def _statement(make_claim, subject: str, name: str, date: str, start: int) -> Claim:
    return make_claim("statement", subject, f"words of {name}", subject_name=name, date=date,
                      start=start, qualifiers={"direct": True, "cue": "said"})


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        (None, ["Mark Esper", "Jens Stoltenberg", "Jens Stoltenberg"]),
        ("stoltenberg", ["Jens Stoltenberg", "Jens Stoltenberg"]),
        ("JENS", ["Jens Stoltenberg", "Jens Stoltenberg"]),
        ("person:mark-esper", ["Mark Esper"]),
        ("person:mark", []),  # ids match exactly
        ("%", []),  # LIKE wildcards are plain characters
        ("_", []),
    ],
)
def test_quotes_by_speaker(store: Store, make_claim, speaker, expected):
    store.add_claims([
        _statement(make_claim, "person:jens-stoltenberg", "Jens Stoltenberg", "2020-02-13", 1),
        _statement(make_claim, "person:mark-esper", "Mark Esper", "2020-02-12", 2),
        _statement(make_claim, "person:jens-stoltenberg", "Jens Stoltenberg", "2020-02-14", 3),
        make_claim(value="launched", subject_name="Jens Stoltenberg"),  # not a statement
    ])
    assert [c.subject_name for c in quotes(store, speaker)] == expected


def _figures(make_claim, n: int, seed: int) -> list[Claim]:
    """Personnel figures with ties, mixed precisions, plans and undated rows."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        year, month = rng.randint(2010, 2013), rng.randint(1, 12)
        date = rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-01",
                           f"{year}-{month:02d}-15", None])
        quals = {"role": rng.choice(["troops", "police", "experts"])}
        if rng.random() < 0.9:
            quals["contributor"] = f"country:c{rng.randrange(8)}"
        value = {"verbatim": str(i), "low": i, "best": i, "high": i, "approx": False}
        out.append(make_claim("mission.personnel", f"mission:m{rng.randrange(2)}", value,
                              qualifiers=quals, date=date, start=i, document="t.csv",
                              modality=rng.choice(["asserted"] * 6 + ["reported", "planned"])))
    return out


@pytest.mark.parametrize("day", ["2009-12-31", "2010-06-30", "2011-01-01", "2012-12-31",
                                 "2013-12-31"])
def test_fast_personnel_query_agrees_with_the_scan(store: Store, make_claim, day):
    store.add_claims(_figures(make_claim, 600, seed=3))
    for mission in ("mission:m0", "mission:m1"):
        fast = latest_per_group(store, "mission.personnel", mission, day)
        slow = latest_per_group_scan(store, "mission.personnel", mission, day)
        assert sorted(c.id for c in fast) == sorted(c.id for c in slow)
        assert len({(c.qualifiers.get("contributor"), c.qualifiers["role"]) for c in fast}) == len(fast)


def _plan(store: Store, stmt: sa.Select) -> list[str]:
    sql = str(stmt.compile(store._engine, compile_kwargs={"literal_binds": True}))
    with store._engine.connect() as conn:
        return [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]


def test_state_queries_never_scan_the_claims_table(tmp_store: Store, make_claim):
    tmp_store.add_claims(_figures(make_claim, 50, seed=1))
    fast = [k.name for k in mission_kinds() if k.state == "per_qualifier"]
    params = {"kind": "mission.personnel", "subject": "mission:m0", "day": "2012-01-01"}
    for stmt in (latest_per_group_query("sqlite").params(params),
                 _own_claims("mission:m0", "2012-01-01", mission_kinds(), fast),
                 statements_query("mission:m0", ["t.csv", "d1"]),
                 timeline_query("mission:m0")):
        plan = _plan(tmp_store, stmt)
        assert not [step for step in plan if step.startswith("SCAN claims")], plan
        assert not [step for step in plan if step.startswith("SCAN latest")], plan


def test_groups_survive_a_rolled_back_transaction(store: Store, make_claim):
    figure = make_claim("mission.personnel", "mission:m9",
                        {"verbatim": "5", "low": 5, "best": 5, "high": 5, "approx": False},
                        qualifiers={"contributor": "country:NO", "role": "staff"}, date="2020")

    def add_then_fail() -> None:
        with store.transaction():
            store.add_claims([figure])
            raise RuntimeError("later step failed")

    with pytest.raises(RuntimeError):
        add_then_fail()
    assert latest_per_group(store, "mission.personnel", "mission:m9", "2020-12-31") == []
    store.add_claims([figure])
    assert latest_per_group(store, "mission.personnel", "mission:m9", "2020-12-31") == [figure]


def test_rows_added_directly_keep_groups_and_references(store: Store, make_claim):
    from missionwatch.store.rows import claim_row

    transfer = make_claim("mission.transfer", "org:global-coalition", "training",
                          qualifiers={"from": "org:global-coalition", "to": NMI}, date="2020-02")
    figure = make_claim("mission.personnel", NMI,
                        {"verbatim": "500", "low": 500, "best": 500, "high": 500, "approx": False},
                        qualifiers={"role": "trainers"}, date="2020-02-13", start=4)
    assert store.add_claim_rows([claim_row(transfer), claim_row(figure)]) == 2
    assert [c.id for c in timeline(store, NMI)] == [transfer.id, figure.id]
    assert latest_per_group(store, "mission.personnel", NMI, "2020-02-29") == [figure]
