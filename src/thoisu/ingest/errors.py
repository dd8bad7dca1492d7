"""What the ingester reports for an input it cannot turn into a page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputError:
    """One unusable input (file, directory, JSONL line): printed as one line, no traceback."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class Rejected(Exception):
    """Raised inside the readers; ``read_inputs`` turns it into an ``InputError``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
