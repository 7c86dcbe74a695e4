"""Every exception missionwatch raises, in one place.

    MissionwatchError            base class; catch this to catch everything below
    ├── InputError               an input cannot be read as a document (names the input)
    │   ├── UnreadableInput      missing file, permission denied, no file matches a pattern
    │   ├── EmptyInput           the input has no text
    │   ├── BinaryInput          the input is not text (NUL bytes, an image, an archive)
    │   ├── UndecodableInput     the bytes are not valid in any accepted text encoding
    │   └── BadRecord            one JSON Lines record is malformed (names the line)
    ├── InvalidDate              a date string is not a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD)
    ├── InvalidClaim             a claim breaks the vocabulary (unknown kind, value or qualifier)
    ├── VocabularyError          a vocabulary or gazetteer data file is malformed
    ├── PipelineError            a step is unknown or breaks its declared contract
    ├── StoreError               the store cannot be opened, migrated or written
    └── NotFound                 a mission, entity or claim asked for does not exist

Every message says which input or value was wrong and what was expected.
"""

from __future__ import annotations


class MissionwatchError(Exception):
    """Base class of every missionwatch error."""


class InputError(MissionwatchError):
    """An input cannot become a document. ``source`` names the input."""

    reason = "cannot be read"

    def __init__(self, source: str, detail: str = "") -> None:
        self.source = source
        self.detail = detail
        message = f"{source}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class UnreadableInput(InputError):
    reason = "cannot be read"


class EmptyInput(InputError):
    reason = "is empty (no text to read)"


class BinaryInput(InputError):
    reason = "is binary, not text"


class UndecodableInput(InputError):
    reason = "is not valid UTF-8, UTF-16 or Windows-1252 text"


class BadRecord(InputError):
    reason = "has a malformed record"


class InvalidDate(MissionwatchError, ValueError):
    """A string that is not a partial ISO date."""


class InvalidClaim(MissionwatchError, ValueError):
    """A claim that breaks the vocabulary; ``errors`` maps field to problem."""

    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        self.errors = errors or {}
        super().__init__(message)


class VocabularyError(MissionwatchError):
    """A vocabulary or gazetteer data file is malformed."""


class PipelineError(MissionwatchError):
    """A pipeline step is unknown or breaks its declared contract."""


class StoreError(MissionwatchError):
    """The store cannot be opened, migrated or written."""


class NotFound(MissionwatchError, LookupError):
    """A mission, entity or claim that was asked for does not exist."""
