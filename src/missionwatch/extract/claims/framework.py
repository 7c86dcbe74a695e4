"""Claims about frameworks and bodies: transfers between frameworks, meetings, membership."""

from __future__ import annotations

import re

from missionwatch.document import Mention, Sentence
from missionwatch.extract.claims.context import ClaimContext
from missionwatch.model import Claim, Entity

_FROM_TO = re.compile(r"\bfrom\b(?P<src>.{3,80}?)\bto\b(?P<dst>.{3,80})", re.I)
_WITH = re.compile(r"\b(?:with|and)\s+(?:the\s+)?$", re.I)
_PLACE_LEAD = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
_FILLER = re.compile(
    r"^\s*(?:of\s+)?(?:(?:some|all|most|part|many|several)\s+of\s+)?"
    r"(?:(?:the|their|its|our|his|her)\b\s*)?(?:(?:current|existing|remaining)\s+)?", re.I)
_TRIM = " .,;:\u201d\u201c\"'"
FRAMEWORK_TYPES = {"organisation", "mission"}


def _coalition_word(ctx: ClaimContext, start: int, end: int) -> Entity | None:
    """A bare "coalition" refers to the coalition most recently named."""
    if "coalition" not in ctx.doc.text[start:end].lower():
        return None
    for m in reversed(ctx.mentions_in(0, end)):
        if m.type == "organisation" and "coalition" in m.name.lower():
            return ctx.entity(m.entity)
    return None


def _framework(ctx: ClaimContext, mentions: list[Mention], *, first: bool = True) -> Entity | None:
    chosen = [m for m in mentions if m.type in FRAMEWORK_TYPES]
    if not chosen:
        return None
    return ctx.entity((chosen[0] if first else chosen[-1]).entity)


def _receiving(ctx: ClaimContext, entity: Entity | None, sent: Sentence, pos: int) -> Entity | None:
    if entity is not None and entity.type == "mission":
        return entity
    mission = ctx.mission_for(sent, pos)
    if entity is None or mission is None:
        return mission or entity
    lead = mission.attributes.get("lead") or mission.attributes.get("lead_org")
    leads = set(lead if isinstance(lead, list) else [lead])
    return mission if entity.id in leads else entity


def _skip_space(text: str, pos: int) -> int:
    return pos + 1 if pos < len(text) and text[pos] == " " else pos


def transfers(ctx: ClaimContext, sent: Sentence) -> list[Claim]:
    text = ctx.doc.text
    out = []
    for match in ctx.rules.transfer_verbs.finditer(text, sent.start, sent.end):
        window_end = min(sent.end, match.end() + 90)
        obj = ctx.rules.transfer_objects.search(text, match.end(), window_end)
        amount = next((q for q in ctx.quantities_in(sent)
                       if q.unit == "personnel" and q.end <= match.start()), None)
        if obj is None and amount is None:
            continue
        source: Entity | None = None
        target: Entity | None = None
        fromto = _FROM_TO.search(text, match.end(), sent.end)
        if fromto:
            source = _framework(ctx, ctx.mentions_in(*fromto.span("src")))
            target = _framework(ctx, ctx.mentions_in(*fromto.span("dst")))
            source = source or _coalition_word(ctx, *fromto.span("src"))
        if target is None:
            after = ctx.mentions_in(match.end(), min(sent.end, match.end() + 40))
            if match.group(0).lower().startswith("join"):
                target = _framework(ctx, after)
        if source is None:
            before = [m for m in ctx.mentions_in(sent.start, match.start())
                      if target is None or m.entity != target.id]
            source = _framework(ctx, before, first=False)
            if obj is not None:
                source = _framework(ctx, ctx.mentions_in(match.end(), obj.end())) or source
                source = _coalition_word(ctx, match.end(), obj.end()) or source
        target = _receiving(ctx, target, sent, match.start())
        if target is None or (source is not None and source.id == target.id):
            continue
        what = ""
        if obj is not None:
            obj_end = obj.end()
            while (more := ctx.rules.transfer_objects.match(text, _skip_space(text, obj_end))) \
                    and more.start() - obj_end <= 1:
                obj_end = more.end()  # "training activities", not "training"
            what = _FILLER.sub("", text[match.end():obj_end]).strip(_TRIM)
        elif amount is not None:
            what = amount.head
        quals = {"from": source.id if source else None, "to": target.id, "what": what,
                 "amount": amount.text if amount else None}
        out.append(ctx.claim("mission.transfer", target, what or "activities", sent,
                             qualifiers=quals,
                             when=ctx.when(sent, match.start(), default_dct=False),
                             modality=ctx.modality(sent, match.start()), confidence=0.55))
    return out


