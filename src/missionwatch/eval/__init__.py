"""Evaluations against public gold sets, and the gate that pins their floors.

Each evaluation is a module ``missionwatch.eval.<name>`` with ``NEEDS`` (the folder of
``../shared/data`` it reads) and ``evaluate(data_dir) -> list[Metric]``. The gold data is
read from the shared data folder at run time and never copied into the project; when it
is absent the evaluation is skipped with a message naming what is missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Metric:
    """One measured figure: ``name`` is dotted (``time.te3.value_f1``)."""

    name: str
    value: float
    anchor: str = ""  # the published figure we compare with, e.g. "HeidelTime 0.776"
    count: int | None = None  # how many items it was measured on


class MissingData(Exception):
    """The shared data an evaluation needs is not there."""


def shared_data_dir(start: Path | None = None) -> Path | None:
    """The ``shared/data`` folder: ``$MISSIONWATCH_SHARED_DATA``, else ``../shared/data``
    beside the checkout (looked for from ``start`` or the working directory upwards)."""
    env = os.environ.get("MISSIONWATCH_SHARED_DATA")
    if env:
        path = Path(env)
        return path if path.is_dir() else None
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
        candidate = folder / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def require(name: str, start: Path | None = None) -> Path:
    """The folder ``shared/data/<name>``, or :class:`MissingData` naming what is missing."""
    base = shared_data_dir(start)
    if base is None:
        raise MissingData(
            "../shared/data is absent (set MISSIONWATCH_SHARED_DATA to its path): "
            f"skipping the evaluation that needs {name}/"
        )
    path = base / name
    if not path.is_dir():
        raise MissingData(f"{path} is absent: skipping the evaluation that needs it")
    return path
