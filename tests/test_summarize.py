"""Tests of the multi-document summariser and of the ROUGE scorer it is measured with."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from thoisu.models import SummarySentence
from thoisu.stories import rouge
from thoisu.stories.summarize import (
    KeepRates,
    SummaryDoc,
    candidates,
    cluster_docs,
    compile_model,
    date_key,
    is_sentence,
    keep_features,
    pick,
    predict,
    quotes_closed,
    reading_order,
    select,
    summarize,
    summarize_cluster,
)
from thoisu.stories.summarize.compress import Rules, variants, with_variants

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds"
_spec = importlib.util.spec_from_file_location("lead_baseline", ROOT / "eval" / "lead_baseline.py")
assert _spec and _spec.loader
_lead = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_lead)
lead_summary = _lead.lead_summary

# --------------------------------------------------------------------------- scorer


def test_tokens_syllables_lowercase_no_punctuation() -> None:
    assert rouge.tokens("Bình_Nhưỡng, (NATO) ngày 19/5!") == [
        "bình", "nhưỡng", "nato", "ngày", "19", "5",
    ]
    # NFD input is normalised to NFC before matching
    assert rouge.tokens("Ho\u0302\u0300 Chí Minh") == ["hồ", "chí", "minh"]


def test_rouge_by_hand() -> None:
    ref = "a b c d"
    cand = "a b x d"
    # unigrams: overlap 3 of 4 / 4 -> F1 0.75; bigrams: (a b) only, 1/3 each -> 1/3
    s = rouge.score(cand, [ref])
    assert s["rouge1"] == pytest.approx(0.75)
    assert s["rouge2"] == pytest.approx(1 / 3)
    # LCS a b d = 3 -> 0.75
    assert s["rougeL"] == pytest.approx(0.75)


def test_rouge_clipped_counts_and_reference_average() -> None:
    # candidate repeats "a" three times; the reference has it once: clipped to 1
    assert rouge.rouge_n(["a", "a", "a"], ["a", "b"], 1) == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))
    s = rouge.score("a b", ["a b", "c d"])
    assert s["rouge1"] == pytest.approx(0.5)
    assert s["rouge2"] == pytest.approx(0.5)


def test_rouge_cuts_candidate_at_budget() -> None:
    ref = "x y"
    cand = "x y " + "z " * 300
    assert rouge.score(cand, [ref], max_words=2)["rouge2"] == pytest.approx(1.0)
    assert rouge.score(cand, [ref], max_words=200)["rouge2"] < 0.05


def test_lcs() -> None:
    assert rouge.lcs_length(list("ABCBDAB"), list("BDCABA")) == 4
    assert rouge.lcs_length([], ["a"]) == 0


# --------------------------------------------------------------------------- summariser


def _doc(art: str, texts: list[str], title: str = "", published: str | None = None) -> SummaryDoc:
    return SummaryDoc(
        id=art, title=title, published=published,
        sentences=[SummarySentence(t, art, i + 1) for i, t in enumerate(texts)],
    )


def _weights_of(cands: list, by_sentence: dict[str, float]) -> dict:
    """Concept weights giving each bigram of a sentence that sentence's weight (the later
    sentence's where two share a bigram)."""
    by_text = {x.sent.text: x for x in cands}
    return {bg: wt for text, wt in by_sentence.items() for bg in by_text[text].bi}


def _picked(cands: list, weights: dict, budget: int, params: dict) -> list[str]:
    """The texts ``select`` picks, in the order picked."""
    return [cands[i].sent.text for i in select(cands, weights, budget, params)]


