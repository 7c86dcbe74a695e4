"""Who an event's words name and how many: the people an event counts (the object of an
active verb, the subject of a passive one and those joined to it), whether a counted
phrase is of people ("three of his associates", not "the help of three villagers"), and
whether a subject is someone a demand can be made of ("Iran must stop", not "Risk
assessments must consider")."""

from __future__ import annotations

from collections.abc import Sequence

from missionwatch.extract.events import arguments as args
from missionwatch.extract.events.lexicon import lexicon, word_list
from missionwatch.extract.events.phrases import Phrase, sector
from missionwatch.extract.events.size import Counted, count_people
from missionwatch.extract.events.tokens import Token
from missionwatch.extract.events.triggers import Trigger


def demanding(actor: Phrase | None, tokens: Sequence[Token], must: int) -> bool:
    """True when the subject of "must" is someone a demand can be made of: a named
    country, organisation or person, people or a party ("Iran must stop", "both armies
    must pull back", "the regime must end the violence"), not a thing or the speaker
    ("Risk assessments must", "We must"). Without an actor phrase, the words just before
    "must" are read."""
    if actor is not None and actor.mentions:
        return True  # a country, organisation, person, or a capital: "Tehran must stop"
    if actor is not None:
        words = actor.text.lower().split()
    else:
        k = must - 1
        while k >= 0 and must - k <= MUST_SUBJECT and tokens[k].is_word:
            k -= 1
        words = [t.lower for t in tokens[k + 1 : must]]
        if any(t.capitalised for t in tokens[max(k + 1, 1) : must]):
            return True  # a name: "Tehran must"
    if any(w in {"we", "us", "i"} for w in words):
        return False
    people = lexicon().counts["people"]
    parties = word_list("actor_nouns")
    return (
        bool(sector(words))
        or any(w in people or w in parties for w in words)
        or any(w in _THIRD_PERSON for w in words)
    )


#: pronouns a demand can be made of: "He must resign", "They must leave"
_THIRD_PERSON = frozenset({"he", "she", "they", "it"})


#: how many words before "must" are read for its subject when no actor phrase stands there
MUST_SUBJECT = 4


def people_head(tokens: Sequence[Token], counted: Counted) -> bool:
    """True when a counted phrase is of people: its head (the noun before any "of") names
    people ("three of his associates", "two other suspects"), not "the help of three
    villagers", "his car"."""
    words = [t.lower for t in tokens[counted.start : counted.end]]
    counts = lexicon().counts
    if not words or not (
        words[0] in counts["exact"] or words[0] in counts["vague"] or words[0][:1].isdigit()
    ):
        return False  # "evidence implicating four other insurgents": no count opens it
    head = words[: words.index("of")] if "of" in words else words
    people = counts["people"]
    if head and head[-1] in people:
        return True
    # "three of his associates": a count before "of" points into the people after it
    return len(head) == 1 and "of" in words and words[-1] in people


def sizes(
    tokens: Sequence[Token],
    trig: Trigger,
    span: tuple[int, int],
    pool: Sequence[Phrase],
    inverted: int | None,
) -> list[Counted]:
    """The people an event counts; ``inverted``: where they stand after an inverted
    participle ("Also killed … were")."""
    lo, hi = span
    if not trig.entry.size:
        return []
    if trig.passive:
        subject = args.subject_span(tokens, trig, lo, pool)
        counted = count_people(tokens, subject[0], subject[1]) if subject else []
        joined = args.passive_joiner(tokens, trig.end, hi)
        if counted and joined:  # "The leader was detained along with three associates"
            counted += [c for c in count_people(tokens, joined, hi) if people_head(tokens, c)]
        return counted
    if inverted is not None:  # "Also killed in the strike were two insurgents"
        return count_people(tokens, inverted, hi)
    if trig.nominal:
        # "the arrest of an insurgent coordinator"
        if trig.end < hi and tokens[trig.end].lower == "of":
            return count_people(tokens, trig.end + 1, hi)
        return []
    start, _ = args.object_span(tokens, trig, hi)
    return count_people(tokens, start, hi)
