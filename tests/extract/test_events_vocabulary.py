"""The standard verbs and phrases of each PLOVER category (CAMEO descriptions: "express
intent to cooperate", "complain officially", "decline", "reduce or break relations"…) and
the slots a lexicon phrase may hold ("expressed {poss} {intent}")."""

from __future__ import annotations

import pytest
from test_events_support import first

from missionwatch.errors import VocabularyError
from missionwatch.extract.events.lexicon import expand


def test_slots_expand_to_every_filler() -> None:
    slots = {"poss": ["", "its"], "intent": ["hope", "readiness"]}
    assert sorted(expand("expressed {poss} {intent}", slots)) == [
        "expressed hope",
        "expressed its hope",
        "expressed its readiness",
        "expressed readiness",
    ]


def test_unknown_slot_is_an_error() -> None:
    with pytest.raises(VocabularyError):
        expand("expressed {nothing} hope", {})


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The guerrillas expressed their readiness to return to the talks.", "AGREE"),
        ("The ministers reaffirmed their commitment to the peace process.", "AGREE"),
        ("The king voiced his backing for the reform plan.", "SUPPORT"),
        ("The president expressed his condolences to the families.", "SUPPORT"),
        ("NATO reiterated its confidence in the Afghan government.", "SUPPORT"),
        ("The council expressed its concern over the violence.", "ACCUSE"),
        ("Beijing lodged a strong protest with Tokyo over the textbook.", "ACCUSE"),
        ("The embassy delivered a formal protest to the ministry.", "ACCUSE"),
        ("The families filed a lawsuit against the army.", "ACCUSE"),
        ("A tribunal found the two officers guilty of torture.", "ACCUSE"),
        ("Police questioned three suspects about the bombing.", "ACCUSE"),
        ("The opposition asked the army for protection.", "REQUEST"),
        ("The envoy pressed the junta to free the detainees.", "REQUEST"),
        ("The rebels declined an invitation to the conference.", "REJECT"),
        ("The assembly voted down the peace proposal.", "REJECT"),
        ("Moscow brushed aside calls for a troop withdrawal.", "REJECT"),
        ("The premier arrived in Ankara on a two-day visit.", "CONSULT"),
        ("The foreign ministers attended a summit in Lima.", "CONSULT"),
        ("The emir received the visiting king at his palace.", "CONSULT"),
        ("The government severed diplomatic ties with the island.", "SANCTION"),
        ("The league suspended the country's membership.", "SANCTION"),
        ("The rebels withdrew from the negotiations.", "SANCTION"),
        ("The navy staged naval exercises off the coast.", "MOBILIZE"),
        ("The gunmen took 30 tourists hostage.", "COERCE"),
        ("The army imposed a blockade on the port.", "COERCE"),
        ("A bomber blew himself up outside the mosque.", "ASSAULT"),
        ("Militiamen slaughtered dozens of villagers.", "ASSAULT"),
        ("Prison guards mistreated the detainees.", "ASSAULT"),
        ("The regime used chemical weapons against the rebels.", "ASSAULT"),
        ("Troops carried out ethnic cleansing in the valley.", "ASSAULT"),
        ("Youths stoned army vehicles in the old city.", "ASSAULT"),
        ("Rebels downed a government helicopter.", "ASSAULT"),
        ("Police broke up the rally with batons.", "ASSAULT"),
        ("The republic annexed the peninsula.", "COERCE"),
        ("The navy dispatched a flotilla to the disputed waters.", "MOBILIZE"),
        ("The army allowed relief convoys into the besieged city.", "RETREAT"),
        ("The EU imposed a travel ban on officials of the junta.", "SANCTION"),
        ("The opposition is pushing for a referendum.", "REQUEST"),
        ("Russia blocked a resolution on the crisis.", "REJECT"),
        ("The minister justified the air strikes as self-defence.", "SUPPORT"),
        ("Ankara granted diplomatic recognition to the new state.", "SUPPORT"),
        ("The two presidents had a telephone conversation on Sunday.", "CONSULT"),
    ],
)
def test_category(text: str, category: str) -> None:
    assert first(text).value == category


def test_joint_exercises_are_cooperation() -> None:
    assert first("The two navies held joint military exercises.").value == "COOPERATE"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # halting one's own attacks de-escalates (CAMEO 087): RETREAT, not the attack
        ("The army halted its offensive in the south.", "RETREAT"),
        ("The rebels suspended attacks on the pipeline.", "RETREAT"),
        ("The ministers reached a compromise on the border.", "AGREE"),
    ],
)
def test_de_escalation_and_settlement(text: str, category: str) -> None:
    assert first(text).value == category
