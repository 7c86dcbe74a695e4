"""The claims step on hand-written sentences beyond the founding article."""

import pytest

import missionwatch as mw


def claims_of(text, published="2020-02-13"):
    return mw.extract(text, published).claims


def find(claims, kind, **fields):
    out = []
    for c in claims:
        if c.kind != kind:
            continue
        if all((c.qualifiers.get(k[2:]) if k.startswith("q_") else getattr(c, k)) == v
               for k, v in fields.items()):
            out.append(c)
    return out


@pytest.mark.parametrize(
    ("text", "published", "kind", "fields"),
    [
        # lifecycle, with modality and date precision
        ("The European Union launched EUTM Mali in February 2013.", "2013-03-01",
         "mission.status", {"subject": "mission:eutm-mali", "value": "launched", "date": "2013-02", "modality": "asserted"}),
        ("NATO suspended its training mission in Iraq last month.", "2020-02-13",
         "mission.status", {"subject": "mission:nmi", "value": "suspended", "date": "2020-01", "modality": "asserted"}),
        ("NATO has not suspended its training mission in Iraq.", "2020-02-13",
         "mission.status", {"subject": "mission:nmi", "value": "suspended", "modality": "negated"}),
        ("NATO will resume its training mission in Iraq next month.", "2020-02-13",
         "mission.status", {"subject": "mission:nmi", "value": "resumed", "modality": "planned", "date": "2020-03"}),
        ("MINUSMA ended its operations in Mali in December 2023.", "2024-01-10",
         "mission.status", {"subject": "mission:minusma", "value": "ended", "date": "2023-12"}),
        # consent
        ("The Malian government withdrew its consent to MINUSMA in June 2023.", "2023-07-01",
         "mission.consent", {"subject": "mission:minusma", "value": "withdrawn", "q_by": "government", "q_host": "country:ML"}),
        ("UNIFIL is deployed in Lebanon at the invitation of the Lebanese government.", "2020-02-13",
         "mission.consent", {"subject": "mission:unifil", "value": "invited", "q_host": "country:LB"}),
        # mandate
        ("KFOR troops are not involved in combat operations, a spokesman said.", "2020-02-13",
         "mission.mandate", {"subject": "mission:kfor", "value": "non-combat"}),
        ("EUTM Somalia trains the Somali National Army.", "2020-02-13",
         "mission.mandate", {"subject": "mission:eutm-somalia", "value": "training"}),
        # caps and personnel
        ("No additional troops will be sent to KFOR, officials said.", "2020-02-13",
         "mission.cap", {"subject": "mission:kfor", "value": "no-increase"}),
    ],
)
def test_mission_claims(text, published, kind, fields):
    found = find(claims_of(text, published), kind, **fields)
    assert found, f"no {kind} {fields} in {[(c.kind, c.subject, c.value, c.modality, c.date, c.qualifiers) for c in claims_of(text, published)]}"


def test_personnel_keeps_verbatim_and_bounds():
    claims = claims_of("Some 2,500 troops serve with KFOR in Kosovo.")
    [claim] = find(claims, "mission.personnel", subject="mission:kfor")
    assert claim.value["verbatim"].startswith("Some 2,500")
    assert claim.value["best"] == 2500 and claim.value["approx"] is True
    assert claim.qualifiers["role"] == "troops"


def test_personnel_contributor():
    claims = claims_of("Germany has about 1,100 soldiers in MINUSMA.")
    [claim] = find(claims, "mission.personnel", subject="mission:minusma")
    assert claim.qualifiers.get("contributor") == "country:DE"


def test_transfer_between_frameworks():
    text = "Several countries will shift their training activities from the Global Coalition to the NATO mission in Iraq."
    [claim] = find(claims_of(text), "mission.transfer")
    assert claim.qualifiers["from"] == "org:global-coalition"
    assert claim.qualifiers["to"] == "mission:nmi"
    assert "training activities" in claim.qualifiers["what"]
    assert claim.modality == "planned"


def test_meeting_with_place_date_and_outcome():
    text = "EU foreign ministers met in Luxembourg on June 22 and agreed to extend EUTM Mali."
    [claim] = find(claims_of(text, "2020-06-25"), "meeting")
    assert claim.subject.startswith("org:eu/")
    assert claim.date == "2020-06-22"
    assert claim.qualifiers["place"] == "Luxembourg"
    assert claim.qualifiers["outcome"].startswith("agreed to extend")


def test_membership():
    claims = claims_of("Sweden and Finland are now members of NATO.")
    subjects = {c.subject for c in find(claims, "membership", value="org:nato")}
    assert subjects == {"country:SE", "country:FI"}


def test_statement_from_direct_quote_has_speaker_role_and_date():
    text = "“We will stay as long as we are welcome,” NATO Secretary General Jens Stoltenberg said on Wednesday."
    [claim] = find(claims_of(text), "statement")
    assert claim.subject == "person:jens-stoltenberg"
    assert claim.qualifiers["direct"] is True
    assert claim.qualifiers["role"]
    assert claim.date == "2020-02-12"


def test_no_statement_from_captions_or_credits():
    text = ("NATO met in Brussels on Wednesday.\n\n"
            "Jens Stoltenberg speaks at a press conference. (Francois Lenoir / Reuters)\n\n"
            "The Associated Press contributed to this report.")
    claims = claims_of(text)
    assert not find(claims, "statement")
    assert all("Lenoir" not in c.subject_name for c in claims)


def test_claims_cite_their_sentence():
    text = "The mission was launched in 2018. NATO suspended its training mission in Iraq last month."
    doc = mw.extract(text, "2020-02-13")
    for claim in doc.claims:
        assert doc.text[claim.source.start:claim.source.end] == claim.source.text
    [suspended] = find(doc.claims, "mission.status", value="suspended")
    assert suspended.source.text == "NATO suspended its training mission in Iraq last month."


def test_never_invents_a_day():
    claims = claims_of("NATO launched its training mission in Iraq in 2018.", "2020-02-13")
    [launched] = find(claims, "mission.status", value="launched")
    assert (launched.date, launched.precision) == ("2018", "year")


@pytest.mark.parametrize(
    "text",
    [
        "More EU member states are meeting the requirements for visa-free travel.",
        "The United Nations element was ordered to withdraw from the outpost in 1951.",
        "Both leaders agreed to expand cooperation on clean energy.",
        "The two presidents discussed capacity building for disaster relief.",
    ],
)
def test_no_mission_claims_without_a_mission(text):
    claims = [c for c in claims_of(text, "2024-11-12") if c.kind.startswith("mission.") or c.kind == "meeting"]
    assert claims == [], [(c.kind, c.subject, c.value) for c in claims]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Sweden and Finland are now members of NATO.", {"country:SE", "country:FI"}),
        ("The United States supported the process for Finland to join NATO.", {"country:FI"}),
        ("Turkey, Finland and Sweden signed a memorandum that lets Allies invite Finland and Sweden to join NATO.", {"country:FI", "country:SE"}),
        ("Norway, as a founding member, and Denmark are members of NATO.", {"country:NO", "country:DK"}),
    ],
)
def test_membership_takes_the_coordinated_names_before_the_cue(text, members):
    found = {c.subject for c in find(claims_of(text), "membership", value="org:nato")}
    assert found == members
