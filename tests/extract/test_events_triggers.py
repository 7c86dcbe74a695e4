"""Triggers per PLOVER category, modes, voice, negation and other modalities."""

from __future__ import annotations

import pytest
from test_events_support import events, first

from missionwatch.extract.events.lexicon import inflect, lexicon, plural
from missionwatch.vocab import vocabulary


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Insurgents attacked a police checkpoint in the city.", "ASSAULT"),
        ("A roadside bomb killed two soldiers near the base.", "ASSAULT"),
        ("Rebels shelled the town for three hours.", "ASSAULT"),
        ("Hezbollah fired rockets at northern Israel.", "ASSAULT"),
        ("Police arrested twelve protesters outside the parliament.", "COERCE"),
        ("The authorities imposed a curfew on the capital.", "COERCE"),
        ("Russia deployed additional troops to the border.", "MOBILIZE"),
        ("France withdrew its troops from Mali.", "RETREAT"),
        ("The two sides agreed to a ceasefire on Sunday.", "AGREE"),
        ("The European Union imposed sanctions on Russia.", "SANCTION"),
        ("Turkey expelled two Israeli diplomats.", "SANCTION"),
        ("Thousands of students demonstrated in the capital.", "PROTEST"),
        ("Iran threatened to close the strait.", "THREATEN"),
        ("The Iraqi parliament demanded the departure of foreign troops.", "REQUEST"),
        ("President Donald Trump urged NATO to step up its engagement.", "REQUEST"),
        ("Ukraine accused Russia of shelling civilian areas.", "ACCUSE"),
        ("Prosecutors opened an investigation into the killings.", "ACCUSE"),
        ("Syria rejected the proposal for talks.", "REJECT"),
        ("The foreign minister visited Lebanon on Tuesday.", "CONSULT"),
        ("Jens Stoltenberg met the Iraqi prime minister in Brussels.", "CONSULT"),
        ("France signed a defence agreement with Mali.", "AGREE"),
        ("The United States praised Iraq for its efforts.", "SUPPORT"),
        ("Turkey and Russia conducted joint military exercises.", "COOPERATE"),
        ("The European Union provided humanitarian aid to Syria.", "AID"),
        ("The government lifted sanctions on the opposition party.", "CONCEDE"),
        # objects in the plural, numbers between verb and object, arms handed over
        ("The government shut down two opposition newspapers.", "COERCE"),
        ("The ministry called up 10,000 reservists.", "MOBILIZE"),
        ("The United States delivered armoured vehicles to the Iraqi army.", "AID"),
        ("The army sent tanks to the border.", "MOBILIZE"),
        ("The militia returned the seized vehicles to the United Nations.", "RETREAT"),
        # a light verb reaches its event noun over a measure noun's "of"
        ("Envoys held a second day of negotiations in Geneva.", "CONSULT"),
    ],
)
def test_category(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A U.S. missile attack on Baghdad airport killed a general.", "missile"),
        ("Coalition aircraft killed three insurgents in an air strike.", "aerial"),
        ("A drone strike killed two militants.", "drone"),
        ("Gunmen opened fire on a bus.", "firearms"),
        ("A suicide bomber attacked the checkpoint.", "suicide"),
        ("Police arrested twelve protesters.", "arrest"),
        ("The Iraqi parliament demanded the departure of foreign troops.", "yield"),
        ("Iran fired rockets at Iraqi bases.", "missile"),
    ],
)
def test_mode(text: str, mode: str) -> None:
    assert first(text).qualifiers["mode"] == mode


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Iran attacked the tanker.", "asserted"),
        ("Iran did not attack the tanker.", "negated"),
        ("NATO has not suspended its training mission.", "negated"),
        ("The ministers will meet in Brussels.", "planned"),
        ("The ministers are scheduled to meet in Brussels.", "planned"),
        ("Iran could attack the tanker.", "expected"),
        ("Rebels reportedly attacked the convoy.", "reported"),
        ("According to officials, rebels attacked the convoy.", "reported"),
        ("No civilians were killed in the operation.", "negated"),
        # a plan that holds only if a condition is met (vocab/modalities.yaml)
        ("If talks fail, the army will attack the town.", "conditional"),
        ("The army will attack the town.", "planned"),
    ],
)
def test_modality(text: str, modality: str) -> None:
    assert first(text).modality == modality


@pytest.mark.parametrize(
    "text",
    [
        "The national football team attacked from the start of the match.",  # discard list
        "NATO Secretary General Jens Stoltenberg speaks at a press conference.",  # weak noun
        "He works for the US-led global coalition to fight IS.",  # infinitive of purpose
        "We will only stay for as long as we are welcome.",  # adjective, not a verb
        "The leader operated a roadside bomb factory.",  # noun, not a verb
    ],
)
def test_no_event(text: str) -> None:
    assert events(text) == []


