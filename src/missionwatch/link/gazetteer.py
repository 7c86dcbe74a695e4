"""The reference gazetteer: countries, organisations, missions, officials and places.

    >>> from missionwatch.link.gazetteer import gazetteer
    >>> gazetteer.get("mission:nmi").name
    'NATO Mission Iraq'
    >>> gazetteer.find("the alliance").id
    'org:nato'
    >>> [e.id for e in gazetteer.search("NATO Secretary General Jens Stoltenberg in Baghdad")]
    ['org:nato', 'person:jens-stoltenberg', 'place:baghdad']

``gazetteer`` is loaded from ``data/gazetteer/*.yaml`` (and pycountry) on first use and
cached; ``gazetteer()`` returns the same object, for code that prefers a call. Ids are
stable: ``country:IQ``, ``org:nato``, ``org:iq-parliament``, ``mission:nmi``,
``person:jens-stoltenberg``, ``place:baghdad``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from missionwatch.dates import PartialDate
from missionwatch.errors import NotFound
from missionwatch.link.loader import Loaded, load
from missionwatch.link.records import AliasSpec
from missionwatch.link.text import View, key
from missionwatch.model import Entity

if TYPE_CHECKING:
    from missionwatch.link.matcher import Matcher


@lru_cache(maxsize=4096)
def _parse(value: str) -> PartialDate:
    return PartialDate.parse(value)


def _date(value: str | PartialDate | None) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    return _parse(value[:10])


def active(start: str | None, end: str | None, on: str | PartialDate | None) -> bool:
    """Whether a period from ``start`` to ``end`` (partial ISO dates, ``end`` exclusive at day
    precision, open when None) covers the date ``on``; always true when ``on`` is None."""
    when = _date(on)
    if when is None:
        return True
    if start and _parse(start).earliest() > when.latest():
        return False
    if end:
        stop = _parse(end)
        if stop.precision == "day":  # the day of leaving office belongs to the successor
            return when.earliest() < stop.earliest()
        return when.earliest() <= stop.latest()
    return True


def roles_on(entity: Entity, on: str | PartialDate | None) -> list[dict[str, Any]]:
    """The roles a person held on a date (every role when the date is None), latest first."""
    roles = [r for r in entity.attributes.get("roles") or []
             if active(r.get("start"), r.get("end"), on)]
    return sorted(roles, key=lambda r: r.get("start") or "", reverse=True)


def role_on(entity: Entity, on: str | PartialDate | None) -> str | None:
    """The role (``"Secretary General"``) a person held on a date, or None."""
    if on is None:
        return None
    roles = roles_on(entity, on)
    return str(roles[0]["role"]) if roles else None


class Gazetteer:
    """Lookups over the reference entities; the data is read on first use."""

    def __init__(self) -> None:
        self._loaded: Loaded | None = None
        self._index: dict[str, list[str]] = {}
        self._led: dict[str, list[str]] = {}
        self._matcher: Matcher | None = None

    def __call__(self) -> Gazetteer:
        return self

    @property
    def data(self) -> Loaded:
        if self._loaded is None:
            loaded = load()
            index: dict[str, list[str]] = {}
            for spec in loaded.aliases:
                if not spec.anaphor:
                    bucket = index.setdefault(key(spec.text), [])
                    if spec.entity not in bucket:
                        bucket.append(spec.entity)
            led: dict[str, list[str]] = {}
            for entity in loaded.entities.values():
                if entity.type == "mission":
                    for lead in entity.attributes.get("lead") or []:
                        led.setdefault(lead, []).append(entity.id)
            self._index, self._led = index, led
            self._loaded = loaded
        return self._loaded

    def get(self, entity_id: str) -> Entity:
        """The entity with this id; :class:`NotFound` when there is none."""
        try:
            return self.data.entities[entity_id]
        except KeyError:
            raise NotFound(f"no entity {entity_id!r} in the gazetteer") from None

    def find(self, name: str, type: str | None = None) -> Entity | None:
        """The entity a name or alias means (case-insensitive), of ``type`` when given.

        A leading "the" may be left out of the alias ("the Pentagon"). Also accepts an entity
        id and ISO 3166-1 alpha-2/alpha-3 codes of countries.
        """
        data = self.data
        if name in data.entities and (type is None or data.entities[name].type == type):
            return data.entities[name]
        folded = key(name)
        for lookup in (folded, folded[4:] if folded.startswith("the ") else None):
            for entity_id in self._index.get(lookup or "", []):
                entity = data.entities[entity_id]
                if type is None or entity.type == type:
                    return entity
        code = data.codes.get(name.strip().upper()) or data.inverted.get(folded)
        if code and type in (None, "country"):
            return data.entities[code]
        return None

    def search(self, text: str, published: str | PartialDate | None = None) -> list[Entity]:
        """The entities named in ``text``, in order of first mention."""
        seen: dict[str, Entity] = {}
        for hit in self.matcher().entity_hits(View(text), _date(published)):
            if hit.entity not in seen:
                seen[hit.entity] = self.get(hit.entity)
        return list(seen.values())

    def entities(self, type: str | None = None) -> Iterator[Entity]:
        """Every entity (of ``type`` when given)."""
        return (e for e in self.data.entities.values() if type is None or e.type == type)

    def aliases(self) -> list[AliasSpec]:
        return self.data.aliases

    def missions_led_by(self, org_id: str) -> list[Entity]:
        """The missions an organisation (or a lead nation, ``country:FR``) leads."""
        _ = self.data
        return [self.get(i) for i in self._led.get(org_id, [])]

    def matcher(self) -> Matcher:
        """The alias matcher, built once."""
        if self._matcher is None:
            from missionwatch.link.matcher import Matcher

            self._matcher = Matcher(self)
        return self._matcher


#: the gazetteer everyone uses
gazetteer = Gazetteer()
