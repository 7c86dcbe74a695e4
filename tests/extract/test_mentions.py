"""The ``mentions`` step: gazetteer names, titled persons, missions by description,
surnames, pronouns, role nouns and anaphors, on the founding article and on other news."""

from __future__ import annotations

from importlib import resources

import pytest

from missionwatch.dates import PartialDate
from missionwatch.document import Document, Mention
from missionwatch.extract.pipeline import Pipeline

PIPELINE = Pipeline(["sentences", "mentions"])


def run(text: str, published: str | None = "2020-02-13") -> Document:
    doc = Document(id="t", text=text,
                   published=PartialDate.parse(published) if published else None)
    return PIPELINE(doc)


def found(doc: Document) -> list[tuple[str, str, str]]:
    return [(m.text, m.entity, m.how) for m in doc.mentions]


def check_invariants(doc: Document) -> None:
    last_end = -1
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
        assert m.start >= last_end, f"overlap or disorder at {m}"
        last_end = m.end


# -- the founding article -------------------------------------------------------------------
@pytest.fixture(scope="module")
def article() -> Document:
    text = resources.files("missionwatch").joinpath("example/article.txt").read_text("utf-8")
    return run(text)


def after(doc: Document, phrase: str, surface: str) -> Mention:
    """The first mention with text ``surface`` that starts at or after ``phrase``."""
    at = doc.text.index(phrase)
    return next(m for m in doc.mentions if m.start >= at and m.text == surface)


@pytest.mark.parametrize(("phrase", "surface", "entity", "how"), [
    ("NATO Secretary General Jens", "NATO", "org:nato", "alias"),
    ("NATO Secretary General Jens", "Jens Stoltenberg", "person:jens-stoltenberg", "alias"),
    ("Secretary of Defense Mark", "Mark Esper", "person:mark-esper", "alias"),
    ("President Donald", "Donald Trump", "person:donald-trump", "alias"),
    ("official, Qassem", "Qassem Soleimani", "person:qassem-soleimani", "alias"),
    ("The NATO-led", "NATO-led NATO training mission in Iraq", "mission:nmi", "alias"),
    ("to join NATO", "NATO’s mission", "mission:nmi", "alias"),
    ("to the NATO mission", "NATO mission in Iraq", "mission:nmi", "alias"),
    ("with the Global Coalition to", "Global Coalition to Combat IS", "org:global-coalition", "alias"),
    ("from the global coalition", "the global coalition", "org:global-coalition", "propagated"),
    ("by the US-led", "US-led global coalition to fight IS", "org:global-coalition", "alias"),
    ("members of the global", "the global coalition", "org:global-coalition", "propagated"),
    ("Unlike the Global", "Global Coalition", "org:global-coalition", "alias"),
    ("efforts in Iraq", "Iraq", "country:IQ", "alias"),
    ("but the Iraqi government", "Iraqi government", "org:iq-government", "alias"),
    ("the Iraqi parliament", "Iraqi parliament", "org:iq-parliament", "alias"),
    ("building the Iraqi army", "Iraqi army", "org:iq-armed-forces", "alias"),
    ("the Iranian regime", "Iranian", "country:IR", "demonym"),
    ("after Iran fired", "Iran", "country:IR", "alias"),
    ("consent of the Iraqis", "Iraqis", "country:IQ", "demonym"),
    ("attack on Baghdad airport", "Baghdad airport", "place:baghdad-airport", "alias"),
    ("meeting in Brussels", "Brussels", "place:brussels", "alias"),
    ("Coalition in Munich", "Munich", "place:munich", "alias"),
    ("team at Camp Taji", "Camp Taji", "place:camp-taji", "alias"),
    ("a U.S. missile attack", "U.S.", "country:US", "alias"),
    ("The Department of Defense expects", "Department of Defense", "org:us-dod", "alias"),
    ("were welcome, ”he said", "he", "person:jens-stoltenberg", "pronoun"),
    ("Stoltenberg repeated what he", "he", "person:jens-stoltenberg", "pronoun"),
    ("the Iraqis”, he added", "he", "person:jens-stoltenberg", "pronoun"),
    ("He added that these details", "He", "person:jens-stoltenberg", "pronoun"),
    ("Strategy, he added", "he", "person:mark-esper", "pronoun"),
    ("Esper told reporters", "Esper", "person:mark-esper", "propagated"),
    ("”said Stoltenberg at", "Stoltenberg", "person:jens-stoltenberg", "propagated"),
])
def test_founding_article(article: Document, phrase: str, surface: str, entity: str,
                          how: str) -> None:
    mention = after(article, phrase.replace("were welcome, ", "welcome, "), surface)
    assert (mention.entity, mention.how) == (entity, how)


