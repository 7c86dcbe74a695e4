"""Evaluate the ``quotes`` step on PolNeAR (political news, gold attribution relations).

Tune on ``dev``; the reported figures are on ``test``. Units and matching:

* A gold unit is one attribution (its content fragments); a predicted unit is the set of
  quotes sharing one cue (an interrupted quote is one attribution, as in the gold), or a
  single quote without a cue.
* **Overlap** match (the Gender Gap Tracker's measure): the predicted content covers more
  than 30 % of the gold content's characters; one-to-one, gold units in text order.
* **Exact** match: equal content after trimming white space, quote marks, final
  punctuation and a leading "that" from each fragment (the gold keeps marks and "that",
  our content does not).
* **Direct** quotes (``direct_*``): gold attributions whose content opens with a quote mark
  (after a leading "that") and is at least 80 % inside quote marks, against our units that
  do the same once the quote marks right around them are added (our content leaves them
  out). ``direct_f1_symmetric`` is a variant adding the marks right around the gold
  fragments too (the same rule on both sides: a second fragment starting after its opening
  mark, or a span starting inside a two-apostrophe mark, still counts as quoted).
* **Speaker accuracy**: over overlap-matched units with a gold source, the share whose
  ``speaker_span`` overlaps the gold source span.
* **Speech-cue recall** (``cue_recall``): recall (overlap) of the gold attributions whose
  cue contains a speech verb that reports content, or "according to" (PolNeAR also
  annotates "believes", "found", "shows" … which are not speech; verbs that only introduce
  quoted words, "sang", "laughed", are left out). The verb forms are frozen in
  ``eval/quotes.yaml`` (the lexicon's list when the metric was defined) so that growing the
  extractor's lexicon does not move the metric; ``cue_recall_lexicon`` is the same recall
  over the cues of the current ``data/speech.yaml`` (a wider, harder set).
* Quote marks: straight, curly, guillemets, and two apostrophes or two grave accents
  (``''…''``, ````…''``) as one mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module, resources
from pathlib import Path

import yaml

from missionwatch.document import Document, Quote
from missionwatch.errors import PipelineError, VocabularyError
from missionwatch.eval import Metric
from missionwatch.eval.polnear import Article, Attribution, load_split
from missionwatch.extract.pipeline import StepFunc, get_step
from missionwatch.extract.quotes.lexicon import lexicon

NEEDS = "polnear-attribution"
SPLIT = "test"
OVERLAP = 0.3
DIRECT_SHARE = 0.8

_MARKS = "\"“”„«»‟"
_TRIM = " \t\r\n" + _MARKS + "‘’'.,;:!?—–-…"
_THAT = re.compile(r"(?i)that\s+")
_ANCHORS = {
    "content_f1_overlap": "GGT quote F1 0.837 (overlap 0.3, Canadian news)",
    "content_f1_exact": "citron content exact F1 0.593 (PARC 3.0)",
    "speaker_acc": "GGT speaker 0.86; citron source F1 0.82; target >= 0.88",
    "direct_f1": "GGT quote F1 0.837; target >= 0.90",
    "cue_recall": "citron cue recall 0.736 (PARC 3.0); target >= 0.75",
}

Frags = tuple[tuple[int, int], ...]


@dataclass
class Unit:
    content: Frags
    key: tuple[str, ...]  # normalised content, for exact matching
    direct: bool
    speech: bool = False  # gold: the cue is a speech cue (frozen list)
    speech_lex: bool = False  # gold: the cue is a speech cue of the current lexicon
    direct_sym: bool = False  # gold: direct once the marks around its fragments are added
    source: Frags = ()  # gold source, or our speaker span


def _merge(text: str, frags: Iterable[tuple[int, int]]) -> Frags:
    """Sort fragments and join those separated only by spaces and punctuation."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(frags):
        if out and not any(ch.isalnum() for ch in text[out[-1][1]:a]) and a >= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return tuple(out)