SHARED = (
    "Máy bay chở 66 người của hãng EgyptAir mất tích trên Địa Trung Hải khi bay từ Paris "
    "đến Cairo sáng 19/5."
)
DOCS = [
    _doc("a", [
        SHARED,
        "Ai Cập cho biết đã tìm thấy mảnh vỡ của chiếc máy bay gần đảo Karpathos của Hy Lạp.",
        "Thời tiết tại Cairo hôm nay nắng nhẹ và có gió.",
    ], title="Máy bay EgyptAir mất tích trên Địa Trung Hải", published="20/05/2016 11:03"),
    _doc("b", [
        SHARED,  # the same wire copy reprinted
        "Pháp cử ba chuyên gia sang Ai Cập tham gia điều tra vụ máy bay mất tích.",
        "Hy Lạp tìm thấy mảnh vỡ của máy bay EgyptAir gần đảo Karpathos ở Địa Trung Hải.",
    ], title="Pháp tham gia điều tra vụ máy bay EgyptAir", published="19/05/2016 22:10"),
    _doc("c", [
        "Hãng EgyptAir xác nhận máy bay chở 66 người đã rơi xuống Địa Trung Hải.",
        "Gia đình các hành khách đã được thông báo về vụ máy bay mất tích.",
    ], title="EgyptAir xác nhận máy bay rơi", published=None),
]


def test_budget_is_never_exceeded() -> None:
    for budget in (0, 10, 25, 40, 200):
        out = summarize(DOCS, max_words=budget)
        assert sum(len(s.text.split()) for s in out) <= budget
    # nothing is truncated: every sentence is one of the input sentences, whole
    inputs = {(s.article, s.line, s.text) for d in DOCS for s in d.sentences}
    for s in summarize(DOCS, max_words=30):
        assert (s.article, s.line, s.text) in inputs


def test_near_duplicates_not_both_selected() -> None:
    out = summarize(DOCS, max_words=200)
    assert sum(1 for s in out if s.text == SHARED) == 1
    assert out, "a summary of related documents is not empty"


def test_exact_duplicate_documents_count_once() -> None:
    twice = [DOCS[0], _doc("a2", [s.text for s in DOCS[0].sentences], DOCS[0].title or "")]
    out = summarize(twice, max_words=200)
    texts = [s.text for s in out]
    assert len(texts) == len(set(texts))
    assert all(s.article == "a" for s in out)


def test_deterministic_and_in_reading_order() -> None:
    a = summarize(DOCS, max_words=60)
    b = summarize(list(DOCS), max_words=60)
    assert a == b
    # documents by date (b is older than a; c is undated, last), sentences by position
    order = {"b": 0, "a": 1, "c": 2}
    keys = [(order[s.article], s.line) for s in a]
    assert keys == sorted(keys)


def test_dates_and_reading_order() -> None:
    assert date_key("Thứ 6, 11:03, 20/05/2016") == (2016, 5, 20, 663)
    assert date_key("Thứ Sáu, ngày 20/05/2016 11:46 PM (GMT+7)") == (2016, 5, 20, 23 * 60 + 46)
    assert date_key("2017-07-22") == (2017, 7, 22, 0)
    assert date_key("không rõ") is None
    assert reading_order(DOCS) == [1, 0, 2]


def test_is_sentence() -> None:
    assert is_sentence("Hy Lạp tìm thấy mảnh vỡ của máy bay.")
    assert is_sentence("Ông nói: “Chúng tôi sẽ điều tra.”")
    assert is_sentence("Vì sao?")
    # headings, captions, bylines and list openers are not sentences
    assert not is_sentence("NGA VÀ UKRAINE ĐẠT THỎA THUẬN XUẤT KHẨU NGŨ CỐC")
    assert not is_sentence("Ảnh: Reuters")
    assert not is_sentence("Theo thầy giáo, chiến thuật làm bài gồm:")


def _weights(docs: list[SummaryDoc]) -> tuple[list, dict]:
    _, cands = candidates(docs)
    w = {b: 1.0 for c in cands for b in c.bi}
    return cands, w


def test_units_not_ending_like_sentences_are_left_out() -> None:
    heading = "Ai Cập xác nhận tìm thấy mảnh vỡ máy bay gần đảo Karpathos"
    docs = [_doc("a", [heading, SHARED, "Thời tiết tại Cairo hôm nay nắng nhẹ và có gió."])]
    cands, w = _weights(docs)
    params = {"min_tokens": 6, "dup_cut": 0.6, "alpha": 0.9, "need_end": 1}
    picked = _picked(cands, w, 200, params)
    assert heading not in picked and SHARED in picked
    # without the rule the heading is a candidate like any other
    picked = _picked(cands, w, 200, {**params, "need_end": 0})
    assert heading in picked
    # a document with no unit ending like a sentence still gets a summary
    bare = [_doc("b", [heading, "Thời tiết tại Cairo hôm nay nắng nhẹ và có gió"])]
    cands, w = _weights(bare)
    assert select(cands, w, 200, params)


