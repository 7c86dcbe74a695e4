"""Reported (indirect) speech, one speech cue at a time, within its sentence:

* ``according to``: "According to X, <content>." / "<content>, according to X."
* a reporting clause after the content: "<content>, X said [on Thursday]." /
  "<content>, said X." — and in the middle: "<content>, X said, <content>."
* a cue with its complement: "X said (that) <content>", "X told reporters (that) <content>",
  "X added that <content>", "X urged NATO to <content>", "X said: <content>" (what may
  follow which verb is :mod:`complements`'s, from ``class`` in ``speech.yaml``);
* "As X pointed out, <content>."; "It was reported that <content>." (no speaker);
* "the poll shows (that) <content>" only for a document or body as the subject.

A content ends before a second report of the same speaker ("…, but insisted, “…”") or the
report of another one ("…, and Clinton is promising to …").
"""

from __future__ import annotations

import bisect

from missionwatch.extract.quotes.complements import (
    MIN_WORDS,
    before_next_cue,
    clause_like,
    content_after,
    finite,
)
from missionwatch.extract.quotes.context import Candidate, Context, noun_use, token_index
from missionwatch.extract.quotes.lexicon import Verb
from missionwatch.extract.quotes.speakers import (
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    Phrase,
    document_like,
    np_after,
    np_before,
    sentence_subject,
    skip_adverbs_backward,
)
from missionwatch.extract.quotes.tokens import Token, tokenize, word_count

_MAX_TAIL = 12
_MAX_ADVERBIAL = 8
_CLAUSE_WORDS = 8
_MAX_PARENTHETICAL_TAIL = 6
_MAX_SOURCE = 8
_PARTICIPLE = "ing"
_LINKS = frozenset({"and", "but", "while", "whereas"})
_OPENS_WITH_SPEAKER = frozenset({"cue-content", "as-cue", "impersonal"})
_BE = frozenset({"was", "were", "been", "being", "be", "is", "are", "am", "’s", "'s",
                 "isn't", "wasn't", "aren't", "weren't", "isn’t", "wasn’t", "aren’t",
                 "weren’t"})


def _short_tail(tail: list[Token], ctx: Context, strict: bool = True) -> bool:
    """True when ``tail`` only closes a reporting clause ("on Thursday", "in a statement",
    "told reporters at the Pentagon"), with no clause of its own (``strict``: only such
    words; else any words but no verb: "said one source in the room")."""
    lex = ctx.lex
    words = [t for t in tail if t.is_word]
    if len(words) > _MAX_TAIL:
        return False
    for n, t in enumerate(tail):
        if not t.is_word:
            continue
        if t.low in lex.clause_markers or t.low == "that" or finite(tail, n, ctx) or (
            n == 0 and not t.is_cap and t.low.endswith("ed")
        ):
            return False
        if strict and not (t.is_cap or t.text.isdigit() or t.low in lex.time_words
                or t.low in PREPOSITIONS or t.low in lex.settings or t.low in lex.audience
                or t.low in lex.role_determiners or t.low in lex.adverbs
                or t.low in OBJECT_PRONOUNS or t.low in lex.role_nouns
                or t.low in lex.org_words or t.low in lex.verbs):
            return False
    return True


def _is_clause(lead: list[Token], ctx: Context) -> bool:
    """True when ``lead`` (the words before ", X said") is a clause, not an adjunct ("After
    a meeting with the king, Bush said …")."""
    words = [t for t in lead if t.is_word]
    if words and (words[0].low in ctx.lex.adjunct_openers or words[0].low.endswith("ing")) and (
            not any(t.text == "," for t in lead)):
        return any(finite(lead, n, ctx) for n in range(len(lead)))
    return len(words) >= _CLAUSE_WORDS or any(finite(lead, n, ctx) for n in range(len(lead)))


