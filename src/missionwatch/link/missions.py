"""Missions named by description: "<org>['s] [-led] [modifiers] mission in <country>".

"the NATO-led NATO training mission in Iraq", "NATO's mission in Iraq", "the UN
peacekeeping mission in South Sudan", "the Kenyan-led mission in Haiti" resolve to the
mission that organisation (or lead nation) leads in that host country; "NATO's training
mission" with no country resolves to a NATO mission the document already names, else to
NATO's only mission in a country the document mentions. Among several candidates the one
active on the publication date, then the one whose ``kind`` has a modifier word, wins;
a description that stays ambiguous is left alone.
"""

from __future__ import annotations

import re

from missionwatch.dates import PartialDate
from missionwatch.link.candidate import Candidate
from missionwatch.link.gazetteer import Gazetteer, active
from missionwatch.link.matcher import Hit
from missionwatch.link.rules import Rules

_WORD = re.compile(r" ?([A-Za-z][\w-]*)")
_PURPOSE = re.compile(r" to ([A-Za-z]+)")
_LEAD_TYPES = ("org", "country")


class MissionPatterns:
    def __init__(self, gaz: Gazetteer, rules: Rules, plain: str, hits: list[Hit],
                 published: PartialDate | None) -> None:
        self.gaz = gaz
        self.rules = rules
        self.plain = plain
        self.published = published
        self.by_start: dict[int, Hit] = {}
        self.starts: dict[int, dict[str, int]] = {}  # start -> entity -> end
        self.mentioned_missions: list[str] = []
        self.countries: set[str] = set()
        for hit in hits:
            if hit.entry.kind != "entity":
                continue
            if hit.end - hit.start > self._len(self.by_start.get(hit.start)):
                self.by_start[hit.start] = hit
            ends = self.starts.setdefault(hit.start, {})
            ends[hit.entity] = max(ends.get(hit.entity, 0), hit.end)
            entity = gaz.get(hit.entity)
            if entity.type == "mission" and entity.id not in self.mentioned_missions:
                self.mentioned_missions.append(entity.id)
            if entity.type == "country":
                self.countries.add(entity.id)
            elif isinstance(entity.attributes.get("country"), str):
                self.countries.add(entity.attributes["country"])

    @staticmethod
    def _len(hit: Hit | None) -> int:
        return hit.end - hit.start if hit else 0

    def candidates(self, hits: list[Hit]) -> list[Candidate]:
        found: list[tuple[Hit, int, str | None, list[str]]] = []
        for hit in hits:
            if hit.entry.kind != "entity" or hit.entity.split(":", 1)[0] not in _LEAD_TYPES:
                continue
            parsed = self._parse(hit)
            if parsed is not None:
                found.append((hit, *parsed))
        out: list[Candidate] = []
        # descriptions with a country first: they also tell the others which missions are named
        for hit, end, host, mods in sorted(found, key=lambda f: f[2] is None):
            mission = self._resolve(hit.entity, host, mods)
            if mission is not None:
                if mission not in self.mentioned_missions:
                    self.mentioned_missions.append(mission)
                out.append(Candidate(hit.start, end, mission, "alias", rank=2))
        return out

    def _parse(self, hit: Hit) -> tuple[int, str | None, list[str]] | None:
        """(end, host country id or None, modifier words) of a description led by ``hit``.

        A lead nation needs "-led" ("the Kenyan-led mission"); "the US mission to NATO" is
        a diplomatic mission, not an operation."""
        plain = self.plain
        pos = hit.end
        bound = False
        if plain.startswith("'s", pos):
            pos, bound = pos + 2, True
        elif plain.startswith("' ", pos):
            pos, bound = pos + 1, True
        if plain.startswith("-led", pos) or plain.startswith(" -led", pos):
            pos, bound = plain.index("-led", pos) + 4, True
        mods: list[str] = []
        for _ in range(self.rules.max_modifiers + 1):
            inner = self.starts.get(pos + 1, {}).get(hit.entity)
            if inner is not None and plain[pos:pos + 1] == " ":
                pos = inner  # "the NATO-led NATO training mission"
                continue
            match = _WORD.match(plain, pos)
            if not match:
                return None
            word = match.group(1).lower()
            if word in self.rules.heads:
                if not bound and not hit.entity.startswith("org:"):
                    return None
                return self._after_head(match.end(), mods, word, hit.entity.startswith("org:"))
            if word not in self.rules.modifiers:
                return None
            mods.append(word)
            pos = match.end()
        return None

    def _after_head(self, pos: int, mods: list[str], head: str, by_org: bool
                    ) -> tuple[int, str | None, list[str]] | None:
        plain = self.plain
        purpose = _PURPOSE.match(plain, pos)
        if purpose and purpose.group(1).islower():
            return None  # "NATO's mission to promote democratic values": a purpose
        for prep in self.rules.prepositions:
            lead = f" {prep} "
            if plain.startswith(lead, pos):
                at = pos + len(lead)
                if plain.startswith("the ", at):
                    at += 4
                country = self.by_start.get(at)
                if country is not None and country.entity.startswith("country:"):
                    return country.end, country.entity, mods
        if by_org and head in self.rules.fallback_heads:
            return pos, None, mods
        return None

    def _resolve(self, lead: str, host: str | None, mods: list[str]) -> str | None:
        missions = self.gaz.missions_led_by(lead)
        if host is not None:
            missions = [m for m in missions if host in m.attributes.get("hosts", [])]
        else:
            named = [m for m in missions if m.id in self.mentioned_missions]
            missions = named or [m for m in missions
                                 if self.countries & set(m.attributes.get("hosts", []))]
        if self.published is not None:
            current = [m for m in missions if active(m.attributes.get("start"),
                                                     m.attributes.get("end"), self.published)]
            # a description without a country only means a mission of its time
            missions = current if host is None else current or missions
        kinds = {self.rules.kind_words[w] for w in mods if w in self.rules.kind_words}
        if kinds and len(missions) > 1:
            fitting = [m for m in missions if kinds & set(m.attributes.get("kind", []))]
            missions = fitting or missions
        if len(missions) > 1 and host is not None:  # UNMISS over UNISFA for South Sudan
            first = [m for m in missions if m.attributes.get("hosts", [None])[0] == host]
            missions = first or missions
            only = [m for m in missions if len(m.attributes.get("hosts", [])) == 1]
            missions = only or missions
        if len(missions) > 1 and host is None:
            named = [m for m in missions if m.id in self.mentioned_missions]
            missions = named[-1:] or missions
        return missions[0].id if len(missions) == 1 else None
