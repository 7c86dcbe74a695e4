"""Step 1, ``sentences``: split the text into paragraphs and sentences, and mark the
paragraphs that are not the article's own prose (photo captions, photo credits, bylines,
"contributed to this report" lines), so that later steps never take them for statements.

A regular-expression scanner, not a model: a sentence ends at ``.``, ``!`` or ``?``
(optionally followed by closing quotes or brackets) before white space and an opening
capital, digit or quote, unless the word before the stop is a known abbreviation
("Gen.", "U.S.", "Jan.") or a single initial.
"""

from __future__ import annotations

import re

from missionwatch.document import Document, Sentence
from missionwatch.extract.pipeline import step

ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "spc", "pvt",
    "cpl", "adm", "cmdr", "gov", "sen", "rep", "rev", "st", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol", "fig", "inc", "ltd",
    "co", "corp", "jr", "sr", "vs", "etc", "approx", "est", "dept", "univ", "ft", "mt",
    "pres", "sec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "d.c", "u.s.a",
])

_PARAGRAPH = re.compile(r"\r?\n[ \t]*(?:\r?\n\s*)+|[\u2029]\s*|\r?[\n\u2028](?=[ \t]*\S)")
#: a single line break ends a paragraph only after a line that ends a sentence or is short
#: (a title, a dateline, a release number); otherwise it is a hard wrap inside a paragraph
_LINE_END = re.compile(r"""[.!?:"”’)\]]\s*$""")
SHORT_LINE = 60
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")
# "(Francois Lenoir / Reuters)", "(Army Spc. Caroline Schofer / U.S. Department of Defense)",
# "Photo: …", "(AP Photo/…)", "Credit: …"
_CREDIT_TAIL = re.compile(
    r"\((?:[^()]{2,80}?)\s*/\s*(?:[^()]{2,80})\)\s*$|\((?:AP|AFP|Reuters|Getty)[^()]*\)\s*$"
)
_CAPTION_HEAD = re.compile(r"^\s*(?:photo|image|picture|caption|file photo|credit)s?\s*[:|]", re.I)
_CONTRIBUTED = re.compile(r"contributed (?:reporting )?to this (?:report|story|article)", re.I)
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:,.*)?$")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        if ("\n" not in match.group(0).lstrip("\r\n") and "\u2029" not in match.group(0)
                and not _hard_break(text, match.start())):
            continue  # a single wrapped line
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _hard_break(text: str, newline: int) -> bool:
    line_start = max(text.rfind("\n", 0, newline), text.rfind("\u2028", 0, newline)) + 1
    line = text[line_start:newline]
    if _LINE_END.search(line):
        return True
    # a short line is a title or a dateline, unless the next line goes on with its
    # sentence in lower case ("… bilateral and multilateral\n    engagements.")
    after = _NEXT_LINE.match(text, newline)
    goes_on = after is not None and after.group(1).islower()
    return len(line.strip()) < SHORT_LINE and not goes_on


#: the first letter of the next line, after the line break and its indentation
_NEXT_LINE = re.compile(r"\r?[\n\u2028][ \t]*([A-Za-z])")


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` ends an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS or word.rsplit(".", 1)[-1] in ABBREVIATIONS:
        return True  # "Gen.", "U.S.", and run-together titles such as "Lt.Col."
    # a single capital initial: "Jens H. Stoltenberg"
    return len(word) == 1 and match.group(1).isupper()


#: a paragraph longer than this is prose even when one of its sentences is a credit line
SHORT_PARAGRAPH = 250


def _paragraph_role(text: str) -> str:
    if _CONTRIBUTED.search(text) and len(text) <= SHORT_PARAGRAPH:
        return "credit"
    if _CAPTION_HEAD.match(text) or _CREDIT_TAIL.search(text.rstrip()):
        return "caption"
    if _BYLINE.match(text) and len(text) < 120:
        return "byline"
    return "body"


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with paragraph numbers and roles."""
    sentences: list[Sentence] = []
    for number, (pstart, pend) in enumerate(_paragraphs(text)):
        role = _paragraph_role(text[pstart:pend])
        start = pstart
        for match in _BOUNDARY.finditer(text, pstart, pend):
            if _is_abbreviation(text, match.start()):
                continue
            end = match.end()
            _add(sentences, text, start, end, number, role)
            start = end
        _add(sentences, text, start, pend, number, role)
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int, para: int, role: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        if role == "body" and _CONTRIBUTED.search(text, start, end):
            role = "credit"  # a credit line run into the last paragraph of a wire story
        out.append(Sentence(start, end, text[start:end], para, role))


@step("sentences", assigns=("sentences",))
def sentences(doc: Document) -> None:
    doc.sentences = split_sentences(doc.text)
