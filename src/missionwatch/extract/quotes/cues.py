"""Which cue and speaker sit next to a quoted stretch.

* after the closing mark: “…,” said X / “…,” X said / “…,” X, the <title>, said /
  “…,” X told reporters / “…,” according to X / “…” ― Name (also with odd spacing:
  ``, ”said Stoltenberg``); a clause running on past the mark up to ", X said" is kept;
* before the opening mark: X said: “…” / X said that “…” / X told reporters, “…” /
  according to X, “…” / Said X: “…” / …, adding: “…” (the subject of the sentence) /
  X said of the plan, “…”;
* a colon with no speech verb: "The minister was blunt: “…”" (the subject of the
  sentence, when it names a speaker) or a label "Sen. Mike Crapo: “…”" (:mod:`labels`).

"called (for)", "cited" and the like never introduce quoted words; "found"/"shows" only
for a document or body.
"""

from __future__ import annotations

from typing import NamedTuple

from missionwatch.extract.quotes.context import Candidate, Context, noun_use, token_index
from missionwatch.extract.quotes.labels import label_cue
from missionwatch.extract.quotes.lexicon import Verb
from missionwatch.extract.quotes.speakers import (
    NAME_LINKS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    Phrase,
    document_like,
    np_after,
    np_before,
    sentence_subject,
)
from missionwatch.extract.quotes.tokens import Token, tokenize

_LEAD_PUNCT = frozenset({",", "—", "–", "-", "…", ";"})
_DASHES = frozenset({"―", "—", "–", "-"})
_TAIL_PUNCT = frozenset({",", ":", "—", "–", "(", ")"})
_TAIL_END = frozenset({",", ":", "—", "–"})
_SENTENCE_STOPS = frozenset({".", "!", "?", ";"})
_MAX_LEAD = 5
_MAX_TAIL = 14
_MAX_MODIFIERS = 3
_MAX_NAME_LEAD = 10
_MAX_APPOSITIVE = 30
_MIN_COLON_WORDS = 3
_MAX_TOPIC = 8
_TOPIC_PREPOSITIONS = frozenset({"of", "about", "regarding", "on", "concerning"})
_RELATIVES = frozenset({"who", "which", "whose", "whom", "that"})
_CUE_REACH = 45
_COMPLEMENT_REACH = 8
_PARTICIPLE = "ing"

Cue = tuple[tuple[int, int], Phrase]


def _dash_attribution(ctx: Context, toks: list[Token]) -> Cue | None:
    """“…” ― Sonya Herridge: a name after a dash, alone to the end of the line."""
    if not toks or toks[0].text not in _DASHES:
        return None
    phrase = np_after(toks, 1, ctx.lex, ctx.text)
    if phrase is None or phrase.kind != "name":
        return None
    rest = toks[token_index(toks, phrase.end):]
    if any(t.is_word for t in rest) or "\n" in ctx.text[toks[0].start:phrase.start]:
        return None
    return (toks[0].start, toks[0].end), phrase


class After(NamedTuple):
    """A cue after a closing mark; ``extend`` > 0 when the quoted clause runs on past the
    mark up to the comma before the speaker (“…” of the plans, Mr. X said)."""

    cue: tuple[int, int]
    phrase: Phrase
    extend: int = -1


def cue_after(ctx: Context, start: int, end: int) -> After | None:
    """A cue and speaker right after a closing mark."""
    toks = tokenize(ctx.text, start, end)
    dash = _dash_attribution(ctx, toks)
    if dash is not None:
        return After(*dash)
    i = 0
    while i < len(toks) and i < 2 and toks[i].text in _LEAD_PUNCT:
        i += 1
    if i >= len(toks):
        return None
    lex, text = ctx.lex, ctx.text
    m = lex.cue_re.match(text, toks[i].start, end)
    if m:
        verb = ctx.cue_verb(m.start(), m.end())
        if verb is not None and (verb.inversion or verb.klass == "according"):
            phrase = np_after(toks, token_index(toks, m.end()), lex, text)
            k = token_index(toks, phrase.end) if phrase is not None else len(toks)
            if phrase is not None and (
                (k < len(toks) and toks[k].low in _RELATIVES)  # “…” said a message that …
                or not has_complement(toks, k, ctx)
            ):
                return After((m.start(), m.end()), phrase)
    reach = toks[min(i + _CUE_REACH, len(toks) - 1)].end
    for m in lex.cue_re.finditer(text, toks[i].start, reach):
        ci = token_index(toks, m.start())
        if ci <= i or noun_use(toks, ci, ctx.lex):
            continue
        if toks[ci - 1].text == "," and ci - 1 > i:
            inverted = _inverted_after_clause(ctx, toks, i, ci, m.start(), m.end())
            if inverted is not None:
                return inverted  # “It's high time” the boy went home, said X.
        phrase = np_before(toks, ci - 1, lex, text, floor=i)
        if phrase is None:
            return None
        verb = ctx.cue_verb(m.start(), m.end())
        if verb is not None and not _introduces_quotes(verb, phrase, ctx):
            return None
        if has_complement(toks, token_index(toks, m.end()), ctx):
            return None  # “Fox News Sunday,” Pence said his running mate … (a new report)
        p_at = token_index(toks, phrase.start)
        lead = toks[i:p_at]
        if (len(lead) <= _MAX_LEAD and not any(
            not t.is_word or t.low in lex.clause_markers or t.low in lex.verbs
            or t.low in lex.pronouns for t in lead
        )) or _name_modifiers(lead, ctx):
            return After((m.start(), m.end()), phrase)  # "Tulsa police Chief X said"
        comma = _comma_before_subject(toks, i, p_at, ctx)
        if comma > i and not any(
            t.low in lex.verbs or t.text in _SENTENCE_STOPS for t in toks[i:comma]
        ):
            return After((m.start(), m.end()), phrase, toks[comma].start)
        return None
    return None


