"""Read inputs into :class:`Document` objects, keeping their raw bytes.

Accepted: plain text (``.txt``, ``.text``, ``.md``, or no extension), HTML (``.html``,
``.htm``: main text and metadata through trafilatura) and JSON Lines corpora (``.jsonl``,
``.ndjson``: one record per line with ``text`` and optional ``id``, ``date``, ``url``,
``title``). Paths may be files, directories (read recursively) or globs.

Each input yields either an :class:`Item` (a document and its raw bytes) or an
:class:`~missionwatch.errors.InputError` naming the input and the problem; callers record
the rejection and go on with the batch.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from missionwatch.dates import PartialDate, parse_optional
from missionwatch.document import Document
from missionwatch.errors import (
    BadRecord,
    BinaryInput,
    EmptyInput,
    InputError,
    InvalidDate,
    UndecodableInput,
    UnreadableInput,
)
from missionwatch.ingest.dateline import dateline_date

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES


@dataclass
class Item:
    """A document ready for the pipeline, with the bytes it was read from."""

    document: Document
    raw: bytes


def content_id(raw: bytes) -> str:
    return "d-" + hashlib.sha1(raw).hexdigest()[:16]


def decode(raw: bytes, source: str) -> str:
    """Decode text bytes, refusing binary input. UTF-8 (with or without BOM) and UTF-16
    with a BOM are accepted; other bytes fall back to Windows-1252 only when they contain no
    control characters that text never has."""
    if not raw.strip():
        raise EmptyInput(source)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UndecodableInput(source, str(exc)) from None
    if b"\x00" in raw[:8192]:
        raise BinaryInput(source, "contains NUL bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        controls = sum(1 for b in raw[:8192] if b < 9 or 13 < b < 32)
        if controls:
            raise BinaryInput(source, f"{controls} control bytes in the first 8 KiB") from None
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise UndecodableInput(source, str(exc)) from None


def _date_arg(value: str | None, source: str) -> PartialDate | None:
    try:
        return parse_optional(value)
    except InvalidDate as exc:
        raise InputError(source, f"bad date: {exc}") from None


def _finish(doc: Document, published: PartialDate | None) -> Document:
    """Set the reference date: the argument, else metadata already set, else a dateline."""
    if published is not None:
        doc.published, doc.date_source = published, "argument"
    elif doc.published is None:
        found = dateline_date(doc.text)
        if found is not None:
            doc.published, doc.date_source = found, "dateline"
    if not doc.text.strip():
        raise EmptyInput(doc.origin, "no text after extraction")
    return doc


def read_text(raw: bytes, source: str, published: PartialDate | None = None) -> Item:
    text = decode(raw, source)
    doc = Document(id=content_id(raw), text=text, title=Path(source).stem, origin=source)
    return Item(_finish(doc, published), raw)


def read_html(raw: bytes, source: str, published: PartialDate | None = None) -> Item:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = decode(raw, source)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    # trafilatura returns its own Document object (or a dict with as_dict=True)
    meta: dict[str, Any] = {}
    if isinstance(extracted, dict):
        meta = extracted
    elif extracted is not None:
        meta = extracted.as_dict()
    text = str(meta.get("text") or "")
    if not text.strip():
        raise EmptyInput(source, "no main text found in the HTML")
    doc = Document(id=content_id(raw), text=text, title=str(meta.get("title") or ""),
                   url=str(meta.get("url") or ""), origin=source)
    date = meta.get("date")
    if date:
        try:
            doc.published, doc.date_source = PartialDate.parse(str(date)[:10]), "html"
        except InvalidDate:
            pass
    return Item(_finish(doc, published), raw)


def _record(line: bytes, number: int, source: str, published: PartialDate | None) -> Item:
    where = f"{source}:{number}"
    try:
        data: Any = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadRecord(where, f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadRecord(where, "a record must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str):
        raise BadRecord(where, "no 'text' string")
    if not text.strip():
        raise EmptyInput(where, "empty 'text'")
    record_id = data.get("id")
    doc = Document(
        id=str(record_id) if record_id not in (None, "") else content_id(line),
        text=text, title=str(data.get("title") or ""),
        url=str(data.get("url") or data.get("source_url") or ""), origin=where,
        meta={k: v for k, v in data.items() if k not in {"text"} and _scalar(v)},
    )
    date = data.get("date") or data.get("published")
    if isinstance(date, str) and date.strip():
        doc.published, doc.date_source = _date_arg(date[:10], where), "metadata"
    return Item(_finish(doc, published), line)


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None


def read_jsonl(lines: Iterable[bytes], source: str,
               published: PartialDate | None = None) -> Iterator[Item | InputError]:
    """Records of a JSON Lines corpus, read one line at a time (memory stays flat)."""
    empty = True
    for number, line in enumerate(lines, start=1):
        line = line.rstrip(b"\r\n")
        if not line.strip():
            continue
        empty = False
        try:
            yield _record(line, number, source, published)
        except InputError as exc:
            yield exc
    if empty:
        yield EmptyInput(source)


def expand(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Files named by ``paths`` (files, directories recursively, globs), in order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        elif any(ch in name for ch in "*?["):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield UnreadableInput(name, "no file matches this pattern")
            yield from (Path(m) for m in matches if Path(m).is_file())
        else:
            yield UnreadableInput(name, "no such file or directory")


def read(paths: Iterable[str], published: str | None = None) -> Iterator[Item | InputError]:
    """Read every input; yield documents and, for bad inputs, the error (never raise)."""
    when = _date_arg(published, "--published") if published else None
    for entry in expand(paths):
        if isinstance(entry, InputError):
            yield entry
            continue
        source = str(entry)
        suffix = entry.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                with entry.open("rb") as handle:
                    yield from read_jsonl(handle, source, when)
                continue
            raw = entry.read_bytes()
        except OSError as exc:
            yield UnreadableInput(source, exc.strerror or str(exc))
            continue
        try:
            if suffix in HTML_SUFFIXES:
                yield read_html(raw, source, when)
            else:
                yield read_text(raw, source, when)
        except InputError as exc:
            yield exc
