"""The rule tables of entity linking, read from ``data/gazetteer``: titles, role nouns,
pronouns, collision guards and the mission-description pattern words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from missionwatch.errors import VocabularyError
from missionwatch.link.records import read_yaml, strings


@dataclass(frozen=True)
class Title:
    texts: tuple[str, ...]
    role: str
    org: str | None
    gender: str
    ambiguous: bool = False


@dataclass(frozen=True)
class RoleNoun:
    texts: tuple[str, ...]
    roles: tuple[str, ...]  # the first is the role an apposition gives
    contains: str
    org: str | None

    def matches(self, role: str, org: str | None) -> bool:
        if self.org and org and self.org != org:
            return False
        return role in self.roles or bool(self.contains and self.contains in role)


@dataclass(frozen=True)
class Blocklist:
    never_alone: frozenset[str]
    sentence_start: frozenset[str]
    name_like: frozenset[str]
    not_after: dict[str, frozenset[str]]
    not_before: dict[str, frozenset[str]]
    function_words: frozenset[str]
    ambiguous_acronyms: frozenset[str]
    need_before: dict[str, frozenset[str]]
    state_like: dict[str, frozenset[str]]


@dataclass(frozen=True)
class Rules:
    titles: tuple[Title, ...]
    name_stop: frozenset[str]
    particles: frozenset[str]
    title_prefixes: frozenset[str]
    former_words: frozenset[str]
    suffixes: frozenset[str]
    role_nouns: tuple[RoleNoun, ...]
    role_noun_next: frozenset[str]
    pronouns: dict[str, str]  # pronoun (lower case) -> gender
    pronoun_paragraphs: int
    role_paragraphs: int
    type_anaphors: dict[str, tuple[str, ...]]
    type_paragraphs: int
    blocklist: Blocklist
    heads: frozenset[str]
    fallback_heads: frozenset[str]
    modifiers: frozenset[str]
    max_modifiers: int
    prepositions: frozenset[str]
    kind_words: dict[str, str]


def _mapping(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: expected a mapping")
    return raw


def _word_sets(raw: Any, where: str) -> dict[str, frozenset[str]]:
    return {str(k): frozenset(strings(v, f"{where}: {k}")) for k, v in _mapping(raw, where).items()}


def _titles(raw: dict[str, Any]) -> tuple[Title, ...]:
    out = []
    for item in raw.get("titles") or []:
        where = f"data/gazetteer/titles.yaml: {item!r}"
        if not isinstance(item, dict) or "role" not in item:
            raise VocabularyError(f"{where}: a title needs text and role")
        out.append(Title(tuple(strings(item.get("text"), where)), str(item["role"]),
                         item.get("org"), str(item.get("gender") or ""),
                         bool(item.get("ambiguous"))))
    return tuple(out)


def _role_nouns(raw: dict[str, Any]) -> tuple[RoleNoun, ...]:
    out = []
    for item in raw.get("role_nouns") or []:
        where = f"data/gazetteer/coreference.yaml: {item!r}"
        if not isinstance(item, dict) or not (item.get("roles") or item.get("contains")):
            raise VocabularyError(f"{where}: a role noun needs text and roles or contains")
        out.append(RoleNoun(tuple(strings(item.get("text"), where)),
                            tuple(strings(item.get("roles"), where)),
                            str(item.get("contains") or ""), item.get("org")))
    return tuple(out)


@cache
def rules() -> Rules:
    """The rule tables, read once."""
    titles = _mapping(read_yaml("titles.yaml"), "data/gazetteer/titles.yaml")
    title_table = _titles(titles)
    # a title word is never part of the name that follows it ("Ambassador Crowley, Ambassador X")
    title_words = {w.rstrip(".") for t in title_table for text in t.texts for w in text.split()
                   if w[:1].isupper()}
    coref = _mapping(read_yaml("coreference.yaml"), "data/gazetteer/coreference.yaml")
    block = _mapping(read_yaml("blocklist.yaml"), "data/gazetteer/blocklist.yaml")
    patterns = _mapping(read_yaml("mission_patterns.yaml"), "data/gazetteer/mission_patterns.yaml")
    pronouns = {p.lower(): gender
                for gender, words in _mapping(coref.get("pronouns"), "pronouns").items()
                for p in strings(words, "coreference.yaml: pronouns")}
    blocklist = Blocklist(
        frozenset(strings(block.get("never_alone"), "blocklist.yaml: never_alone")),
        frozenset(strings(block.get("sentence_start"), "blocklist.yaml: sentence_start")),
        frozenset(strings(block.get("name_like"), "blocklist.yaml: name_like")),
        {k: frozenset(w.lower() for w in v)
         for k, v in _word_sets(block.get("not_after") or {}, "blocklist.yaml").items()},
        {k: frozenset(w.lower() for w in v)
         for k, v in _word_sets(block.get("not_before") or {}, "blocklist.yaml").items()},
        frozenset(strings(block.get("function_words"), "blocklist.yaml: function_words")),
        frozenset(strings(block.get("ambiguous_acronyms"), "blocklist.yaml: ambiguous_acronyms")),
        {k: frozenset(w.lower() for w in v)
         for k, v in _word_sets(block.get("need_before") or {}, "blocklist.yaml").items()},
        _word_sets(block.get("state_like") or {}, "blocklist.yaml"),
    )
    return Rules(
        titles=title_table,
        name_stop=frozenset(strings(titles.get("name_stop"), "titles.yaml: name_stop"))
        | title_words,
        particles=frozenset(strings(titles.get("particles"), "titles.yaml: particles")),
        title_prefixes=frozenset(strings(titles.get("title_prefixes"), "title_prefixes"))
        | title_words,
        former_words=frozenset(strings(titles.get("former_words"), "former_words")),
        suffixes=frozenset(strings(titles.get("suffixes"), "titles.yaml: suffixes")),
        role_nouns=_role_nouns(coref),
        role_noun_next=frozenset(strings(coref.get("role_noun_next"), "role_noun_next")),
        pronouns=pronouns,
        pronoun_paragraphs=int(coref.get("pronoun_paragraphs", 2)),
        role_paragraphs=int(coref.get("role_paragraphs", 1)),
        type_anaphors={str(k): tuple(strings(v, "type_anaphors")) for k, v in
                       _mapping(coref.get("type_anaphors") or {}, "type_anaphors").items()},
        type_paragraphs=int(coref.get("type_paragraphs", 3)),
        blocklist=blocklist,
        heads=frozenset(strings(patterns.get("heads"), "mission_patterns.yaml: heads")),
        fallback_heads=frozenset(strings(patterns.get("fallback_heads"), "fallback_heads")),
        modifiers=frozenset(strings(patterns.get("modifiers"), "mission_patterns.yaml: modifiers")),
        max_modifiers=int(patterns.get("max_modifiers", 4)),
        prepositions=frozenset(strings(patterns.get("prepositions"), "prepositions")),
        kind_words={str(k): str(v) for k, v in
                    _mapping(patterns.get("kind_words") or {}, "kind_words").items()},
    )