class _Finder:
    def __init__(self, ctx: Context, quoted: list[tuple[int, int]], used: set[int],
                 direct: list[Candidate]) -> None:
        self.ctx = ctx
        self.direct = direct
        self.quoted = sorted(quoted)
        self.quoted_starts = [q[0] for q in self.quoted]
        self.used = used
        self.by_sentence: dict[int, list[Candidate]] = {}

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, offset) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def run(self) -> list[Candidate]:
        ctx = self.ctx
        out: list[Candidate] = []
        for m in ctx.lex.cue_re.finditer(ctx.text):
            if m.start() in self.used or self.in_quote(m.start()):
                continue
            bounds = ctx.bounds(m.start())
            if bounds is None or bounds[2].role != "body":
                continue
            verb = ctx.cue_verb(m.start(), m.end())
            if verb is None or verb.klass == "quote-only":
                continue
            s0, s1, _ = bounds
            for cand in self.one(m.start(), m.end(), verb, s0, s1):
                out.append(cand)
                self.by_sentence.setdefault(s0, []).append(cand)
        return _end_before_reporting(ctx, out)

    def one(self, c0: int, c1: int, verb: Verb, s0: int, s1: int) -> list[Candidate]:
        ctx, text, lex = self.ctx, self.ctx.text, self.ctx.lex
        toks = tokenize(text, s0, s1)
        ci, after = token_index(toks, c0), token_index(toks, c1)
        if ci >= len(toks) or toks[ci].start != c0 or noun_use(toks, ci, ctx.lex):
            return []  # "so-called", "his claims"
        if verb.klass == "topic" and ci > 0 and toks[ci - 1].text in {",", "(", "-", "—"}:
            return []  # "His group, called the Legacy Fund, …"
        if ci > 0 and toks[ci - 1].low in {"and", "or"} and toks[ci].low == verb.lemma:
            return []  # "federal and state law" (but "he laughed and said")
        if verb.klass == "according":
            return self.according(toks, ci, after, (c0, c1), s0, s1)
        # "<content>, X said [tail]." / "<content>, said X."
        before = ci - 1
        if text[c0:c1].endswith(_PARTICIPLE):
            b = skip_adverbs_backward(toks, before, lex)
            # "Trump is saying" has a subject; "a news conference announcing …" has not
            before = b - 1 if b >= 0 and toks[b].low in _BE else -1
        phrase: Phrase | None = None
        tail_at = after
        inverted = False
        if verb.inversion and ci > 0 and toks[ci - 1].text == ",":
            inv = np_after(toks, after, lex, text)  # "…, said one GOP source in the room."
            rest = toks[token_index(toks, inv.end):] if inv is not None else []
            if inv is not None and inv.kind != "pronoun" and (
                _short_tail(rest, ctx, strict=False) or (rest and rest[0].text == ",")
            ):  # "…, said X, a senior official with the board that oversees them."
                phrase, tail_at, p_first = inv, token_index(toks, inv.end), ci
                inverted = True
        if phrase is None:
            phrase = np_before(toks, before, lex, text)
            p_first = token_index(toks, phrase.start) if phrase is not None else -1
            if p_first > 1 and toks[p_first - 1].low == "the" and toks[p_first - 2].text == ",":
                p_first -= 1  # "…, the IMF said."
        if verb.klass == "evidence" and (phrase is None or not document_like(phrase, lex)):
            return []  # "the poll shows …", not "he found …"
        if phrase is not None and p_first > 0 and toks[p_first - 1].text == ",":
            found = self.reporting_clause(toks, p_first - 1, tail_at, s0, s1, inverted)
            if found:
                first = Candidate(found[0][0], found[0][1], False, (c0, c1), phrase, found[0][2])
                return [first] + [Candidate(a, b, False, (c0, c1), phrase, kind, inherit=first)
                                  for a, b, kind in found[1:]]
        if phrase is None:
            if not text[c0:c1].endswith(_PARTICIPLE):
                j = skip_adverbs_backward(toks, ci - 1, lex)
                if j >= 0 and toks[j].low in _BE:
                    return self.impersonal(toks, j, after, verb, (c0, c1), s1)
                return []
            span = content_after(toks, after, verb, ctx, s1)
            if span is None:
                return []
            inherit = self.earlier_in_sentence(s0, c0)
            if inherit is None:
                subject = sentence_subject(toks[:ci], lex, text)
                if subject is None:
                    return []
                return [Candidate(span[0], span[1], False, (c0, c1), subject, "participle")]
            return [Candidate(span[0], span[1], False, (c0, c1), inherit.phrase, "participle",
                              inherit=inherit)]
        if inverted:
            return []
        if p_first > 0 and toks[p_first - 1].low == "as":
            return self.as_clause(toks, after, (c0, c1), phrase, s1)
        j = skip_adverbs_backward(toks, ci - 1, lex)
        if j >= 0 and toks[j].low in _BE and not text[c0:c1].endswith(_PARTICIPLE):
            return self.impersonal(toks, j, after, verb, (c0, c1), s1)  # "he was told"
        span = content_after(toks, after, verb, ctx, s1)
        if span is None:
            return []
        if phrase.kind == "relative":
            span = (span[0], _end_of_relative(toks, span, ctx))
        return [Candidate(span[0], span[1], False, (c0, c1), phrase, "cue-content")]

    def as_clause(self, toks: list[Token], after: int, cue: tuple[int, int], phrase: Phrase,
                  s1: int) -> list[Candidate]:
        """"As X pointed out (in a tweet), <content>.": the clause after the comma."""
        k = after
        while k < len(toks) and toks[k].text != "," and k - after <= _MAX_ADVERBIAL:
            if toks[k].low in self.ctx.lex.clause_markers or toks[k].text in {".", ";", ":"}:
                return []
            k += 1
        if k >= len(toks) or toks[k].text != ",":
            return []
        start, end = self.ctx.trim(toks[k].end, s1)
        end = before_next_cue(toks, start, end, self.ctx)
        if word_count(self.ctx.text, start, end) < MIN_WORDS:
            return []
        return [Candidate(start, end, False, cue, phrase, "as-cue")]

    def impersonal(self, toks: list[Token], be: int, after: int, verb: Verb,
                   cue: tuple[int, int], s1: int) -> list[Candidate]:
        """"It was reported that …", "it has been said that …": reported speech with no
        speaker (a passive with any other subject, "he was told", is not a report)."""
        k = be
        while k >= 0 and (toks[k].low in _BE or toks[k].low in {"has", "have", "had"}):
            k -= 1
        if k < 0 or toks[k].low != "it" or after >= len(toks) or toks[after].low != "that":
            return []
        span = content_after(toks, after, verb, self.ctx, s1)
        if span is None:
            return []
        return [Candidate(span[0], span[1], False, cue, None, "impersonal")]

    def reporting_clause(self, toks: list[Token], comma_at: int, tail_at: int, s0: int,
                         s1: int, inverted: bool = False) -> list[tuple[int, int, str]]:
        """The content of "<content>, X said [on Friday][, as …]." (before the comma), or
        the two parts of "<content>, X said, <content>." around a parenthetical cue."""
        ctx, text = self.ctx, self.ctx.text
        comma = toks[comma_at].start
        first = ctx.content_start(s0, comma)
        k = token_index(toks, first)
        while k < comma_at - 2 and toks[k].is_cap and toks[k + 1].text == "," and (
                toks[k].low in ctx.lex.conjunctions or toks[k].low in ctx.lex.adverbs):
            k += 2  # "However, growth …, the IMF said."
            first = toks[k].start
        lead = toks[token_index(toks, first):comma_at]
        tail_end = tail_at
        while tail_end < len(toks) and toks[tail_end].text != ",":
            tail_end += 1
        rest_at = tail_end + 1
        lex = ctx.lex
        rest_is_clause = (
            rest_at < len(toks) and _short_tail(toks[tail_at:tail_end], ctx)
            and tail_end - tail_at <= _MAX_PARENTHETICAL_TAIL
            and toks[rest_at].low not in lex.verbs and toks[rest_at].low not in lex.conjunctions
            and toks[rest_at].low not in lex.adjunct_openers
            and clause_like(toks, rest_at, ctx, subject_free=True))
        out: list[tuple[int, int, str]] = []
        if rest_is_clause and word_count(text, toks[tail_end].end, s1) >= MIN_WORDS:
            # "Climate change, Mr. Obama says, is the greatest threat" / "The museum, he
            # said, would …": the parts around the cue; an opening adjunct is left out
            words = [t for t in lead if t.is_word]
            if words and words[0].low not in ctx.lex.adjunct_openers:
                out.append((*ctx.trim(first, comma, keep_stop=True), "parenthetical"))
            out.append((*ctx.trim(toks[tail_end].end, s1), "parenthetical"))
            return out
        if _is_clause(lead, ctx) and _short_tail(toks[tail_at:tail_end], ctx, not inverted) and (
            word_count(text, first, comma) >= MIN_WORDS
        ):
            out.append((*ctx.trim(first, comma, keep_stop=True), "content-cue"))
        return out

    def according(self, toks: list[Token], ci: int, after: int, cue: tuple[int, int],
                  s0: int, s1: int) -> list[Candidate]:
        ctx, text = self.ctx, self.ctx.text
        phrase = np_after(toks, after, ctx.lex, text) or _any_phrase(toks, after, text)
        if phrase is None:
            return []
        lead = [t for t in toks[:ci] if t.is_word and t.low not in ctx.lex.adverbs
                and t.low not in {"but", "and", "yet", "so"}]
        if not lead:
            k = token_index(toks, phrase.end)
            while k < len(toks) and toks[k].text != ",":
                k += 1
            if k >= len(toks):
                return []
            start, end = ctx.trim(toks[k].end, s1)
        else:
            start, end = ctx.trim(ctx.content_start(s0, cue[0]), cue[0], keep_stop=True)
        if word_count(text, start, end) < MIN_WORDS:
            return []
        return [Candidate(start, end, False, cue, phrase, "according")]

    def earlier_in_sentence(self, s0: int, pos: int) -> Candidate | None:
        """The last statement whose cue is in this sentence before ``pos``."""
        found = [c for c in self.by_sentence.get(s0, []) if c.cue and c.cue[0] < pos]
        found += [c for c in self.direct if c.cue and s0 <= c.cue[0] < pos]
        return max(found, key=lambda c: c.pos) if found else None


