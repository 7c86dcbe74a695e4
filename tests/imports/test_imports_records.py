"""Streaming CSV records: exact text, offsets into part documents, line numbers, raw bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionwatch.imports.records import DatasetReader, Part, Record, file_info

CASES = [
    # (file bytes, part size in characters)
    (b"a,b\n1,2\n3,4\n", 1 << 20),
    (b"a,b\r\n1,2\r\n3,4\r\n", 4),  # CRLF, a part per record
    (b"\xef\xbb\xbfa,b\n1,2\n", 1 << 20),  # a byte-order mark
    (b'a,b\n"x\ny",2\n3,"C\xc3\xb4te d\'Ivoire"\n', 6),  # a quoted newline, non-ASCII
    (b"a,b\n1,2", 1 << 20),  # no final newline
]


def _read(tmp_path: Path, data: bytes, part_chars: int) -> tuple[list[Record], list[Part]]:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    reader = DatasetReader(file_info(path), "test", part_chars=part_chars)
    items = list(reader.records())
    assert reader.header == ["a", "b"]
    return ([i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Part)])


@pytest.mark.parametrize(("data", "part_chars"), CASES)
def test_parts_rebuild_the_file_and_records_point_into_them(
        tmp_path: Path, data: bytes, part_chars: int) -> None:
    records, parts = _read(tmp_path, data, part_chars)
    assert b"".join(p.raw for p in parts) == data
    texts = {p.document.id: p.document.text for p in parts}
    for record in records:
        assert texts[record.part][record.start:record.end] == record.text
        assert not record.text.endswith(("\n", "\r"))
    assert [p.document.meta["part"] for p in parts] == list(range(len(parts)))


def test_line_numbers_count_physical_lines(tmp_path: Path) -> None:
    records, _ = _read(tmp_path, b'a,b\n"x\ny",2\n3,4\n', 1 << 20)
    assert [(r.line, r.fields) for r in records] == [(2, ["x\ny", "2"]), (4, ["3", "4"])]


def test_part_ids_derive_from_the_file_hash(tmp_path: Path) -> None:
    _, parts = _read(tmp_path, b"a,b\n1,2\n3,4\n", 8)
    info = file_info(tmp_path / "t.csv")
    assert [p.document.id for p in parts] == [f"{info.id}.{i}" for i in range(len(parts))]
    assert all(p.document.meta["dataset_file"]["sha1"] == info.sha1 for p in parts)
