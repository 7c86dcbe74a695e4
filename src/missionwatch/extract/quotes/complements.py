"""What a speech verb's reported content looks like after the verb, as its class in
``speech.yaml`` allows: "said (that) <clause>", "told reporters (that) …", "urged NATO to …",
"vowed to …", "called for …", "said in a statement on Monday that …", "warned voters that
…", "said: …", "said, ``…'' that …". :func:`content_after` gives the content's span."""

from __future__ import annotations

from missionwatch.extract.quotes.context import Context, token_index
from missionwatch.extract.quotes.lexicon import Verb
from missionwatch.extract.quotes.speakers import OBJECT_PRONOUNS, PREPOSITIONS
from missionwatch.extract.quotes.tokens import Token, word_count

MIN_WORDS = 3
_MAX_ADVERBIAL = 8
_MAX_OBJECT = 6
_MAX_TO_THAT = 10
_CLAUSE_REACH = 20
_MIN_BARE = 4
_SHORT_CLAUSE = 5
_PARTICIPLE = "ing"
_OPENING_MARKS = frozenset({"“", '"', "`", "‘", "«", "„"})
_RELATIVES = frozenset({"which", "who", "whom", "whose", "where"})


def finite(toks: list[Token], n: int, ctx: Context) -> bool:
    """True when ``toks[n]`` looks like a finite verb: a marker ("is", "will"), a past form
    not after a determiner, or an -s form after a name or pronoun ("Trump favors")."""
    t, lex = toks[n], ctx.lex
    if t.low in lex.clause_markers:
        return True
    if n == 0 or not t.is_word or t.is_cap:
        return False
    prev = toks[n - 1]
    if t.low.endswith("ed") and prev.low not in lex.role_determiners:
        return True
    return (t.low.endswith("s") and not t.low.endswith(("ss", "'s", "’s", "us", "is"))
            and (prev.is_cap or prev.low in {"he", "she", "it"})
            and prev.low not in lex.role_determiners)


def clause_like(toks: list[Token], k: int, ctx: Context, subject_free: bool = False) -> bool:
    """True when ``toks[k:]`` reads as a clause (a finite verb soon after its start; with
    ``subject_free`` the verb may come first: "…, he said, is the greatest threat")."""
    lex = ctx.lex
    if k >= len(toks) or not toks[k].is_word or toks[k].low in lex.not_clause_start:
        return False
    end = min(len(toks), k + _CLAUSE_REACH)
    for n in range(k if subject_free else k + 1, end):
        if toks[n].text in {".", ";", ":"} or toks[n].low in _RELATIVES:
            return False  # "claimed responsibility for the attack which killed …"
        if toks[n].low == "that" and n > k:
            return False  # "announced the launch of a mission that will …"
        if finite(toks, n, ctx):
            return True
    return False


def _short_clause(toks: list[Token], k: int, ctx: Context) -> bool:
    """A clause whose finite verb comes within a few words, before any preposition: "it
    would", "she was", "the troops will", "Iraq has" (not "the deployment of troops …")."""
    lex = ctx.lex
    if k >= len(toks) or not toks[k].is_word or toks[k].low in lex.not_clause_start:
        return False
    for n in range(k + 1, min(len(toks), k + _SHORT_CLAUSE)):
        t = toks[n]
        if not t.is_word or t.low in PREPOSITIONS or t.low in _RELATIVES or t.low == "that":
            return False
        if t.low in lex.clause_markers:
            return True
    return False


def _skip_object(toks: list[Token], k: int, ctx: Context) -> int:
    """Step over the addressee of "told"/"urged" (reporters, him, the AP, NATO)."""
    lex = ctx.lex
    if k >= len(toks):
        return k
    if toks[k].low in OBJECT_PRONOUNS:
        return k + 1
    for j in range(k + 1, min(len(toks), k + _MAX_OBJECT + 2)):
        if toks[j].low in {"that", "to"}:
            if not any(t.low in lex.clause_markers or t.low in lex.verbs for t in toks[k:j]):
                return j  # "told co-host Joe Scarborough that", "told MSNBC's “Morning Joe” that"
            break
    if toks[k].low in lex.audience:
        return k + 1  # "told reporters (that) …"
    j = k
    while j < len(toks) and j - k < _MAX_OBJECT and toks[j].is_word and toks[j].is_cap:
        j += 1  # "told The Associated Press", "urged NATO"
    if j > k:
        return j
    while j < len(toks) and j - k < _MAX_OBJECT and toks[j].is_word and (
        toks[j].low in lex.role_determiners or toks[j].low.endswith(("’s", "'s"))
        or toks[j].is_cap
    ):
        j += 1  # "told his supporters", "told MSNBC's audience"
    if j > k and j < len(toks) and (toks[j].low in lex.audience or toks[j].low in lex.role_nouns):
        return j + 1
    return k


