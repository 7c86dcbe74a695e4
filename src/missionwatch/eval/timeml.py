"""Readers for gold time expressions: inline TimeML (TimeBank, AQUAINT, TE3-Platinum) and
the token-anchored MEANTIME XML (NewsReader Wikinews).

Both give a :class:`GoldDocument`: the plain text, the document creation time (DCT) and
the TIMEX3 annotations as character offsets into that text. The DCT itself is never
among the scored expressions: TimeML keeps it outside ``<TEXT>``; MEANTIME has it in the
text (the dateline), so its span is listed in ``excluded`` and left out of scoring.
MEANTIME annotates only the title and the first sentences of each article (sentences 0 to
5); ``scored_end`` marks the end of that part.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass
class GoldDocument:
    id: str
    text: str
    dct: str  # ISO date (YYYY-MM-DD), "" when unknown
    timexes: list[GoldTimex] = field(default_factory=list)
    #: character spans that are not scored (the DCT when it is part of the text)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    #: only expressions before this offset are scored (``None``: the whole text)
    scored_end: int | None = None


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)


def _dct_date(value: str) -> str:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else ""


def read_timeml(path: Path) -> GoldDocument:
    """One inline TimeML file: the ``<TEXT>`` content with its tags removed."""
    raw = path.read_text(encoding="utf-8")
    dct_match = _DCT.search(raw)
    dct = _dct_date(dict(_ATTR.findall(dct_match.group(1))).get("value", "")) if dct_match else ""
    start = raw.find("<TEXT>")
    end = raw.find("</TEXT>")
    if start < 0 or end < 0:
        return GoldDocument(path.stem, "", dct)
    body = raw[start + len("<TEXT>"):end]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            begin, attrs = open_timex
            open_timex = None
            text = "".join(parts)[begin:length]
            timexes.append(GoldTimex(begin, length, text, attrs.get("type", ""),
                                     attrs.get("value", ""), attrs.get("mod", "")))
    parts.append(html.unescape(body[pos:]))
    return GoldDocument(path.stem, "".join(parts), dct, timexes)


_GLUE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "%", "'", "'re",
                          "'ve", "'ll", "'d", "'m"})
_GLUE_AFTER = frozenset({"(", "[", "$"})
#: MEANTIME annotates the title and the first sentences, numbered 0 to 5
MEANTIME_SENTENCES = 6


def read_meantime(path: Path) -> GoldDocument:
    """One MEANTIME document: tokens re-joined into text (a sentence per line)."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    last_sentence = None
    previous = ""
    scored_end = None
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if last_sentence is not None and sentence != last_sentence:
            sep = "\n"
            if scored_end is None and int(sentence or 0) >= MEANTIME_SENTENCES:
                scored_end = length
        elif last_sentence is None or word in _GLUE_BEFORE or previous in _GLUE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        length += len(sep)
        offsets[token.get("t_id", "")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        last_sentence = sentence
        previous = word
    text = "".join(pieces)
    doc = GoldDocument(root.get("doc_id", path.stem), text, "", scored_end=scored_end)
    markables = root.find("Markables")
    for node in markables.iter("TIMEX3") if markables is not None else ():
        anchors = [offsets[a.get("t_id", "")] for a in node.iter("token_anchor")
                   if a.get("t_id", "") in offsets]
        if not anchors:
            continue  # an implicit time (no tokens): not a text span
        begin, finish = min(a[0] for a in anchors), max(a[1] for a in anchors)
        if node.get("functionInDocument") == "CREATION_TIME":
            doc.dct = _dct_date(node.get("value", ""))
            doc.excluded.append((begin, finish))
            continue
        doc.timexes.append(GoldTimex(begin, finish, text[begin:finish], node.get("type", ""),
                                     node.get("value", ""), node.get("mod", "")))
    doc.timexes.sort(key=lambda t: t.start)
    return doc


def read_folder(folder: Path, pattern: str = "*.tml") -> list[GoldDocument]:
    reader = read_meantime if pattern.endswith(".xml") else read_timeml
    return [reader(path) for path in sorted(folder.rglob(pattern))]
