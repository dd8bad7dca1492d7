"""Does thoisu segment words as underthesea does? Three checks of annotate/crf_tagger.py,
which scores underthesea's CRF model in Python:

1. every distinct sentence of ../shared/mds: ``sentences.tokenize`` against underthesea's
   ``word_tokenize`` (the words, misspellings normalised), with how many sentences the
   Python tagger leaves to underthesea's (near ties);
2. every character of the blocks the Python tagger accepts (``crf_tagger.plain``), alone
   and in tokens: lower case, title case and digits as underthesea_core's featurizer
   writes them;
3. a seeded fuzz of odd sentences (Vietnamese words, upper case, symbols of those
   blocks): the Python tagger's labels against underthesea's tagger, near ties aside.

    .venv/bin/python eval/segmentation_check.py [--mds ../shared/mds] [--fuzz 3000] [--seeds 1 2 3 4]

A model verified this way is named by its sha256 in annotate/data/segmentation.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from thoisu.annotate import crf_tagger, sentences  # noqa: E402

_WORDS = [
    "ông",
    "bà",
    "Hà",
    "Nội",
    "Việt",
    "Nam",
    "tổng",
    "thống",
    "ngày",
    "12",
    "năm",
    "2024",
    "Kim",
    "Jong",
    "Un",
    "Mỹ",
    "Trung",
    "Quốc",
    "và",
    "của",
    "các",
    "đã",
    "sẽ",
    "TP.HCM",
    "Bộ",
    "Ngoại",
    "giao",
]


def mds_sentences(mds: Path) -> list[str]:
    seen: dict[str, None] = {}
    for path in sorted(mds.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                for doc in json.loads(line)["documents"]:
                    for para in (doc.get("text") or "").split("\n"):
                        for _, s in sentences.split_text(para):
                            seen.setdefault(s, None)
    return list(seen)


def check_corpus(texts: list[str], tagger: crf_tagger.Tagger) -> None:
    from underthesea import word_tokenize
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    differ = ties = tokens = 0
    ours_s = theirs_s = 0.0
    for s in texts:
        t = time.process_time()
        ours = sentences.tokenize(s)
        ours_s += time.process_time() - t
        t = time.process_time()
        theirs = [w.replace(" ", "_") for w in word_tokenize(s)]
        theirs_s += time.process_time() - t
        tokens += len(theirs)
        differ += ours != theirs
        ties += tagger.tag(tokenize(s, use_token_normalize=False)) is None
    print(
        f"mds: {len(texts):,} distinct sentences, {tokens:,} tokens: {differ} segmented otherwise; "
        f"{ties} left to underthesea's tagger (near ties); CPU {ours_s:.1f} s vs underthesea {theirs_s:.1f} s"
    )


def check_characters(featurizer) -> None:  # noqa: ANN001 - underthesea_core.CRFFeaturizer
    differ = []
    for cp in range(0x21, 0x2100):
        c = chr(cp)
        if not crf_tagger.plain(c):
            continue
        for tok in (c, c + "a", "A" + c, c * 2):
            got = dict(f.split("=", 1) for f in featurizer.process([[[tok]]])[0][0])
            low, title, digit = crf_tagger._token_facts(tok)
            if (got["T[0].lower"], got["T[0].istitle"], got["T[0].isdigit"]) != (low, str(title), str(digit)):
                differ.append(f"U+{cp:04X}")
                break
    print(
        f"characters of the accepted blocks read otherwise than underthesea_core's featurizer: {differ or 'none'}"
    )


def check_fuzz(seed: int, n: int, tagger: crf_tagger.Tagger, predict) -> None:  # noqa: ANN001
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    rng = random.Random(seed)
    blocks = [
        (0x20, 0x7E),
        (0xA0, 0x24F),
        (0x300, 0x36F),
        (0x1E00, 0x1EFF),
        (0x2000, 0x206F),
        (0x20A0, 0x20CF),
    ]
    differ = ties = tried = 0
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 25)):
            if rng.random() < 0.6:
                w = rng.choice(_WORDS)
                w = w.upper() if rng.random() < 0.2 else w
                w = w.capitalize() if rng.random() < 0.2 else w
            else:
                a, b = rng.choice(blocks)
                w = "".join(chr(rng.randint(a, b)) for _ in range(rng.randint(1, 6)))
            words.append(w)
        text = " ".join(words)
        toks = tokenize(text, use_token_normalize=False)
        if not toks or not crf_tagger.plain(text):
            continue
        tried += 1
        got = tagger.tag(toks)
        if got is None:
            ties += 1
        elif got != list(predict([[t] for t in toks])):
            differ += 1
    print(
        f"fuzz seed {seed}: {tried} sentences, {differ} labelled otherwise, {ties} near ties left to underthesea"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mds", type=Path, default=ROOT.parent / "shared" / "mds")
    ap.add_argument("--fuzz", type=int, default=3000, help="odd sentences per seed")
    ap.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3, 4])
    args = ap.parse_args()
    sentences.tokenize("Hà Nội")
    tagger = sentences._python_tagger()
    if tagger is None:
        print("the Python tagger is not in use with this underthesea", file=sys.stderr)
        return 1
    sentences._load_model()
    import underthesea.pipeline.word_tokenize as wt

    model = wt.word_tokenize_model
    print(f"model fingerprint {tagger.fingerprint}")
    if args.mds.exists():
        check_corpus(mds_sentences(args.mds), tagger)
    check_characters(model.featurizer)
    for seed in args.seeds:
        check_fuzz(seed, args.fuzz, tagger, model.predict)
    return 0


if __name__ == "__main__":
    sys.exit(main())
