"""The quote evaluation: the PolNeAR reader and the scorer on a small hand-made article, and
the pinned figures on the real test split (shared data)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from missionwatch.eval import MissingData, require
from missionwatch.eval.polnear import Article, Attribution, load_split, parse_ann
from missionwatch.eval.quotes import NEEDS, evaluate, gold_units, pred_units
from missionwatch.eval.quotes import score as score_articles
from missionwatch.extract.quotes import extract_quotes

TEXT = (
    "NATO ministers met in Brussels.\n\n"
    "“We will train the Iraqi army,” Ola Berg said. “Only if Baghdad agrees.”\n\n"
    "Berg said that the trainers would come from the coalition.\n\n"
    "Critics believe the plan will fail."
)


def _span(words: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return f"{start} {start + len(words)}"


ANN = "\n".join([
    f"T1\tSource {_span('Ola Berg')}\tOla Berg",
    f"T2\tCue {_span('said')}\tsaid",
    f"T3\tContent {_span('“We will train the Iraqi army,”')};{_span('“Only if Baghdad agrees.”')}"
    "\t…",
    f"T4\tAttribution {_span('said')}\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    f"T5\tSource {_span('Berg', 1)}\tBerg",
    f"T6\tCue {_span('said', 1)}\tsaid",
    f"T7\tContent {_span('that the trainers would come from the coalition')}\t…",
    f"T8\tAttribution {_span('said', 1)}\tsaid",
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
    f"T9\tSource {_span('Critics')}\tCritics",
    f"T10\tCue {_span('believe')}\tbelieve",
    f"T11\tContent {_span('the plan will fail')}\t…",
    f"T12\tAttribution {_span('believe')}\tbelieve",
    "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
    f"T13\tDiscard {_span('NATO ministers met in Brussels.')}\tNATO ministers met in Brussels.",
])


def _write(folder: Path) -> None:
    (folder / "dev" / "text").mkdir(parents=True)
    (folder / "dev" / "attributions").mkdir(parents=True)
    (folder / "dev" / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "dev" / "attributions" / "a1_zz.ann").write_text(ANN, encoding="utf-8")
    (folder / "dev" / "attributions" / "a1_aa.ann").write_text(ANN, encoding="utf-8")


def test_parse_ann_keeps_fragments_and_roles() -> None:
    atts = parse_ann(ANN)
    assert len(atts) == 3
    first = atts[0]
    assert len(first.content) == 2
    assert len(first.cue) == 1
    assert len(first.source) == 1
    assert TEXT[first.source[0][0]:first.source[0][1]] == "Ola Berg"


def test_load_split_takes_one_annotator_per_article(tmp_path: Path) -> None:
    _write(tmp_path)
    articles = load_split(tmp_path, "dev")
    assert [a.name for a in articles] == ["a1"]
    assert len(articles[0].attributions) == 3


def test_gold_units_flags() -> None:
    units = gold_units(Article("a1", TEXT, parse_ann(ANN)))
    assert [u.direct for u in units] == [True, False, False]
    assert [u.speech for u in units] == [True, True, False]  # "believe" is not speech
    assert units[1].key == ("the trainers would come from the coalition",)


def test_prediction_units_group_an_interrupted_quote() -> None:
    from missionwatch.document import Document
    from missionwatch.extract.steps.sentences import sentences

    doc = Document(id="a1", text=TEXT)
    sentences(doc)
    units = pred_units(TEXT, extract_quotes(doc))
    assert len(units) == 2
    assert len(units[0].content) == 2
    assert units[0].direct


def test_scores_on_a_small_article(tmp_path: Path) -> None:
    _write(tmp_path)
    figures = {m.name: m.value for m in evaluate(tmp_path, "dev")}
    # two of the three gold attributions found, both predictions right
    assert figures["quotes.polnear.dev.content_p_overlap"] == 1.0
    assert figures["quotes.polnear.dev.content_r_overlap"] == pytest.approx(2 / 3)
    assert figures["quotes.polnear.dev.content_f1_exact"] == pytest.approx(0.8)
    assert figures["quotes.polnear.dev.direct_f1"] == 1.0
    assert figures["quotes.polnear.dev.speaker_acc"] == 1.0
    assert figures["quotes.polnear.dev.cue_recall"] == 1.0


def test_a_wrong_speaker_counts_against_accuracy() -> None:
    atts = parse_ann(ANN)
    moved = Attribution(atts[0].content, atts[0].cue, ((0, 4),))  # "NATO"
    scores = score_articles([Article("a1", TEXT, [moved, *atts[1:]])])
    assert (scores.speaker.gold, scores.speaker.hit) == (2, 1)


@pytest.mark.parametrize(
    ("cue", "frozen", "lexicon"),
    [
        ("said", True, True),
        ("According to", True, True),
        ("believes", False, False),  # PolNeAR's cognitive cues are not speech
        ("sang", False, False),  # a verb that only introduces quoted words
        ("found", False, True),  # in the lexicon since, not in the frozen metric
    ],
)
def test_speech_cues_frozen_and_lexicon(cue: str, frozen: bool, lexicon: bool) -> None:
    from missionwatch.eval.quotes import _frozen_speech_cue, _speech_cue

    assert (_frozen_speech_cue(cue), _speech_cue(cue)) == (frozen, lexicon)


def test_grave_accent_quotes_count_as_direct() -> None:
    text = "``We will train the army,'' Berg said."
    end = text.index(" Berg")
    att = Attribution(((0, end),), ((text.index("said"), text.index("said") + 4),))
    assert [u.direct for u in gold_units(Article("a", text, [att]))] == [True]


def test_symmetric_variant_counts_a_fragment_after_its_mark() -> None:
    text = "“We will train,” Berg said. “But only if Baghdad agrees and asks for it.”"
    first = (0, text.index(" Berg"))
    second = (text.index("But"), len(text) - 1)  # the annotator left the opening mark out
    said = (text.index("said"), text.index("said") + 4)
    unit = gold_units(Article("a", text, [Attribution((first, second), (said,))]))[0]
    assert (unit.direct, unit.direct_sym) == (False, True)


#: the achieved figures on the PolNeAR test split (pinned floors: a change may raise them,
#: never lower them silently). ``cue_recall_lexicon`` is not pinned: its denominator grows
#: with the lexicon, so adding a verb may lower it without anything getting worse.
PINNED = {
    "quotes.polnear.direct_f1": 0.90,
    "quotes.polnear.direct_f1_exact": 0.84,
    "quotes.polnear.direct_f1_symmetric": 0.90,
    "quotes.polnear.speaker_acc": 0.95,
    "quotes.polnear.cue_recall": 0.79,
    "quotes.polnear.content_f1_overlap": 0.64,
    "quotes.polnear.content_r_overlap": 0.49,
    "quotes.polnear.content_f1_exact": 0.50,
}


@pytest.mark.shared
def test_quotes_evaluation_keeps_its_figures() -> None:
    try:
        data = require(NEEDS)
    except MissingData as missing:
        pytest.skip(str(missing))
    started = time.perf_counter()
    figures = {m.name: m.value for m in evaluate(data)}
    assert time.perf_counter() - started < 60
    for name, floor in PINNED.items():
        assert figures[name] >= floor, f"{name} fell to {figures[name]:.3f} (pinned {floor})"