def _key(text: str, frags: Frags) -> tuple[str, ...]:
    parts: list[str] = []
    for a, b in frags:
        piece = text[a:b].strip(_TRIM)
        piece = _THAT.sub("", piece, count=1) if _THAT.match(piece) else piece
        piece = " ".join(piece.strip(_TRIM).split())
        if piece:
            parts.append(piece)
    return tuple(parts)


def _quoted_share(text: str, frags: Frags) -> float:
    """The share of letters and digits inside quote marks (a mark opening a paragraph
    while a quote is open continues it: the convention for quotes over paragraphs)."""
    inside = total = 0
    for a, b in frags:
        open_ = False
        line_start = True
        for ch in text[a:b]:
            if ch in _MARKS:
                if not (open_ and line_start):
                    open_ = not open_
            elif ch.isalnum():
                total += 1
                inside += open_
            if ch == "\n":
                line_start = True
            elif not ch.isspace():
                line_start = False
    return inside / total if total else 0.0


def _is_direct(text: str, frags: Frags) -> bool:
    """A direct quote: the content opens with a quote mark (after a leading "that") and
    is mostly inside quote marks."""
    head = text[frags[0][0]:frags[0][1]].lstrip()
    head = _THAT.sub("", head, count=1) if _THAT.match(head) else head
    return head[:1] in _MARKS and _quoted_share(text, frags) >= DIRECT_SHARE


def _chars(frags: Frags) -> set[int]:
    return {i for a, b in frags for i in range(a, b)}


@lru_cache(maxsize=1)
def _frozen_cues() -> re.Pattern[str]:
    """The speech cues of ``eval/quotes.yaml`` as one pattern: lower-case forms, "According
    to", and capitalised past forms opening a sentence ("Said Ellis: …")."""
    text = resources.files("missionwatch").joinpath("eval/quotes.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("speech_cues"), list):
        raise VocabularyError("eval/quotes.yaml: 'speech_cues' must be a list of forms")
    forms = {str(f).lower() for f in data["speech_cues"]}
    forms |= {f.capitalize() for f in forms if " " not in f and f.endswith(("ed", "said", "wrote"))}
    forms.add("According to")
    body = "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=len,
                                                                         reverse=True))
    return re.compile(rf"\b(?:{body})\b")


def _frozen_speech_cue(cue: str) -> bool:
    """True when the cue holds one of the frozen speech cues of ``eval/quotes.yaml``."""
    return _frozen_cues().search(cue) is not None


def _speech_cue(cue: str) -> bool:
    """True when the cue holds a speech verb that reports content ("said", "told",
    "according to"; not "believes", "found", nor "sang", "laughed")."""
    lex = lexicon()
    for m in lex.cue_re.finditer(cue):
        verb = lex.verb(" ".join(m.group().split()))
        if verb is not None and verb.klass != "quote-only":
            return True
    return False


def _marked(text: str) -> str:
    """``text`` with two apostrophes or two grave accents (``''…''``, ````…''``) written as
    one quote mark, at the same offsets."""
    return text.replace("''", '"\x01').replace("``", '"\x01')


def gold_units(article: Article) -> list[Unit]:
    text = article.text
    marked = _marked(text)
    units: list[Unit] = []
    for att in article.attributions:
        frags = _merge(text, att.content)
        cue_text = " ".join(text[a:b] for a, b in att.cue)
        units.append(Unit(frags, _key(text, frags), _is_direct(marked, frags),
                          speech=_frozen_speech_cue(cue_text), speech_lex=_speech_cue(cue_text),
                          source=att.source,
                          direct_sym=_is_direct(marked, _widen(marked, frags))))
    return units


