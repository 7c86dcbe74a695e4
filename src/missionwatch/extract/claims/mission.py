"""Mission claims: lifecycle status, host-nation consent, mandate, personnel and caps."""

from __future__ import annotations

from missionwatch.document import Sentence
from missionwatch.extract.claims.context import ClaimContext
from missionwatch.model import Claim, Entity

_TRIM = " .,;:\u201d\u201c\"'"


def status(ctx: ClaimContext, sent: Sentence) -> list[Claim]:
    if not ctx.rules.screens["status"].search(ctx.doc.text, sent.start, sent.end):
        return []
    text = ctx.doc.text
    out = []
    for value, pattern in ctx.rules.status.items():
        for match in pattern.finditer(text, sent.start, sent.end):
            if not ctx.names_mission(sent, match.start()):
                continue  # "expanded our cooperation" is not a mission's expansion
            mission = ctx.mission_for(sent, match.start())
            if mission is None:
                continue
            quals = {}
            cause = ctx.rules.cause.search(text, match.end(), sent.end)
            if cause and _same_clause(ctx, text[match.end():cause.start()]):
                quals["cause"] = text[cause.end():sent.end].strip(_TRIM)
            out.append(ctx.claim(
                "mission.status", mission, value, sent, qualifiers=quals,
                when=ctx.when(sent, match.start()), modality=ctx.modality(sent, match.start()),
                confidence=0.7,
            ))
    return out


def _same_clause(ctx: ClaimContext, between: str) -> bool:
    """True when nothing between a trigger and its cause marker starts another clause."""
    if len(between) > 60 or ctx.rules.clause_break.search(between) or "," in between:
        return False
    return not any(p.search(between) for p in ctx.rules.status.values())


#: consent values that concern a change (an expansion, a transfer); the others concern the
#: mission's presence itself
_ABOUT_CHANGE = {"pending", "granted", "refused", "requested"}
#: consent values that need the host (its government, parliament…) named as the one acting
_HOST_ACTS = {"granted", "refused", "requested", "withdrawn"}


def consent(ctx: ClaimContext, sent: Sentence) -> list[Claim]:
    if not ctx.rules.screens["consent"].search(ctx.doc.text, sent.start, sent.end):
        return []
    text = ctx.doc.text
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for value, pattern in ctx.rules.consent.items():
        for match in pattern.finditer(text, sent.start, sent.end):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue  # "had not yet approved" is pending, not also granted
            modality = ctx.modality(sent, match.start(), negatable=value in {"granted", "invited"})
            if modality == "negated":
                continue
            mission = ctx.mission_for(sent, match.start())
            if mission is None:
                continue
            host, by = _host(ctx, sent, mission), _by(ctx, sent)
            if value in _HOST_ACTS and (host is None or by is None):
                continue  # "the ministers agreed to…" is not the host consenting
            taken.append((match.start(), match.end()))
            quals = {"host": host, "by": by}
            about = _about(ctx, sent) if value in _ABOUT_CHANGE else None
            if about:
                quals["concerning"] = about
            out.append(ctx.claim(
                "mission.consent", mission, value, sent, qualifiers=quals,
                when=ctx.when(sent, match.start()), modality=modality, confidence=0.65,
            ))
    return out


def _host(ctx: ClaimContext, sent: Sentence, mission: Entity) -> str | None:
    """The host country: the mission's host when the sentence names it (or its government),
    else the first country or national body the sentence names."""
    hosts = mission.attributes.get("hosts") or mission.attributes.get("host") or []
    hosts = set(hosts if isinstance(hosts, list) else [hosts])
    named = []
    for m in ctx.mentions_in(sent.start, sent.end):
        entity = ctx.entity(m.entity)
        country = m.entity if m.type == "country" else (
            str(entity.attributes.get("country")) if entity is not None
            and entity.attributes.get("country") else None)
        if country:
            named.append(country)
    for country in named:
        if country in hosts:
            return country
    if len(hosts) == 1 and named:
        return str(next(iter(hosts)))
    return named[0] if named else None


def _by(ctx: ClaimContext, sent: Sentence) -> str | None:
    for who, pattern in ctx.rules.consent_by.items():
        if pattern.search(ctx.doc.text, sent.start, sent.end):
            return who
    return None