def _skip_to_that(toks: list[Token], k: int, verb: Verb, ctx: Context) -> int:
    """Step over what stands between a cue and its "that": a setting ("said in a
    statement on Monday that", "said via email that"), an adverb ("complained bitterly
    that"), an aside (", as did the campaign itself, that") or, for verbs that take one,
    an addressee ("warned voters that")."""
    lex = ctx.lex
    if k >= len(toks) or toks[k].low == "that":
        return k
    first = toks[k]
    opener = (first.low in PREPOSITIONS or first.low in lex.time_words or first.low == "via"
              or first.low in lex.audience or first.low in OBJECT_PRONOUNS
              or first.text == "," or (first.low.endswith("ly") and not first.is_cap)
              or verb.addressee)
    if not opener:
        return k
    aside = first.text == "," and k + 1 < len(toks) and toks[k + 1].low == "as"
    for j in range(k + 1, min(len(toks), k + _MAX_TO_THAT)):
        t = toks[j]
        if t.low == "that":
            return j
        if t.text in {".", ";", ":", "!", "?"} or t.low in _RELATIVES or (
            t.low in lex.verbs and not t.is_cap
        ) or (t.low in lex.clause_markers and not aside):
            return k
    return k


def _skip_adverbial(toks: list[Token], k: int, ctx: Context) -> int:
    """Step over "on Thursday", "in a statement" … up to a following "that" or comma."""
    lex = ctx.lex
    if k >= len(toks) or toks[k].low not in lex.time_words:
        return k
    for j in range(k, min(len(toks), k + _MAX_ADVERBIAL)):
        if toks[j].low == "that" or toks[j].text == ",":
            return j
        if toks[j].low in lex.clause_markers:
            break
    if toks[k].low not in PREPOSITIONS and toks[k].low not in {"on", "in", "at", "during"}:
        return k + 1  # "said Thursday", "said today"
    return k


def content_after(toks: list[Token], k: int, verb: Verb, ctx: Context,
                   sent_end: int) -> tuple[int, int] | None:
    """The content span after the cue (``toks[k]`` is the first token after it)."""
    if verb.klass in {"object", "urge"}:
        j = _skip_object(toks, k, ctx)
        if verb.klass == "object" and j == k:
            return None
        k = j
    k = _skip_to_that(toks, k, verb, ctx)
    k = _skip_adverbial(toks, k, ctx)
    while k < len(toks) and toks[k].text == ",":
        k += 1
    if k >= len(toks):
        return None
    tok = toks[k]
    if tok.low == "that" or tok.text == ":":
        while k + 1 < len(toks) and toks[k + 1].text == ",":
            k += 1  # "said that, …"
        start = toks[k + 1].start if k + 1 < len(toks) else sent_end
    elif tok.text in _OPENING_MARKS and k + 1 < len(toks) and verb.klass != "urge" and (
            toks[k + 1].is_word or toks[k + 1].text in _OPENING_MARKS):
        start = tok.start  # said, ``I did not come away with any hope'' that Iraq …
    elif verb.klass in {"urge", "object", "commit"} and tok.low == "to" and k + 1 < len(toks) and (
            toks[k + 1].is_word and not toks[k + 1].is_cap
            and toks[k + 1].low not in ctx.lex.role_determiners
            and toks[k + 1].low not in PREPOSITIONS):  # not "appealed the case to the court"
        start = tok.start  # "urged NATO to step up …", "vowed to stay"
    elif verb.klass in {"clause", "object", "evidence"} and clause_like(toks, k, ctx):
        start = tok.start
    elif verb.klass == "topic" and tok.is_word and tok.low not in PREPOSITIONS and (
            tok.low not in ctx.lex.not_clause_start):  # not "called into the show"
        start = tok.start  # "called for a ceasefire", "called the strike a violation"
    elif verb.klass in {"that", "commit"} and _short_clause(toks, k, ctx):
        start = tok.start  # "announced it would …", "acknowledged she was …"
    elif verb.bare and tok.is_word and tok.low not in ctx.lex.not_clause_start and (
        tok.low not in PREPOSITIONS and word_count(ctx.text, tok.start, sent_end) >= _MIN_BARE
    ):
        start = tok.start
    else:
        return None
    start, end = ctx.trim(ctx.content_start(start, sent_end), sent_end)
    end = before_next_cue(toks, start, end, ctx)
    if word_count(ctx.text, start, end) < MIN_WORDS:
        return None
    return start, end


def before_next_cue(toks: list[Token], start: int, end: int, ctx: Context) -> int:
    """End the content before a second reporting verb of the same speaker: "said that
    <content>, but insisted, “…”", "… and added that …", "…, adding that …"."""
    lex = ctx.lex
    first = token_index(toks, start)
    for n in range(first + 1, len(toks) - 1):
        t = toks[n]
        if t.start >= end:
            break
        if t.low not in {"and", "but"} and t.text != ",":
            continue
        k = n + 1
        if t.text == "," and toks[k].low in {"and", "but"}:
            k += 1
        while k < len(toks) and toks[k].low in lex.adverbs:
            k += 1
        if k >= len(toks) or toks[k].start >= end:
            continue
        verb = lex.verb(toks[k].low)
        if verb is None or verb.klass == "according" or toks[k].is_cap or (
                toks[k].low == verb.lemma):
            continue  # "federal and state law" is no second report
        if k == n + 1 and t.text == "," and not toks[k].low.endswith(_PARTICIPLE):
            continue  # "…, said X" is not a second report of the same speaker
        end = ctx.trim(start, t.start, keep_stop=True)[1]
        break
    return end