def _introduces_quotes(verb: Verb, phrase: Phrase, ctx: Context) -> bool:
    """Whether a cue of ``verb`` with subject ``phrase`` may attribute quoted words: not
    "called (for)", "cited", and "found"/"shows" only for a document or body ("the report
    found")."""
    if verb.klass == "topic":
        return False
    return verb.klass != "evidence" or document_like(phrase, ctx.lex)


def _inverted_after_clause(ctx: Context, toks: list[Token], i: int, ci: int, c0: int,
                           c1: int) -> After | None:
    """“…” the clause runs on, said X.: an inverted cue after a comma ending the quoted
    clause's continuation (no verb of speech or sentence end before it)."""
    lex, text = ctx.lex, ctx.text
    verb = ctx.cue_verb(c0, c1)
    if verb is None or not verb.inversion:
        return None
    phrase = np_after(toks, token_index(toks, c1), lex, text)
    if phrase is None or phrase.kind == "pronoun" or has_complement(
            toks, token_index(toks, phrase.end), ctx):
        return None
    if any(t.low in lex.verbs or t.text in _SENTENCE_STOPS for t in toks[i:ci - 1]):
        return None
    return After((c0, c1), phrase, toks[ci - 1].start)


def _name_modifiers(lead: list[Token], ctx: Context) -> bool:
    """True when ``lead`` only modifies the name after it: capitalised words, titles and
    links ("Australians for a Constitutional Monarchy executive director | Kerry Jones")."""
    lex = ctx.lex
    return 0 < len(lead) <= _MAX_NAME_LEAD and lead[0].is_cap and all(
        t.is_word and (t.is_cap or t.low in NAME_LINKS or t.low in lex.titles
                       or t.low in lex.role_nouns or t.low in {"a", "an"})
        and t.low not in lex.verbs for t in lead)


def _comma_before_subject(toks: list[Token], i: int, p_at: int, ctx: Context) -> int:
    """The index of the comma before the subject starting at ``toks[p_at]``, over up to
    ``_MAX_MODIFIERS`` lower-case modifiers ("…, police spokesman Capt. X said"), or -1."""
    lex = ctx.lex
    k = p_at - 1
    while k > i and p_at - k <= _MAX_MODIFIERS and toks[k].is_word and not toks[k].is_cap and (
        toks[k].low not in lex.verbs and toks[k].low not in lex.clause_markers
        and toks[k].low not in lex.pronouns and toks[k].low not in lex.conjunctions
        and toks[k].low not in PREPOSITIONS
    ):
        k -= 1
    return k if k > i and toks[k].text == "," else -1


def has_complement(toks: list[Token], k: int, ctx: Context) -> bool:
    """True when the cue at ``toks[k-1]`` has its own reported clause after it."""
    lex = ctx.lex
    if k >= len(toks):
        return False
    first = toks[k]
    if first.low == "that":
        return True
    if not first.is_word or first.low in PREPOSITIONS or first.low in lex.time_words or (
        first.low in lex.audience or first.low in lex.settings or first.low in OBJECT_PRONOUNS
        or first.low in lex.adjunct_openers  # "replied when asked whether he would …"
    ):
        return False
    return any(t.low in lex.clause_markers for t in toks[k + 1:k + _COMPLEMENT_REACH])


def _setting_word(t: Token, ctx: Context) -> bool:
    """A word that may stand between a cue and its quote ("in a statement on Monday")."""
    lex = ctx.lex
    return t.is_cap or t.text.isdigit() or t.low in lex.audience or t.low in lex.time_words or (
        t.low in PREPOSITIONS or t.low in lex.role_determiners or t.low in lex.settings
        or t.low in OBJECT_PRONOUNS)


