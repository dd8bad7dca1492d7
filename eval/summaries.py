"""Score the shipped summariser against the lead baseline on mds-format clusters:

    .venv/bin/python eval/summaries.py [--sets NAME_OR_FILE,...] [--mds DIR]

A set is a file of ../shared/mds (abmusu-validation, vims-dev, ...; vims-test is
vims-101..vims-200) or the path of any JSONL file in that format with reference
summaries: this is the command for a corpus we do not have. The shipped model is fit on
every cluster of ../shared/mds (train/summary_model.py), so figures on those sets are
in-sample and say little: such rows are marked ``in-sample`` (clusters whose id is in a
training file) and the verdict is not given for them; the honest figure for ../shared is
leave-one-corpus-out, eval/summaries_loco.py. With no --sets, it scores the in-sample
sets as a smoke test and says so. Scoring as ../shared/mds/README.md (thoisu.stories.rouge):
200-word cut, syllable tokens, ROUGE-1/2/L F1 averaged over references then clusters.
The lead baseline (eval/lead_baseline.py) is the first sentences of each document in
turn, over the same sentences the summariser sees (document text; the sapo/lead field is
not part of it; exact-duplicate documents once), cut at the budget. PASS when ROUGE-2 >=
1.10 x lead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from lead_baseline import lead_summary  # noqa: E402

from thoisu.stories.rouge import mean_scores, score  # noqa: E402
from thoisu.stories.summarize import cluster_docs, summarize  # noqa: E402

TARGET = 1.10


def load_set(mds: Path, name: str) -> list[dict]:
    if name.endswith(".jsonl") and Path(name).exists():
        return [json.loads(x) for x in Path(name).open(encoding="utf-8") if x.strip()]
    if name == "vims-test":
        recs = [json.loads(x) for x in (mds / "vims-dev.jsonl").open(encoding="utf-8")]
        return [r for r in recs if 101 <= int(r["id"].split("-")[1]) <= 200]
    return [json.loads(x) for x in (mds / f"{name}.jsonl").open(encoding="utf-8")]


def training_ids(mds: Path) -> set[str]:
    """Ids of the clusters the shipped model was fit on (train/summary_model.py CORPORA)."""
    names = ("abmusu-train.jsonl", "abmusu-validation.jsonl", "vims-dev.jsonl")
    return {json.loads(x)["id"] for n in names if (mds / n).exists()
            for x in (mds / n).open(encoding="utf-8") if x.strip()}


def evaluate(clusters: list[dict], max_words: int = 200) -> tuple[dict, dict]:
    lead, ours = [], []
    for c in clusters:
        docs = cluster_docs(c)
        lead.append(score(lead_summary(docs, max_words), c["summaries"], max_words))
        text = " ".join(s.text for s in summarize(docs, max_words))
        assert len(text.split()) <= max_words
        ours.append(score(text, c["summaries"], max_words))
    return mean_scores(lead), mean_scores(ours)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="abmusu-validation,vims-test")
    ap.add_argument("--mds", type=Path, default=ROOT.parent / "shared" / "mds")
    ap.add_argument("--max-words", type=int, default=200)
    args = ap.parse_args()
    head = (f"{'set':<18} {'n':>4}  {'lead R1':>7} {'R2':>6} {'RL':>6}   "
            f"{'ours R1':>7} {'R2':>6} {'RL':>6}   {'R2/lead':>7}  verdict")
    print(head)
    print("-" * len(head))
    ok = True
    seen = training_ids(args.mds)
    for name in args.sets.split(","):
        clusters = load_set(args.mds, name.strip())
        lead, ours = evaluate(clusters, args.max_words)
        ratio = ours["rouge2"] / lead["rouge2"] if lead["rouge2"] else float("inf")
        verdict = "PASS" if ratio >= TARGET else "FAIL"
        in_sample = sum(str(c.get("id")) in seen for c in clusters)
        if in_sample:  # the model was fit on these: no verdict
            verdict = f"in-sample ({in_sample}/{len(clusters)} training clusters)"
        else:
            ok &= verdict == "PASS"
        name = Path(name).stem if name.endswith(".jsonl") else name
        print(f"{name:<18} {len(clusters):>4}  {lead['rouge1']:7.4f} {lead['rouge2']:6.4f} "
              f"{lead['rougeL']:6.4f}   {ours['rouge1']:7.4f} {ours['rouge2']:6.4f} "
              f"{ours['rougeL']:6.4f}   {ratio:7.3f}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