def _about(ctx: ClaimContext, sent: Sentence) -> str | None:
    """What the consent concerns: a lifecycle change named in the same sentence."""
    for value, pattern in ctx.rules.status.items():
        if pattern.search(ctx.doc.text, sent.start, sent.end):
            return {"expanded": "expansion", "launched": "deployment", "resumed": "resumption",
                    "suspended": "suspension", "ended": "withdrawal"}[value]
    if ctx.rules.transfer_verbs.search(ctx.doc.text, sent.start, sent.end):
        return "transfer"
    return None


def mandate(ctx: ClaimContext, sent: Sentence) -> list[Claim]:
    if not ctx.rules.screens["mandate"].search(ctx.doc.text, sent.start, sent.end):
        return []
    text = ctx.doc.text
    out = []
    for value, pattern in ctx.rules.mandate.items():
        for match in pattern.finditer(text, sent.start, sent.end):
            modality = ctx.modality(sent, match.start(),
                                    negatable=value in ctx.rules.mandate_negatable)
            if modality == "negated" or not ctx.names_mission(sent, match.start()):
                continue
            mission = ctx.mission_for(sent, match.start())
            if mission is None:
                continue
            out.append(ctx.claim("mission.mandate", mission, value, sent,
                                 when=ctx.when(sent, match.start()), modality=modality,
                                 confidence=0.55))
            break  # one claim per mandate value and sentence
    return out


def personnel_and_caps(ctx: ClaimContext, sent: Sentence) -> list[Claim]:
    out = []
    text = ctx.doc.text
    for q in ctx.quantities_in(sent):
        if q.unit != "personnel":
            continue
        is_cap = q.bound == "none-additional" or (
            q.bound == "at-most" and ctx.rules.cap_words.search(text, max(sent.start, q.start - 40),
                                                                min(sent.end, q.end + 40)))
        subject = _force_owner(ctx, sent, q.start, q.end)
        if subject is None:
            continue
        quals = {"role": q.head or None, "contributor": _contributor(ctx, sent, q.start, q.end)}
        when = ctx.when(sent, q.start)
        if is_cap:
            value = "no-increase" if q.bound == "none-additional" else q.as_value()
            modality = ctx.modality(sent, q.start, negatable=False)
            out.append(ctx.claim("mission.cap", subject, value, sent, when=when,
                                 qualifiers={"role": q.head or None},
                                 modality="asserted" if modality == "planned" else modality,
                                 confidence=0.6))
        else:
            out.append(ctx.claim("mission.personnel", subject, q.as_value(), sent,
                                 qualifiers=quals, when=when,
                                 modality=ctx.modality(sent, q.start, negatable=False),
                                 confidence=0.6))
    return out


def _force_owner(ctx: ClaimContext, sent: Sentence, start: int, end: int) -> str | None:
    """The mission or organisation a figure counts: a mission or non-state organisation named
    inside the figure's noun phrase, else the mission the sentence is about."""
    window_end = min(sent.end, end + 60)
    near = [m for m in ctx.mentions_in(max(sent.start, start - 30), window_end)
            if m.type in {"mission", "organisation"}]
    near.sort(key=lambda m: (m.start < start, abs(m.start - end)))
    for m in near:
        entity = ctx.entity(m.entity)
        if entity is not None and not entity.attributes.get("country"):
            if entity.type == "organisation":
                # "NATO personnel" counts NATO's mission here; "coalition force" the coalition
                named = [x for x in ctx.mentions_in(sent.start, sent.end) if x.type == "mission"]
                mission = ctx.entity(named[0].entity) if named else ctx.focus_mission(sent.start)
                if mission is not None and m.entity in _lead_ids(mission):
                    return mission.id
            return m.entity
    if not ctx.mentions_in(sent.start, sent.end, {"mission", "organisation"}):
        return None  # a bare figure in a sentence naming no force is nobody's strength
    mission = ctx.mission_for(sent, start)
    return mission.id if mission else None


def _lead_ids(entity: object) -> set[str]:
    attrs = getattr(entity, "attributes", {})
    lead = attrs.get("lead") or attrs.get("lead_org") or []
    return set(lead if isinstance(lead, list) else [lead])


def _contributor(ctx: ClaimContext, sent: Sentence, start: int, end: int) -> str | None:
    for m in ctx.mentions_in(max(sent.start, start - 25), min(sent.end, end + 25)):
        if m.type == "country":
            return m.entity
    return None
