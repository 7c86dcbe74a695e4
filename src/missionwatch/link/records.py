"""Shared pieces of the gazetteer loaders: alias records, YAML reading, slot expansion."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from missionwatch.dates import PartialDate
from missionwatch.errors import InvalidDate, VocabularyError

_SLOT = re.compile(r"\{(\w+)\}")
#: libyaml's safe loader when PyYAML was built with it (ten times faster), else PyYAML's own
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class AliasSpec:
    """One way of writing an entity's name, as the matcher uses it.

    ``how`` is the mention's ``how`` when this alias matches (``alias`` or ``demonym``);
    ``anaphor`` aliases only match after the entity was named in the same document;
    ``valid_from``/``valid_until`` limit it to documents published in that window.
    """

    text: str
    entity: str
    how: str = "alias"
    anaphor: bool = False
    valid_from: str | None = None
    valid_until: str | None = None


def read_yaml(name: str) -> Any:
    """A file of ``data/gazetteer`` parsed, or :class:`VocabularyError` naming it."""
    path = f"data/gazetteer/{name}"
    try:
        text = resources.files("missionwatch").joinpath(path).read_text("utf-8")
    except FileNotFoundError as exc:
        raise VocabularyError(f"{path} is missing from the package") from exc
    try:
        return yaml.load(text, Loader=_LOADER)  # a safe loader, C or Python
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML ({exc})") from exc


def check_date(value: Any, where: str) -> str | None:
    """A partial ISO date string from the data, or None; anything else is an error."""
    if value is None or value == "":
        return None
    text = str(value)
    try:
        PartialDate.parse(text)
    except InvalidDate as exc:
        raise VocabularyError(f"{where}: {exc}") from exc
    return text


def strings(value: Any, where: str) -> list[str]:
    """A list of strings from the data (a single string counts as a list of one)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"{where}: expected a list of strings, got {value!r}")
    return list(value)


def expand(text: str, slots: dict[str, list[str]], where: str) -> list[str]:
    """Every spelling of ``text`` with each ``{slot}`` replaced by each of its words."""
    names = _SLOT.findall(text)
    if not names:
        return [text]
    missing = [n for n in names if n not in slots]
    if missing:
        raise VocabularyError(f"{where}: unknown slot(s) {missing} in {text!r}")
    pieces = _SLOT.split(text)  # literal, slot name, literal, slot name, ..., literal
    out = []
    for words in itertools.product(*(slots[n] for n in names)):
        parts = [pieces[0]]
        for word, literal in zip(words, pieces[2::2], strict=True):
            parts += [word, literal]
        out.append("".join(parts))
    return out


def alias_specs(raw: Any, entity: str, slots: dict[str, list[str]], where: str,
                anaphor: bool = False) -> list[AliasSpec]:
    """Alias records from a list of strings or ``{text, from, until}`` mappings."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise VocabularyError(f"{where}: aliases must be a list, got {raw!r}")
    out: list[AliasSpec] = []
    for item in raw:
        if isinstance(item, str):
            text, start, end = item, None, None
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            text = item["text"]
            start = check_date(item.get("from"), where)
            end = check_date(item.get("until"), where)
        else:
            raise VocabularyError(f"{where}: bad alias {item!r}")
        for spelling in expand(text, slots, where):
            out.append(AliasSpec(spelling, entity, "alias", anaphor, start, end))
    return out