def test_opening_sentence_bonus() -> None:
    # a (second sentence of x) carries more new weight than b (opener of y), same length:
    # without the bonus a is picked, with a large opening bonus b is
    a = "Hy Lạp tìm thấy mảnh vỡ của máy bay gần đảo Karpathos chiều 20/5."
    b = "Pháp cử ba chuyên gia sang Ai Cập điều tra vụ rơi máy bay."
    assert len(a.split()) == len(b.split())
    docs = [_doc("x", ["Thời tiết tại Cairo nắng nhẹ và có gió.", a]), _doc("y", [b])]
    _, cands = candidates(docs)
    by_text = {c.sent.text: c for c in cands}
    w = {bg: 0.5 for bg in by_text[b].bi}
    w.update({bg: 1.0 for bg in by_text[a].bi})
    params = {"min_tokens": 6, "dup_cut": 0.6, "alpha": 0.9}
    budget = len(a.split())
    without = select(cands, w, budget, {**params, "first_bonus": 0.0})
    assert [cands[i].sent.text for i in without] == [a]
    with_bonus = select(cands, w, budget, {**params, "first_bonus": 8.0})
    assert [cands[i].sent.text for i in with_bonus] == [b]


def test_support_features_by_hand() -> None:
    from thoisu.stories.summarize import FEATURES, features

    docs, cands = candidates(DOCS)
    idf = {"máy": 1.5, "bay": 2.0, "hy": 3.0}
    x = features(docs, cands, idf, 4.0)
    col = {f: FEATURES.index(f) for f in FEATURES}
    for i, c in enumerate(cands):
        bdocs = [len({d.doc for d in cands if b in d.bi}) for b in sorted(c.bi)]
        sup = [(k - 1) / 2 for k in bdocs]  # 3 documents
        bw = [idf.get(a, 4.0) + idf.get(b, 4.0) for a, b in sorted(c.bi)]
        assert x[i, col["support2"]] == pytest.approx(sum(sup) / len(sup))
        assert x[i, col["support2_idf"]] == pytest.approx(
            sum(a * q for a, q in zip(sup, bw, strict=True)) / sum(bw))
        assert x[i, col["support2_multi"]] == pytest.approx(
            sum(k >= 3 for k in bdocs) / len(bdocs))
        toks = sorted(set(c.toks))
        sup1 = [(len({d.doc for d in cands if t in d.toks}) - 1) / 2 for t in toks]
        wts = [idf.get(t, 4.0) for t in toks]
        assert x[i, col["support1_idf"]] == pytest.approx(
            sum(a * q for a, q in zip(sup1, wts, strict=True)) / sum(wts))
        assert x[i, col["mean_idf"]] == pytest.approx(sum(wts) / len(wts))
        digits = sum(any(ch.isdigit() for ch in t) for t in c.toks)
        assert x[i, col["num_ratio"]] == pytest.approx(digits / len(c.toks))


def test_opening_bonus_scaled_by_novelty() -> None:
    # y's opening retells x's (picked first); z's second sentence is new. With the full
    # bonus the retelling is picked next, with the bonus scaled by the uncovered share the
    # new sentence is
    first = "Máy bay của hãng EgyptAir mất tích trên Địa Trung Hải sáng 19/5."
    retell = "Máy bay của hãng EgyptAir mất tích trên Địa Trung Hải hôm 19/5."
    new = "Pháp cử ba chuyên gia sang Ai Cập điều tra vụ việc này."
    docs = [_doc("x", [first]), _doc("y", [retell]), _doc("z", ["Tin cập nhật.", new])]
    _, cands = candidates(docs)
    by_text = {c.sent.text: c for c in cands}
    w = {bg: 1.0 for bg in by_text[first].bi}
    w.update({bg: 0.3 for bg in by_text[new].bi})
    params = {"min_tokens": 6, "dup_cut": 1.1, "alpha": 0.6, "first_bonus": 10.0}
    budget = len(first.split()) * 2
    full = select(cands, w, budget, params)
    scaled = select(cands, w, budget, {**params, "novel_bonus": 1})
    assert [cands[i].sent.text for i in full] == [first, retell]
    assert [cands[i].sent.text for i in scaled] == [first, new]


