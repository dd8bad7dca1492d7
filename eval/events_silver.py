"""The rules' events on mds documents no gold covers ("silver" text), one line per event,
to read what a change to the event coder does beyond the golds: run it before and after
(``--src`` imports another copy of the package, ``git archive REV src | tar -x -C DIR``)
and read the diff. Clusters of the events test split and of held-out batch 7 are left
out, so reading the diff never shows a test or held-out article.

    .venv/bin/python eval/events_silver.py [--n 1200] [--src DIR] > after.tsv

Rule changes read here and left out (round 6; type + roles tp/pred on dev batches 1-3 |
4 | 5 before -> after, and what the silver diff showed):
- 'hỗ trợ' + a named object as AID (obj=ANY beside the near= entry): batch 5 +1 false
  alarm, silver 3 new events, all wrong ('hỗ trợ NLĐ', a firm helping itself).
- 'căn dặn' as REQUEST: silver 2 new, private advice and a quote of Hồ Chí Minh.
- 'kiểm tra' (and 'tiến hành kiểm tra') as COERCE search when police or inspectors do it
  (a subj=OPS flag): batches 1-3 103/145 -> 102/144 (a 'phối hợp với X' yielded its site to
  the new trigger, which then coded nothing), batch 5 +1; every trigger word also cuts
  noun phrases and opens verbal clauses (Analysis.trigger_at), so a narrow trigger is not
  narrow in its side effects.
- 'cầu thủ 25 tuổi này', 'cô gái 27 tuổi này' (a pronoun of the list with an age or other
  words before 'này') resolved as the pronoun: batch 5 +1 right, batches 1-3 +1 wrong (the
  last person named was another: no gender in mentions); silver unchanged.
- 'y', 'hắn', 'gã' as bare pronouns: no change on dev or silver.
- 'bác sĩ' as an exclusion (for 'bác' REJECT): it turned doctors' names into free names
  and coded their advice as REQUESTs (silver +2).
- sports: squad words ('HLV', 'đội bóng') stopping a CONSULT lose 'Brendan Rodgers đàm phán
  với Celtic' (gold): only match and transfer cues stop a CONSULT.

Round 7 (dev batches 1-6 type + roles tp/pred before -> after, and the silver reading):
- a bare body as a subject ('Công đoàn', 'hiệp hội', 'tập đoàn', 'chi cục', 'công ty',
  'ngân hàng', 'trung tâm' in bare_bodies): dev unchanged, silver 2 new events, both wrong
  (a one-sided cooperation with an unnamed firm, a company 'requesting' its workers).
- an organisation pronoun after a comma ('Vì vậy, cơ quan này đề nghị ...') resolved as one
  opening the clause: dev 156/212 -> 157/216 (one right, a wrong type, a duplicate and a
  truncated name), silver 1 plausible and 1 wrong new event.
- the argument model and the recipient picker retrained on batches 1-6: see
  train/events_arguments.py and train/events_roles.py (both left out).
Round 9 (dev type + roles, and the silver reading):
- the picker taking no phrase before an active verb at all: dev 162 -> 161 and 5 right
  patients lost ("bà X chạy vào thì bị Y chém"): kept only with no passive marker after it.
- a bare object of a verb of another kind of act dropped from the rules' own objects too
  (beside the learned parts): silver lost right ones ("yêu cầu gặp ông X", "ký kết hợp tác
  Công ty X", "Nhóm bắt cóc thả X").
- 'nhằm vào' as no clause boundary (adopted, then reverted): no dev or silver change, one
  participant-less sentencing on the older actors gold.
- a dash pair after a person's name as an appositive, and an appositive relative clause
  ("X, người từng tấn công Y, đã bị bắt") resuming the predicate: no change on dev or
  silver (the second), a wrong side changed for another (the first); left out.
Round 10 (the precision audit's dev half, eval/events_audit.py):
- 'thường xuyên' as a habitual cue (no one happening): it dropped 'Van Gaal thường xuyên bị
  chỉ trích' on silver, but lost two right events of the older actors gold ('Trump thường
  xuyên kêu gọi ...' is a REQUEST there): left out, and that audit label changed to an event.
The audit's held-out clusters are left out here since round 10 (794 events on main, was 870).
Until round 7 ``--src`` was overridden by this tree's src (actors_eval puts it first on the
path when imported), so diffs read with it compared the working tree with itself.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"
FILES = ("abmusu-train.jsonl", "vims-dev.jsonl", "abmusu-validation.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--src", default="", help="package source dir to import thoisu from")
    args = ap.parse_args()
    if args.src:
        sys.path.insert(0, str(Path(args.src) / "src" if (Path(args.src) / "src").is_dir() else args.src))
        # bind the package now: actors_eval puts this tree's src first on the path when
        # imported, which silently made --src run this tree (until round 7)
        import thoisu.annotate.events  # noqa: F401
    sys.path.insert(1, str(ROOT / "eval"))
    from actors_eval import build_article, run_pipeline

    used: set[tuple[str, str]] = set()
    gold: set[str] = set()
    dev: set[str] = set()
    held: set[str] = set()  # clusters of held-out dev batches: no sibling of theirs is read
    for name in ("events.jsonl", "actors.jsonl"):
        with open(ROOT / "eval" / "gold" / name, encoding="utf-8") as fh:
            for line in fh:
                g = json.loads(line)
                gold.add(g["cluster"])
                used.add((g["cluster"], str(g.get("doc"))))
                if g.get("split") == "dev":
                    dev.add(g["cluster"])
                if g.get("batch") == 7:
                    held.add(g["cluster"])
    test = (gold - dev) | held  # the events test split's clusters, the actors gold's, batch 7's
    with open(ROOT / "eval" / "gold" / "events_audit.jsonl", encoding="utf-8") as fh:
        # the precision audit's held-out half: read once at the end of a round, never here
        test |= {a["cluster"] for a in map(json.loads, fh) if a["split"] == "test"}
    docs = []
    for name in FILES:
        with open(MDS / name, encoding="utf-8") as fh:
            for line in fh:
                c = json.loads(line)
                if c["id"] in test:
                    continue
                for i, d in enumerate(c["documents"]):
                    if {(c["id"], str(d.get("id", i))), (c["id"], f"d{i}"), (c["id"], str(i))} & used:
                        continue
                    docs.append((c["id"] + f"/{i}", d))
    random.Random(args.seed).shuffle(docs)
    arts = [build_article({"file": "", "cluster": cid, "doc": ""}, d) for cid, d in docs[: args.n]]
    run_pipeline(arts)
    for a in arts:
        for e in a.events:
            print(a.id, e.line, e.type, e.mode, ",".join(e.actors), "->", ",".join(e.recipients), "|",
                  e.text[:200], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
