from __future__ import annotations

import json

import pytest

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.errors import NotFound
from missionwatch.model import Claim, Entity
from missionwatch.query import state_as_of
from missionwatch.query.filters import MODALITY_ROLES
from missionwatch.query.state import section_name
from missionwatch.store import Store
from missionwatch.vocab import vocabulary

NMI = "mission:nmi"
DOCS = {"d-2018": "2018-10-25", "d-feb": "2020-02-13", "d-mar": "2020-03-05", "d-other": "2020-02-13"}


def scenario(make_claim) -> dict[str, Claim]:
    """NATO Mission Iraq as the founding article and two other reports tell it."""
    c = make_claim
    return {
        "launched": c(value="launched", date="2018", precision="year", document="d-2018", start=0,
                      text="launched in 2018"),
        "invited": c("mission.consent", value="invited", document="d-2018", start=50,
                     qualifiers={"host": "country:IQ", "by": "government"},
                     text="at the invitation of the Iraqi government"),
        "suspended": c(value="suspended", date="2020-01", precision="month", document="d-feb",
                       start=10, qualifiers={"cause": "the US strike that killed Soleimani"},
                       text="NATO suspended its training last month"),
        "resume": c(value="resumed", modality="planned", document="d-feb", start=20,
                    text="will resume training"),
        "pending": c("mission.consent", value="pending", document="d-feb", start=30,
                     qualifiers={"concerning": "the expansion"}, text="not yet approved"),
        "non-combat": c("mission.mandate", value="non-combat", document="d-feb", start=40,
                        text="not involved in hostilities"),
        "cap": c("mission.cap", value="no-increase", document="d-feb", start=50,
                 text="No additional NATO personnel would be deployed"),
        "transfer": c("mission.transfer", "org:global-coalition", "training activities",
                      qualifiers={"from": "org:global-coalition", "to": NMI,
                                  "what": "training activities", "amount": "hundreds of trainers"},
                      modality="planned", date="2020-02", precision="month", document="d-feb",
                      start=60, text="take over some of the coalition's training activities"),
        "stoltenberg": c("statement", "person:jens-stoltenberg", "only as long as we are welcome",
                         qualifiers={"direct": True, "cue": "said", "about": NMI},
                         date="2020-02-12", precision="day", document="d-feb", start=70,
                         subject_name="Jens Stoltenberg", text="“only as long as we are welcome”"),
        "esper": c("statement", "person:mark-esper", "bringing forces home",
                   qualifiers={"direct": False, "cue": "said"}, date="2020-02-13",
                   precision="day", document="d-feb", start=80, subject_name="Mark Esper",
                   text="bringing forces home"),
        "not-ended": c(value="ended", modality="negated", document="d-feb", start=90,
                       text="NATO has not ended the mission"),
        "personnel": c("mission.personnel", value={"verbatim": "about 500", "low": 450,
                                                   "best": 500, "high": 550, "approx": True},
                       qualifiers={"role": "trainers"}, date="2020-02-13", precision="day",
                       document="d-feb", start=100, text="about 500 trainers"),
        "elsewhere": c("statement", "person:someone", "unrelated", date="2020-02-13",
                       precision="day", document="d-other", start=0, text="unrelated"),
        "meeting": c("meeting", "org:nato", "defence ministers met",
                     qualifiers={"place": "Brussels"}, date="2020-02-12", precision="day",
                     document="d-feb", start=110, text="met in Brussels"),
    }


@pytest.fixture
def nmi_store(store: Store, make_claim) -> tuple[Store, dict[str, Claim]]:
    for doc_id, published in DOCS.items():
        store.add_document(Document(id=doc_id, text="…", published=PartialDate.parse(published)),
                           b"...")
    claims = scenario(make_claim)
    store.add_claims(claims.values())
    store.add_entities([Entity(NMI, "NATO Mission Iraq", "mission", ["NMI"])])
    return store, claims


def ids(items) -> list[str]:
    return [item.claim.id for item in items]


def test_state_on_the_founding_article_day(nmi_store):
    store, c = nmi_store
    state = state_as_of(store, NMI, "2020-02-14")
    assert state.name == "NATO Mission Iraq"
    assert state.status is not None
    assert (state.status.claim.id, state.status.since) == (c["suspended"].id, "2020-01")
    assert [(i.claim.value, i.since, i.since_from) for i in state.consent] == [
        ("invited", "2018-10-25", "document"), ("pending", "2020-02-13", "document")]
    assert [i.claim.value for i in state.mandate] == ["non-combat"]
    assert state.cap is not None
    assert state.cap.claim.value == "no-increase"
    assert ids(state.personnel) == [c["personnel"].id]
    assert state.transfers == []
    assert ids(state.plans) == [c["transfer"].id, c["resume"].id]
    assert ids(state.negated) == [c["not-ended"].id]
    assert [(i.claim.id, i.via) for i in state.statements] == [
        (c["stoltenberg"].id, "about"), (c["esper"].id, "document")]
    assert state.current["meeting"] == []  # NATO's meeting is not the mission's