def pred_units(text: str, quotes: Sequence[Quote]) -> list[Unit]:
    marked = _marked(text)
    groups: dict[object, list[Quote]] = {}
    for n, q in enumerate(quotes):
        groups.setdefault(q.cue.start if q.cue else ("nocue", n), []).append(q)
    units: list[Unit] = []
    for group in groups.values():
        frags = _merge(text, ((q.start, q.end) for q in group))
        spans = tuple((q.speaker_span.start, q.speaker_span.end)
                      for q in group if q.speaker_span is not None)
        units.append(Unit(frags, _key(text, frags), _is_direct(marked, _widen(marked, frags)),
                          source=spans[:1]))
    return units


def _widen(text: str, frags: Frags) -> Frags:
    """The fragments with the quote marks right around them (our content leaves them out,
    the gold keeps them), so that both sides are judged direct by the same rule."""
    out: list[tuple[int, int]] = []
    for a, b in frags:
        i = a
        while i > 0 and text[i - 1] in " \t\x01":
            i -= 1
        if i > 0 and text[i - 1] in _MARKS:
            a = i - 1
        j = b
        while j < len(text) and text[j] in " \t,.?!":
            j += 1
        if j < len(text) and text[j] in _MARKS:
            b = j + 1
        out.append((a, b))
    return tuple(out)


def _match(gold: list[Unit], pred: list[Unit]) -> list[tuple[Unit, Unit]]:
    """One-to-one overlap matches as the Gender Gap Tracker makes them: each gold unit in
    turn takes the free prediction covering the largest share (more than ``OVERLAP``) of
    its characters."""
    pred_chars = [_chars(p.content) for p in pred]
    free = set(range(len(pred)))
    pairs: list[tuple[Unit, Unit]] = []
    for g in gold:
        g_chars = _chars(g.content)
        if not g_chars:
            continue
        best, best_score = -1, OVERLAP
        for i in sorted(free):
            score = len(g_chars & pred_chars[i]) / len(g_chars)
            if score > best_score:
                best, best_score = i, score
        if best >= 0:
            free.discard(best)
            pairs.append((g, pred[best]))
    return pairs


def _exact(gold: list[Unit], pred: list[Unit]) -> int:
    keys: dict[tuple[str, ...], int] = {}
    for p in pred:
        keys[p.key] = keys.get(p.key, 0) + 1
    hits = 0
    for g in gold:
        if keys.get(g.key, 0) > 0:
            keys[g.key] -= 1
            hits += 1
    return hits


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    hit: int = 0

    def add(self, gold: int, pred: int, hit: int) -> None:
        self.gold += gold
        self.pred += pred
        self.hit += hit

    def f1(self) -> float:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def precision(self) -> float:
        return self.hit / self.pred if self.pred else 0.0

    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 0.0


@dataclass
class Scores:
    overlap: Tally
    exact: Tally
    direct: Tally
    direct_exact: Tally
    speaker: Tally  # gold = matched with a source, hit = speaker overlaps
    speech: Tally  # gold = speech-cue attributions (frozen list), hit = recalled
    speech_lex: Tally  # the same over the cues of the current lexicon
    direct_sym: Tally  # direct quotes, gold judged with the marks around it too


def _step_func(name: str) -> StepFunc | None:
    """The function of step ``name``: from the registry, else from its module (the registry
    loads every built-in step, and one still being written must not stop this evaluation)."""
    try:
        return get_step(name).func
    except (PipelineError, ImportError):
        pass
    try:
        module = import_module(f"missionwatch.extract.steps.{name}")
    except ImportError:
        return None
    func = getattr(module, name, None)
    return func if callable(func) else None


def run_quotes(text: str, name: str = "doc") -> Document:
    """Run sentences, mentions (when that step exists) and quotes on ``text``."""
    doc = Document(id=name, text=text)
    for step_name in ("sentences", "mentions", "quotes"):
        func = _step_func(step_name)
        if func is None:
            if step_name == "mentions":
                continue  # optional: the quotes step falls back to the text alone
            raise PipelineError(f"the {step_name} step is not available")
        func(doc)
        doc.done.append(step_name)
    return doc