def _tail_ok(tail: list[Token], verb: Verb, ctx: Context) -> bool:
    """The words between a cue and an opening mark: "", ":", "that", "in a statement,",
    "told reporters"."""
    if len(tail) > _MAX_TAIL:
        return False
    if not tail:
        return True
    lex = ctx.lex
    if tail[0].low in _TOPIC_PREPOSITIONS and tail[-1].text in _TAIL_END and (
        len(tail) <= _MAX_TOPIC and not any(
            t.low in lex.verbs or t.low in lex.clause_markers or t.low in _RELATIVES
            or t.text in _SENTENCE_STOPS for t in tail)
    ):
        return True  # "said of the museum, “…”", "told reporters about Trump: “…”"
    for t in tail:
        if not t.is_word:
            if t.text not in _TAIL_PUNCT:
                return False
        elif t.low in lex.clause_markers or not _setting_word(t, ctx):
            return False
    if tail[-1].text in _TAIL_END or tail[-1].low == "that":
        return True
    return verb.klass == "object"


def _appositive_tail(tail: list[Token], ctx: Context) -> bool:
    """", chief investment officer of Republic National Bank:" after "Says X": an
    appositive (no verb, no clause) closed by a colon or comma before the quote."""
    lex = ctx.lex
    if len(tail) < 3 or tail[0].text != "," or tail[-1].text not in {":", ","}:
        return False
    return len(tail) <= _MAX_APPOSITIVE and not any(
        t.low in lex.verbs or t.low in lex.clause_markers or t.text in _SENTENCE_STOPS
        or t.low in _RELATIVES for t in tail)


def cue_before(ctx: Context, start: int, end: int, previous: Candidate | None = None
                ) -> Cue | None:
    """A speaker and cue right before an opening mark."""
    lex, text = ctx.lex, ctx.text
    matches = list(lex.cue_re.finditer(text, start, end))
    if not matches:
        return None
    toks = tokenize(text, start, end)
    m = matches[-1]
    ci = token_index(toks, m.start())
    if noun_use(toks, ci, ctx.lex):
        return None
    after = token_index(toks, m.end())
    verb = ctx.cue_verb(m.start(), m.end())
    if verb is None:
        return None
    if verb.klass == "according":
        phrase = np_after(toks, after, lex, text)
        if phrase is None:
            return None
        rest = toks[token_index(toks, phrase.end):]
        if all(not t.is_word for t in rest):
            return (m.start(), m.end()), phrase
        return None
    if m.group()[0].isupper() and verb.inversion:
        # "Said Ellis: “…”"
        phrase = np_after(toks, after, lex, text)
        tail = toks[token_index(toks, phrase.end) if phrase else 0:]
        if phrase is None or not (_tail_ok(tail, verb, ctx) or _appositive_tail(tail, ctx)):
            return None
        return (m.start(), m.end()), phrase
    if not _tail_ok(toks[after:], verb, ctx):
        return None
    phrase = np_before(toks, ci - 1, lex, text)
    coordinated = ci > 0 and toks[ci - 1].low in {"and", "but"}
    if phrase is None and (m.group().endswith(_PARTICIPLE) or coordinated):
        # "…, adding: “…”" takes the subject of an earlier cue in the sentence, or the
        # sentence's subject ("He then defended the remark, saying, “…”")
        for earlier in reversed(matches[:-1]):
            phrase = np_before(toks, token_index(toks, earlier.start()) - 1, lex, text)
            if phrase is not None:
                break
        sent = ctx.sentence(m.start())
        if phrase is None and previous is not None and previous.cue is not None and (
            sent is not None and sent.start <= previous.cue[0] < m.start()
        ):
            phrase = previous.phrase  # “…,” Blige sings to Clinton before asking her, “…”
        if phrase is None and sent is not None:
            phrase = sentence_subject(tokenize(text, sent.start, m.start()), lex, text)
    if phrase is None or not _introduces_quotes(verb, phrase, ctx):
        return None
    return (m.start(), m.end()), phrase


def colon_cue(ctx: Context, open_at: int) -> Cue | None:
    """A quote introduced by a colon with no speech verb ("The minister was blunt: “…”",
    "Sanders made the following comment:¶“…”"): the colon is the cue and the subject of
    its sentence (a name, pronoun or role noun) the speaker."""
    text, lex = ctx.text, ctx.lex
    i = open_at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0 or text[i - 1] != ":":
        return None
    colon = i - 1
    if ctx.is_body(colon):
        label = label_cue(ctx, colon)  # "Sen. Mike Crapo: “…”"
        if label is not None:
            return label
    bounds = ctx.bounds(colon)
    if bounds is None or bounds[2].role != "body":
        return None
    toks = tokenize(text, bounds[0], colon)
    if sum(1 for t in toks if t.is_word) < _MIN_COLON_WORDS or toks[0].low in lex.labels:
        return None  # "Pence: …" is a transcript line, "Update: …" a label
    phrase = sentence_subject(toks, lex, text)
    if phrase is None:
        return None
    head = phrase.tokens[-1].lower()
    if phrase.kind == "role" and head not in lex.role_nouns and head not in lex.org_words:
        return None  # "The challenge of transparency is exemplified by this finding:"
    words = [t for t in toks if t.is_word]
    if phrase.kind == "name" and phrase.start == words[0].start and not ctx.names_entity(
            phrase.start, phrase.end):
        return None  # "Partial transcript as follows:" (capitalised as the sentence's start)
    return (colon, colon + 1), phrase
