"""The domain vocabulary, loaded from the YAML files beside this module.

``claims.yaml`` defines the claim kinds, their values and qualifiers; ``modalities.yaml``
the modalities; ``plover.yaml`` the PLOVER event categories. Code reads them through
:func:`vocabulary`; nothing else hard-codes a kind, value or qualifier name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from missionwatch.errors import InvalidClaim, VocabularyError

VALUE_TYPES = {"enum", "quantity", "cap", "text", "entity", "category"}
QUALIFIER_TYPES = {"text", "entity", "enum", "bool", "number"}
STATE_RULES = {"latest", "per_qualifier", "events", "set"}


@dataclass(frozen=True)
class Qualifier:
    name: str
    type: str
    doc: str = ""
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimKind:
    name: str
    doc: str
    subject: tuple[str, ...]
    value: str
    values: dict[str, str]
    qualifiers: dict[str, Qualifier]
    state: str
    group_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    kinds: dict[str, ClaimKind]
    modalities: dict[str, str]
    plover: dict[str, dict[str, Any]] = field(default_factory=dict)

    def kind(self, name: str) -> ClaimKind:
        try:
            return self.kinds[name]
        except KeyError:
            raise InvalidClaim(
                f"unknown claim kind {name!r}; known kinds: {', '.join(sorted(self.kinds))}",
                {"kind": "unknown"},
            ) from None

    def check(self, kind: str, value: Any, qualifiers: dict[str, Any], modality: str) -> None:
        """Raise :class:`InvalidClaim` when a claim's parts break the vocabulary."""
        spec = self.kind(kind)
        errors: dict[str, str] = {}
        if modality not in self.modalities:
            errors["modality"] = f"{modality!r} is not one of {sorted(self.modalities)}"
        if spec.value == "enum" and value not in spec.values:
            errors["value"] = f"{value!r} is not one of {sorted(spec.values)}"
        if spec.value == "category" and value not in spec.values:
            errors["value"] = f"{value!r} is not a PLOVER category"
        if spec.value == "quantity" and not (isinstance(value, dict) and "verbatim" in value):
            errors["value"] = "a quantity needs at least its verbatim wording"
        if spec.value == "cap" and not (
            value in spec.values or (isinstance(value, dict) and "verbatim" in value)
        ):
            errors["value"] = f"a cap is one of {sorted(spec.values)} or a quantity"
        for name, qvalue in qualifiers.items():
            qspec = spec.qualifiers.get(name)
            if qspec is None:
                errors[f"qualifiers.{name}"] = (
                    f"not a qualifier of {kind}; allowed: {', '.join(sorted(spec.qualifiers))}"
                )
            elif qspec.values and qvalue not in qspec.values:
                errors[f"qualifiers.{name}"] = f"{qvalue!r} is not one of {list(qspec.values)}"
        if errors:
            detail = "; ".join(f"{k}: {v}" for k, v in errors.items())
            raise InvalidClaim(f"invalid {kind} claim: {detail}", errors)


def _load_yaml(name: str) -> Any:
    text = resources.files("missionwatch.vocab").joinpath(name).read_text(encoding="utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"vocab/{name}: not valid YAML ({exc})") from exc


def _kind(name: str, raw: dict[str, Any], plover: dict[str, Any]) -> ClaimKind:
    where = f"vocab/claims.yaml: {name}"
    for key in ("doc", "subject", "value", "state"):
        if key not in raw:
            raise VocabularyError(f"{where}: missing {key!r}")
    if raw["value"] not in VALUE_TYPES:
        raise VocabularyError(f"{where}: value type {raw['value']!r} not in {sorted(VALUE_TYPES)}")
    if raw["state"] not in STATE_RULES:
        raise VocabularyError(f"{where}: state {raw['state']!r} not in {sorted(STATE_RULES)}")
    values: dict[str, str] = dict(raw.get("values") or {})
    if raw.get("values_from") == "plover.yaml":
        values = {cat: str(spec.get("quad", "")) for cat, spec in plover.items()}
    qualifiers = {}
    for qname, qraw in (raw.get("qualifiers") or {}).items():
        if qraw.get("type") not in QUALIFIER_TYPES:
            raise VocabularyError(f"{where}: qualifier {qname!r} has bad type {qraw.get('type')!r}")
        qualifiers[qname] = Qualifier(
            qname, qraw["type"], qraw.get("doc", ""), tuple(qraw.get("values") or ())
        )
    return ClaimKind(
        name=name,
        doc=raw["doc"],
        subject=tuple(raw["subject"]),
        value=raw["value"],
        values=values,
        qualifiers=qualifiers,
        state=raw["state"],
        group_by=tuple(raw.get("group_by") or ()),
    )


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package (loaded once)."""
    plover = _load_yaml("plover.yaml")
    kinds_raw = _load_yaml("claims.yaml")
    modalities = _load_yaml("modalities.yaml")
    if not isinstance(kinds_raw, dict) or not isinstance(modalities, dict):
        raise VocabularyError("vocab/claims.yaml and modalities.yaml must be mappings")
    kinds = {name: _kind(name, raw, plover) for name, raw in kinds_raw.items()}
    return Vocabulary(kinds=kinds, modalities={str(k): str(v) for k, v in modalities.items()},
                      plover=plover)
