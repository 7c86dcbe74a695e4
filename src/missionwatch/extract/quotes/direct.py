"""Direct quotes: quoted stretches with a cue and speaker next to them (:mod:`cues`).

A quote with no cue of its own takes the speaker of the quote it continues: the second
half of an interrupted quote (“…,” he said. “…”, also past "when asked …", a relative
clause or a title in the attribution), a second opener where a closer was missing, a quote
paragraph following a quote paragraph, or a quote making the sentence right after a
sentence of reported speech ("X said … . “…”"). A quote set inside a sentence ("can only
be done “with the consent of the Iraqis”, he added") is reported speech mixing in quoted
words: its content is the clause up to the closing mark and it is not ``direct``. A cue
before a quote that does not end its clause ("said the plan was “…” and more") is left to
reported speech. Anything else (scare quotes, titles, quoted words with no speaker) is not
a statement.
"""

from __future__ import annotations

import bisect
import re

from missionwatch.extract.quotes.context import (
    Candidate,
    Context,
    has_letters,
    noun_use,
    token_index,
)
from missionwatch.extract.quotes.cues import After, Cue, colon_cue, cue_after, cue_before
from missionwatch.extract.quotes.marks import LINE_ENDS, Pair, paragraph_break
from missionwatch.extract.quotes.tokens import Token, tokenize, word_count

_SENT_END = re.compile(r"[.!?](?=\s|$)")
_WORD_BEFORE = re.compile(r"\w+$")
_MAX_TITLE = 5
_WORD_REACH = 30
_WINDOW = 300
_CONTINUE_GAP = 250
_MIN_CONTINUATION_WORDS = 4
_RELATIVES = frozenset({"who", "whom", "whose", "which"})
_SUBORDINATORS = frozenset({"when", "while", "after", "before", "once", "if", "being"})


_TITLE_SMALL = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with",
                          "or", "&"})


def _is_title(ctx: Context, pair: Pair) -> bool:
    """A short title in title case (“Fox News Sunday”, “The Apprentice”), not a statement."""
    words = [t for t in tokenize(ctx.text, pair.start, pair.end) if t.is_word]
    return 0 < len(words) <= _MAX_TITLE and (words[0].is_cap or words[0].text.isdigit()) and all(
        t.is_cap or t.low in _TITLE_SMALL or t.text.isdigit() for t in words)


def _after_end(ctx: Context, pair: Pair, nxt: Pair | None) -> int:
    text = ctx.text
    end = min(pair.close + _WINDOW, nxt.open if nxt else len(text), len(text))
    brk = paragraph_break(text, pair.after, end)
    if brk >= 0:
        end = brk
    for m in _SENT_END.finditer(text, pair.after, end):
        word = _WORD_BEFORE.search(text, max(0, m.start() - 15), m.start())
        if word and ctx.abbreviation(word.group()):
            continue  # "Mr.", "Gen.", "J."
        return m.end()
    return end


def _before_start(ctx: Context, pair: Pair, prev: Pair | None) -> int:
    bounds = ctx.bounds(pair.open)
    start = bounds[0] if bounds is not None else pair.open
    if prev is not None:
        prev_end = prev.after
        start = max(start, prev_end) if prev_end <= pair.open else start
    return max(start, pair.open - _WINDOW)


def _introduces_next(ctx: Context, pair: Pair, after: After, a_end: int) -> bool:
    """True when the quote ends its sentence and the "cue after it" opens a new sentence
    that goes on as a clause ("…change.” She adds, “What …” / “…” She says it …"): that
    cue belongs to what follows."""
    text = ctx.text
    i = pair.close
    while i > pair.open and text[i - 1] in " \t":
        i -= 1
    if text[i - 1] not in ".!?":
        return False
    toks = tokenize(text, pair.after, a_end)
    if not toks or not toks[0].is_cap:
        return False  # “You winning?” she said, …
    rest = tokenize(text, max(after.cue[1], after.phrase.end), a_end)
    head: list[Token] = []
    for t in rest:
        if t.text == ",":
            break
        head.append(t)
    if any(t.low in ctx.lex.clause_markers or t.low == "that" for t in head):
        return True
    return bool(rest) and rest[-1].text in {",", ":"}


