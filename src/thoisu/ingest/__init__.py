"""Readers that turn input files into Pages, keeping source line numbers.

Public API: ``read_inputs(paths, *, max_bytes=20_000_000)`` yields ``Page`` or ``InputError``.
"""

from .errors import InputError
from .walk import read_inputs

__all__ = ["InputError", "read_inputs"]
