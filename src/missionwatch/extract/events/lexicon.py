"""The event lexicon (``data/events.yaml``) compiled into lookup tables.

Verb lemmas are inflected here (regular rules plus the irregular table of the data
file), so the data lists "kill" once and the matcher knows "kills", "killed", "killing".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from missionwatch.errors import VocabularyError

VOWELS = frozenset("aeiou")

#: the form a trigger word was found in
Form = str  # "base" | "s" | "past" | "pp" | "ing" | "noun" | "plural" | "phrase"


@dataclass(frozen=True)
class Entry:
    """One trigger entry of the data file."""

    category: str
    kind: str  # verb | noun | phrase
    mode: str = ""
    size: str = ""  # killed | injured | detained
    objects: frozenset[str] = frozenset()
    before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()  # words that may not follow it
    passive: bool = False
    undergoer: bool = False  # its subject is the one it happens to ("two soldiers died")
    weak: bool = False
    window: int = 0  # words after the trigger in which its object may stand (0: default)
    names: bool = False  # a name after it (a capitalised word) is an object too
    of_object: frozenset[str] = frozenset()  # after "of", one of these must follow
    not_object: frozenset[str] = frozenset()  # none of these may be its object
    not_before: frozenset[str] = frozenset()  # none of these may come just before it


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]
    form: Form
    entry: Entry


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, list[Pattern]]  # first word -> patterns, longest first
    contexts: dict[str, tuple[str, ...]]  # category -> default contexts
    mode_cues: dict[str, list[tuple[str, tuple[str, ...]]]]  # category -> [(mode, cue words)]
    governing: frozenset[str]
    complement_modes: dict[str, dict[str, str]]
    commitment_verbs: frozenset[str]  # every inflected form
    commitment: dict[str, tuple[str, str]]  # quad class -> (category, mode)
    light_verbs: frozenset[str]  # every inflected form
    report_verbs: frozenset[str]  # every inflected form
    control_verbs: frozenset[str]  # every inflected form
    no_backoff: frozenset[str]  # every inflected form
    modality: dict[str, dict[str, list[str]]]
    actors: dict[str, frozenset[str]]  # sector -> words/phrases
    counts: dict[str, Any]
    discard: tuple[str, ...]
    topic_cues: dict[str, tuple[str, ...]]
    places: dict[str, frozenset[str]]
    np_modifiers: frozenset[str]
    header_markers: tuple[str, ...]
    grammar: dict[str, frozenset[str]]  # closed word classes (adverbs, …)
    raw: dict[str, Any] = field(repr=False, default_factory=dict)


def _double(lemma: str, doubles: frozenset[str]) -> bool:
    if lemma in doubles:
        return True
    if len(lemma) > 4 or len(lemma) < 3 or lemma[-1] in "wxy":
        return False
    return lemma[-1] not in VOWELS and lemma[-2] in VOWELS and lemma[-3] not in VOWELS


def inflect(lemma: str, irregular: dict[str, list[str]], doubles: frozenset[str]) -> dict[str, str]:
    """The forms of a verb: base, s (third person), past, pp (past participle), ing."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in irregular:
        third, past, participle, gerund = irregular[head]
        forms = {"s": third, "past": past, "pp": participle, "ing": gerund}
    else:
        if head.endswith(("s", "sh", "ch", "x", "z", "o")):
            third = head + "es"
        elif head.endswith("y") and head[-2] not in VOWELS:
            third = head[:-1] + "ies"
        else:
            third = head + "s"
        if _double(head, doubles):
            past, gerund = head + head[-1] + "ed", head + head[-1] + "ing"
        elif head.endswith("e"):
            past = head + "d"
            gerund = head + "ing" if head.endswith(("ee", "ye", "oe")) else head[:-1] + "ing"
        elif head.endswith("y") and head[-2] not in VOWELS:
            past, gerund = head[:-1] + "ied", head + "ing"
        else:
            past, gerund = head + "ed", head + "ing"
        forms = {"s": third, "past": past, "pp": past, "ing": gerund}
    out = {"base": head + tail}
    out.update({k: v + tail for k, v in forms.items()})
    return out


def plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun if noun.endswith("s") else noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("’", "'").split())


def expand(phrase: str, slots: dict[str, list[str]]) -> list[str]:
    """The phrases a phrase with slots stands for: "expressed {poss} readiness" ->
    "expressed readiness", "expressed its readiness"… (a slot may be left empty)."""
    head, brace, rest = phrase.partition("{")
    if not brace:
        return [" ".join(phrase.split())]
    name, _, tail = rest.partition("}")
    if name not in slots:
        raise VocabularyError(f"data/events.yaml: phrase {phrase!r} names no known slot")
    return [out for filler in slots[name] for out in expand(f"{head}{filler}{tail}", slots)]


def _lowered(raw: dict[str, Any], key: str) -> frozenset[str]:
    """The words of list ``key`` of a data mapping, in lower case (none when absent)."""
    return frozenset(str(w).lower() for w in raw.get(key, []))


