"""Where the CPU time of a whole digest goes: the first N vims-dev articles as text pages,
digested in-process on one worker into an empty store, timed by stage (imports,
segmentation model load, per-document stage, corpus stage, outputs) and, inside the
per-document stage, by annotation step. Explains bench/end_to_end.py's figure.

    .venv/bin/python bench/phases.py [--articles 200]
"""

from __future__ import annotations

import time

T0 = time.process_time()

import argparse  # noqa: E402
import functools  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from end_to_end import pages  # noqa: E402

import thoisu.cli  # noqa: E402, F401 - as the command starts: its imports and collector setting
import thoisu.pipeline as pipeline  # noqa: E402
import thoisu.runner as runner  # noqa: E402

IMPORTS = time.process_time() - T0
SPENT: dict[str, float] = {}


def timed(module: Any, name: str) -> None:
    f = getattr(module, name)

    @functools.wraps(f)
    def g(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + time.process_time() - t

    setattr(module, name, g)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    from thoisu.annotate.sentences import tokenize

    t = time.process_time()
    tokenize("Hà Nội")
    model = time.process_time() - t
    for name in ("annotate_sentences", "find_timexes", "find_mentions", "code_events", "find_quotes",
                 "extract_articles"):
        timed(pipeline, name)
    for name in ("_per_document", "run_corpus_stage", "write_outputs"):
        timed(runner, name)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "pages"
        src.mkdir()
        for i, text in enumerate(pages(args.articles)):
            (src / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        runner.digest_paths([str(src)], out_dir=Path(tmp) / "out", workers=1)
    total = time.process_time() - T0
    print(f"CPU s, {args.articles} vims-dev articles, one worker, in-process:")
    print(f"  imports {IMPORTS:.2f}  segmentation model {model:.2f}  per-document stage "
          f"{SPENT['_per_document']:.2f}  corpus stage {SPENT['run_corpus_stage']:.2f}  "
          f"outputs {SPENT['write_outputs']:.2f}  total {total:.2f}")
    print("  per-document steps: " + "  ".join(
        f"{k} {SPENT[k]:.2f}" for k in ("extract_articles", "annotate_sentences", "find_timexes",
                                         "find_mentions", "code_events", "find_quotes")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