def _only_cue_between(ctx: Context, previous: Candidate, pair: Pair) -> bool:
    """True when only the cue and its speaker (with an appositive or "on Monday") stand
    between the previous quote and this one (“…,” said X, a lawyer for Y. “…”), not a
    new clause introducing this quote ("… She says it underscores that “…”")."""
    start = max(previous.cue[1] if previous.cue else 0,
                previous.phrase.end if previous.phrase else 0)
    toks = tokenize(ctx.text, start, pair.open)
    # a cue word inside a relative clause ("…, a scholar who has written about Iraq. “…”")
    # does not report anything new
    relatives: list[tuple[int, int]] = []
    for t in toks:
        if t.low in _RELATIVES and not (relatives and relatives[-1][1] < 0):
            relatives.append((t.start, -1))
        elif t.text in {".", "!", "?", ";"} and relatives and relatives[-1][1] < 0:
            relatives[-1] = (relatives[-1][0], t.start)
    for m in ctx.lex.cue_re.finditer(ctx.text, start, pair.open):
        k = token_index(toks, m.start())
        if k > 0 and (toks[k - 1].low in _SUBORDINATORS or toks[k - 1].low == "to"):
            continue  # “…,” X said when asked about it. “…” / … failed to show up. “…”
        if k < len(toks) and noun_use(toks, k, ctx.lex):
            continue  # “…,” X said of Trump's remarks. “…”
        verb = ctx.cue_verb(m.start(), m.end())
        if verb is not None and verb.klass in {"evidence", "topic"}:
            continue  # not a verb of speech
        if not any(a <= m.start() and (b < 0 or m.start() < b) for a, b in relatives):
            return False
    return not toks or toks[-1].low != "that"


def _closes_clause(ctx: Context, pair: Pair, a_end: int) -> bool:
    """True when the quote ends its sentence (nothing but punctuation after it)."""
    if pair.close < 0:
        return True
    text = ctx.text
    i = pair.close
    while i > pair.open and text[i - 1] in " \t\n":
        i -= 1
    if text[i - 1] in ".!?…":
        return True
    j = pair.after
    while j < a_end and text[j] in " \t":
        j += 1
    if j < a_end and text[j] in ",;—–":
        return True  # “…”, adding that … / “…”, until …
    following = tokenize(text, j, min(a_end, j + _WORD_REACH))
    if text[i - 1] == "," and following and (
        following[0].low in ctx.lex.conjunctions or following[0].low in ctx.lex.adjunct_openers
    ):
        return True  # “Don't you do it,” until gunshots are heard
    return word_count(text, pair.after, a_end) == 0


def _after_colon(ctx: Context, pair: Pair) -> bool:
    i = pair.open
    while i > 0 and ctx.text[i - 1].isspace():
        i -= 1
    return i > 0 and ctx.text[i - 1] == ":"


def _colon_paragraph(ctx: Context, pair: Pair) -> Cue | None:
    """X said:¶“…”: the cue ends the previous paragraph with a colon."""
    text = ctx.text
    i = pair.open
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0 or text[i - 1] != ":":
        return None
    sent = ctx.sentence(i - 1)
    if sent is None or sent.start > i - 1:
        return None
    return cue_before(ctx, sent.start, i)


def _paragraph_opening(ctx: Context, pair: Pair) -> bool:
    """True when the quote opens its paragraph."""
    text = ctx.text
    i = pair.open
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in LINE_ENDS