def test_summariser_tokens_come_from_text_not_rouge() -> None:
    import sys

    from thoisu import text

    assert sys.modules["thoisu.stories.summarize.documents"].syllables is text.syllables
    assert rouge.tokens("Bình_Nhưỡng, 19/5") == text.syllables("Bình_Nhưỡng, 19/5")
    pkg = ROOT / "src" / "thoisu" / "stories" / "summarize"
    for f in pkg.glob("*.py"):
        imports = [ln for ln in f.read_text(encoding="utf-8").splitlines()
                   if ln.lstrip().startswith(("import ", "from "))]
        assert not any("rouge" in ln for ln in imports), f.name


def test_keep_rates_smoothed_and_own_statistics_left_out() -> None:
    keep = KeepRates(
        syllables={"biết": (100.0, 5.0), "nga": (100.0, 60.0)},
        bigrams={"cho biết": (100.0, 2.0)},
        prior_syllable=0.25, prior_bigram=0.1, smooth=5.0)
    # rarely kept speech verb vs usually kept name; unseen entries sit at the prior
    assert keep.rate("biết", False)[0] == pytest.approx((5 + 1.25) / 105)
    assert keep.rate("nga", False)[0] > 0.5 > keep.rate("biết", False)[0]
    assert keep.rate("xyz", False) == (0.25, 0.0)
    assert keep.rate("cho biết", True) == (pytest.approx((2 + 0.5) / 105), 100.0)
    # training: a cluster's own references do not feed its own features
    own = KeepRates(keep.syllables, keep.bigrams, 0.25, 0.1, 5.0,
                    own_syllables={"nga": 1.0}, own_bigrams={"cho biết": 1.0})
    assert own.rate("nga", False)[0] == pytest.approx((59 + 1.25) / 104)
    assert own.rate("cho biết", True) == (pytest.approx((1 + 0.5) / 104), 99.0)
    _, cands = candidates([_doc("a", ["Nga cho biết xyz.", "Cho biết vậy."])])
    x = keep_features([("cho", "biết"), ("nga", "xyz")], cands, keep)
    assert x.shape == (2, 7)
    assert x[1, 2] == pytest.approx(0.25)  # min of the two syllable rates
    assert x[1, 4] == 0.0  # bigram never seen in training
    # sentence context: "cho biết" sits in a sentence with "nga" (best) and first there
    first = np.mean([keep.rate(t, False)[0] for t in ("nga", "cho", "biết", "xyz")])
    second = np.mean([keep.rate(t, False)[0] for t in ("cho", "biết", "vậy")])
    assert x[0, 5] == pytest.approx(max(first, second))
    assert x[0, 6] == pytest.approx(first)


def test_empty_input() -> None:
    assert summarize([]) == []
    assert summarize([SummaryDoc(id="x")]) == []


def test_lead_baseline_round_robin() -> None:
    text = lead_summary(DOCS, max_words=200)
    assert text.startswith(SHARED + " " + SHARED + " Hãng EgyptAir")
    assert len(lead_summary(DOCS, max_words=12).split()) == 12


# --------------------------------------------------------------------------- real clusters


def _clusters(name: str, n: int) -> list[dict]:
    path = MDS / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) == n:
                break
    return out


@pytest.mark.parametrize("name", ["abmusu-validation.jsonl", "vims-dev.jsonl"])
def test_real_clusters_sentences_traceable(name: str) -> None:
    for cluster in _clusters(name, 3):
        docs = cluster_docs(cluster)
        out = summarize(docs, max_words=200)
        assert out
        assert sum(len(s.text.split()) for s in out) <= 200
        paras = {str(d.get("id")): (d.get("text") or "").split("\n") for d in cluster["documents"]}
        for s in out:
            # the sentence is in the paragraph its line points to, of the article it names
            # (a variant without its connective head: the rest, first letter capitalised)
            para = paras[s.article][s.line - 1]
            assert s.text in para or s.text[:1].lower() + s.text[1:] in para
        text = summarize_cluster(cluster)
        assert text == " ".join(s.text for s in out)
        # on a real cluster the summary shares content with the human summaries
        assert rouge.score(text, cluster["summaries"])["rouge2"] > 0.1