def test_governing_trigger_absorbs_its_complement() -> None:
    found = events("President Donald Trump urged NATO to step up its engagement with the region.")
    assert [c.value for c in found] == ["REQUEST"]


def test_passive_agent_is_the_actor() -> None:
    claim = first("Two insurgents were killed by a combined Afghan and coalition security force.")
    assert claim.value == "ASSAULT"
    assert claim.subject == "country:AF"
    assert claim.qualifiers["killed"] == 2


def test_credit_lines_give_no_event() -> None:
    text = (
        "Stoltenberg speaks in Brussels.\n\n"
        "Soldiers attacked the base, officials said. (Francois Lenoir / Reuters)"
    )
    claims = events(text)
    assert all("Reuters" not in c.source.text for c in claims)


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("kill", ["kill", "kills", "killed", "killed", "killing"]),
        ("detain", ["detain", "detains", "detained", "detained", "detaining"]),
        ("capture", ["capture", "captures", "captured", "captured", "capturing"]),
        ("ban", ["ban", "bans", "banned", "banned", "banning"]),
        ("patrol", ["patrol", "patrols", "patrolled", "patrolled", "patrolling"]),
        ("shoot", ["shoot", "shoots", "shot", "shot", "shooting"]),
        ("agree", ["agree", "agrees", "agreed", "agreed", "agreeing"]),
        ("pull out", ["pull out", "pulls out", "pulled out", "pulled out", "pulling out"]),
    ],
)
def test_inflection(lemma: str, forms: list[str]) -> None:
    lex = lexicon().raw
    irregular = {k: list(v) for k, v in lex["irregular"].items()}
    got = inflect(lemma, irregular, frozenset(lex["double_final"]))
    assert [got[k] for k in ("base", "s", "past", "pp", "ing")] == forms


@pytest.mark.parametrize(
    ("noun", "plural_form"),
    [
        ("attack", "attacks"),
        ("assembly", "assemblies"),
        ("sanctions", "sanctions"),
        ("crash", "crashes"),
    ],
)
def test_plural(noun: str, plural_form: str) -> None:
    assert plural(noun) == plural_form


def test_lexicon_uses_only_plover_categories_and_modes() -> None:
    plover = vocabulary().plover
    for category, spec in lexicon().raw["categories"].items():
        assert category in plover, category
        for entry in spec["triggers"]:
            mode = entry.get("mode")
            if mode:
                assert mode in plover[category]["modes"], (category, mode)
    for category, modes in lexicon().mode_cues.items():
        for mode, _ in modes:
            assert mode in plover[category]["modes"], (category, mode)
    for outer, inner in lexicon().complement_modes.items():
        for mode in inner.values():
            assert mode in plover[outer]["modes"], (outer, mode)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # a purpose tells no act, as an infinitive of purpose does not
        ("The forces conducted four operations aimed at capturing Taliban leaders.", False),
        ("The patrol searched the village in an effort to capture the commander.", False),
        ("The display is designed to capture the delight of childhood.", False),
        ("The patrol captured the commander.", True),
        # only right before the trigger: the cue does not reach the sentence's event
        ("A rocket aimed at the base killed two soldiers.", True),
        ("The patrol searched the village in order to find weapons and arrested two men.", True),
    ],
)
def test_purpose_is_no_event(text: str, told: bool) -> None:
    found = [c for c in events(text) if c.value in {"COERCE", "ASSAULT"}]
    assert bool(found) is told
    assert all(c.modality == "asserted" for c in found)


@pytest.mark.parametrize(
    ("text", "perfect"),
    [
        ("Coalition forces have detained 35 leaders since June.", [True]),
        # a modal perfect shares nothing with a verb joined to it
        ("Forces could have searched the compounds and detained many suspects.", [False]),
        # a verb joined to a perfect one shares it
        (
            "Forces have conducted operations in Zabul recently and captured or killed many "
            "insurgents.",
            [True, True],
        ),
        ("The force arrested a leader and killed two insurgents.", [False, False]),
    ],
)
def test_present_perfect_is_marked(text: str, perfect: list[bool]) -> None:
    found = [c for c in events(text) if c.value in {"COERCE", "ASSAULT"}]
    assert [bool(c.qualifiers.get("perfect")) for c in found] == perfect


