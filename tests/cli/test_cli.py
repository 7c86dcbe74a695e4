"""The command line, end to end on a real SQLite file."""

import json

import pytest
from click.testing import CliRunner

from missionwatch.cli import main


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "m.sqlite")

    def invoke(*args, db_arg=True):
        argv = [*args, "--db", db] if db_arg else list(args)
        return CliRunner().invoke(main, argv, catch_exceptions=False)

    return invoke


def lines(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_demo_prints_the_nmi_record_with_sources(run):
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert "NATO Mission Iraq as of 2020-02-14" in result.stdout
    assert "suspended" in result.stdout and "since 2020-01" in result.stdout
    assert "pending" in result.stdout and "no-increase" in result.stdout


def test_demo_json_state(run):
    [state] = lines(run("demo", "--json"))
    assert state["mission"]["id"] == "mission:nmi"
    assert state["status"]["value"] == "suspended"
    assert state["status"]["since"] == "2020-01"
    assert "suspended last month" in state["status"]["source"]["text"]
    consent = {(c["value"], c["qualifiers"].get("concerning")) for c in state["consent"]}
    assert ("pending", "expansion") in consent
    assert ("invited", None) in consent
    assert {m["value"] for m in state["mandate"]} >= {"non-combat"}
    assert state["cap"]["value"] == "no-increase"
    assert any(p["kind"] == "mission.transfer" for p in state["plans"])


def test_ingest_is_idempotent_and_reports_bad_inputs(run, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("NATO suspended its training mission in Iraq last month.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    first = run("ingest", str(good), str(empty), str(binary), "--published", "2020-02-13", "--json")
    assert first.exit_code == 0
    report = json.loads(first.stdout)
    assert report["documents"] == 1 and report["claims"] >= 1
    assert {r["error"] for r in report["rejections"]} == {"EmptyInput", "BinaryInput"}
    assert "empty.txt" in first.stderr and "img.txt" in first.stderr
    claims_before = lines(run("claims", "--json"))
    again = json.loads(run("ingest", str(good), "--published", "2020-02-13", "--json").stdout)
    assert again["documents"] == 0 and again["unchanged"] == 1 and again["claims"] == 0
    assert lines(run("claims", "--json")) == claims_before


def test_ingest_of_only_bad_input_fails(run, tmp_path):
    result = run("ingest", str(tmp_path / "missing.txt"))
    assert result.exit_code != 0
    assert "missing.txt" in result.stderr and "no such file" in result.stderr


def test_extract_json_one_object_per_record_in_order(run, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in [
        {"id": "b", "text": "NATO will resume its training mission in Iraq on Friday.", "date": "2020-02-13"},
        {"id": "a", "text": "MINUSMA ended its operations in Mali in December 2023.", "date": "2024-01-10"},
    ]) + "\n", encoding="utf-8")
    result = run("extract", str(corpus), "--json", db_arg=False)
    assert result.exit_code == 0
    docs = lines(result)
    assert [d["document"]["id"] for d in docs] == ["b", "a"]
    first = docs[0]
    assert set(first) >= {"document", "times", "quantities", "mentions", "quotes", "claims"}
    assert {"start", "end", "text", "type", "value"} <= set(first["times"][0])
    assert first["times"][0]["value"] == "2020-02-14"
    text = "NATO will resume its training mission in Iraq on Friday."
    for mention in first["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]


def test_claims_json_fields(run):
    run("demo")
    rows = lines(run("claims", "--mission", "NMI", "--json"))
    assert rows
    for row in rows:
        assert {"id", "kind", "subject", "value", "date", "precision", "modality", "qualifiers",
                "source", "confidence", "status"} <= set(row)
        assert set(row["source"]) >= {"document", "start", "end", "text"}
        assert row["subject"] == "mission:nmi"
    kinds = {r["kind"] for r in lines(run("claims", "--kind", "statement", "--json"))}
    assert kinds == {"statement"}


def test_quotes_by_speaker(run):
    run("demo")
    rows = lines(run("quotes", "--speaker", "Stoltenberg", "--json"))
    assert rows
    assert all(r["subject"] == "person:jens-stoltenberg" for r in rows)
    assert any("consent of the Iraqis" in r["value"] for r in rows)
    assert not lines(run("quotes", "--speaker", "Lenoir", "--json"))


def test_timeline_is_in_date_order(run):
    run("demo")
    rows = lines(run("timeline", "NATO Mission Iraq", "--json"))
    dated = [r["date"] for r in rows if r["date"]]
    assert dated[0] == "2018"
    assert dated == sorted(dated, key=lambda d: d)


def test_unknown_mission_is_an_error(run):
    run("demo")
    result = run("mission", "Operation Nowhere")
    assert result.exit_code == 1
    assert "Operation Nowhere" in result.stderr


def test_entities_json(run):
    rows = lines(run("entities", "--type", "mission", "--json"))
    ids = {r["id"] for r in rows}
    assert {"mission:nmi", "mission:unifil", "mission:minusma"} <= ids


def test_export_csv_and_plover(run):
    run("demo")
    csv_out = run("export", "csv").stdout.splitlines()
    assert csv_out[0].startswith("id,kind,subject")
    assert len(csv_out) > 10
    plover = lines(run("export", "plover"))
    assert plover and all(set(p) >= {"id", "date", "actor", "event", "text_info", "cite_info"} for p in plover)


def test_pipeline_lists_steps_in_order(run):
    steps = [s["step"] for s in lines(run("pipeline", "--json", db_arg=False))]
    assert steps == ["sentences", "mentions", "times", "resolve", "quantities", "quotes", "events", "claims"]


def test_review_sets_status(run):
    run("demo")
    claim = lines(run("claims", "--kind", "mission.cap", "--json"))[0]
    reviewed = lines(run("review", claim["id"], "accept", "--json"))[0]
    assert reviewed["status"] == "accepted"
    assert lines(run("claims", "--status", "accepted", "--json"))[0]["id"] == claim["id"]
    assert run("review", "c-nope", "reject").exit_code == 1


def test_store_api_ingests_and_queries(tmp_path):
    import missionwatch

    path = tmp_path / "a.txt"
    path.write_text("NATO suspended its training mission in Iraq last month.", encoding="utf-8")
    with missionwatch.open(str(tmp_path / "api.sqlite")) as store:
        report = store.ingest([str(path)], published="2020-02-13")
        assert report.documents == 1
        state = store.mission("NMI", "2020-02-14")
        assert state.status is not None and state.status.claim.value == "suspended"


def test_workers_give_the_same_claims_in_the_same_order(tmp_path):
    import missionwatch
    from missionwatch.api import extract_items
    from missionwatch.ingest.readers import read

    corpus = tmp_path / "c.jsonl"
    texts = ["NATO suspended its training mission in Iraq last month.",
             "MINUSMA ended its operations in Mali in December 2023.",
             "“We will stay,” NATO Secretary General Jens Stoltenberg said on Friday."] * 7
    corpus.write_text("\n".join(json.dumps({"id": f"r{i}", "text": t, "date": "2024-01-10"})
                                for i, t in enumerate(texts)) + "\n{broken\n", encoding="utf-8")
    one = list(extract_items(read([str(corpus)]), workers=1))
    two = list(extract_items(read([str(corpus)]), workers=2, batch=8))
    def key(x):
        return x.document.id, [c.id for c in x.document.claims]
    assert [key(x) for x in one if hasattr(x, "document")] == [key(x) for x in two if hasattr(x, "document")]
    assert sum(not hasattr(x, "document") for x in two) == 1
    with missionwatch.open(str(tmp_path / "w.sqlite")) as store:
        report = store.ingest([str(corpus)], workers=2)
        assert report.documents == len(texts) and len(report.rejections) == 1
