"""Time expressions (``times`` + ``resolve``) against TimeML gold, as in TempEval-3 Task A.

- TE3-Platinum (20 news documents, the TempEval-3 test set): the headline figures;
- TBAQ-cleaned (TimeBank + AQUAINT, 256 documents): the only set rules were tuned on;
- MEANTIME Wikinews TIMEX3 (120 documents): a second, independent set, when present.

Measures (TempEval-3): strict span P/R/F1 (exact offsets), relaxed span P/R/F1 (any
overlap, one-to-one), type and value accuracy over the relaxed matches, and value F1 =
relaxed F1 × value accuracy. Each document is resolved against its own DCT.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from missionwatch.dates import PartialDate
from missionwatch.document import Document, Timex
from missionwatch.eval import Metric, MissingData, require
from missionwatch.eval.timeml import GoldDocument, GoldTimex, read_folder
from missionwatch.extract.steps.sentences import sentences
from missionwatch.extract.steps.times import resolve, times

NEEDS = "timeml-tempeval3"
MEANTIME = "meantime-wikinews"

#: published figures on TE3-Platinum (TEI2GO reproduction of HeidelTime; UzZaman et al.)
TE3_ANCHORS = {
    "strict_p": "HeidelTime 0.840", "strict_r": "HeidelTime 0.797",
    "strict_f1": "HeidelTime 0.818", "relaxed_p": "HeidelTime 0.931",
    "relaxed_r": "HeidelTime 0.884", "relaxed_f1": "HeidelTime 0.907",
    "value_f1": "HeidelTime 0.776; dateparser ~0.09",
}


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    docs: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok", "docs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Comparison:
    """One document's matches and errors (for error analysis on the tuning set)."""

    counts: Counts
    missed: list[GoldTimex] = field(default_factory=list)
    spurious: list[Timex] = field(default_factory=list)
    matched: list[tuple[GoldTimex, Timex]] = field(default_factory=list)


def run(gold: GoldDocument) -> list[Timex]:
    """Our expressions for one gold document, resolved against its DCT."""
    published = PartialDate.parse(gold.dct) if gold.dct else None
    doc = Document(id=gold.id, text=gold.text, published=published,
                   date_source="metadata" if published else "none")
    sentences(doc)
    times(doc)
    resolve(doc)
    end = len(gold.text) if gold.scored_end is None else gold.scored_end
    return [t for t in doc.times if t.start < end
            and not any(t.start < e and s < t.end for s, e in gold.excluded)]


def compare(gold: GoldDocument, system: list[Timex]) -> Comparison:
    counts = Counts(gold=len(gold.timexes), system=len(system), docs=1)
    result = Comparison(counts)
    used: set[int] = set()
    for g in gold.timexes:
        g_start, g_end = _trim(gold.text, g.start, g.end)
        match = None
        for i, s in enumerate(system):
            if i not in used and s.start < g_end and g_start < s.end:
                match = i
                break
        if match is None:
            result.missed.append(g)
            continue
        used.add(match)
        s = system[match]
        result.matched.append((g, s))
        counts.relaxed += 1
        counts.strict += (g_start, g_end) == _trim(gold.text, s.start, s.end)
        counts.type_ok += g.type == s.type
        counts.value_ok += g.value == s.value
    result.spurious = [s for i, s in enumerate(system) if i not in used]
    return result


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def score(documents: Iterable[GoldDocument]) -> Counts:
    total = Counts()
    for gold in documents:
        total.add(compare(gold, run(gold)).counts)
    return total


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return _ratio(2 * p * r, p + r)


def metrics(prefix: str, counts: Counts, anchors: dict[str, str] | None = None) -> list[Metric]:
    anchors = anchors or {}
    strict_p, strict_r = _ratio(counts.strict, counts.system), _ratio(counts.strict, counts.gold)
    relaxed_p = _ratio(counts.relaxed, counts.system)
    relaxed_r = _ratio(counts.relaxed, counts.gold)
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    value_acc = _ratio(counts.value_ok, counts.relaxed)
    figures = {
        "strict_p": strict_p, "strict_r": strict_r, "strict_f1": _f1(strict_p, strict_r),
        "relaxed_p": relaxed_p, "relaxed_r": relaxed_r, "relaxed_f1": relaxed_f1,
        "type_acc": _ratio(counts.type_ok, counts.relaxed), "value_acc": value_acc,
        "value_f1": relaxed_f1 * value_acc,
    }
    return [Metric(f"time.{prefix}.{name}", round(value, 4), anchors.get(name, ""), counts.gold)
            for name, value in figures.items()]


def evaluate_meantime(data_dir: Path) -> list[Metric]:
    """The same measures on MEANTIME's Wikinews TIMEX3 (the DCT dateline is not scored)."""
    documents = read_folder(data_dir / "intra-doc_annotation", "*.xml")
    return metrics("meantime", score(documents))


def evaluate(data_dir: Path) -> list[Metric]:
    """TE3-Platinum (test), TBAQ-cleaned (tuning) and, when present, MEANTIME."""
    found = metrics("te3", score(read_folder(data_dir / "te3-platinum")), TE3_ANCHORS)
    found += metrics("tbaq", score(read_folder(data_dir / "TBAQ-cleaned")))
    meantime = data_dir.parent / MEANTIME
    try:
        if not meantime.is_dir():
            meantime = require(MEANTIME, data_dir)
    except MissingData:
        return found
    return found + evaluate_meantime(meantime)