def _entries(
    category: str,
    raw: dict[str, Any],
    irregular: dict[str, list[str]],
    doubles: frozenset[str],
    slots: dict[str, list[str]],
    people: frozenset[str] = frozenset(),
) -> list[Pattern]:
    """The patterns of one trigger entry; ``people``: the nouns for people, objects of an
    entry with ``object_people``."""
    out: list[Pattern] = []

    def entry_of(kind: str) -> Entry:
        return Entry(
            category,
            kind,
            mode=str(raw.get("mode", "")),
            size=str(raw.get("size", "")),
            objects=_lowered(raw, "object")
            | (people if raw.get("object_people") else frozenset()),
            before=_lowered(raw, "before"),
            not_after=_lowered(raw, "not_after"),
            passive=bool(raw.get("passive", False)),
            undergoer=bool(raw.get("undergoer", False)),
            weak=bool(raw.get("weak", False)),
            window=int(raw.get("window", 0)),
            names=bool(raw.get("names", False)),
            of_object=_lowered(raw, "of_object"),
            not_object=_lowered(raw, "not_object"),
            not_before=_lowered(raw, "not_before"),
        )

    for lemma in raw.get("verbs", []):
        entry = entry_of("verb")
        for form, text in inflect(str(lemma).lower(), irregular, doubles).items():
            out.append(Pattern(_words(text), form, entry))
    for noun in raw.get("nouns", []):
        entry = entry_of("noun")
        out.append(Pattern(_words(str(noun)), "noun", entry))
        out.append(Pattern(_words(plural(str(noun).lower())), "plural", entry))
    for phrase in raw.get("phrases", []):
        entry = entry_of("phrase")
        for text in expand(str(phrase), slots):
            out.append(Pattern(_words(text), "phrase", entry))
    return out


def _load() -> dict[str, Any]:
    text = resources.files("missionwatch.data").joinpath("events.yaml").read_text("utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"data/events.yaml: not valid YAML ({exc})") from exc
    if not isinstance(data, dict) or "categories" not in data:
        raise VocabularyError("data/events.yaml: expected a mapping with 'categories'")
    return data


@cache
def word_list(key: str) -> frozenset[str]:
    """A top-level word list of ``data/events.yaml`` in lower case ("compound_heads",
    "actor_nouns"…; empty when the file has none)."""
    return _lowered(lexicon().raw, key)


@cache
def lexicon() -> Lexicon:
    """The compiled lexicon (loaded once)."""
    data = _load()
    irregular = {str(k): [str(f) for f in v] for k, v in data.get("irregular", {}).items()}
    doubles = frozenset(str(w) for w in data.get("double_final", []))
    slots = {str(k): [str(w) for w in v] for k, v in data.get("phrase_slots", {}).items()}
    patterns: dict[str, list[Pattern]] = {}
    contexts: dict[str, tuple[str, ...]] = {}
    phrases: dict[tuple[str, ...], str] = {}  # a phrase -> where it was listed first
    people = frozenset(str(w).lower() for w in data.get("counts", {}).get("people", []))
    for category, spec in data["categories"].items():
        contexts[category] = tuple(spec.get("context", []))
        for raw in spec.get("triggers", []):
            for pat in _entries(category, raw, irregular, doubles, slots, people):
                if pat.form == "phrase":
                    where = f"{category} ({pat.entry.mode})"
                    if pat.words in phrases:
                        raise VocabularyError(
                            f"data/events.yaml: phrase {' '.join(pat.words)!r} is listed "
                            f"twice: {phrases[pat.words]} and {where}"
                        )
                    phrases[pat.words] = where
                patterns.setdefault(pat.words[0], []).append(pat)
    for pats in patterns.values():
        pats.sort(key=lambda p: (-len(p.words), bool(not p.entry.objects)))
    light: set[str] = set()
    for lemma in data.get("light_verbs", []):
        light.update(inflect(str(lemma), irregular, doubles).values())
    control: set[str] = set()
    for lemma in data.get("control_verbs", []):
        control.update(inflect(str(lemma), irregular, doubles).values())
    general: set[str] = set()
    for lemma in data.get("no_backoff", []):
        general.update(inflect(str(lemma), irregular, doubles).values())
    mode_cues = {
        cat: [(str(mode), tuple(str(c).lower() for c in cues)) for mode, cues in modes.items()]
        for cat, modes in data.get("mode_cues", {}).items()
    }
    return Lexicon(
        patterns=patterns,
        contexts=contexts,
        mode_cues=mode_cues,
        governing=frozenset(data.get("governing", [])),
        complement_modes={k: dict(v) for k, v in data.get("complement_modes", {}).items()},
        commitment_verbs=frozenset(
            form
            for lemma in data.get("commitment", {}).get("verbs", [])
            for form in inflect(str(lemma), irregular, doubles).values()
        ),
        commitment={
            str(quad): (str(pair[0]), str(pair[1]))
            for quad, pair in data.get("commitment", {}).get("by_quad", {}).items()
        },
        light_verbs=frozenset(light),
        report_verbs=frozenset(
            form
            for lemma in data.get("report_verbs", [])
            for form in inflect(str(lemma), irregular, doubles).values()
        ),
        control_verbs=frozenset(control),
        no_backoff=frozenset(general),
        modality=data.get("modality", {}),
        actors={k: frozenset(str(w).lower() for w in v) for k, v in data["actors"].items()},
        counts=data["counts"],
        discard=tuple(str(w).lower() for w in data.get("discard", [])),
        topic_cues={
            k: tuple(str(w).lower() for w in v) for k, v in data.get("contexts", {}).items()
        },
        places={k: frozenset(str(w).lower() for w in v) for k, v in data["places"].items()},
        np_modifiers=frozenset(str(w).lower() for w in data.get("np_modifiers", [])),
        header_markers=tuple(str(w) for w in data.get("header_markers", [])),
        grammar={
            k: frozenset(str(w).lower() for w in v) for k, v in data.get("grammar", {}).items()
        },
        raw=data,
    )