# --------------------------------------------------------------------------- model


def _stump(feature: int, threshold: float, low: float, high: float) -> dict:
    """One depth-1 tree in the exported flat-array layout."""
    return {"feature": [feature, -1, -1], "threshold": [threshold, -2.0, -2.0],
            "left": [1, -1, -1], "right": [2, -1, -1], "value": [0.0, low, high]}


def test_bag_prediction_is_mean_of_members() -> None:
    a = {"init": 0.1, "learning_rate": 0.5, "max_depth": 1, "trees": [_stump(0, 0.5, -1.0, 1.0)]}
    b = {"init": 0.3, "learning_rate": 1.0, "max_depth": 1, "trees": [_stump(1, 2.0, 0.2, 0.4)]}
    x = np.array([[0.0, 1.0], [1.0, 3.0], [0.5, 2.0]])
    pa = predict(compile_model(copy.deepcopy(a)), x)
    pb = predict(compile_model(copy.deepcopy(b)), x)
    # each member by hand: init + learning_rate * leaf value (x <= threshold goes left)
    assert pa == pytest.approx([0.1 - 0.5, 0.1 + 0.5, 0.1 - 0.5])
    assert pb == pytest.approx([0.3 + 0.2, 0.3 + 0.4, 0.3 + 0.2])
    bag = compile_model({"members": [copy.deepcopy(a), copy.deepcopy(b)]})
    assert predict(bag, x) == pytest.approx((pa + pb) / 2)



def _random_tree(rng: np.random.Generator, depth: int, n_feat: int) -> dict:
    """A tree in the exported layout (depth-first ids), leaves at varying depths."""
    tree: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "value")}

    def grow(d: int) -> int:
        i = len(tree["feature"])
        for k in tree:
            tree[k].append(-1)
        tree["value"][i] = float(rng.normal())
        if d < depth and rng.random() < 0.8:
            tree["feature"][i] = int(rng.integers(0, n_feat))
            tree["threshold"][i] = float(rng.normal())
            tree["left"][i] = grow(d + 1)
            tree["right"][i] = grow(d + 1)
        else:
            tree["threshold"][i] = -2.0
        return i

    grow(0)
    return tree


def test_all_trees_at_once_equal_one_tree_at_a_time() -> None:
    rng = np.random.default_rng(3)
    model = {"init": 0.2, "learning_rate": 0.1, "max_depth": 3,
             "trees": [_random_tree(rng, 3, 5) for _ in range(40)]}
    x = rng.normal(size=(5000, 5))  # more rows than one chunk
    x[::7, 2] = 0.0
    # the reference: walk each tree alone, add init + lr * leaf value tree by tree
    want = np.full(len(x), 0.2)
    for t in model["trees"]:
        for r, row in enumerate(x):
            node = 0
            while t["feature"][node] >= 0:
                go_left = row[t["feature"][node]] <= t["threshold"][node]
                node = t["left"][node] if go_left else t["right"][node]
            want[r] += 0.1 * t["value"][node]
    assert np.array_equal(predict(compile_model(model), x), want)


# --------------------------------------------------------------------------- bounded cost


