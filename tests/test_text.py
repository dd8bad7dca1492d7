from thoisu.text import fold, nfc, strip_accents, unify_tones


def test_old_and_new_tone_placement_fold_equal():
    for old, new in [("hoá", "hóa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Phi hạt nhân hoá", "phi hạt nhân hóa")]:
        assert fold(old) == fold(new)


def test_placement_kept_where_it_is_not_ambiguous():
    for word in ("quý", "hoàng", "toán", "thuở", "người"):
        assert unify_tones(word) == word


def test_nfc_and_accents():
    decomposed = "Vie\u0302\u0323t Nam"
    assert nfc(decomposed) == "Việt Nam"
    assert fold(decomposed) == "việt nam"
    assert strip_accents("Đà Nẵng") == "Da Nang"
