"""The store's bulk path with fixed columns, as the importers use it (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from missionwatch.errors import StoreError
from missionwatch.model import Claim
from missionwatch.store import Store
from missionwatch.store.rows import (
    CLAIM_COLUMNS,
    claim_row,
    fixed_items,
    group_of,
    refs_of_row,
    row_layout,
)
from missionwatch.store.schema import claim_groups, claim_refs, claims

# the same in every claim below; the extractor's name has SQL's quote and the driver's %
FIXED = ("kind", "precision", "modality", "status", "recorded_at", "extractor",
         "extractor_version", "confidence", "date_inferred", "date_end")


def _claims(make_claim: Callable[..., Claim], count: int, kind: str = "mission.transfer",
            extractor: str = "it's 100% a\\b") -> list[Claim]:
    out = []
    for i in range(count):
        claim = make_claim(kind, f"mission:m{i % 3}", {"n": i}, start=i, text=f"row {i}",
                           qualifiers={"to": f"country:C{i % 4}", "from": "org:nato"},
                           date=f"2020-{i % 12 + 1:02d}", precision="month")
        claim.source.extractor = extractor
        claim.id = claim.make_id()
        out.append(claim)
    return out


def _split(rows: list[tuple[Any, ...]]) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    fixed = {name: rows[0][CLAIM_COLUMNS.index(name)] for name in FIXED}
    layout = row_layout(fixed_items(fixed))
    keep = [CLAIM_COLUMNS.index(name) for name in layout.columns]
    return fixed, [tuple(row[i] for i in keep) for row in rows]


def _stored(store: Store) -> set[tuple[Any, ...]]:
    return {tuple(r[c] for c in CLAIM_COLUMNS) for r in store.rows(sa.select(claims))}


@pytest.mark.parametrize("count", [5, 37, 160])  # under, over and a multiple of a statement
def test_fixed_columns_store_the_same_rows(store: Store, make_claim: Callable[..., Claim],
                                           count: int) -> None:
    rows = [claim_row(c) for c in _claims(make_claim, count)]
    fixed, short = _split(rows)
    assert store.add_claim_rows(short[:20], fixed=fixed) == min(20, count)
    assert store.add_claim_rows(short, fixed=fixed) == max(count - 20, 0)
    assert store.add_claim_rows(short, fixed=fixed) == 0
    assert _stored(store) == set(rows)
    groups = {tuple(r.values()) for r in store.rows(sa.select(claim_groups))}
    assert groups == {group_of(row) for row in rows}
    refs = {tuple(r.values()) for r in store.rows(sa.select(claim_refs))}
    assert refs == {ref for row in rows for ref in refs_of_row(row)}
    assert len(refs) == 2 * count  # "from" and "to" name entities in a transfer


def test_a_null_in_a_not_null_column_fails_the_whole_batch(
        store: Store, make_claim: Callable[..., Claim]) -> None:
    fixed, short = _split([claim_row(c) for c in _claims(make_claim, 40)])
    text_at = row_layout(fixed_items(fixed)).columns.index("src_text")
    short[5] = (*short[5][:text_at], None, *short[5][text_at + 1:])
    with pytest.raises(StoreError, match="rolled back"):
        store.add_claim_rows(short, fixed=fixed)
    assert _stored(store) == set()


def test_a_short_row_is_refused_not_shifted(store: Store, make_claim: Callable[..., Claim]) -> None:
    fixed, short = _split([claim_row(c) for c in _claims(make_claim, 32)])
    short[7] = short[7][:-1]
    with pytest.raises(StoreError):
        store.add_claim_rows(short, fixed=fixed)
    assert _stored(store) == set()


@pytest.mark.parametrize(("fixed", "error"), [
    ({"id": "c-1"}, "cannot fix claim columns"),
    ({"colour": "red"}, "cannot fix claim columns"),
])
def test_only_claim_columns_other_than_the_id_can_be_fixed(fixed: dict[str, Any],
                                                           error: str) -> None:
    with pytest.raises(ValueError, match=error):
        row_layout(fixed_items(fixed))


def test_a_layout_puts_the_fixed_columns_back(make_claim: Callable[..., Claim]) -> None:
    rows = [claim_row(c) for c in _claims(make_claim, 3, kind="mission.personnel")]
    fixed, short = _split(rows)
    layout = row_layout(fixed_items(fixed))
    assert [layout.full(row) for row in short] == rows
    assert layout.groups(short) == {group_of(row) for row in rows}
    assert layout.refs(short) == []  # personnel has no entity qualifier outside its groups
