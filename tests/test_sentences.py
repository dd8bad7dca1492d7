from thoisu.annotate.sentences import annotate_sentences, split_text, tokenize
from thoisu.models import Article, Paragraph


def test_split_keeps_quotes_dates_and_abbreviations_inside():
    text = ('Ông A nói. Bà B đáp: "Không." Ngày 16.1, Mỹ phản đối tại TP. Hồ Chí Minh. '
            "Giá tăng 3.5%? “Chúng tôi sẽ đi”, ông nói. Ông J. Smith đến.")
    got = [s for _, s in split_text(text)]
    assert got == ["Ông A nói.", 'Bà B đáp: "Không."', "Ngày 16.1, Mỹ phản đối tại TP. Hồ Chí Minh.",
                   "Giá tăng 3.5%?", "“Chúng tôi sẽ đi”, ông nói.", "Ông J. Smith đến."]


def test_offsets_point_into_the_paragraph():
    text = "  Câu một.  Câu hai có tháng 9.2023 trong đó. Câu ba"
    for start, sent in split_text(text):
        assert text[start:start + len(sent)] == sent


def test_words_join_syllables_and_sentences_carry_lines():
    assert "Bình_Nhưỡng" in tokenize("Ông Burmistrov đến Bình Nhưỡng hôm 22/7.")
    art = Article(id="a", page="p", paragraphs=[Paragraph("Câu một. Câu hai.", 5), Paragraph("Câu ba.", 7)])
    sents = annotate_sentences(art)
    assert [(s.text, s.line, s.para) for s in sents] == [("Câu một.", 5, 0), ("Câu hai.", 5, 0), ("Câu ba.", 7, 1)]
    assert sents[0].tokens


def test_tokenize_matches_underthesea_with_and_without_misspellings() -> None:
    # the misspelling lookup is skipped for sentences without one: same words either way
    from underthesea import word_tokenize

    for s in ("Ông Burmistrov đến Bình Nhưỡng hôm 22/7, taị đây ông gặp lãnh đạo.",
              "Bộ trưởng nói nghành du lịch 2023 phục hồi mạnh.",
              "Tổng thống Nga Vladimir Putin ngày 16.1 cho biết Điện Kremlin sẵn sàng đàm phán."):
        want = [w.replace(" ", "_") for w in word_tokenize(s)]
        assert tokenize(s) == want
    assert "tại" in tokenize("Họp taị Hà Nội.")


def test_the_model_loaded_with_the_c_unpickler_tags_as_underthesea_loads_it() -> None:
    # sentences._load_model reads the model's tables itself: same tables, same tags
    from pathlib import Path

    import underthesea.pipeline.word_tokenize as wt
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

    from thoisu.annotate.sentences import _load_model

    _load_model()
    ours = wt.word_tokenize_model
    theirs = FastCRFSequenceTagger()
    theirs.load(str(Path(wt.__file__).with_name("models") / "ws_crf_vlsp2013_20230727"))
    assert ours is not None and type(ours) is type(theirs)
    for s in ("Ông Burmistrov đến Bình Nhưỡng hôm 22/7, tại đây ông gặp lãnh đạo Triều Tiên.",
              "Tổng thống Nga Vladimir Putin ngày 16.1 cho biết Điện Kremlin sẵn sàng đàm phán."):
        feats = [[t] for t in s.replace(",", " ,").replace(".", " .").split()]
        assert ours.predict(feats) == theirs.predict(feats)


def test_the_fast_segmenter_gives_underthesea_words_on_the_examples() -> None:
    # sentences._without_normalize reads underthesea's token pattern itself; every
    # sentence of the bundled examples must come out as word_tokenize has it
    from pathlib import Path

    from underthesea import word_tokenize

    from thoisu.annotate.sentences import _segmenters

    assert _segmenters()[1].__name__ == "segment"  # the fast path is the one tested
    root = Path(__file__).resolve().parents[1] / "examples"
    sents = [s for f in sorted(root.glob("*.txt")) for line in f.read_text("utf-8").splitlines()
             for _, s in split_text(line)]
    assert len(sents) > 100
    for s in sents:
        assert tokenize(s) == [w.replace(" ", "_") for w in word_tokenize(s)], s


def test_the_python_crf_tags_as_underthesea_s_tagger() -> None:
    # crf_tagger scores underthesea's model itself: every sentence of the bundled examples
    # and the short and odd ones must get the labels underthesea's Rust tagger gives
    from pathlib import Path

    import underthesea.pipeline.word_tokenize as wt
    from underthesea.pipeline.text_normalize.character_normalize import (
        normalize_characters_in_text,
    )
    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

    from thoisu.annotate import sentences
    from thoisu.annotate.crf_tagger import Tagger

    sentences._load_model()
    predict = wt.word_tokenize_model.predict
    ours = Tagger.load(sentences._model_dir())
    assert ours is not None
    assert sentences._python_tagger() is not None  # verified or probed: it is used
    root = Path(__file__).resolve().parents[1] / "examples"
    sents = [s for f in sorted(root.glob("*.txt")) for line in f.read_text("utf-8").splitlines()
             for _, s in split_text(line)]
    sents += ["Hà", "Việt Nam", "12", "A.", "TP.HCM 3.5 iPhone McDonald ĐH x2 Ab1",
              "2024 – 2025 : “ Tổng thư ký ” …"]
    assert len(sents) > 100
    for s in sents:
        tokens = [m.group() for m in patterns.finditer(normalize_characters_in_text(s))]
        assert ours.tag(tokens) == list(predict([[t] for t in tokens])), s
    assert ours.tag([]) == []


