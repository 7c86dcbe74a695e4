"""Helpers for the event tests: documents with hand-made mentions and time expressions,
so the event rules are tested without depending on the mentions and times steps."""

from __future__ import annotations

import re
from typing import Any

from missionwatch.dates import PartialDate
from missionwatch.document import Document, Mention, Timex
from missionwatch.extract.events import event_claims
from missionwatch.extract.steps.sentences import split_sentences
from missionwatch.model import Claim

# surface form -> (entity, type, canonical name, how)
ENTITIES: dict[str, tuple[str, str, str, str]] = {
    "U.S.": ("country:US", "country", "United States", "demonym"),
    "United States": ("country:US", "country", "United States", "alias"),
    "Iranian": ("country:IR", "country", "Iran", "demonym"),
    "Iran": ("country:IR", "country", "Iran", "alias"),
    "Iraqi parliament": ("org:iq-parliament", "organisation", "Parliament of Iraq", "alias"),
    "Iraqi government": ("org:iq-government", "organisation", "Government of Iraq", "alias"),
    "Iraqi": ("country:IQ", "country", "Iraq", "demonym"),
    "Iraq": ("country:IQ", "country", "Iraq", "alias"),
    "Qassem Soleimani": ("person:qassem-soleimani", "person", "Qassem Soleimani", "alias"),
    "Donald Trump": ("person:donald-trump", "person", "Donald Trump", "alias"),
    "NATO": ("org:nato", "organisation", "NATO", "alias"),
    "Baghdad": ("place:baghdad", "place", "Baghdad", "alias"),
    "Afghan": ("country:AF", "country", "Afghanistan", "demonym"),
    "Afghanistan": ("country:AF", "country", "Afghanistan", "alias"),
    "Taliban": ("org:taliban", "organisation", "Taliban", "alias"),
    "Mali": ("country:ML", "country", "Mali", "alias"),
    "Kosovo": ("country:XK", "country", "Kosovo", "alias"),
    "France": ("country:FR", "country", "France", "alias"),
    "Russia": ("country:RU", "country", "Russia", "alias"),
    "Ukraine": ("country:UA", "country", "Ukraine", "alias"),
    "Syria": ("country:SY", "country", "Syria", "alias"),
    "Turkey": ("country:TR", "country", "Turkey", "alias"),
    "Israel": ("country:IL", "country", "Israel", "alias"),
    "Lebanon": ("country:LB", "country", "Lebanon", "alias"),
    "Hezbollah": ("org:hezbollah", "organisation", "Hezbollah", "alias"),
    "European Union": ("org:eu", "organisation", "European Union", "alias"),
    "Jens Stoltenberg": ("person:jens-stoltenberg", "person", "Jens Stoltenberg", "alias"),
}


def mentions_for(text: str) -> list[Mention]:
    """Every known surface form in ``text``, longest first, without overlaps."""
    taken: set[int] = set()
    out: list[Mention] = []
    for surface in sorted(ENTITIES, key=len, reverse=True):
        entity, etype, name, how = ENTITIES[surface]
        for match in re.finditer(r"(?<![A-Za-z])" + re.escape(surface) + r"(?![A-Za-z])", text):
            span = range(match.start(), match.end())
            if any(i in taken for i in span):
                continue
            taken.update(span)
            out.append(Mention(match.start(), match.end(), surface, entity, etype, name, how))
    return sorted(out, key=lambda m: m.start)


def make_doc(
    text: str,
    times: dict[str, str] | None = None,
    published: str | None = "2020-02-13",
    ident: str = "t",
) -> Document:
    """A document with sentences, hand-made mentions and ``times`` (surface -> value)."""
    doc = Document(
        id=ident,
        text=text,
        published=PartialDate.parse(published) if published else None,
        date_source="argument" if published else "none",
    )
    doc.sentences = split_sentences(text)
    doc.mentions = mentions_for(text)
    for surface, value in (times or {}).items():
        start = text.index(surface)
        doc.times.append(Timex(start, start + len(surface), surface, "DATE", value))
    doc.times.sort(key=lambda t: t.start)
    return doc


def events(text: str, times: dict[str, str] | None = None, **kwargs: Any) -> list[Claim]:
    return event_claims(make_doc(text, times, **kwargs))


def first(text: str, times: dict[str, str] | None = None, **kwargs: Any) -> Claim:
    found = events(text, times, **kwargs)
    assert found, f"no event found in {text!r}"
    return found[0]
