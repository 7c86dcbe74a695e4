"""``event`` claims as PLOVER-style JSON records (one per line: JSON Lines).

Fields follow the PLOVER manual's "PLOVER JSON" table (draft 0.8): ``id``, ``date``,
``enddate``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``,
``quad_code``, ``size``, ``text_info`` (character offsets of the supporting text in the
document), ``cite_info``, ``coder``, ``coded_date``, ``comment``. What PLOVER has no field
for (modality, date precision, confidence, the claim id) is kept under ``missionwatch``.

PLOVER codes one category per event and folds auxiliary modes into it: a planned or
promised act of cooperation is AGREE, a planned act of material conflict (or anything
planned "unless" something happens) is THREATEN, and refusing or failing to cooperate is
REJECT. :func:`plover_category` applies these rules; the claim keeps the act itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pycountry

from missionwatch.model import Claim
from missionwatch.vocab import vocabulary

CODEBOOK = "PLOVER manual draft 0.8 (2021)"
COOPERATION = frozenset({"verbal-cooperation", "material-cooperation"})
THREAT_CUE = re.compile(r"\b(?:unless|or else|otherwise)\b", re.I)
NO_DATE = "no date in the text; the publication date is given"


def _quad(category: str) -> str:
    return str(vocabulary().plover.get(category, {}).get("quad", ""))


def plover_category(claim: Claim) -> str:
    """The single PLOVER category of an event claim, auxiliary modes folded in."""
    category = str(claim.value)
    quad = _quad(category)
    if claim.modality in {"planned", "conditional", "expected"}:
        if THREAT_CUE.search(claim.source.text):
            return "THREATEN"
        if quad in COOPERATION and category != "AGREE":
            return "AGREE"
        if quad == "material-conflict":
            return "THREATEN"
    if claim.modality == "negated" and quad in COOPERATION and category != "REJECT":
        return "REJECT"
    return category


def _country(entity: str) -> dict[str, Any]:
    if not entity.startswith("country:"):
        return {}
    country = pycountry.countries.get(alpha_2=entity.split(":", 1)[1].upper())
    return {"code": str(country.alpha_3)} if country else {}


def _actor(entity: str, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"entity_text": text or None, "identifier_id": entity or None}
    out.update(_country(entity))
    return out


def _event_loc(place: Any) -> dict[str, Any] | None:
    if not place:
        return None
    if isinstance(place, str):
        return {"extracted_place": place}
    loc: dict[str, Any] = {"extracted_place": place.get("text")}
    if place.get("locality"):  # a town of data/localities.yaml
        loc["resolved_place"] = place["locality"]
    if place.get("region"):
        loc.setdefault("resolved_place", place["region"])
        loc["province"] = place["region"]
        loc["province_code"] = place.get("region_code")
    if place.get("country"):
        loc.setdefault("resolved_place", place["country"])
        loc["country"] = place["country"]
        code = place.get("country_code")
        country = pycountry.countries.get(alpha_2=code) if code else None
        loc["country_code"] = str(country.alpha_3) if country else code
    loc["resolution"] = (
        "town"
        if place.get("locality")
        else "province"
        if place.get("region")
        else "country"
        if place.get("country")
        else "place"
    )
    return loc


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def to_plover(
    claims: Iterable[Claim], documents: dict[str, dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """PLOVER records for the ``event`` claims among ``claims``; ``documents`` maps a
    document id to its header (``id``, ``title``, ``url``, ``published``…)."""
    sequence: dict[str, int] = {}
    for claim in claims:
        if claim.kind != "event":
            continue
        doc = documents.get(claim.source.document, {})
        quals = claim.qualifiers
        sequence[claim.source.document] = sequence.get(claim.source.document, 0) + 1
        date = claim.date
        comment = ""
        if date is None and doc.get("published"):
            date, comment = str(doc["published"]), NO_DATE
        category = plover_category(claim)
        size = {
            key: quals[name]
            for name, key in (("killed", "dead"), ("injured", "injured"), ("detained", "arrested"))
            if name in quals
        }
        recipient = quals.get("recipient")
        record: dict[str, Any] = {
            "id": claim.id,
            "date": date,
            "enddate": claim.date_end,
            "actor": [_actor(claim.subject, claim.subject_name)],
            "recipient": (
                [_actor(str(recipient), str(quals.get("recipient_name", "")))] if recipient else []
            ),
            "event": [category],
            "event_text": quals.get("trigger"),
            "quad_code": _quad(category),
            "mode": _listed(quals.get("mode")) if category == claim.value else [],
            "context": _listed(quals.get("context")),
            "event_loc": _event_loc(quals.get("place")),
            "size": size or None,
            "text_info": {
                "sequence": sequence[claim.source.document],
                "start": claim.source.start,
                "end": claim.source.end,
                "text_story": claim.source.document,
            },
            "cite_info": {
                "corpus": doc.get("origin"),
                "citation": doc.get("title"),
                "url": doc.get("url"),
                "title": doc.get("title"),
                "publication": doc.get("published"),
                "language": "en",
                "coder": f"missionwatch {claim.source.extractor}",
                "codebook": CODEBOOK,
                "version": claim.source.extractor_version,
            },
            "coder": f"missionwatch {claim.source.extractor}",
            "coded_date": claim.recorded_at[:10] or None,
            "comment": comment or None,
            "missionwatch": {
                "claim": claim.id,
                "category": claim.value,
                "modality": claim.modality,
                "precision": claim.precision,
                "date_inferred": claim.date_inferred,
                "confidence": claim.confidence,
                "background": bool(quals.get("background")),
                "text": claim.source.text,
            },
        }
        yield record