def test_a_model_not_verified_is_probed_against_underthesea_s_tagger(monkeypatch) -> None:
    from thoisu.annotate import crf_tagger, sentences

    class WrongTagger:  # tags every token as inside a word
        fingerprint = "not verified"

        @classmethod
        def load(cls, model_dir: object, cache_dir: object = None) -> "WrongTagger":
            return cls()

        def tag(self, tokens: list[str]) -> list[str]:
            return ["I-W"] * len(tokens)

    monkeypatch.setattr(sentences, "_verified_models", lambda: {})
    sentences._python_tagger.cache_clear()
    try:
        assert sentences._python_tagger() is not None  # the real one agrees on the probes
        monkeypatch.setattr(crf_tagger, "Tagger", WrongTagger)
        sentences._python_tagger.cache_clear()
        assert sentences._python_tagger() is None  # tags otherwise: underthesea's is kept
    finally:
        sentences._python_tagger.cache_clear()


def test_the_prepared_tagger_is_kept_and_read_back(tmp_path) -> None:
    from thoisu.annotate import sentences
    from thoisu.annotate.crf_tagger import Tagger

    tokens = ["Ông", "Kim", "Jong", "Un", "đến", "Nga", "ngày", "12/9", "."]
    fresh = Tagger.load(sentences._model_dir(), tmp_path)
    kept = list(tmp_path.glob("crf-*.pickle"))
    assert fresh is not None and len(kept) == 1
    again = Tagger.load(sentences._model_dir(), tmp_path)
    assert again is not None and again is not fresh and again.tag(tokens) == fresh.tag(tokens)
    stale = tmp_path / f"{kept[0].name.rsplit('-', 1)[0]}-0000000000000000.pickle"
    stale.write_bytes(b"prepared by another version")
    kept[0].write_bytes(b"not a pickle")  # unreadable: prepared again, and kept again
    third = Tagger.load(sentences._model_dir(), tmp_path)
    assert third is not None and third.tag(tokens) == fresh.tag(tokens)
    assert kept[0].read_bytes() != b"not a pickle"
    assert not stale.exists()  # another version's sums are not left behind


def test_near_ties_are_left_to_underthesea_s_tagger() -> None:
    # a run of symbols the model never saw makes two labellings score the same; the sums
    # here may differ from underthesea's in the last bits, so its own tagger decides
    from thoisu.annotate import sentences
    from thoisu.annotate.crf_tagger import Tagger

    ours = Tagger.load(sentences._model_dir())
    assert ours is not None and ours.tag(["⁂"] * 6) is None
    text = "Ông Kim ⁂ ⁂ ⁂ ⁂ ⁂ ⁂ nói."
    from underthesea import word_tokenize

    assert tokenize(text) == [w.replace(" ", "_") for w in word_tokenize(text)]


def test_only_latin_and_punctuation_go_to_the_python_crf() -> None:
    from thoisu.annotate.crf_tagger import plain

    assert plain("Ông Kim Jong Un – “Bình Nhưỡng” 22/7, 3.5% €")
    assert not plain("Ông Putin (Путин) và Σ")
    assert not plain("Tập Cận Bình (习近平)")


def test_the_token_pattern_without_groups_matches_as_underthesea_s() -> None:
    import re
    from pathlib import Path

    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

    from thoisu.annotate.sentences import _without_groups

    plain = _without_groups(patterns)
    assert plain is not None and plain.groups == 0
    root = Path(__file__).resolve().parents[1] / "examples"
    for f in sorted(root.glob("*.txt")):
        for line in f.read_text("utf-8").splitlines():
            assert plain.findall(line) == [m.group() for m in patterns.finditer(line)], line
    # what cannot be made plain is refused, and classes and escapes are left alone
    assert _without_groups(re.compile(r"(a)\1")) is None
    assert _without_groups(re.compile(r"(?P<x>a)(?P=x)")) is None
    assert _without_groups(re.compile(r"[(](b)[]x]\(")).pattern == r"[(](?:b)[]x]\("


def test_segmenting_leaves_underthesea_s_other_pipelines_unloaded_but_importable() -> None:
    # a fresh interpreter: this one may have imported underthesea already
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from thoisu.annotate.sentences import tokenize\n"
        "words = tokenize('Ông Kim đến Bình Nhưỡng hôm 22/7.')\n"
        "assert 'underthesea.pipeline.ner' not in sys.modules, 'NER loaded'\n"
        "import underthesea\n"
        "from underthesea import ner, word_tokenize\n"
        "assert underthesea.__version__ and underthesea.pipeline.ner\n"
        "assert words == [w.replace(' ', '_') for w in word_tokenize('Ông Kim đến Bình Nhưỡng hôm 22/7.')]\n"
        "assert ner('Bình Nhưỡng hôm nay')[0][0] == 'Bình Nhưỡng'\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_a_lower_case_word_with_marks_after_an_ellipsis_goes_on_the_sentence() -> None:
    # "đ", "ô", "ở" lie inside "À-Ỹ", which once counted as upper case
    parts = [t for _, t in split_text("Chiến dịch chống tham nhũng... được đăng trên sóng. "
                                       "Ông Kim… ông ấy nói. Ở đây mưa.")]
    assert parts == ["Chiến dịch chống tham nhũng... được đăng trên sóng.", "Ông Kim… ông ấy nói.",
                     "Ở đây mưa."]
