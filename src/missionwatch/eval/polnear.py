"""Reader for PolNeAR (Newell, Margolin & Ruths, LREC 2018): political news articles with
gold attribution relations in brat standoff format.

Layout (``../shared/data/polnear-attribution/``)::

    <split>/text/<article>.txt
    <split>/attributions/<article>_<annotator>.ann

An ``.ann`` file holds text-bound spans (``T3<TAB>Content 315 448;463 553<TAB>…``, fragments
separated by ``;``) and events tying them together
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). Some articles were annotated by
several annotators; :func:`load_split` keeps the first annotation file in sorted order so
that every article counts once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One gold attribution relation: content, cue and (optional) source fragments."""

    content: Fragments
    cue: Fragments
    source: Fragments = ()


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


def _fragments(spec: str) -> Fragments:
    out: list[tuple[int, int]] = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(sorted(out))


def parse_ann(text: str) -> list[Attribution]:
    """The attribution events of one ``.ann`` file."""
    spans: dict[str, Fragments] = {}
    events: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        ident, body = parts[0], parts[1]
        if ident.startswith("T"):
            kind, _, spec = body.partition(" ")
            if kind in {"Content", "Cue", "Source", "Attribution", "Attribution-no-source"}:
                spans[ident] = _fragments(spec)
        elif ident.startswith("E"):
            args: list[tuple[str, str]] = []
            for arg in body.split():
                role, sep, ref = arg.partition(":")
                if sep:
                    args.append((role, ref))
            events.append(args)
    out: list[Attribution] = []
    for event in events:
        content: list[tuple[int, int]] = []
        cue: Fragments = ()
        source: Fragments = ()
        for role, ref in event:
            frags = spans.get(ref, ())
            if role.startswith("Content"):
                content.extend(frags)
            elif role == "Cue":
                cue = frags
            elif role == "Source":
                source = frags
        if content:
            out.append(Attribution(tuple(sorted(content)), cue, source))
    return out


def load_split(data_dir: Path, split: str) -> list[Article]:
    """The articles of ``split`` (``dev`` or ``test``) with one annotator's attributions each."""
    folder = data_dir / split
    articles: list[Article] = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        attributions = parse_ann(anns[0].read_text(encoding="utf-8"))
        articles.append(Article(text_path.stem, text, attributions))
    return articles
