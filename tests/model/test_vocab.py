import pytest

from missionwatch.errors import InvalidClaim
from missionwatch.model import Claim, Source
from missionwatch.vocab import vocabulary


def test_vocabulary_defines_the_issue_kinds():
    kinds = vocabulary().kinds
    for name in ("mission.status", "mission.consent", "mission.mandate", "mission.personnel",
                 "mission.cap", "mission.transfer", "meeting", "statement", "event", "membership"):
        assert name in kinds
    assert set(kinds["mission.status"].values) == {"launched", "suspended", "resumed", "ended", "expanded"}
    assert "REQUEST" in kinds["event"].values and "DEMAND" not in kinds["event"].values


@pytest.mark.parametrize(
    ("kind", "value", "qualifiers", "modality", "field"),
    [
        ("mission.status", "paused", {}, "asserted", "value"),
        ("mission.status", "suspended", {"colour": "red"}, "asserted", "qualifiers.colour"),
        ("mission.status", "suspended", {}, "rumoured", "modality"),
        ("mission.consent", "granted", {"by": "army"}, "asserted", "qualifiers.by"),
        ("mission.personnel", 500, {}, "asserted", "value"),
        ("event", "DEMAND", {}, "asserted", "value"),
    ],
)
def test_vocabulary_refuses_bad_claims(kind, value, qualifiers, modality, field):
    with pytest.raises(InvalidClaim) as info:
        vocabulary().check(kind, value, qualifiers, modality)
    assert field in info.value.errors


def test_unknown_kind_lists_known_kinds():
    with pytest.raises(InvalidClaim, match="known kinds"):
        vocabulary().kind("mission.colour")


def _claim(**changes):
    base = dict(kind="mission.status", subject="mission:x", value="suspended",
                source=Source("d1", 0, 10, "0123456789"), date="2020-01", precision="month")
    base.update(changes)
    return Claim(**base)


def test_claim_id_is_deterministic_and_content_based():
    assert _claim().id == _claim().id
    assert _claim().id != _claim(value="resumed").id
    assert _claim().id != _claim(source=Source("d2", 0, 10, "0123456789")).id
    assert _claim().id != _claim(modality="planned").id


def test_claim_round_trips_through_dict():
    claim = _claim(qualifiers={"cause": "a strike"})
    again = Claim.from_dict(claim.to_dict())
    assert again == claim
