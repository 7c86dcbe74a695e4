"""From a document's sentences to PLOVER-coded ``event`` claims.

For each sentence (not credits or bylines; not headlines and release numbers above a
dateline; not sentences on sport or history): find the triggers, join triggers of one
category in one clause into one event ("a missile attack ... killed"), read the actor,
recipient, target, place, time, size and modality, and join an event whose victims point
back to an earlier event's victims ("Two insurgents were killed ... the force returned
fire, killing both") into that earlier event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from missionwatch.document import Document, Mention, Sentence
from missionwatch.extract.events import arguments as args
from missionwatch.extract.events.agents import demanding, sizes
from missionwatch.extract.events.clauses import (
    coordinated,
    dangling_gerund,
    keep,
    perfect,
    relative_clause,
)
from missionwatch.extract.events.coding import coded_mode, contexts
from missionwatch.extract.events.context import (
    ParagraphPlaces,
    ParagraphTimes,
    SentenceReading,
    SpanIndex,
    read_places,
    told,
    told_times,
)
from missionwatch.extract.events.joining import (
    compatible,
    date_back,
    dates_earlier,
    inherit,
    merge,
    same_clause,
    scenes,
)
from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.modality import modality
from missionwatch.extract.events.phrases import Phrase
from missionwatch.extract.events.places import (
    Place,
    document_countries,
    nearest_place,
)
from missionwatch.extract.events.screen import look
from missionwatch.extract.events.size import Count, Counted, antecedent, count_people
from missionwatch.extract.events.timing import (
    EventTime,
    body_start,
    find_dateline,
    nearest_time,
    report_time,
    sentence_times,
)
from missionwatch.extract.events.tokens import (
    Token,
    clause_bounds,
    tokenize,
)
from missionwatch.extract.events.triggers import (
    Trigger,
    sentence_triggers,
)

#: an undated event takes the last date written in its paragraph, or the last day (not a
#: month or year: "in June 2011" in a background sentence) up to this many paragraphs before
INHERIT_PARAGRAPHS = 2
#: how many tokens may stand between a death and the attack before it it came in
BESIDE = 10
PRONOUNS = frozenset({"him", "her", "them", "it", "he", "she", "they"})
_CREDIT = re.compile(r"\((?:[^()]{2,80}?)\s*/\s*(?:[^()]{2,80})\)\s*$")


@dataclass
class Event:
    category: str
    mode: str
    sentence: Sentence
    trigger: tuple[int, int]  # character offsets of the trigger words
    clause: tuple[int, int]  # character offsets of its clause
    paragraph: int
    modality: str = "asserted"
    actor: Phrase | None = None
    recipient: Mention | None = None
    target: str = ""
    place: Place | None = None
    time: EventTime | None = None
    sizes: dict[str, Count] = field(default_factory=dict)
    victims: list[tuple[int, int]] = field(default_factory=list)  # char spans counted
    contexts: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # the supporting text: the sentence less any dateline
    strength: float = 0.6
    inherited_time: bool = False
    clause_time: bool = False  # its time stands in a relative clause: not passed on
    perfect: bool = False  # told in the present perfect ("have detained")
    pointing: list[tuple[int, int]] = field(default_factory=list)  # "him", "both": point back
    tokens: Sequence[Token] = field(default=(), repr=False)  # its sentence's, when read

    @property
    def actor_sector(self) -> str:
        return self.actor.sector if self.actor else ""


def _clean_span(doc: Document, sent: Sentence, dateline_end: int) -> tuple[int, int]:
    start, end = sent.start, sent.end
    if start < dateline_end < end:
        start = dateline_end
    if sent.role == "caption":
        match = _CREDIT.search(doc.text[start:end])
        if match:
            end = start + match.start()
    return start, end


def _actor(
    s: SentenceReading, trig: Trigger, lo: int, hi: int, previous: Sequence[Event]
) -> Phrase | None:
    """Who did it: after "by" for a passive verb; else the phrase modifying a noun, or
    the subject before the verb (or that of the verb it is joined to)."""
    tokens = s.tokens
    if trig.passive:
        return args.agent_after(tokens, s.phrases, trig.end, hi)
    actor = None
    if trig.nominal:
        actor = args.modifier_before(tokens, s.phrases, trig.start)
        actor = actor or args.agent_after(tokens, s.phrases, trig.end, hi)
    # the events of this sentence so far are the last ones found
    same = previous[-1] if previous and previous[-1].sentence is s.sentence else None
    if actor is None and not trig.nominal and same is not None and coordinated(tokens, trig):
        actor = same.actor  # "The force seized weapons, materials and detained two"
    if actor is None and dangling_gerund(tokens, trig, s.phrases):
        return None  # "weapons were seized in addition to detaining two": nobody named
    if actor is None and (not trig.nominal or trig.anchor != trig.start):
        actor = args.actor_before(tokens, s.phrases, trig.anchor, lo)
        if actor is None:
            actor = args.actor_before(tokens, s.phrases, trig.anchor, 0)
        if actor is None and same is not None:
            actor = same.actor  # "The force returned fire, killing two"
    return actor


def _event(
    doc: Document, s: SentenceReading, trig: Trigger, previous: Sequence[Event]
) -> Event | None:
    """The event of a trigger; None when its clause states no event (see :func:`keep`:
    that is decided first, so that nothing else is read for it)."""
    tokens = s.tokens
    lo, hi = args.clause_of(tokens, trig)
    mood = modality(tokens, trig.start, trig.end, trig.anchor)
    actor: Phrase | None = None
    # the actor decides only for a weak noun standing alone ("a press conference")
    if trig.nominal and trig.entry.weak and trig.anchor == trig.start:
        actor = _actor(s, trig, lo, hi, previous)
        if not keep(tokens, trig, actor is not None, mood):
            return None
    else:
        if not keep(tokens, trig, True, mood):
            return None
        actor = _actor(s, trig, lo, hi, previous)
        if tokens[trig.start].lower == "must" and not demanding(actor, tokens, trig.start):
            return None  # "Risk assessments must consider …", "we must act": no demand
    first = min(trig.start, trig.anchor)
    char = (tokens[first].start, tokens[trig.end - 1].end)
    clause = (tokens[lo].start, tokens[hi - 1].end)
    ev = Event(
        trig.category,
        coded_mode(trig.category, trig.mode, tokens, trig, lo, hi),
        s.sentence,
        char,
        clause,
        s.sentence.paragraph,
    )
    ev.modality = mood
    ev.actor = actor
    ev.tokens = tokens
    ev.strength = {"verb": 0.7, "phrase": 0.7, "noun": 0.6}[trig.entry.kind]
    if trig.entry.weak:
        ev.strength -= 0.1
    target_at: tuple[int, int] | None = None  # the object's character span
    inverted = args.inverted_subject(tokens, trig, hi)
    if trig.passive:
        span = args.subject_span(tokens, trig, lo, s.phrases)
        if span:
            ev.recipient = args.recipient_in(s.phrases, span)
            ev.target = " ".join(t.text for t in tokens[span[0] : span[1]])
    else:
        at = trig if inverted is None else replace(trig, start=inverted - 1, end=inverted)
        target = (
            args.target_span(tokens, at, hi, s.blocked) if trig.category == "ASSAULT" else None
        )
        obj = target or args.object_span(tokens, at, hi, s.blocked)
        if obj[1] > obj[0]:
            ev.recipient = args.recipient_in(s.phrases, obj)
            ev.target = " ".join(t.text for t in tokens[obj[0] : obj[1]])
            target_at = (tokens[obj[0]].start, tokens[obj[1] - 1].end)
    # size
    for counted in sizes(tokens, trig, (lo, hi), s.phrases, inverted):
        _add_size(ev, trig.entry.size, counted, tokens)
    if trig.entry.undergoer and not _people_named(tokens, ev.victims):
        return None  # "the talks died", "he died": no people named, no event
    if target_at is not None and ev.victims:
        # the people counted, all of them: "a Taliban facilitator along with one other"
        last = max(v[1] for v in ev.victims)
        if last > target_at[1]:
            ev.target = " ".join(doc.text[target_at[0] : last].split())
    # a place told in a relative clause before the event's word ("a leader who operates in
    # Paktika province detained …") is the leader's, unless the sentence names no other; a
    # clause set off by commas ("the force, which was searching in Helmand, detained")
    # tells of the one who acts, and its place stays
    told = [p for p in s.places if not (p.start < trig.start and _restrictive(tokens, p.start))]
    others = s.other_clauses(lo, hi)
    ev.place = nearest_place(told or s.places, trig.start, trig.end, lo, hi, others)
    # a time beside "confirmed", "said" before the event's word dates the report
    own = [t for t in s.times if not report_time(doc.text, t, tokens[trig.start].start)]
    ev.time = nearest_time(own, char, clause)
    ev.perfect = perfect(tokens, trig)
    ev.contexts = contexts(trig.category, doc.text[s.span[0] : s.span[1]])
    ev.span = s.span
    return ev


#: words that may join a death to the attack it came in ("died in the attack", "lost
#: their lives when their convoy was ambushed")
_DEATH_LINKS = frozenset({"in", "during", "following", "after", "from", "when", "as", "by"})


def _beside(tokens: Sequence[Token], death: Trigger, attack: Trigger) -> bool:
    """True when ``attack`` is the attack ``death`` came in: right after it, joined by a
    preposition or "when" ("died in the attack", "died following an insurgent attack"), or
    before it in its sentence ("In the attack, two soldiers died")."""
    if attack.start < death.start:
        return death.start - attack.end <= BESIDE
    between = tokens[death.end : attack.start]
    return (
        len(between) <= BESIDE // 2
        and bool(between)
        and between[0].lower in _DEATH_LINKS
        and not any(t.text in {",", ";"} for t in between)
    )


def _restrictive(tokens: Sequence[Token], k: int) -> bool:
    """True when token ``k`` stands in a relative clause not set off by a comma ("a leader
    who operates in Paktika province")."""
    if not relative_clause(tokens, tokens[k].start):
        return False
    lo, _ = clause_bounds(tokens, k)
    return lo < 2 or tokens[lo - 2].text != ","


def _people_named(tokens: Sequence[Token], victims: Sequence[tuple[int, int]]) -> bool:
    """True when the people counted are named by a noun ("two soldiers"), not a pronoun."""
    people = lexicon().counts["people"]
    pronouns = PRONOUNS | {"one", "others", "other"}
    return any(
        t.lower in people and t.lower not in pronouns
        for a, b in victims
        for t in tokens
        if a <= t.start and t.end <= b
    )


def _add_size(ev: Event, kind: str, counted: Counted, tokens: Sequence[Token]) -> None:
    span = (tokens[counted.start].start, tokens[counted.end - 1].end)
    ev.victims.append(span)
    if counted.anaphoric or (
        counted.end - counted.start == 1 and tokens[counted.start].lower in PRONOUNS
    ):
        ev.pointing.append(span)
    if counted.anaphoric and counted.count.low == 0 and counted.count.high is None:
        return
    ev.sizes[kind] = ev.sizes[kind] + counted.count if kind in ev.sizes else counted.count


def _resolve_anaphora(doc: Document, ev: Event, kind: str, events: list[Event]) -> bool:
    """Give an event whose victims are "them", "both", "all individuals" the count they
    point back to, or join it to the event those people were counted in (True then)."""
    if not kind or not ev.victims:
        return False
    vs, ve = ev.victims[0]
    word = doc.text[vs:ve].lower()
    if not any(word == a or word.startswith(f"{a} ") for a in lexicon().counts["anaphoric"]):
        return False
    para_start = min(
        (s.start for s in doc.sentences if s.paragraph == ev.paragraph), default=ev.sentence.start
    )
    prior = tokenize(doc.text[para_start:vs], para_start)
    ante = antecedent(prior, len(prior))
    if ante is None:
        return False
    ante_start = prior[ante.start].start
    for earlier in reversed(events):
        if earlier.category == ev.category and any(a <= ante_start < b for a, b in earlier.victims):
            merge(earlier, ev)
            return True
    if kind not in ev.sizes:
        ev.sizes[kind] = ante.count
    elif (vs, ve) in ev.pointing and _unresolved(doc.text[vs:ve]):
        # "detaining them along with one other insurgent": them, and one more
        ev.sizes[kind] = ante.count + ev.sizes[kind]
    return False


def _unresolved(words: str) -> bool:
    """True for a pointing phrase that gives no number itself ("them", not "both")."""
    counted = count_people(tokenize(words), 0, len(tokenize(words)))
    return bool(counted) and counted[0].count.low == 0 and counted[0].count.high is None


def find_events(doc: Document) -> list[Event]:
    """Every event of the document, in text order."""
    dateline = find_dateline(doc.text)
    dl_span = (dateline.start, dateline.end) if dateline else None
    header_end = body_start(doc.text, dateline)
    story = dateline.end if dateline else header_end
    countries = document_countries(doc)
    mention_index = SpanIndex(doc.mentions)
    time_index = SpanIndex(doc.times)
    events: list[Event] = []
    # the dated times told in each paragraph (read when asked for)
    last_time = ParagraphTimes(partial(told_times, doc))
    # the places named in each paragraph (read when asked for)
    paragraphs = ParagraphPlaces(partial(read_places, doc, mention_index, countries))
    for sent in doc.sentences:
        if sent.role in {"credit", "byline"} or sent.end <= max(header_end, story):
            continue  # the heading, and a dateline standing as a sentence of its own
        start, end = _clean_span(doc, sent, story)
        text = doc.text[start:end]
        if not text.strip():
            continue
        discarded, possible = look(text)
        if discarded:  # sport, history
            continue
        times = sentence_times(doc, start, end, dl_span, time_index.within(start, end))
        if times and dates_earlier(text):  # "The operation took place Tuesday."
            date_back(events, sent.paragraph, times[0])
        if not possible:  # most sentences: no event, so nothing to read now
            if times:
                last_time.add(sent.paragraph, (start, end), times)
            paragraphs.add(sent.paragraph, (start, end))  # its places are read if asked for
            continue
        tokens = tokenize(text, start)
        if not tokens:
            continue
        last_time.add_told(sent.paragraph, told(doc.text, tokens, times))
        triggers = sentence_triggers(tokens)
        if not triggers:  # its places are read if a later sentence asks for them
            paragraphs.add(sent.paragraph, (start, end), tokens)
            continue
        s = SentenceReading(doc, sent, tokens, (start, end), times, mention_index, countries)
        first_new = len(events)
        s.clauses = [args.clause_of(tokens, t) for t in triggers]
        attacks = [t for t in triggers if t.category == "ASSAULT" and not t.entry.undergoer]
        for trig in triggers:
            if trig.entry.undergoer and not any(_beside(tokens, trig, a) for a in attacks):
                continue  # "two soldiers died" tells a killing only beside an attack
            ev = _event(doc, s, trig, events)
            if ev is None:
                continue  # not an event statement
            if ev.place is None and not s.places:
                # the last place of its paragraph: "In Helmand province, … The force …"
                ev.place = paragraphs.last(sent.paragraph)
            ev.clause_time = ev.time is not None and relative_clause(tokens, ev.time.timex.start)
            if (
                ev.time is None
                and not times
                and not perfect(tokens, trig)
                and ev.modality in {"asserted", "reported"}
            ):
                inherited = last_time.before(sent.paragraph, INHERIT_PARAGRAPHS)
                if inherited is not None:
                    ev.time, ev.inherited_time = inherited, True
            if events and same_clause(events[-1], ev) and compatible(events[-1], ev):
                last = events.pop()
                merge(last, ev)
                ev = last
            if not _resolve_anaphora(doc, ev, trig.entry.size, events):
                events.append(ev)
        # (only an event with no place of its own asks for those of the sentences before
        # it, so this sentence need not be there before its own events are read)
        places = s.places_read()
        if places is None:
            paragraphs.add(sent.paragraph, (start, end), tokens)
        else:
            paragraphs.add(sent.paragraph, scenes(places, events[first_new:]))
    inherit(events)
    return events