def find_direct(ctx: Context, pairs: list[Pair]) -> list[Candidate]:
    """The direct (and mixed) quotes among ``pairs``."""
    text = ctx.text
    out: list[Candidate] = []
    previous: Candidate | None = None  # the candidate made from the previous pair
    prev_pair: Pair | None = None  # the pair it was made from
    last: Candidate | None = None  # the last candidate made
    for k, pair in enumerate(pairs):
        prev = pairs[k - 1] if k else None
        nxt = pairs[k + 1] if k + 1 < len(pairs) else None
        if not has_letters(text, pair.start, pair.end):
            previous = None
            continue
        b_start = _before_start(ctx, pair, prev)
        before = cue_before(ctx, b_start, pair.open, last)
        if before is None and _paragraph_opening(ctx, pair):
            before = _colon_paragraph(ctx, pair)
        if _is_title(ctx, pair) and not (before is not None and _after_colon(ctx, pair)):
            # “Fox News Sunday”, but not: he replied: “No.”; a title in the attribution
            # (“…,” X said on CBS's “60 Minutes.” “…”) does not end the quote
            if previous is None or previous.cue is None or not (
                    previous.cue[1] <= pair.open < previous.cue[1] + _WINDOW
                    and paragraph_break(text, previous.cue[1], pair.open) < 0):
                previous = None
            continue
        after = None
        a_end = _after_end(ctx, pair, nxt) if pair.close >= 0 else pair.end
        if pair.close >= 0:
            after = cue_after(ctx, pair.after, a_end)
            if after is not None and _introduces_next(ctx, pair, after, a_end):
                after = None
        if before is None and after is None:
            before = colon_cue(ctx, pair.open)  # “The minister was blunt: “…”"
        if before is not None and not _closes_clause(ctx, pair, a_end):
            before = None  # X said the plan was “…” and more: reported speech
        cand: Candidate | None = None
        if after is not None:
            lead = ctx.content_start(b_start, pair.open)
            j = pair.open
            while j > lead and text[j - 1] in " \t":
                j -= 1
            inside = before is None and j > lead and text[j - 1].isalnum() and (
                word_count(text, lead, pair.open) > 0)
            if inside or after.extend > 0:
                # quoted words inside a reported clause
                start = lead if inside else pair.open
                end = after.extend if after.extend > 0 else pair.after
                cand = Candidate(start, end, False, after.cue, after.phrase, "mixed")
            else:
                cand = Candidate(pair.start, pair.end, True, after.cue, after.phrase,
                                 "quote-cue")
        elif before is not None:
            cand = Candidate(pair.start, pair.end, True, before[0], before[1], "cue-quote")
        elif previous is not None and previous.cue is not None and prev_pair is not None and (
            prev_pair.close >= 0 and previous.cue[0] > prev_pair.close
            and pair.open - previous.cue[1] < _CONTINUE_GAP
            and paragraph_break(text, previous.cue[1], pair.open) < 0
            and _only_cue_between(ctx, previous, pair)
        ):
            cand = Candidate(pair.start, pair.end, True, previous.cue, previous.phrase,
                             "interrupted", inherit=previous)
        elif previous is not None and prev_pair is prev and prev is not None and (
            prev.recovered and not has_letters(text, prev.end, pair.open)
        ):
            # “… the truth. “We believe …”: a second opener where a closer was missing
            cand = Candidate(pair.start, pair.end, True, previous.cue, previous.phrase,
                             "interrupted", inherit=previous)
        elif last is not None and last.direct and _paragraph_opening(ctx, pair) and (
            word_count(text, pair.start, pair.end) >= _MIN_CONTINUATION_WORDS
            and _within_next_paragraph(ctx, last.end, pair.open)
        ):
            cand = Candidate(pair.start, pair.end, True, last.cue, last.phrase, "continued",
                             inherit=last)
        previous, prev_pair = cand, pair
        if cand is not None:
            out.append(cand)
            last = cand
    return out


def _within_next_paragraph(ctx: Context, end: int, start: int) -> bool:
    """True when ``start`` is in the paragraph right after the one ``end`` is in."""
    first = paragraph_break(ctx.text, end, start)
    if first < 0:
        return True
    j = first + 1
    while j < start and (ctx.text[j] in " \t\r" or ctx.text[j] in LINE_ENDS):
        j += 1
    return paragraph_break(ctx.text, j, start) < 0