@pytest.mark.parametrize("small_product", [0, 1 << 40])  # BLAS blocks / numpy's loops
def test_block_similarity_stats_match_a_dense_matrix(small_product: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from thoisu.stories.summarize.similarity import other_doc_stats, tfidf_rows

    monkeypatch.setattr(sys.modules["thoisu.stories.summarize.similarity"], "SMALL_PRODUCT",
                        small_product)

    rng = np.random.default_rng(0)
    ids = [list(rng.integers(0, 30, size=rng.integers(0, 12))) for _ in range(150)]
    w = rng.uniform(1, 3, size=30).astype(np.float32)
    doc_of = np.sort(rng.integers(0, 7, size=150))
    n_docs = int(doc_of.max()) + 1
    stats = other_doc_stats(tfidf_rows(ids, w), doc_of, n_docs)
    dense = np.zeros((150, 30))
    for i, row in enumerate(ids):
        for t in row:
            dense[i, t] += w[t]
    norm = np.linalg.norm(dense, axis=1, keepdims=True)
    dense /= np.where(norm == 0, 1, norm)
    sim = np.where(doc_of[:, None] != doc_of[None, :], dense @ dense.T, 0.0)
    assert stats.best == pytest.approx(sim.max(axis=1), abs=1e-5)
    assert stats.top3 == pytest.approx(np.sort(sim, axis=1)[:, -3:].mean(axis=1), abs=1e-5)
    per_doc = np.stack([sim[:, doc_of == d].max(axis=1) for d in range(n_docs)], axis=1)
    assert stats.consensus == pytest.approx(per_doc.sum(axis=1) / (n_docs - 1), abs=1e-5)
    assert list(stats.dup_docs) == list((per_doc > 0.8).sum(axis=1))


def test_lazy_greedy_picks_as_a_full_scan() -> None:
    # the reference: rescan every remaining sentence each round (ties to the lower index)
    def scan(cands: list, w: dict, budget: int, alpha: float) -> list[int]:
        pool = [i for i, c in enumerate(cands) if len(c.toks) >= 1]
        covered: set = set()
        chosen: list[int] = []
        used = 0
        while pool:
            vals = [(sum(w.get(b, 0.0) for b in cands[i].bi - covered) / cands[i].words**alpha, -i)
                    for i in pool]
            v, neg = max(vals)
            if v <= 0:
                break
            chosen.append(-neg)
            used += cands[-neg].words
            covered |= cands[-neg].bi
            pool = [i for i in pool if i != -neg and cands[i].words <= budget - used]
        return chosen

    rng = np.random.default_rng(1)
    vocab = [f"w{k}" for k in range(25)]
    texts = [" ".join(rng.choice(vocab, size=rng.integers(2, 12))) + "." for _ in range(60)]
    _, cands = candidates([_doc("a", texts[:30]), _doc("b", texts[30:])])
    w = {b: float(rng.integers(0, 4)) for c in cands for b in c.bi}  # many ties
    params = {"min_tokens": 1, "dup_cut": 2.0, "alpha": 0.7}
    for budget in (15, 40, 120):
        assert select(cands, w, budget, params) == scan(cands, w, budget, 0.7)


def test_candidate_cap_keeps_earliest_sentences_of_every_document() -> None:
    docs = [_doc(k, [f"Câu số {i} của bài {k} nói về máy bay." for i in range(10)])
            for k in "abc"]
    _, cands = candidates(docs, limit=7)
    assert len(cands) == 7
    assert sorted((c.pos, c.doc) for c in cands) == [(0, 0), (0, 1), (0, 2), (1, 0),
                                                      (1, 1), (1, 2), (2, 0)]
    assert [(c.doc, c.pos) for c in cands] == sorted((c.doc, c.pos) for c in cands)
    # a thread-sized input is summarised within the budget
    big = [_doc(f"s{k}", [f"Sự kiện {k} diễn ra tại Hà Nội ngày {k % 28 + 1}/5 với nhiều "
                          f"người tham gia {j}." for j in range(5)]) for k in range(400)]
    out = summarize(big, max_words=120)
    assert out and sum(len(s.text.split()) for s in out) <= 120



@pytest.mark.parametrize("name", ["abmusu-validation.jsonl", "vims-dev.jsonl"])
def test_lean_features_equal_the_full_matrix_on_the_columns_asked(name: str) -> None:
    # the summariser computes only the sentence features its concept rows aggregate; the
    # trainer computes them all: the two must agree exactly where the model reads them
    from thoisu.stories.summarize import AGGREGATED, ALL_FEATURES, features, load_model

    model = load_model()
    cols = [ALL_FEATURES.index(f) for f in AGGREGATED]
    for cluster in _clusters(name, 3):
        docs, cands = candidates(cluster_docs(cluster))
        full = features(docs, cands, model["idf"], model["default_idf"])
        lean = features(docs, cands, model["idf"], model["default_idf"], only=AGGREGATED)
        assert full.shape == lean.shape
        assert np.array_equal(full[:, cols], lean[:, cols])
        assert not lean[:, [ALL_FEATURES.index("support1")]].any()  # not asked: not computed


def test_lead_positions_bonus_decays_by_position() -> None:
    # c, the second sentence of x, is lighter than d, the third sentence of y: with the
    # bonus on openings only d is picked; over three positions with decay 0.5, c earns
    # bonus/2 and d bonus/4, and c is
    c = "Hy Lạp tìm thấy mảnh vỡ của máy bay gần đảo Karpathos chiều 20/5."
    d = "Pháp cử ba chuyên gia sang Ai Cập điều tra vụ rơi máy bay."
    assert len(c.split()) == len(d.split())
    docs = [_doc("x", ["Tin cập nhật.", c]),
            _doc("y", ["Tin cập nhật thêm.", "Tin mới.", d])]
    _, cands = candidates(docs)
    w = _weights_of(cands, {c: 0.5, d: 1.0})
    params = {"min_tokens": 6, "dup_cut": 0.6, "alpha": 0.6, "first_bonus": 40.0}
    budget = len(c.split())
    assert _picked(cands, w, budget, params) == [d]
    decayed = {**params, "lead_positions": 3, "lead_decay": 0.5}
    assert _picked(cands, w, budget, decayed) == [c]


def test_opening_bonus_by_rank_among_pickable_units() -> None:
    # x opens with a short heading, so its first sentence c is unit 1: by index it earns
    # no opening bonus and e (y's opening, worth nothing) wins; by rank among the units
    # that could be picked, c opens x and wins
    c = "Hy Lạp tìm thấy mảnh vỡ của máy bay gần đảo Karpathos chiều 20/5."
    e = "Thời tiết tại Cairo hôm nay nắng nhẹ và có gió từ sáng."
    _, cands = candidates([_doc("x", ["Tin cập nhật.", c]), _doc("y", [e])])
    w = {bg: 0.5 for x in cands if x.sent.text == c for bg in x.bi}
    params = {"min_tokens": 6, "dup_cut": 0.6, "alpha": 0.6, "first_bonus": 40.0}
    budget = len(c.split())
    assert _picked(cands, w, budget, params) == [e]
    ranked = {**params, "lead_by_rank": 1}
    assert _picked(cands, w, budget, ranked) == [c]


def test_units_opening_in_lower_case_are_left_out() -> None:
    # the splitter cut after an ellipsis: the unit after it opens in lower case and reads
    # as a fragment; with need_capital it is not picked, however heavy its bigrams
    frag = "được đăng, phát trên các phương tiện thông tin đại chúng trong cả nước."
    docs = [_doc("a", ["Các bài viết về xây dựng Đảng, phòng chống tham nhũng...", frag,
                       SHARED])]
    cands, _ = _weights(docs)
    w = {b: 1.0 for c in cands if c.sent.text == frag for b in c.bi}
    w.update({b: 0.1 for c in cands if c.sent.text == SHARED for b in c.bi})
    params = {"min_tokens": 6, "dup_cut": 0.6, "alpha": 0.6, "need_end": 1}
    assert frag in _picked(cands, w, 200, params)
    picked = _picked(cands, w, 200, {**params, "need_capital": 1})
    assert frag not in picked and SHARED in picked
    # quotes and brackets before the first letter do not count; digits open a sentence
    from thoisu.stories.summarize.select import opens_sentence

    assert opens_sentence("“Chúng tôi sẽ điều tra.”") and opens_sentence("19 người bị thương.")
    assert not opens_sentence("(được đăng lại).")


# --------------------------------------------------------------------------- compression

_RULES = Rules(head_cues=("tuy nhiên", "bên cạnh đó"), tail_cues=("cho biết",))


def test_variants_cut_a_cued_clause_at_either_end() -> None:
    body = "giá xăng dầu trong nước tăng mạnh so với tháng trước"
    assert variants(f"Tuy nhiên, {body}.", _RULES) == [f"G{body[1:]}."]
    assert variants(f"G{body[1:]}, ông Nguyễn Văn A cho biết.", _RULES) == [f"G{body[1:]}."]
    both = variants(f"Bên cạnh đó, {body}, ông A cho biết.", _RULES)
    assert both == [f"G{body[1:]}, ông A cho biết.", f"Bên cạnh đó, {body}.", f"G{body[1:]}."]
    # no cue, a clause too long, or too little left: no variant
    assert variants(f"Trong tháng này, {body}.", _RULES) == []
    assert variants("Tuy nhiên, giá tăng mạnh.", _RULES) == []
    # a head is cut only when it is the connective alone, not a clause opening with one
    assert variants(f"Tuy nhiên trong tháng 5, {body}.", _RULES) == []
    assert variants(f"G{body[1:]}, " + "ông A " * 8 + "cho biết.", _RULES) == []
    assert variants(f"Tuy nhiên, {body}.", None) == []


def test_variants_compete_with_their_sentence_and_keep_its_source() -> None:
    text = "Tuy nhiên, Ai Cập đã tìm thấy mảnh vỡ của chiếc máy bay gần đảo Karpathos."
    docs, cands = candidates([_doc("a", [text, SHARED])])
    pool = with_variants(cands, _RULES)
    assert len(pool) == 3 and pool[2].sent.text.startswith("Ai Cập đã tìm thấy")
    assert (pool[2].doc, pool[2].pos, pool[2].sent.article, pool[2].sent.line) == (0, 0, "a", 1)
    # the connective is worth nothing: the variant wins (same weight, fewer words) and its
    # sentence, a near-duplicate of it, is never picked as well
    weights = {b: 1.0 for c in cands for b in c.bi if "nhiên" not in b}
    params = {"min_tokens": 1, "dup_cut": 0.6, "alpha": 1.0, "compress": {
        "head_cues": ["tuy nhiên"]}}
    got = [c.sent.text for c in pick(cands, weights, 200, params)]
    assert pool[2].sent.text in got and text not in got
    # without rules in the parameters, the sentences only
    assert text in [c.sent.text for c in pick(cands, weights, 200, {**params, "compress": None})]


def test_units_leaving_a_quotation_open_are_left_out() -> None:
    assert quotes_closed('Ông A nói: "Chúng tôi sẽ làm rõ vụ việc".')
    assert not quotes_closed('"Tôi là chủ một doanh nghiệp với gần 300 nhân viên.')
    assert not quotes_closed("“Tôi là chủ một doanh nghiệp với gần 300 nhân viên.")
    open_q = "“Tôi là chủ một doanh nghiệp với gần 300 nhân viên ở thành phố."
    docs, cands = candidates([_doc("a", [open_q, SHARED])])
    weights = {b: 1.0 for c in cands for b in c.bi}
    params = {"min_tokens": 1, "need_end": 1, "need_closed_quotes": 1}
    assert _picked(cands, weights, 200, params) == [SHARED]
    assert len(select(cands, weights, 200, {**params, "need_closed_quotes": 0})) == 2


def test_position_power_discounts_later_sentences_gain() -> None:
    # c, the fourth unit of x, holds more concept weight than d, y's opening, and wins on
    # weight alone; with pos_power 0.5 its gain is divided by (3 + 1) ** 0.5 = 2, below d's
    c = "Hy Lạp tìm thấy mảnh vỡ của máy bay gần đảo Karpathos chiều 20/5."
    d = "Pháp cử ba chuyên gia sang Ai Cập điều tra vụ rơi máy bay."
    assert len(c.split()) == len(d.split())
    docs = [_doc("x", ["Tin cập nhật đầu tiên trong ngày hôm nay.",
                       "Tin cập nhật thứ hai trong ngày hôm nay.",
                       "Tin cập nhật thứ ba trong ngày hôm nay.", c]),
            _doc("y", [d])]
    _, cands = candidates(docs)
    w = _weights_of(cands, {c: 1.0, d: 0.7})
    params = {"min_tokens": 6, "dup_cut": 0.6, "alpha": 0.6, "lead_by_rank": 1}
    budget = len(c.split())
    assert _picked(cands, w, budget, params) == [c]
    discounted = {**params, "pos_power": 0.5}
    assert _picked(cands, w, budget, discounted) == [d]
