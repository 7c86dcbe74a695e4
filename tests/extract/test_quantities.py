"""The ``quantities`` step: verbatim spans, normalised bounds, heads, units and guard rails."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionwatch.dates import PartialDate
from missionwatch.document import Document, Quantity
from missionwatch.extract.numbers import parse_words
from missionwatch.extract.quantity_lexicon import lexicon
from missionwatch.extract.steps.quantities import find_quantities, quantities
from missionwatch.extract.steps.sentences import split_sentences

N = None


def run(text: str) -> list[Quantity]:
    found = find_quantities(text, split_sentences(text))
    for q in found:
        assert text[q.start:q.end] == q.text
    return found


def only(text: str, verbatim: str) -> Quantity:
    matches = [q for q in run(text) if q.text == verbatim]
    assert matches, f"{verbatim!r} not found in {[q.text for q in run(text)]}"
    return matches[0]


# (sentence, verbatim, low, best, high, approx, bound, head, unit)
CASES = [
    # the founding article
    ("NATO has not released details of the number of troops or types of training activities to be undertaken by the approximately 500-strong Global Coalition training force.",
     "approximately 500-strong", 450, 500, 550, True, "", "force", "personnel"),
    ("The NATO plan now provides for hundreds of trainers working with the Global Coalition to Combat IS in Iraq.",
     "hundreds of trainers", 200, N, 999, True, "vague", "trainers", "personnel"),
    ("No additional NATO personnel would be deployed in the troubled country.",
     "No additional NATO personnel", 0, 0, 0, False, "none-additional", "personnel", "personnel"),
    # approximations
    ("Some 2,500 troops remain in the country.", "Some 2,500 troops", 2250, 2500, 2750, True, "", "troops", "personnel"),
    ("Some 2,500 U.S. troops remain in the country.", "Some 2,500", 2250, 2500, 2750, True, "", "troops", "personnel"),
    ("Nearly 1,000 soldiers took part.", "Nearly 1,000 soldiers", 900, 1000, 1000, True, "", "soldiers", "personnel"),
    ("Just over 300 advisers stayed behind.", "Just over 300 advisers", 300, 300, 330, True, "", "advisers", "personnel"),
    ("The alliance will send about 4,000 more troops.", "about 4,000", 3600, 4000, 4400, True, "", "troops", "personnel"),
    ("They sent 500 or so marines.", "500 or so marines", 450, 500, 550, True, "", "marines", "personnel"),
    ("An estimated 600 contractors remain.", "An estimated 600 contractors", 540, 600, 660, True, "", "contractors", "people"),
    # at-least / at-most
    ("More than 5,000 peacekeepers serve in the mission.", "More than 5,000 peacekeepers", 5000, N, N, False, "at-least", "peacekeepers", "personnel"),
    ("Up to 4,000 soldiers could be deployed.", "Up to 4,000 soldiers", N, N, 4000, False, "at-most", "soldiers", "personnel"),
    ("The mission has at least 74 trainers.", "at least 74 trainers", 74, N, N, False, "at-least", "trainers", "personnel"),
    ("The plan allows no more than 500 soldiers.", "no more than 500 soldiers", N, N, 500, False, "at-most", "soldiers", "personnel"),
    ("Congress set a troop cap of 2,500 in the law.", "cap of 2,500", N, N, 2500, False, "at-most", "troop", "personnel"),
    ("It deployed 1,000 or more advisers.", "1,000 or more advisers", 1000, N, N, False, "at-least", "advisers", "personnel"),
    ("As many as 3,000 troops may leave.", "As many as 3,000 troops", N, N, 3000, False, "at-most", "troops", "personnel"),
    ("The bill adds $9+ billion for munitions.", "$9+ billion", 9e9, N, N, False, "at-least", "dollars", "money"),
    # ranges
    ("Between 300 and 400 advisers will stay.", "Between 300 and 400 advisers", 300, N, 400, False, "range", "advisers", "personnel"),
    ("The unit has 300-400 trainers.", "300-400 trainers", 300, N, 400, False, "range", "trainers", "personnel"),
    ("Two or three battalions will rotate in.", "Two or three battalions", 2, N, 3, False, "range", "battalions", "formations"),
    ("It costs between 3 and 4 million dollars.", "between 3 and 4 million dollars", 3e6, N, 4e6, False, "range", "dollars", "money"),
    # vague quantities
    ("Dozens of advisers left Baghdad.", "Dozens of advisers", 24, N, 99, True, "vague", "advisers", "personnel"),
    ("Dozens of U.S. troops left Baghdad.", "Dozens of", 24, N, 99, True, "vague", "troops", "personnel"),
    ("A few hundred soldiers will stay.", "A few hundred soldiers", 200, N, 500, True, "vague", "soldiers", "personnel"),
    ("Several thousand troops are on the border.", "Several thousand troops", 3000, N, 9000, True, "vague", "troops", "personnel"),
    ("Tens of thousands of refugees crossed the border.", "Tens of thousands of refugees", 20000, N, 99999, True, "vague", "refugees", "people"),
    ("Thousands more troops arrived.", "Thousands", 2000, N, 9999, True, "vague", "troops", "personnel"),
    # strength and force nouns
    ("Brazil leads a 12,000-strong force.", "12,000-strong force", 12000, 12000, 12000, False, "", "force", "personnel"),
    ("Italy sent a 300-member contingent.", "300-member contingent", 300, 300, 300, False, "", "contingent", "personnel"),
    ("The council approved a force of 12,000.", "12,000", 12000, 12000, 12000, False, "", "force", "personnel"),
    ("Troop levels of 5,200 were cut.", "5,200", 5200, 5200, 5200, False, "", "Troop", "personnel"),
    ("The division fielded two battalions.", "two battalions", 2, 2, 2, False, "", "battalions", "formations"),
    # number words and scales
    ("Five thousand soldiers took part in the exercise.", "Five thousand soldiers", 5000, 5000, 5000, False, "", "soldiers", "personnel"),
    ("Twenty-five trainers arrived in Kabul.", "Twenty-five trainers", 25, 25, 25, False, "", "trainers", "personnel"),
    ("A dozen instructors came.", "A dozen instructors", 12, 12, 12, False, "", "instructors", "personnel"),
    ("More than a dozen trainers came.", "More than a dozen trainers", 12, N, N, False, "at-least", "trainers", "personnel"),
    ("The war displaced 1.2 million people.", "1.2 million people", 1.2e6, 1.2e6, 1.2e6, False, "", "people", "people"),
    ("The plan needs 1.2 million.", "1.2 million", 1.2e6, 1.2e6, 1.2e6, False, "", "", "other"),
    ("It will cost billions.", "billions", 2e9, N, 9999999999, True, "vague", "", "other"),
    ("The NATO plan covers two hundred and fifty advisers.", "two hundred and fifty advisers", 250, 250, 250, False, "", "advisers", "personnel"),
    # line breaks inside the phrase (hard-wrapped text)
    ("NATO keeps approximately\n500 troops in the country.", "approximately\n500 troops", 450, 500, 550, True, "", "troops", "personnel"),
    # victims, detainees, materiel, money and percentages are not personnel
    ("The attack killed three U.S. soldiers.", "three", 3, 3, 3, False, "", "soldiers", "killed"),
    ("Three soldiers were killed and 12 were wounded.", "12", 12, 12, 12, False, "", "", "injured"),
    ("The death toll rose to 40.", "40", 40, 40, 40, False, "", "", "killed"),
    ("The security force detained two suspected insurgents.", "two", 2, 2, 2, False, "", "insurgents", "detained"),
    ("At least 74 civilians were killed in the strikes.", "At least 74 civilians", 74, N, N, False, "at-least", "civilians", "killed"),
    ("Iran fired 22 rockets at the bases.", "22 rockets", 22, 22, 22, False, "", "rockets", "materiel"),
    ("Officials said 150 vehicles were destroyed.", "150 vehicles", 150, 150, 150, False, "", "vehicles", "materiel"),
    ("Well over 1,000 militants joined.", "Well over 1,000 militants", 1000, N, N, False, "at-least", "militants", "combatants"),
    ("The U.S. will give $500 million in security assistance.", "$500 million", 5e8, 5e8, 5e8, False, "", "dollars", "money"),
    ("Spending rose 20 percent last year.", "20 percent", 20, 20, 20, False, "", "percent", "percent"),
    ("Spending rose 5% last year.", "5%", 5, 5, 5, False, "", "percent", "percent"),
    # a year-like number with a counted head is a count
    ("More than 2000 troops have served.", "More than 2000 troops", 2000, N, N, False, "at-least", "troops", "personnel"),
]


@pytest.mark.parametrize(
    ("sentence", "verbatim", "low", "best", "high", "approx", "bound", "head", "unit"), CASES)
def test_quantity(sentence: str, verbatim: str, low: float | None, best: float | None,
                  high: float | None, approx: bool, bound: str, head: str, unit: str) -> None:
    q = only(sentence, verbatim)
    assert (q.low, q.best, q.high) == (low, best, high)
    assert (q.approx, q.bound, q.head, q.unit) == (approx, bound, head, unit)


# sentences whose numbers are not quantities of this step
NOT_QUANTITIES = [
    "NATO has not yet released details of the number of troops to be deployed.",
    "The mission was launched in 2018.",
    "In 2020 troops were sent home.",
    "Trump urged NATO on January 8 to step up its engagement.",
    "The meeting is on 8 January 2020.",
    "The ministers met on Feb. 12, 2020 in Brussels.",
    "The date was 2020-02-12.",
    "The drill starts at 10:30 and ends at 3 p.m. or 0900 GMT.",
    "The Security Council adopted Resolution 2100 under Article 5.",
    "The council adopted resolution 2100 in April.",
    "The 82nd Airborne and the 101st arrived.",
    "Troops from the 1990s era returned.",
    "Call 202-456-1111 or (202) 456-1111 for details.",
    "The vote was 5-4 in favour.",
    "They bought F-35 jets and MQ-9 drones after COVID-19.",
    "NATO 2030 is the agenda, and they met at Camp Taji 2.",
    "See S/RES/2100 and section 1202 of the law.",
    "He served four years and three months in the army.",
    "The 25-year-old soldier was promoted.",
    "Two-thirds of the troops are Iraqi.",
    "One of the soldiers said no one would go.",
    "The two met in Brussels.",
    "They want zero-emission vehicles.",
    "The three arrived on Monday.",
    "Visit https://x.com/status/1897132658330886505 now.",
]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_a_quantity(sentence: str) -> None:
    assert [q.text for q in run(sentence)] == []


# lines of a Markdown list: the marker is no quantity, the count is
def test_list_markers_are_not_counts() -> None:
    text = "Outcomes:\n\n1. The alliance sent 300 trainers.\n2) Dozens of advisers left."
    assert [q.text for q in run(text)] == ["300 trainers", "Dozens of advisers"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("There will be no more troops in Syria.", "no more troops"),
    ("The plan foresees no new forces.", "no new forces"),
    ("No further NATO troops would be sent.", "No further NATO troops"),
])
def test_none_additional(sentence: str, expected: str) -> None:
    q = only(sentence, expected)
    assert (q.bound, q.best, q.unit) == ("none-additional", 0, "personnel")


@pytest.mark.parametrize("sentence", [
    "No more soldiers will die in this war.",
    "There were no additional questions.",
    "The cap allows no more than 500 soldiers.",  # an at-most bound, not a cap of zero
])
def test_no_none_additional(sentence: str) -> None:
    assert [q for q in run(sentence) if q.bound == "none-additional"] == []


def test_shared_head_across_and() -> None:
    found = run("The coalition deployed 500 U.S. and 300 British troops.")
    assert [(q.text, q.head, q.unit) for q in found] == [
        ("500", "troops", "personnel"), ("300", "troops", "personnel")]


@pytest.mark.parametrize(("words", "value"), [
    ("one", 1), ("twelve", 12), ("twenty-five", 25), ("ninety nine", 99), ("a hundred", None),
    ("five hundred", 500), ("two hundred and fifty", 250), ("five thousand", 5000),
    ("one thousand two hundred", 1200), ("two million", 2_000_000), ("two dozen", 24),
    ("three hundred thousand", 300_000),
])
def test_number_words(words: str, value: int | None) -> None:
    number = parse_words(words, 0, len(words), lexicon().vague)
    if value is None:  # "a" belongs to the step, not to the number
        assert number is None
    else:
        assert number is not None
        assert (number.best, number.end) == (value, len(words))


@given(st.integers(min_value=1, max_value=999_999_999))
def test_any_comma_grouped_count(n: int) -> None:
    text = f"The mission has {n:,} troops."
    (q,) = run(text)
    assert (q.text, q.best, q.unit) == (f"{n:,} troops", n, "personnel")


def test_founding_article() -> None:
    text = resources.files("missionwatch").joinpath("example/article.txt").read_text("utf-8")
    doc = Document(id="founding", text=text, published=PartialDate.parse("2020-02-13"),
                   date_source="argument")
    doc.sentences = split_sentences(text)
    quantities(doc)
    personnel = {q.text: q for q in doc.quantities if q.unit == "personnel"}
    assert set(personnel) == {"hundreds of trainers", "No additional NATO personnel",
                              "approximately 500-strong"}
    force = personnel["approximately 500-strong"]
    assert (force.best, force.approx, force.head) == (500, True, "force")
    assert all(doc.text[q.start:q.end] == q.text for q in doc.quantities)
    # dates and years in the article are not quantities
    assert not [q for q in doc.quantities if q.text in ("2018", "8", "12", "7", "2020")]