def _end_of_relative(toks: list[Token], span: tuple[int, int], ctx: Context) -> int:
    """The end of a content reported in a relative clause, before the main clause resumes:
    "McConnell, who in 2010 said the goal was to win, is silent now"."""
    for n in range(token_index(toks, span[0]), len(toks) - 1):
        if toks[n].start >= span[1]:
            break
        if toks[n].text == "," and finite(toks, n + 1, ctx) and not toks[n + 1].is_cap:
            return ctx.trim(span[0], toks[n].start, keep_stop=True)[1]
    return span[1]


def _any_phrase(toks: list[Token], i: int, text: str) -> Phrase | None:
    """The words after "according to" up to a comma or the end ("federal statistics")."""
    j = i
    while j < len(toks) and toks[j].is_word and j - i < _MAX_SOURCE:
        j += 1
    if j == i or (j < len(toks) and toks[j].text not in {",", ".", ";", "—", "–"}):
        return None
    start, end = toks[i].start, toks[j - 1].end
    return Phrase(start, end, text[start:end], "role", tuple(t.text for t in toks[i:j]),
                  tuple(t.start for t in toks[i:j]))


def _end_before_reporting(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """End a "X said (that) …" content before a reporting clause closing the same sentence
    ("Clinton had told police that …, the source added") or before the next speaker's
    report ("Trump has vowed to …, and Clinton is promising to …"), and drop exact
    repeats."""
    enders = [c for c in cands if c.pattern == "content-cue"]
    openers = [c for c in cands if c.pattern in _OPENS_WITH_SPEAKER and c.phrase is not None]
    seen: set[tuple[int, int, int]] = set()
    out: list[Candidate] = []
    for c in cands:
        if c.pattern == "cue-content":
            for e in enders:
                if c.start < e.pos < c.end and e.end > c.start:
                    c.end = min(c.end, e.end)
        if c.pattern in _OPENS_WITH_SPEAKER:
            for e in openers:
                if e is not c and e.phrase is not None and c.start < e.phrase.start < c.end and (
                        _coordinated(ctx, c.start, e.phrase.start)):
                    c.end = _strip_link(ctx, c.start, e.phrase.start)
        key = (c.start, c.end, c.pos)
        if c.end > c.start and key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _coordinated(ctx: Context, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends with a link to a new clause (", and", "; but")."""
    toks = tokenize(ctx.text, start, end)
    return len(toks) >= 2 and toks[-1].low in _LINKS and toks[-2].text in {",", ";"}


def _strip_link(ctx: Context, start: int, end: int) -> int:
    """The end of ``text[start:end]`` without a closing ", and" / "but"."""
    end = ctx.trim(start, end, keep_stop=True)[1]
    toks = tokenize(ctx.text, start, end)
    while toks and (toks[-1].low in _LINKS or toks[-1].text in {",", ";"}):
        end = toks[-1].start
        toks.pop()
    return ctx.trim(start, end, keep_stop=True)[1]


def find_indirect(ctx: Context, quoted: list[tuple[int, int]],
                  direct: list[Candidate]) -> list[Candidate]:
    """Reported speech outside the ``quoted`` stretches, skipping the cues of ``direct``."""
    used = {c.cue[0] for c in direct if c.cue is not None}
    return _Finder(ctx, quoted, used, direct).run()

