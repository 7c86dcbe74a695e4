import json

import pytest

from missionwatch.errors import BadRecord, BinaryInput, EmptyInput, InputError, UnreadableInput
from missionwatch.ingest.readers import Item, read


def _read(tmp_path, name, data, **kwargs):
    path = tmp_path / name
    path.write_bytes(data)
    return list(read([str(path)], **kwargs))


def test_text_file_keeps_raw_bytes_and_published_argument(tmp_path):
    raw = "Caf\u00e9 talks: NATO said on Friday…\n".encode()
    [item] = _read(tmp_path, "a.txt", raw, published="2020-02-13")
    assert isinstance(item, Item)
    assert item.raw == raw
    assert item.document.text == raw.decode()
    assert item.document.published.iso() == "2020-02-13"
    assert item.document.date_source == "argument"


def test_dateline_sets_the_reference_date(tmp_path):
    [item] = _read(tmp_path, "r.txt", b"KABUL, Afghanistan (Jan. 25, 2013)\nAn Afghan force...")
    assert item.document.published.iso() == "2013-01-25"
    assert item.document.date_source == "dateline"


def test_no_date_is_left_for_inference(tmp_path):
    [item] = _read(tmp_path, "n.txt", b"NATO said it would resume training.")
    assert item.document.published is None
    assert item.document.date_source == "none"


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.txt", b"", EmptyInput),
        ("blank.txt", b"  \n\n ", EmptyInput),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
        ("controls.txt", b"\xff\xd8\xff\xe0\x01\x02\x03 JFIF", BinaryInput),
    ],
)
def test_bad_inputs_are_named_errors(tmp_path, name, data, error):
    [result] = _read(tmp_path, name, data)
    assert isinstance(result, error)
    assert name in str(result)


def test_missing_path_is_reported_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("NATO met in Brussels.")
    results = list(read([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(results[0], UnreadableInput)
    assert "missing.txt" in str(results[0])
    assert isinstance(results[1], Item)


def test_windows_1252_text_is_decoded(tmp_path):
    [item] = _read(tmp_path, "w.txt", "NATO\u2019s mission".encode("cp1252"))
    assert item.document.text == "NATO\u2019s mission"


def test_jsonl_records_in_order_with_ids_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": "NATO met.", "date": "2020-02-12", "title": "T1"}),
        "{not json",
        json.dumps({"id": "r3", "text": ""}),
        json.dumps({"id": "r4", "body": "no text field"}),
        json.dumps({"text": "No id here.", "url": "https://example.org/x"}),
    ]
    results = _read(tmp_path, "c.jsonl", ("\n".join(lines) + "\n").encode())
    assert [type(r).__name__ for r in results] == ["Item", "BadRecord", "EmptyInput", "BadRecord", "Item"]
    first, bad = results[0], results[1]
    assert first.document.id == "r1" and first.document.published.iso() == "2020-02-12"
    assert first.document.date_source == "metadata"
    assert isinstance(bad, BadRecord) and "c.jsonl:2" in str(bad)
    assert results[4].document.id.startswith("d-")
    assert results[4].document.url == "https://example.org/x"


def test_html_main_text_and_metadata(tmp_path):
    html = (
        b"<html><head><title>NATO to expand Iraq mission</title>"
        b'<meta property="article:published_time" content="2020-02-13T10:00:00Z"></head>'
        b"<body><nav>Home | World | Sport</nav><article><h1>NATO to expand Iraq mission</h1>"
        b"<p>NATO Secretary General Jens Stoltenberg said NATO was ready to expand its military "
        b"training efforts in Iraq, but the Iraqi government had not yet approved the move.</p>"
        b"<p>The NATO-led training mission in Iraq was launched in 2018.</p></article>"
        b"<footer>Copyright 2020 Example News</footer></body></html>"
    )
    [item] = _read(tmp_path, "a.html", html)
    doc = item.document
    assert "ready to expand" in doc.text
    assert "Copyright" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "NATO to expand Iraq mission"
    assert doc.published.iso() == "2020-02-13" and doc.date_source == "html"
    assert item.raw == html


def test_directory_and_glob_expansion(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("NATO met.")
    (tmp_path / "sub" / "b.txt").write_text("The EU met.")
    (tmp_path / "sub" / "skip.bin").write_bytes(b"\x00\x01")
    assert len([r for r in read([str(tmp_path / "sub")]) if isinstance(r, Item)]) == 2
    assert len(list(read([str(tmp_path / "sub" / "*.txt")]))) == 2
    [none] = list(read([str(tmp_path / "nothing-*.txt")]))
    assert isinstance(none, InputError)


def test_bad_published_argument_is_an_error(tmp_path):
    with pytest.raises(InputError, match="--published"):
        list(read([str(tmp_path)], published="13/02/2020"))
