"""The extraction pipeline: an ordered list of named steps over one :class:`Document`.

Each step is a function ``Document -> None`` that fills one or more of the document's
annotation lists. It is registered with :func:`step`, declaring what it ``requires``
(annotations that must already be there) and what it ``assigns``. The runner checks the
order before it runs anything, so a misordered pipeline fails at once with a clear error.

Default order (``DEFAULT_STEPS``)::

    1. sentences   text            -> sentences (with paragraph and caption/byline roles)
    2. mentions    sentences       -> mentions (gazetteer, titled persons, pronouns)
    3. times       sentences       -> times (recognised, underspecified)
    4. resolve     times           -> times (values resolved against DCT, last date, tense)
    5. quantities  sentences       -> quantities
    6. quotes      mentions        -> quotes (direct and reported, with speakers)
    7. events      mentions, times -> claims.event (PLOVER-coded events)
    8. claims      all of the above -> claims (missions, statements, meetings, membership)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

from missionwatch.document import Document
from missionwatch.errors import PipelineError

StepFunc = Callable[[Document], None]


@dataclass(frozen=True)
class Step:
    name: str
    func: StepFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: str


_REGISTRY: dict[str, Step] = {}

#: the modules that register the built-in steps
_STEP_MODULES = (
    "missionwatch.extract.steps.sentences",
    "missionwatch.extract.steps.mentions",
    "missionwatch.extract.steps.times",
    "missionwatch.extract.steps.quantities",
    "missionwatch.extract.steps.quotes",
    "missionwatch.extract.steps.events",
    "missionwatch.extract.steps.claims",
)

DEFAULT_STEPS: tuple[str, ...] = (
    "sentences", "mentions", "times", "resolve", "quantities", "quotes", "events", "claims",
)


def step(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), version: str = "1"
) -> Callable[[StepFunc], StepFunc]:
    """Register ``func`` as the pipeline step ``name``."""

    def register(func: StepFunc) -> StepFunc:
        _REGISTRY[name] = Step(name, func, tuple(requires), tuple(assigns), version)
        return func

    return register


def _load_builtin_steps() -> None:
    for module in _STEP_MODULES:
        try:
            import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # a real import error inside the step module
                raise


def get_step(name: str) -> Step:
    _load_builtin_steps()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise PipelineError(
            f"unknown step {name!r}; available: {', '.join(sorted(_REGISTRY))}"
        ) from None


class Pipeline:
    """An ordered, checked list of steps."""

    def __init__(self, names: Iterable[str] = DEFAULT_STEPS) -> None:
        self.steps = [get_step(n) for n in names]
        assigned: set[str] = {"text"}
        for s in self.steps:
            missing = [r for r in s.requires if r not in assigned]
            if missing:
                raise PipelineError(
                    f"step {s.name!r} requires {', '.join(missing)}, which no earlier step assigns"
                )
            assigned.update(s.assigns)

    @property
    def version(self) -> str:
        return "+".join(f"{s.name}.v{s.version}" for s in self.steps)

    def __call__(self, doc: Document) -> Document:
        for s in self.steps:
            s.func(doc)
            doc.done.append(s.name)
        return doc

    def describe(self) -> list[dict[str, object]]:
        return [{"step": s.name, "version": s.version, "requires": list(s.requires),
                 "assigns": list(s.assigns)} for s in self.steps]
