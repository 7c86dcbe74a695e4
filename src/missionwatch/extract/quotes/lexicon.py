"""The word lists of the quotes step (``data/speech.yaml``), loaded once, with the regular
expressions built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from missionwatch.errors import VocabularyError


@dataclass(frozen=True)
class Verb:
    lemma: str
    klass: str  # clause | that | object | urge | commit | evidence | topic | quote-only
    inversion: bool
    bare: bool = False
    addressee: bool = False  # "warned voters that …", "promised allies that …"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Verb]  # form (lower case, may be two words) -> verb
    cue_re: re.Pattern[str]  # every verb form and "according to", as whole words
    audience: frozenset[str]
    adverbs: frozenset[str]
    time_words: frozenset[str]
    clause_markers: frozenset[str]
    not_clause_start: frozenset[str]
    pronouns: dict[str, str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    role_determiners: frozenset[str]
    not_names: frozenset[str]
    org_words: frozenset[str]
    document_nouns: frozenset[str]
    name_suffixes: frozenset[str]
    person_titles: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    settings: frozenset[str]
    adjunct_openers: frozenset[str]
    conjunctions: frozenset[str]
    labels: frozenset[str]

    def verb(self, form: str) -> Verb | None:
        return self.verbs.get(form.lower())


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list):
        raise VocabularyError(f"speech.yaml: {key!r} must be a list of words")
    odd = [v for v in value if not isinstance(v, str)]
    if odd:  # YAML reads bare on/no/yes as booleans: they must be quoted
        raise VocabularyError(f"speech.yaml: {key!r} has non-words {odd!r} (quote them)")
    return frozenset(v.lower() for v in value)


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for all ``words``, factored by common prefixes (a plain
    alternation of some 300 forms is several times slower to scan); a space matches any
    run of white space."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _parse(data: dict[str, Any]) -> Lexicon:
    verbs: dict[str, Verb] = {}
    raw_verbs = data.get("verbs")
    if not isinstance(raw_verbs, dict):
        raise VocabularyError("speech.yaml: 'verbs' must map lemmas to {forms, class}")
    for lemma, spec in raw_verbs.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("forms"), list):
            raise VocabularyError(f"speech.yaml: verb {lemma!r} needs a list of forms")
        verb = Verb(str(lemma), str(spec.get("class", "that")), bool(spec.get("inversion")),
                    bool(spec.get("bare")), bool(spec.get("addressee")))
        for form in spec["forms"]:
            verbs[str(form).lower()] = verb
    according = [str(a).lower() for a in data.get("according", [])]
    for phrase in according:
        verbs[phrase] = Verb("according to", "according", False)
    alternation = _trie_pattern(list(verbs))
    # lower-case forms only ("Said" opening a headline is rarely a cue), plus "According to"
    # "Said Ellis: “…”": past forms of inverting verbs (and the ``opening_forms``: "Says
    # X: “…”", a title-case headline's "…, Graham Says") may open a sentence
    opening_forms = data.get("opening_forms", [])
    if not isinstance(opening_forms, list):
        raise VocabularyError("speech.yaml: 'opening_forms' must be a list of verb forms")
    opening = sorted({f.capitalize() for f, v in verbs.items() if v.inversion and " " not in f
                      and (f.endswith("ed") or f in {"said", "wrote"})}
                     | {str(f).capitalize() for f in opening_forms if str(f).lower() in verbs})
    cue_re = re.compile(rf"\b(?:{alternation}|According\s+to|{_trie_pattern(opening)})\b")
    pronouns = data.get("pronouns")
    if not isinstance(pronouns, dict):
        raise VocabularyError("speech.yaml: 'pronouns' must map pronouns to a gender")
    return Lexicon(
        verbs=verbs,
        cue_re=cue_re,
        audience=_words(data, "audience"),
        adverbs=_words(data, "adverbs"),
        time_words=_words(data, "time_words"),
        clause_markers=_words(data, "clause_markers"),
        not_clause_start=_words(data, "not_clause_start"),
        pronouns={str(k).lower(): str(v) for k, v in pronouns.items()},
        titles=_words(data, "titles"),
        role_nouns=_words(data, "role_nouns"),
        role_determiners=_words(data, "role_determiners"),
        not_names=_words(data, "not_names"),
        org_words=_words(data, "org_words"),
        document_nouns=_words(data, "document_nouns"),
        name_suffixes=_words(data, "name_suffixes"),
        person_titles=_words(data, "person_titles"),
        female_titles=_words(data, "female_titles"),
        male_titles=_words(data, "male_titles"),
        settings=_words(data, "settings"),
        adjunct_openers=_words(data, "adjunct_openers"),
        conjunctions=_words(data, "conjunctions"),
        labels=_words(data, "labels"),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of ``missionwatch/data/speech.yaml`` (read once)."""
    text = resources.files("missionwatch").joinpath("data/speech.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise VocabularyError("speech.yaml: expected a mapping at the top level")
    return _parse(data)
