"""Who said what: direct quotes and reported speech with their cues and speakers.

The pieces, in the order :func:`extract_quotes` uses them:

* :mod:`.marks` pairs quotation marks (straight, curly, ````…''``, nested, over
  paragraphs, unbalanced);
* :mod:`.direct` keeps the quoted stretches that have a cue and speaker next to them
  (:mod:`.cues`; a colon or a speaker label, :mod:`.labels`), or continue a quote that
  has; :mod:`.transcript` reads "NAME: …" lines;
* :mod:`.indirect` finds reported speech around the other speech cues, with what each
  verb takes after it from :mod:`.complements`;
* :mod:`.speakers` (backwards) and :mod:`.forward` read the speaker phrase next to a cue
  (:mod:`.phrases`), and :mod:`.resolve` turns it into a speaker (mentions first, then
  names, pronouns and roles in document order) and its type: person, organisation,
  document or unnamed.

The word lists (speech verbs and their complements, titles, role nouns, document nouns,
pronouns) are data: ``missionwatch/data/speech.yaml``, loaded by :mod:`.lexicon`.
"""

from __future__ import annotations

from missionwatch.document import Document, Quote
from missionwatch.extract.quotes.context import Candidate, Context
from missionwatch.extract.quotes.direct import continue_paragraphs, find_direct
from missionwatch.extract.quotes.indirect import find_indirect
from missionwatch.extract.quotes.lexicon import lexicon
from missionwatch.extract.quotes.marks import pair_marks
from missionwatch.extract.quotes.resolve import Resolver, Speaker
from missionwatch.extract.quotes.transcript import find_transcript

__all__ = ["extract_quotes"]


def _resolve(doc: Document, cands: list[Candidate], ctx: Context) -> None:
    resolver = Resolver(doc, ctx.lex)
    for cand in sorted(cands, key=lambda c: (c.pos, c.start)):
        if cand.inherit is not None and cand.inherit.speaker is not None and (
            cand.phrase is None or cand.phrase is cand.inherit.phrase
        ):
            cand.speaker = cand.inherit.speaker
        elif cand.phrase is not None:
            cand.speaker = resolver.resolve(cand.phrase, cand.pos)


def _quote(doc: Document, cand: Candidate) -> Quote:
    sp: Speaker | None = cand.speaker
    return Quote(
        start=cand.start, end=cand.end, text=doc.text[cand.start:cand.end], direct=cand.direct,
        cue=doc.span(*cand.cue) if cand.cue else None,
        speaker=sp.name if sp else "", speaker_entity=sp.entity if sp else "",
        speaker_span=sp.span if sp else None,
        speaker_type=sp.source_type if sp else "unnamed",
    )


def extract_quotes(doc: Document) -> list[Quote]:
    """The statements of ``doc`` (whose sentences are split), in text order."""
    ctx = Context(doc, lexicon())
    pairs = pair_marks(doc.text, skip=lambda i: not ctx.is_body(i))
    direct = find_direct(ctx, pairs)
    quoted = [(p.start, p.end) for p in pairs]
    direct += [c for c in find_transcript(ctx, quoted)
               if not any(d.start < c.end and c.start < d.end for d in direct)]
    indirect = find_indirect(ctx, quoted, direct)
    direct += continue_paragraphs(ctx, pairs, direct + indirect)
    direct_spans = [(c.start, c.end) for c in direct]
    indirect = [c for c in indirect
                if not any(a < c.end and c.start < b and c.pos >= a for a, b in direct_spans)]
    cands = direct + indirect
    _resolve(doc, cands, ctx)
    cands.sort(key=lambda c: (c.start, c.end))
    return [_quote(doc, c) for c in cands]
