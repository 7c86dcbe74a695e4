import pytest

from missionwatch.extract.steps.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO met. The EU did not.", ["NATO met.", "The EU did not."]),
        ("Gen. Kenneth McKenzie spoke. He left.", ["Gen. Kenneth McKenzie spoke.", "He left."]),
        ("U.S. troops arrived on Jan. 8. They stayed.", ["U.S. troops arrived on Jan. 8.", "They stayed."]),
        ("“We will stay,” he said. “For now.”", ["“We will stay,” he said.", "“For now.”"]),
        ("Is it over? No.", ["Is it over?", "No."]),
        ("Jens H. Stoltenberg spoke.", ["Jens H. Stoltenberg spoke."]),
    ],
)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_index_the_text():
    text = "First one.  Second one!\n\nThird, in a new paragraph."
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == [s.text for s in sentences]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


@pytest.mark.parametrize(
    ("paragraph", "role"),
    [
        ("Jens Stoltenberg speaks at a press conference in Brussels. (Francois Lenoir / Reuters)", "caption"),
        ("Soldiers train at Camp Taji. (Army Spc. Caroline Schofer / U.S. Department of Defense)", "caption"),
        ("Photo: NATO troops in Kabul.", "caption"),
        ("The Associated Press contributed to this report.", "credit"),
        ("By Jane Smith", "byline"),
        ("NATO said it would stay (for now) in Iraq.", "body"),
    ],
)
def test_paragraph_roles(paragraph, role):
    sentences = split_sentences("Lead paragraph.\n\n" + paragraph + "\n\nLast paragraph.")
    assert {s.role for s in sentences if s.paragraph == 1} == {role}
    assert {s.role for s in sentences if s.paragraph != 1} == {"body"}


def test_hard_wrapped_lines_are_one_paragraph():
    text = ("President Donald J. Trump took office just one month ago, but has\n"
            "already accomplished more than most presidents do in their entire term.\n"
            "The next paragraph starts here after a full stop.")
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 1]
    assert sentences[0].text.endswith("entire term.")


def test_dateline_line_is_its_own_paragraph():
    text = "2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation, a force killed two insurgents."
    sentences = split_sentences(text)
    assert [s.text for s in sentences][-1].startswith("During")
    assert len({s.paragraph for s in sentences}) == 3


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Lt.Col. Smith spoke. He left.", 2),
        ("First paragraph ends here.\u2029Second paragraph.", 2),
        ("A line that ends a sentence.\u2028Next line starts a new one.", 2),
    ],
)
def test_separators_and_run_together_titles(text, count):
    assert len(split_sentences(text)) == count


def test_credit_line_inside_a_long_paragraph_marks_only_itself():
    body = "“We will stay,” the minister said on Monday. " * 8
    text = body + "Jane Roe contributed to this article."
    roles = [s.role for s in split_sentences(text)]
    assert roles[-1] == "credit"
    assert set(roles[:-1]) == {"body"}


def test_a_short_wrapped_line_goes_on_when_the_next_starts_in_lower_case() -> None:
    # Markdown with hard wraps: a line under 60 characters is not a title when the next
    # line continues its sentence
    text = (
        "-   **Cooperation:** The Departments will deepen U.S. commercial space\n"
        "    partnerships, including through bilateral and multilateral\n"
        "    engagements.\n"
        "Short title line\n"
        "Next Paragraph Starts Here."
    )
    found = [text[s.start : s.end] for s in split_sentences(text)]
    assert found[0].endswith("engagements.")
    assert "Short title line" in found  # a capital after it: still a line of its own


def test_a_dateline_ending_in_a_dash_stays_its_own_line() -> None:
    text = "KANDAHAR, Afghanistan --\nInsurgents attacked a police checkpoint on Sunday."
    found = [text[s.start : s.end] for s in split_sentences(text)]
    assert found[-1] == "Insurgents attacked a police checkpoint on Sunday."
