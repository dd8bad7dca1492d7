"""What training and evaluation scripts collect from deep inside the per-document stage.

A ``Recorder`` is a list that exists only while a script's ``with recorder.collecting()``
block runs (per context, so threads and processes never share one); at run time nothing is
kept and ``add`` is one lookup. The event coder records triggers that coded nothing
(eval/events_eval.py) and the candidates its learned models score (their train/ scripts).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, TypeVar

T = TypeVar("T")


class Recorder(Generic[T]):
    def __init__(self, name: str) -> None:
        self._kept: ContextVar[list[T] | None] = ContextVar(name, default=None)

    @property
    def active(self) -> bool:
        """Is a block collecting? (to skip building what would be recorded)"""
        return self._kept.get() is not None

    def add(self, item: T) -> None:
        kept = self._kept.get()
        if kept is not None:
            kept.append(item)

    @contextmanager
    def collecting(self) -> Iterator[list[T]]:
        """The list filled while the block runs."""
        kept: list[T] = []
        token = self._kept.set(kept)
        try:
            yield kept
        finally:
            self._kept.reset(token)