def _body(ctx: ClaimContext, sent: Sentence, trigger: re.Match[str]) -> Entity | None:
    """The body that met: "<org> defence ministers", "<org> command team", else the
    organisation after "with", else the nearest organisation before the trigger."""
    text = ctx.doc.text
    orgs = [m for m in ctx.mentions_in(sent.start, sent.end) if m.type in FRAMEWORK_TYPES]
    bodies = []
    for m in orgs:
        body = ctx.rules.bodies.match(text, m.end)
        if body:
            bodies.append((abs(m.start - trigger.start()), m, body.group(1)))
    if bodies:
        _, mention, words = min(bodies, key=lambda b: b[0])
        return ctx.derived_body(mention, words)
    for m in orgs:
        if m.start >= trigger.end() and _WITH.search(text, trigger.start(), m.start):
            return ctx.entity(m.entity)
    before = [m for m in orgs if m.end <= trigger.start()]
    return ctx.entity(before[-1].entity) if before else None


def _place(ctx: ClaimContext, sent: Sentence, exclude: str) -> str | None:
    text = ctx.doc.text
    mentions = ctx.mentions_in(sent.start, sent.end)
    for i, m in enumerate(mentions):
        if m.type not in {"place", "country"} or m.entity == exclude:
            continue
        if not _PLACE_LEAD.search(text, max(sent.start, m.start - 12), m.start):
            continue
        name = m.name or m.text
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (m.type == "place" and nxt is not None and nxt.type == "country"
                and text[m.end:nxt.start].strip() == ","):
            name = f"{name}, {nxt.name or nxt.text}"
        return name
    return None


def _label(ctx: ClaimContext, trigger: str) -> str:
    lowered = trigger.lower()
    for label, stems in ctx.rules.raw["meeting"]["labels"].items():
        if any(stem in lowered for stem in stems):
            return str(label)
    return "meeting"


def meetings(ctx: ClaimContext, sent: Sentence) -> list[Claim]:
    text = ctx.doc.text
    for match in ctx.rules.meeting.finditer(text, sent.start, sent.end):
        if match.group(0).lower().startswith("meet") and ctx.rules.meeting_not_after.match(
                text, match.end()):
            continue  # "meeting the requirements": to satisfy, not to meet
        body = _body(ctx, sent, match)
        if body is None:
            continue
        quals = {"place": _place(ctx, sent, body.id)}
        outcome = ctx.rules.outcome.search(text, match.end(), sent.end)
        if outcome:
            quals["outcome"] = text[outcome.start():sent.end].strip(_TRIM)
        return [ctx.claim("meeting", body, _label(ctx, match.group(0)), sent, qualifiers=quals,
                          when=ctx.when(sent, match.start(), default_dct=False),
                          modality=ctx.modality(sent, match.start()), confidence=0.55)]
    return []


# between coordinated names: a comma or "and", and otherwise only a short lower-case aside
# ("NATO as an alliance and all NATO allies", "Norway, as a founding member, and Denmark")
_COORDINATION = re.compile(r"^[a-z ,&]{1,40}$")
_JOINER = re.compile(r",|\band\b|&|\bas well as\b")


def _coordinated(ctx: ClaimContext, before: list[Mention]) -> list[Mention]:
    """The mentions just before a membership cue, joined by commas and "and" ("Finland and
    Sweden to join"), the nearest first; not every name earlier in the clause."""
    text = ctx.doc.text
    members = [m for m in before if m.type in {"organisation", "country"}]
    if not members:
        return []
    chosen = [members[-1]]
    for m in reversed(members[:-1]):
        gap = text[m.end:chosen[-1].start]
        if not (_COORDINATION.match(gap) and _JOINER.search(gap)):
            break
        chosen.append(m)
    return chosen


def _national(ctx: ClaimContext, entity_id: str) -> bool:
    """A national body (a government, a ministry) has no members in this sense."""
    entity = ctx.entity(entity_id)
    return entity is None or bool(entity.attributes.get("country"))


def memberships(ctx: ClaimContext, sent: Sentence) -> list[Claim]:
    text = ctx.doc.text
    out = []
    for match in ctx.rules.membership.finditer(text, sent.start, sent.end):
        after = ctx.mentions_in(match.end(), min(sent.end, match.end() + 45))
        org = after[0] if after else None  # the organisation must come first after the cue
        if org is None or org.type != "organisation" or _national(ctx, org.entity):
            continue
        clause_start = match.start() - len(ctx.clause_before(sent, match.start()))
        members: dict[str, Entity] = {}
        for m in _coordinated(ctx, ctx.mentions_in(clause_start, match.start())):
            if (m.type not in {"organisation", "country"} or m.entity == org.entity
                    or (m.type == "organisation" and _national(ctx, m.entity))):
                continue
            body = ctx.rules.bodies.match(text, m.end)
            entity = ctx.derived_body(m, body.group(1)) if body else ctx.entity(m.entity)
            if entity is not None:
                members.setdefault(entity.id, entity)
                if body:  # "NATO allies": the organisation itself is named too
                    parent = ctx.entity(m.entity)
                    if parent is not None and text[clause_start:m.start].strip() == "":
                        members.setdefault(parent.id, parent)
        for entity in members.values():
            out.append(ctx.claim("membership", entity, org.entity, sent,
                                 when=ctx.when(sent, match.start()),
                                 modality=ctx.modality(sent, match.start()), confidence=0.6))
    return out