def test_founding_article_invariants(article: Document) -> None:
    check_invariants(article)
    types = {m.entity: m.type for m in article.mentions}
    assert types["mission:nmi"] == "mission"
    assert types["person:jens-stoltenberg"] == "person"
    names = {m.entity: m.name for m in article.mentions}
    assert names["org:global-coalition"] == "Global Coalition to Defeat ISIS"


def test_founding_article_caption_names_are_persons_but_never_antecedents(article: Document) -> None:
    schofer = after(article, "(Army Spc.", "Caroline Schofer")
    assert schofer.entity == "person:caroline-schofer"
    assert article.entities["person:caroline-schofer"].attributes["roles"] == [
        {"role": "Specialist", "org": None}]
    pronouns = [m for m in article.mentions if m.how == "pronoun"]
    assert pronouns
    assert all(m.entity != "person:caroline-schofer" for m in pronouns)


# -- other news: titled persons, roles, pronouns ------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Gen. Kenneth McKenzie visited Baghdad. McKenzie said the base was secure.",
     [("Kenneth McKenzie", "person:kenneth-mckenzie", "alias"),
      ("McKenzie", "person:kenneth-mckenzie", "propagated")]),
    ("Prime Minister Adel Abdul Mahdi told lawmakers he would resign.",
     [("Adel Abdul Mahdi", "person:adel-abdul-mahdi", "alias"),
      ("he", "person:adel-abdul-mahdi", "pronoun")]),
    ("Iraqi Foreign Minister Fuad Hussein met Stoltenberg. Hussein said the foreign minister "
     "of Iraq would go. The Iraqi foreign minister said he agreed.",
     [("Fuad Hussein", "person:fuad-hussein", "title"),
      ("Hussein", "person:fuad-hussein", "propagated"),
      ("the foreign minister", "person:fuad-hussein", "role"),
      ("he", "person:fuad-hussein", "pronoun")]),
    ("Jens Stoltenberg, the NATO Secretary General, said the alliance would stay. "
     "The secretary general added that allies agreed.",
     [("Jens Stoltenberg", "person:jens-stoltenberg", "alias"),
      ("the alliance", "org:nato", "alias"),
      ("The secretary general", "person:jens-stoltenberg", "role")]),
    ("Defense Secretary Mark Esper spoke in Tampa. Later the Pentagon chief flew to Brussels.",
     [("Mark Esper", "person:mark-esper", "alias"),
      ("the Pentagon chief", "person:mark-esper", "role")]),
    ("Maj. Gen. Anna Lindqvist, the mission commander, said her troops were ready. "
     "Lindqvist added that she expected calm.",
     [("Anna Lindqvist", "person:anna-lindqvist", "title"),
      ("her", "person:anna-lindqvist", "pronoun"),
      ("Lindqvist", "person:anna-lindqvist", "propagated"),
      ("she", "person:anna-lindqvist", "pronoun")]),
    ("UN Secretary-General António Guterres spoke first. The secretary-general said he was "
     "worried. German Chancellor Angela Merkel said her government agreed.",
     [("António Guterres", "person:antonio-guterres", "alias"),
      ("The secretary-general", "person:antonio-guterres", "role"),
      ("he", "person:antonio-guterres", "pronoun"),
      ("Angela Merkel", "person:angela-merkel", "alias"),
      ("her", "person:angela-merkel", "pronoun")]),
    ("British Defence Secretary Ben Wallace arrived in Kyiv. The minister said Britain "
     "would send more trainers. Later the defence secretary flew home.",
     [("Ben Wallace", "person:ben-wallace", "title"),
      ("The minister", "person:ben-wallace", "role"),
      ("the defence secretary", "person:ben-wallace", "role")]),
    ("The president of the Federal Reserve said so.", []),
    ("Former President Barack Obama spoke. President Joe Biden spoke later. The president said "
     "the talks went well.",
     [("Barack Obama", "person:barack-obama", "alias"),
      ("Joe Biden", "person:joe-biden", "alias"),
      ("The president", "person:joe-biden", "role")]),
])
def test_persons(text: str, expected: list[tuple[str, str, str]]) -> None:
    doc = run(text, "2020-02-13" if "Biden" not in text else "2022-03-01")
    check_invariants(doc)
    for item in expected:
        assert item in found(doc), (item, found(doc))
    if not expected:
        assert not [m for m in doc.mentions if m.type == "person"]


