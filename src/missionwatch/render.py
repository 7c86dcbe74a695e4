"""Human-readable terminal output (rich). The ``--json`` paths never come through here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from missionwatch.model import Claim, Entity

if TYPE_CHECKING:
    from missionwatch.api import IngestReport
    from missionwatch.document import Document

T = TypeVar("T")
console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False)


def with_progress(work: Callable[[Callable[[str], None]], T], label: str) -> T:
    """Run ``work(tick)`` under a progress bar on stderr; ``tick`` advances it by one input."""
    columns = (TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[current]}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task(label, total=None, current="")

        def tick(name: str) -> None:
            progress.update(task, advance=1, current=name[-50:])

        return work(tick)


def value_text(value: Any) -> str:
    if isinstance(value, dict) and "verbatim" in value:
        bounds = "–".join(f"{value[k]:g}" for k in ("low", "high") if value.get(k) is not None)
        approx = "~" if value.get("approx") else ""
        best = f"{approx}{value['best']:g}" if value.get("best") is not None else ""
        return f"{value['verbatim']!r} ({best or bounds}{f', {bounds}' if best and bounds else ''})"
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


def when(claim: Claim) -> str:
    if not claim.date:
        return "—"
    text = claim.date + (f"..{claim.date_end}" if claim.date_end else "")
    return text + (" (inferred)" if claim.date_inferred else "")


def ingest_summary(report: IngestReport, db: str) -> None:
    table = Table(title=f"Ingested into {db}", show_header=True)
    table.add_column("claim kind")
    table.add_column("claims", justify="right")
    for kind, count in sorted(report.claims_by_kind.items()):
        table.add_row(kind, str(count))
    console.print(table)
    console.print(f"documents: {report.documents} new, {report.unchanged} already stored; "
                  f"claims: {report.claims} new; rejected inputs: {len(report.rejections)}")


def _source_line(source: dict[str, Any]) -> str:
    text = " ".join(str(source.get("text", "")).split())
    if len(text) > 160:
        text = text[:157] + "…"
    where = f"{source.get('document')}[{source.get('start')}:{source.get('end')}]"
    return f"[dim]  ↳ {where} “{text}”[/dim]"


def mission_state(state: dict[str, Any]) -> None:
    """Print a mission-state dict (``MissionState.to_dict()``): sections of claim items."""
    mission = state.get("mission", {})
    console.print(f"[bold]{mission.get('name', mission)}[/bold] as of {state.get('as_of')}")
    for section, items in state.items():
        if section in {"mission", "as_of"} or not items:
            continue
        console.print(f"\n[bold underline]{section}[/bold underline]")
        for item in items if isinstance(items, list) else [items]:
            _state_item(item)


def _state_item(item: dict[str, Any]) -> None:
    claim = item["claim"] if isinstance(item.get("claim"), dict) else item
    label = item.get("label") or value_text(claim.get("value"))
    since = item.get("since") or claim.get("date") or "—"
    quals = claim.get("qualifiers") or {}
    extra = ", ".join(f"{k}={value_text(v)}" for k, v in quals.items() if v not in (None, ""))
    modality = claim.get("modality", "asserted")
    mod = "" if modality == "asserted" else f" [{modality}]"
    console.print(f"• {label}{mod} — since {since}" + (f" ({extra})" if extra else ""))
    if claim.get("source"):
        console.print(_source_line(claim["source"]))


def claims_table(claims: Sequence[Claim], title: str = "Claims") -> None:
    table = Table(title=title)
    for column in ("kind", "subject", "value", "date", "modality", "source"):
        table.add_column(column, overflow="fold")
    for c in claims:
        table.add_row(c.kind, c.subject_name or c.subject, value_text(c.value)[:80], when(c),
                      c.modality, c.source.text[:90])
    console.print(table)
    console.print(f"{len(claims)} claims")


def quotes_table(claims: Sequence[Claim]) -> None:
    for c in claims:
        kind = "“direct”" if c.qualifiers.get("direct") else "reported"
        role = f", {c.qualifiers['role']}" if c.qualifiers.get("role") else ""
        console.print(f"[bold]{c.subject_name or c.subject}[/bold]{role} — {when(c)} ({kind})")
        console.print(f"  {c.value}")
        console.print(_source_line(c.source.to_dict()))
    console.print(f"{len(claims)} statements")


def entities_table(entities: Sequence[Entity]) -> None:
    table = Table(title="Entities")
    for column in ("id", "name", "type", "aliases"):
        table.add_column(column, overflow="fold")
    for e in entities:
        table.add_row(e.id, e.name, e.type, ", ".join(e.aliases[:4]))
    console.print(table)


def pipeline_table(steps: Sequence[dict[str, Any]]) -> None:
    table = Table(title="Extraction pipeline")
    for column in ("#", "step", "requires", "assigns"):
        table.add_column(column)
    for n, s in enumerate(steps, 1):
        table.add_row(str(n), f"{s['step']}.v{s['version']}", ", ".join(s["requires"]),
                      ", ".join(s["assigns"]))
    console.print(table)


def document(doc: Document) -> None:
    head = doc.header()
    console.print(f"[bold]{head['title'] or head['id']}[/bold] published {head['published']} "
                  f"({head['date_source']})")
    claims_table(doc.claims, title="Claims")
