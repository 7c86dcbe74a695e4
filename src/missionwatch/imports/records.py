"""Stream a CSV dataset file as records, each with its exact text, offsets and line number.

The file is stored as the provenance of every figure imported from it, but not as one
document: it is cut, at record boundaries, into *part* documents of about
:data:`PART_CHARS` characters (``<file id>.0``, ``<file id>.1``, …; the file id is the
hash of its bytes). A claim cites the part that holds its row, with offsets into that
part's text, so ``store.document(part).text[start:end]`` is the row. Holding one part at a
time keeps an import's memory flat however large the file is; the parts' raw bytes, in
order, are the file's bytes.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from missionwatch.document import Document
from missionwatch.errors import EmptyInput, UndecodableInput, UnreadableInput

PART_CHARS = 1 << 20  # characters per part document (cut at the next record boundary)
_BOM = b"\xef\xbb\xbf"
_HASH_CHUNK = 1 << 20


@dataclass(slots=True)
class Record:
    """One CSV record: its fields and where it is, in the file and in its part document."""

    line: int  # 1-based line number of the record's first line in the file
    part: str  # id of the part document that holds it
    start: int  # offsets into that part's text
    end: int
    text: str  # the record as written, without its line terminator
    fields: list[str]


@dataclass
class Part:
    """A closed part document and the bytes it was read from."""

    document: Document
    raw: bytes


@dataclass(frozen=True)
class FileInfo:
    """A dataset file's identity: ``id`` is ``d-`` and the first 16 hex digits of its SHA-1."""

    path: Path
    id: str
    sha1: str
    size: int
    bom: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.path.name, "sha1": self.sha1, "bytes": self.size}


def file_info(path: str | Path) -> FileInfo:
    """Hash the file in chunks (its id must be known before the first claim is made)."""
    file = Path(path)
    digest = hashlib.sha1()
    size = 0
    try:
        with file.open("rb") as handle:
            head = handle.read(len(_BOM))
            digest.update(head)
            size += len(head)
            while chunk := handle.read(_HASH_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or str(exc)) from exc
    if size == 0:
        raise EmptyInput(str(path))
    hexdigest = digest.hexdigest()
    return FileInfo(file, "d-" + hexdigest[:16], hexdigest, size, head == _BOM)


class _Lines:
    """The file's physical lines, remembering those the CSV reader took for a record."""

    __slots__ = ("_lines", "taken")

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line


@dataclass
class DatasetReader:
    """Read ``info.path`` as CSV: :attr:`header` first, then :meth:`records`.

    ``records`` yields :class:`Record` objects and, after the last record of each part,
    the :class:`Part` (whose ``document.meta`` the caller may extend before storing it).
    """

    info: FileInfo
    dataset: str
    part_chars: int = PART_CHARS
    header: list[str] = field(default_factory=list)
    header_text: str = ""

    def records(self) -> Iterator[Record | Part]:
        source = str(self.info.path)
        try:
            with self.info.path.open(encoding="utf-8-sig", newline="") as handle:
                yield from self._read(handle)
        except UnicodeDecodeError as exc:
            raise UndecodableInput(source, f"not UTF-8: {exc.reason}") from exc
        except csv.Error as exc:
            raise UndecodableInput(source, f"not CSV: {exc}") from exc

    def _read(self, handle: Any) -> Iterator[Record | Part]:
        lines = _Lines(iter(handle))
        reader = csv.reader(lines)
        taken = lines.taken
        chunks: list[str] = []  # the current part's text
        index, offset, length, first_line, line = 0, 0, 0, 1, 0
        part = self._part_id(index)
        for fields in reader:
            raw = taken[0] if len(taken) == 1 else "".join(taken)
            taken.clear()
            text = raw.rstrip("\r\n")
            record_line = line + 1
            line = reader.line_num
            if not self.header_text:
                self.header, self.header_text = fields, text
            else:
                yield Record(record_line, part, length, length + len(text), text, fields)
            chunks.append(raw)
            length += len(raw)
            if length >= self.part_chars:
                yield self._part(index, chunks, offset, first_line, line)
                index, offset, first_line = index + 1, offset + length, line + 1
                chunks, length = [], 0
                part = self._part_id(index)
        if chunks or index == 0:
            yield self._part(index, chunks, offset, first_line, line)

    def _part_id(self, index: int) -> str:
        return f"{self.info.id}.{index}"

    def _part(self, index: int, chunks: list[str], offset: int, first: int, last: int) -> Part:
        text = "".join(chunks)
        raw = text.encode("utf-8")
        if index == 0 and self.info.bom:
            raw = _BOM + raw
        meta: dict[str, Any] = {
            "dataset": self.dataset, "dataset_file": self.info.to_dict(), "part": index,
            "offset": offset, "first_line": first, "last_line": last,
            "header": self.header_text,
        }
        doc = Document(id=self._part_id(index), text=text,
                       title=f"{self.info.path.name} [part {index + 1}]",
                       origin=str(self.info.path), meta=meta)
        return Part(doc, raw)