def _overlaps(a: Frags, b: Frags) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def score(articles: Sequence[Article]) -> Scores:
    s = Scores(*(Tally() for _ in range(8)))
    for article in articles:
        doc = run_quotes(article.text, article.name)
        gold = gold_units(article)
        pred = pred_units(article.text, doc.quotes)
        matched = _match(gold, pred)
        s.overlap.add(len(gold), len(pred), len(matched))
        s.exact.add(len(gold), len(pred), _exact(gold, pred))
        g_direct = [g for g in gold if g.direct]
        p_direct = [p for p in pred if p.direct]
        s.direct.add(len(g_direct), len(p_direct), len(_match(g_direct, p_direct)))
        s.direct_exact.add(len(g_direct), len(p_direct), _exact(g_direct, p_direct))
        g_sym = [g for g in gold if g.direct_sym]
        s.direct_sym.add(len(g_sym), len(p_direct), len(_match(g_sym, p_direct)))
        with_source = [(g, p) for g, p in matched if g.source]
        s.speaker.add(len(with_source), 0,
                      sum(1 for g, p in with_source if _overlaps(g.source, p.source)))
        speech = [g for g in gold if g.speech]
        found = {id(g) for g, _ in matched}
        s.speech.add(len(speech), 0, sum(1 for g in speech if id(g) in found))
        speech_lex = [g for g in gold if g.speech_lex]
        s.speech_lex.add(len(speech_lex), 0, sum(1 for g in speech_lex if id(g) in found))
    return s


def metrics(s: Scores, split: str) -> list[Metric]:
    name = "quotes.polnear"
    tag = "" if split == SPLIT else f"{split}."
    return [
        Metric(f"{name}.{tag}content_f1_overlap", s.overlap.f1(),
               _ANCHORS["content_f1_overlap"], s.overlap.gold),
        Metric(f"{name}.{tag}content_p_overlap", s.overlap.precision(), "", s.overlap.pred),
        Metric(f"{name}.{tag}content_r_overlap", s.overlap.recall(), "", s.overlap.gold),
        Metric(f"{name}.{tag}content_f1_exact", s.exact.f1(), _ANCHORS["content_f1_exact"],
               s.exact.gold),
        Metric(f"{name}.{tag}content_p_exact", s.exact.precision(), "", s.exact.pred),
        Metric(f"{name}.{tag}content_r_exact", s.exact.recall(), "", s.exact.gold),
        Metric(f"{name}.{tag}direct_f1", s.direct.f1(), _ANCHORS["direct_f1"], s.direct.gold),
        Metric(f"{name}.{tag}direct_p", s.direct.precision(), "", s.direct.pred),
        Metric(f"{name}.{tag}direct_r", s.direct.recall(), "", s.direct.gold),
        Metric(f"{name}.{tag}direct_f1_exact", s.direct_exact.f1(), "", s.direct_exact.gold),
        Metric(f"{name}.{tag}direct_f1_symmetric", s.direct_sym.f1(), "", s.direct_sym.gold),
        Metric(f"{name}.{tag}speaker_acc", s.speaker.recall(), _ANCHORS["speaker_acc"],
               s.speaker.gold),
        Metric(f"{name}.{tag}cue_recall", s.speech.recall(), _ANCHORS["cue_recall"],
               s.speech.gold),
        Metric(f"{name}.{tag}cue_recall_lexicon", s.speech_lex.recall(), "",
               s.speech_lex.gold),
    ]


def evaluate(data_dir: Path, split: str = SPLIT) -> list[Metric]:
    """Metrics of the quotes step on PolNeAR ``split`` (``test`` unless tuning on ``dev``)."""
    return metrics(score(load_split(data_dir, split)), split)


__all__ = ["NEEDS", "Attribution", "evaluate", "score"]
