"""Readers that turn input files into Pages, keeping source line numbers.

Public API: ``read_inputs(paths, *, max_bytes=20_000_000)`` yields ``Page`` or ``InputError``;
files may be .txt, .html/.htm, .jsonl or crawls (.warc, .warc.gz, .arc, .arc.gz, read record
by record). ``read_warc`` reads one crawl.
"""

from .errors import InputError
from .walk import read_inputs
from .warc import read_warc

__all__ = ["InputError", "read_inputs", "read_warc"]