@pytest.mark.parametrize(
    ("as_of", "status", "consent", "plans"),
    [
        ("2018", "launched", ["invited"], []),
        ("2019-06", "launched", ["invited"], []),
        ("2019-12-31", "launched", ["invited"], []),
        ("2020-01-15", "suspended", ["invited"], []),  # 2020-01 holds from 2020-01-01
        ("2020-01", "suspended", ["invited"], []),
        ("2020-02-12", "suspended", ["invited"], []),  # the report is dated 2020-02-13
        # consent to the presence and consent to the expansion are separate facts
        ("2020-02-13", "suspended", ["invited", "pending"], ["transfer", "resume"]),
        ("2020-12", "suspended", ["invited", "pending"], ["transfer", "resume"]),
    ],
)
def test_state_as_of_is_precision_aware(nmi_store, as_of, status, consent, plans):
    store, c = nmi_store
    state = state_as_of(store, NMI, PartialDate.parse(as_of))
    assert state.status is not None
    assert state.status.claim.value == status
    assert [i.claim.value for i in state.consent] == consent
    assert ids(state.plans) == [c[name].id for name in plans]


def test_before_launch_nothing_is_in_force(nmi_store):
    store, _ = nmi_store
    state = state_as_of(store, NMI, "2017-12-31")
    assert state.status is None
    assert state.consent == []
    assert state.plans == []


def test_a_fact_fulfils_a_plan(nmi_store, make_claim):
    store, c = nmi_store
    resumed = make_claim(value="resumed", date="2020-03-05", precision="day", document="d-mar",
                         start=5, text="NATO resumed training")
    store.add_claims([resumed])
    before = state_as_of(store, NMI, "2020-03-04")
    assert before.status is not None
    assert before.status.claim.value == "suspended"
    assert c["resume"].id in ids(before.plans)
    after = state_as_of(store, NMI, "2020-03")
    assert after.status is not None
    assert after.status.claim.id == resumed.id
    assert ids(after.plans) == [c["transfer"].id]


def test_negated_and_planned_claims_never_set_the_state(store: Store, make_claim):
    store.add_claims([
        make_claim(value="launched", date="2018", precision="year"),
        make_claim(value="ended", modality="negated", date="2020-02", precision="month", start=5),
        make_claim(value="suspended", modality="expected", date="2020-02", precision="month",
                   start=9),
    ])
    state = state_as_of(store, NMI, "2020-03")
    assert state.status is not None
    assert state.status.claim.value == "launched"
    assert [i.claim.value for i in state.negated] == ["ended"]
    assert [i.claim.value for i in state.plans] == ["suspended"]


def test_personnel_is_the_newest_figure_per_contributor_and_role(store: Store, make_claim):
    def fig(n, contributor, role, date, **kw):
        value = {"verbatim": str(n), "low": n, "best": n, "high": n, "approx": False}
        quals = {"contributor": contributor, "role": role} if contributor else {"role": role}
        return make_claim("mission.personnel", "mission:unifil", value, qualifiers=quals,
                          date=date, precision="month", document="un.csv", start=n, **kw)

    store.add_claims([
        fig(100, "country:IT", "troops", "2014-01"), fig(110, "country:IT", "troops", "2014-02"),
        fig(120, "country:IT", "troops", "2014-03"), fig(9, "country:IT", "experts", "2013-12"),
        fig(50, "country:FR", "troops", "2014-02"), fig(70, "country:FR", "troops", "2014-03",
                                                        modality="planned"),
        fig(7, "", "troops", "2014-01"),
    ])
    state = state_as_of(store, "mission:unifil", "2014-02")
    got = sorted((i.claim.qualifiers.get("contributor", ""), i.claim.qualifiers["role"],
                  i.claim.value["best"]) for i in state.personnel)
    assert got == [("", "troops", 7), ("country:FR", "troops", 50),
                   ("country:IT", "experts", 9), ("country:IT", "troops", 110)]
    assert state.plans == []  # the plan is dated March and no report dates it earlier
    march = state_as_of(store, "mission:unifil", "2014-03")
    assert [i.claim.value["best"] for i in march.plans] == [70]
    assert sorted(i.claim.value["best"] for i in march.personnel) == [7, 9, 50, 120]
    assert state.name == "mission:unifil"  # no entity stored: the id stands in


def test_to_dict_sections(nmi_store):
    store, _c = nmi_store
    data = state_as_of(store, NMI, "2020-02-14").to_dict()
    json.dumps(data)
    assert set(data) == {"mission", "as_of", "status", "consent", "mandate", "personnel", "cap",
                         "transfers", "meetings", "events", "plans", "negated", "statements"}
    assert data["mission"] == {"id": NMI, "name": "NATO Mission Iraq"}
    assert data["status"]["value"] == "suspended"
    assert data["status"]["since"] == "2020-01"
    assert data["status"]["source"] == {"document": "d-feb", "start": 10, "end": 48,
                                        "text": "NATO suspended its training last month"}
    assert data["status"]["qualifiers"] == {"cause": "the US strike that killed Soleimani"}
    assert data["personnel"][0]["role"] == "trainers"
    assert data["personnel"][0]["contributor"] is None
    assert [p["kind"] for p in data["plans"]] == ["mission.transfer", "mission.status"]


def test_unknown_mission_is_not_found(tmp_store: Store):
    with pytest.raises(NotFound, match="mission:none"):
        state_as_of(tmp_store, "mission:none", "2020")


def test_every_modality_has_a_role():
    assert set(MODALITY_ROLES) == set(vocabulary().modalities)


@pytest.mark.parametrize(
    ("kind", "section"),
    [("mission.status", "status"), ("mission.mandate", "mandate"),
     ("mission.personnel", "personnel"), ("mission.transfer", "transfers"),
     ("meeting", "meetings"), ("event", "events")],
)
def test_section_names(kind, section):
    assert section_name(kind) == section
