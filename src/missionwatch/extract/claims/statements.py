"""Statement claims from the quotes step: who said what, in which role, on which date."""

from __future__ import annotations

from missionwatch.document import Quote
from missionwatch.extract.claims.context import ClaimContext, When, slug
from missionwatch.model import Claim, Entity

STATEMENT_ROLES = {"person", "organisation", "country"}
#: sources that are not someone speaking: a report or strategy, an unnamed official
NOT_SPEAKERS = {"document", "unnamed"}



def _speaker(ctx: ClaimContext, quote: Quote) -> Entity | None:
    if quote.speaker_entity:
        found = ctx.entity(quote.speaker_entity)
        if found is not None:
            return found
    if not quote.speaker:
        return None
    known = ctx.gaz.find(quote.speaker)
    if known is not None:
        return known
    entity_id = f"person:{slug(quote.speaker)}"
    entity = ctx.doc.entities.get(entity_id)
    if entity is None:
        entity = Entity(entity_id, quote.speaker, "person")
        ctx.doc.entities[entity_id] = entity
    return entity


def _role(entity: Entity, date: str | None) -> str | None:
    if entity.type != "person" or not date:
        return None
    from missionwatch.link.gazetteer import role_on

    return role_on(entity, date)


def statements(ctx: ClaimContext) -> list[Claim]:
    out = []
    for quote in ctx.doc.quotes:
        sent = ctx.doc.sentence_at(quote.start)
        if sent is None or sent.role != "body" or quote.speaker_type in NOT_SPEAKERS:
            continue
        speaker = _speaker(ctx, quote)
        if speaker is None or speaker.type not in STATEMENT_ROLES:
            continue
        points = [quote.start, quote.end]
        for span in (quote.cue, quote.speaker_span):
            if span is not None:
                points += [span.start, span.end]
        first = ctx.doc.sentence_at(min(points)) or sent
        last = ctx.doc.sentence_at(max(points) - 1) or sent
        when = ctx.when(sent, quote.start)
        if when.date is None and ctx.doc.published is not None:
            pub = ctx.doc.published
            when = When(pub.iso(), None, pub.precision, ctx.doc.reference_inferred)
        about = next((m.entity for m in ctx.mentions_in(quote.start, quote.end)
                      if m.type in {"mission", "organisation"} and m.entity != speaker.id), None)
        quals = {"direct": quote.direct, "cue": quote.cue.text if quote.cue else None,
                 "role": _role(speaker, when.date), "about": about}
        out.append(ctx.claim("statement", speaker, quote.text, sent, qualifiers=quals, when=when,
                             modality="asserted", confidence=0.7,
                             span=(first.start, last.end)))
    return out