def _paragraph_closing(ctx: Context, pair: Pair) -> bool:
    """True when nothing but spaces follows the quote up to the end of its paragraph."""
    text = ctx.text
    i = pair.after
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    return i >= len(text) or text[i] == "\r" or text[i] in LINE_ENDS


def continue_paragraphs(ctx: Context, pairs: list[Pair], found: list[Candidate]
                        ) -> list[Candidate]:
    """Quote paragraphs with no cue right after a paragraph reporting someone's words
    ("Stoltenberg said NATO would stay.¶“We will not leave.”"): the same speaker."""
    ordered = sorted(found, key=lambda c: c.end)
    ends = [c.end for c in ordered]
    out: list[Candidate] = []
    for pair in pairs:
        if pair.close < 0 or not _paragraph_opening(ctx, pair) or (
            not _paragraph_closing(ctx, pair)
            or word_count(ctx.text, pair.start, pair.end) < _MIN_CONTINUATION_WORDS
            or _is_title(ctx, pair)
        ):
            continue
        if any(c.start < pair.end and pair.start < c.end for c in found):
            continue
        i = bisect.bisect_right(ends, pair.open) - 1
        if i < 0:
            continue
        last = ordered[i]
        if last.phrase is not None and _within_next_paragraph(ctx, last.end, pair.open):
            out.append(Candidate(pair.start, pair.end, True, last.cue, last.phrase,
                                 "continued", inherit=last))
    return out + _follow_on(ctx, pairs, found, ordered, ends)


def _follow_on(ctx: Context, pairs: list[Pair], found: list[Candidate],
               ordered: list[Candidate], ends: list[int]) -> list[Candidate]:
    """A quote with no cue making whole sentences right after a sentence reporting
    someone's words in the same paragraph ("Mr. Price said restructuring would be a
    question of strategy. “We don't need the cash.”"): the same speaker."""
    text = ctx.text
    out: list[Candidate] = []
    chain: tuple[Pair, Candidate] | None = None  # the last follow-on, if it was unclosed
    for pair in pairs:
        if word_count(text, pair.start, pair.end) < _MIN_CONTINUATION_WORDS or _is_title(
                ctx, pair) or any(c.start < pair.after and pair.open < c.end for c in found):
            chain = None
            continue
        if chain is not None and not has_letters(text, chain[0].end, pair.open):
            # “… our business. “It's no secret …”: the second opener of an unclosed quote
            cand = Candidate(pair.start, pair.end, True, chain[1].cue, chain[1].phrase,
                             "continued", inherit=chain[1])
            out.append(cand)
            chain = (pair, cand) if pair.recovered else None
            continue
        chain = None
        i = bisect.bisect_right(ends, pair.open) - 1
        if i < 0:
            continue
        last = ordered[i]
        between = text[last.end:pair.open]
        if last.phrase is None or has_letters(text, last.end, pair.open) or (
            not any(ch in ".!?" for ch in between) or any(ch in LINE_ENDS for ch in between)
        ):
            continue  # not the very next sentence of the same paragraph
        if pair.recovered or _ends_sentence(ctx, pair):
            cand = Candidate(pair.start, pair.end, True, last.cue, last.phrase, "continued",
                             inherit=last)
            out.append(cand)
            chain = (pair, cand) if pair.recovered else None
    return out


def _ends_sentence(ctx: Context, pair: Pair) -> bool:
    """True when the quote ends with its sentence (“… the cash.” / “… the cash”.)."""
    text = ctx.text
    i = pair.end
    while i > pair.start and text[i - 1] in " \t":
        i -= 1
    if text[i - 1] in ".!?":
        return True
    j = pair.after
    return j >= len(text) or text[j] in ".!?" or text[j] in LINE_ENDS