def test_a_pronoun_outside_a_quotation_skips_the_persons_named_inside_it() -> None:
    doc = run("Jens Stoltenberg spoke in Brussels. “We told President Trump we agree,” he said.")
    assert ("he", "person:jens-stoltenberg", "pronoun") in found(doc)


def test_titled_persons_unknown_to_the_gazetteer_become_document_entities() -> None:
    doc = run("Brig. Gen. Jonas Okafor, the commander of the task force, spoke in Gao.")
    mention = next(m for m in doc.mentions if m.type == "person")
    assert (mention.text, mention.entity, mention.how) == (
        "Jonas Okafor", "person:jonas-okafor", "title")
    assert doc.entities["person:jonas-okafor"].attributes["roles"][0]["role"] == "Brigadier General"


# -- missions ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "published", "surface", "entity"), [
    ("The UN peacekeeping mission in South Sudan said.", "2020-02-13",
     "UN peacekeeping mission in South Sudan", "mission:unmiss"),
    ("the EU training mission in Mali ended its work.", "2019-05-01",
     "EU training mission in Mali", "mission:eutm-mali"),
    ("The African Union mission in Somalia is drawing down.", "2023-05-01",
     "African Union mission in Somalia", "mission:atmis"),
    ("The African Union mission in Somalia is drawing down.", "2015-05-01",
     "African Union mission in Somalia", "mission:amisom"),
    ("the Kenyan-led mission in Haiti", "2024-07-01", "Kenyan-led mission in Haiti",
     "mission:mss-haiti"),
    ("NATO Mission Iraq (NMI) is a non-combat mission.", "2021-01-01", "NMI", "mission:nmi"),
    ("UNIFIL said; MINUSMA left Mali; KFOR stayed in Kosovo.", "2024-01-01", "MINUSMA",
     "mission:minusma"),
    ("EUFOR Althea continues in Bosnia.", "2024-01-01", "EUFOR Althea", "mission:eufor-althea"),
    ("Iraqi forces and NATO met in Baghdad. NATO's training mission will grow.", "2021-01-01",
     "NATO's training mission", "mission:nmi"),
])
def test_missions(text: str, published: str, surface: str, entity: str) -> None:
    doc = run(text, published)
    check_invariants(doc)
    assert (surface, entity) in [(m.text, m.entity) for m in doc.mentions], found(doc)


@pytest.mark.parametrize("text", [
    "The U.S. Mission to the United Nations said.",
    "The EU mission in Mali said.",  # two EU missions in Mali: left alone
    "The US mission in Iraq said.",  # no lead nation without "-led"
])
def test_mission_descriptions_left_alone(text: str) -> None:
    doc = run(text, "2019-01-01")
    assert not [m for m in doc.mentions if m.type == "mission"], found(doc)


def test_the_mission_refers_back_to_the_last_mission() -> None:
    doc = run("UNIFIL patrols the Blue Line. The mission said it saw no incidents.")
    assert ("The mission", "mission:unifil", "propagated") in found(doc)


def test_the_coalition_needs_an_antecedent() -> None:
    assert not [m for m in run("The coalition said it struck targets.").mentions
                if m.entity == "org:global-coalition"]
    doc = run("The Global Coalition met in Rome. The coalition said it would stay.")
    assert ("The coalition", "org:global-coalition", "propagated") in found(doc)


# -- collisions ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "absent"), [
    ("Chad Wolf, the acting secretary, said troops will stay.", "country:TD"),
    ("In March, the Union said May would be decisive.", "org:eu"),
    ("Mission commanders met in Georgia Governor Brian Kemp's office.", "country:GE"),
    ("The General Provisions section applies.", "person:provisions"),
    ("He drove to the Washington Post.", "place:washington"),
])
def test_collisions(text: str, absent: str) -> None:
    doc = run(text)
    check_invariants(doc)
    assert absent not in [m.entity for m in doc.mentions], found(doc)


def test_no_published_date_still_links() -> None:
    doc = run("NATO Secretary General Jens Stoltenberg visited Kabul.", None)
    assert [m.entity for m in doc.mentions] == ["org:nato", "person:jens-stoltenberg",
                                                "place:kabul"]


def test_empty_text() -> None:
    assert run("").mentions == []
