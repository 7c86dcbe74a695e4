"""The import and personnel commands, end to end on a small table."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from un_tables import GENDER_HEADER, gender_row, write

import missionwatch.cli_import  # noqa: F401  (registers the commands on `main`)
from missionwatch.cli import main

NO = (0, 0)
RECORDS = [
    gender_row(1, "2013-12-31", "Ghana", "GHA", "UNIFIL", NO, NO, (2, 0), (800, 70)),
    gender_row(2, "2013-12-31", "Italy", "ITA", "UNIFIL", NO, NO, NO, (1100, 14)),
    '"3",2013-12-31,"Atlantis","ATL","UNIFIL",0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
]


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_then_query(tmp_path: Path) -> None:
    db = str(tmp_path / "m.sqlite")
    path = write(str(tmp_path / "g.csv"), GENDER_HEADER, *RECORDS)
    code, out, err = _run("import", "un-contributions", path, "--db", db, "--json")
    assert code == 0
    assert f"rejected: {path}:4: contributor 'Atlantis'" in err
    report = json.loads(out)
    assert (report["claims"], report["added"], len(report["rejected"])) == (8, 8, 1)

    code, out, _ = _run("contributors", "UNIFIL", "--as-of", "2014-01", "--db", db, "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(lines) == 8
    ghana = {d["role"]: d["value"] for d in lines if d["contributor"] == "country:GH"}
    assert sum(ghana.values()) == 872
    assert ghana["troops"] == 870
    assert {"contributor", "role", "value", "date", "source"} <= set(lines[0])

    code, out, _ = _run("top", "UNIFIL", "--as-of", "2013-12", "-n", "1", "--db", db, "--json")
    assert [(d["contributor_name"], d["total"]) for d in map(json.loads, out.splitlines())] == [
        ("Italy", 1114)]
    code, out, _ = _run("deployments", "Ghana", "--as-of", "2013-12", "--db", db, "--json")
    assert {(d["mission"], d["role"]) for d in map(json.loads, out.splitlines()) if d["value"]} \
        == {("mission:unifil", "troops"), ("mission:unifil", "experts on mission")}
    code, out, _ = _run("strength", "UNIFIL", "--db", db, "--json")
    assert [(d["date"], d["total"]) for d in map(json.loads, out.splitlines())] == [
        ("2013-12", 1986)]
    code, out, _ = _run("contributors", "UNIFIL", "--as-of", "2013-12", "--db", db)
    assert code == 0
    assert "Ghana" in out
    assert "1,114" in out


def test_a_file_of_bad_records_fails(tmp_path: Path) -> None:
    path = write(str(tmp_path / "g.csv"), GENDER_HEADER, RECORDS[2])
    code, _, err = _run("import", "un-contributions", path, "--db", str(tmp_path / "m.sqlite"))
    assert code == 1
    assert ":2: contributor 'Atlantis'" in err


def test_an_unknown_mission_is_an_error(tmp_path: Path) -> None:
    code, _, err = _run("contributors", "Narnia Force", "--as-of", "2013",
                        "--db", str(tmp_path / "m.sqlite"))
    assert code == 1
    assert "Narnia Force" in err