@pytest.mark.parametrize(
    ("text", "killing"),
    [
        ("The militants executed two hostages.", True),
        ("The hostage was executed by the group.", True),
        ("He planned and executed numerous attacks against the base.", False),
        ("The unit executed the plan flawlessly.", False),
    ],
)
def test_execute_is_a_killing_only_of_people(text: str, killing: bool) -> None:
    assert any(c.qualifiers.get("trigger") == "executed" for c in events(text)) is killing


@pytest.mark.parametrize(
    "text",
    [
        # help, fund or foster is not SUPPORT (verbal backing of a side or a stand)
        "This effort will support up to 10,000 workers.",
        "Federal programs support women's health research.",
        # closing formulas
        "Thank you.",
        "Thanks, everyone.",
        # idioms and non-diplomatic hosting
        "The grants help families meet the costs of raising children.",
        "The library will host a tax site.",
        # a deployment of something that is no force
        "The plan supports the deployment of nuclear energy.",
        # "partners" is a noun
        "The fund works with developing country partners.",
    ],
)
def test_press_release_phrasings_that_are_no_events(text: str) -> None:
    assert not [c for c in events(text) if c.value in {"SUPPORT", "CONSULT", "MOBILIZE", "COOPERATE"}]


@pytest.mark.parametrize(
    "text",
    [
        # diplomatic engagements, EV charging: no firefight, no charge
        "The agencies will deepen ties through bilateral and multilateral engagements.",
        "The plan expands EV charging across the country.",
        # participles and names used as adjectives and titles
        "The fund makes reimbursements for approved work.",
        "Both countries joined the Paris Agreement in 2016 to cut their emissions.",
        "The President signed Executive Order 14028 on Friday to improve security.",
        "The president signed into law a bill on school lunches.",
        # a noun inside a name of a prose sentence (only the name rule rules it out)
        "The museum opened an exhibition on the Pearl Harbor Attack and its long aftermath.",
        # a domestic act signed, a requirement with no one to demand it of
        "Biden signed the Inflation Reduction Act into law.",
        "Risk assessments must consider all threats and hazards.",
        "We must work together.",
        # permits and chargers
        "Consider applicants, to the extent permitted by applicable law.",
        "The reform of federal permitting has led to real results.",
        "The program will deploy publicly accessible charging infrastructure.",
    ],
)
def test_policy_text_phrasings_that_are_no_events(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Following the engagement, two insurgents were killed.", "ASSAULT"),
        ("The patrol was involved in a sustained engagement with insurgent fighters.", "ASSAULT"),
        # a title-case headline is no prose: its nouns are events, not names
        ("Deadly Taliban Attack on a Police Post in the North of Helmand", "ASSAULT"),
        # the progressive: an -ing verb with its object
        ("Russian forces are bombing ports along the Black Sea coast.", "ASSAULT"),
        # relative "that" is no determiner: the participle after it is a verb
        ("A roadside bomb that reportedly killed three soldiers was planted overnight.", "ASSAULT"),
        # demands of a capital, of parties, of a pronoun
        ("Iran must stop enriching uranium.", "REQUEST"),
        ("Both sides must respect the ceasefire.", "REQUEST"),
        ("He must resign immediately.", "REQUEST"),
        ("The regime must end the violence.", "REQUEST"),
        # allowing, with the one who allowed it after "by"
        ("Journalists were allowed by the army to enter the town.", "CONCEDE"),
        ("The Islamic State allowed civilians to leave Raqqa.", "CONCEDE"),
        ("Russia supports the separatists in eastern Ukraine.", "SUPPORT"),
        ("The US announced the deployment of Patriot batteries to Saudi Arabia.", "MOBILIZE"),
        ("Prosecutors charged two men with murder.", "ACCUSE"),
        ("The two sides signed an agreement in Doha.", "AGREE"),
        ("Russia must withdraw its troops.", "REQUEST"),
        ("A Taliban attack killed three soldiers.", "ASSAULT"),
    ],
)
def test_policy_words_where_they_are_events(text: str, category: str) -> None:
    assert category in {c.value for c in events(text)}

@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The United States supports Ukraine.", "SUPPORT"),
        ("Russia backed the Syrian government.", "SUPPORT"),
        ("The European Union supported the ceasefire proposal.", "SUPPORT"),
        ("Iraq thanked NATO for its help.", "SUPPORT"),
        ("Qatar hosted talks between the two sides.", "CONSULT"),
        ("The president met the demands of the protesters.", "CONCEDE"),
        ("NATO began the deployment of 3,000 troops.", "MOBILIZE"),
        ("The army partnered with local police.", "COOPERATE"),
    ],
)
def test_the_same_words_where_they_are_events(text: str, category: str) -> None:
    assert category in {c.value for c in events(text)}
