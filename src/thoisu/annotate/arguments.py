"""Where an event's arguments stand around its trigger: the subject before it (across
titles, appositions, addresses and earlier clauses), the objects after it, the place and
the date in its clause, passives, cue words and negation in reach. ``roles`` decides
from these who acts and who receives; the coding rules are in ``events``."""

from __future__ import annotations

from dataclasses import dataclass

from thoisu.annotate.event_anaphora import singular_persons
from thoisu.annotate.syntax import (
    NP,
    Analysis,
    Chain,
    role_cues,
)
from thoisu.models import TimeValue
from thoisu.text import fold


def has_cue(an: Analysis, name: str, lo: int, hi: int) -> bool:
    ps = an.res.cues[name]
    but = an.res.cues.get(name + "_except")  # "nghi phạm" is a noun, not "nghi" (suspects)
    firsts = ps.by_first
    for i in range(max(lo, 0), hi):
        if an.toks[i] not in firsts:
            continue
        k = ps.match(an.toks, i)
        if k and i + k <= hi and not an.aside[i] and not an.in_name[i] and not (
                but and (but.match(an.toks, i) > k or but.ends_at(an.toks, i + k) > k)):
            return True  # "quyết định" holds no future "định": an exception may start before
    return False


def is_negated(an: Analysis, lo: int, t: int) -> bool:
    neg, exc = an.res.cues["negation"], an.res.cues["negation_except"]
    for i in range(max(lo, t - 4), t):
        if neg.match(an.toks, i) and not exc.match(an.toks, i) and not (
            i > 0 and exc.match(an.toks, i - 1) == 2  # "phòng không" (air defence)
        ):
            return True
    return False


def clause_end(an: Analysis, j: int) -> int:
    for s, _e, _kind in an.bounds:
        if s >= j:
            return s
    return len(an.toks)


def lead_ok(an: Analysis, seg: int, start: int) -> bool:
    """Only time adverbials and connectives (at most two other words) before a subject;
    never a nominaliser ("việc Nga tấn công Ukraine" is a topic, not an event)."""
    lead, nomz = an.res.cues["subject_lead"], an.res.words["nominalizers"]
    unknown, k = 0, seg
    while k < start:
        w = an.toks[k]
        if an.aside[k] or not w.isalpha():
            k += 1
            continue
        if w in nomz:
            return False
        n = lead.match(an.toks, k)
        if n:
            k += n
            continue
        if w not in an.res.title_words:
            unknown += 1
        k += 1
    return unknown <= an.res.windows["subject_lead"]


def _side_subject(an: Analysis, ch: Chain, t: int) -> bool:
    """ "Về phía bà Trang cũng đã có đơn bác bỏ ...": a side named with 'về phía' and no
    comma before the verb is the subject (with a comma it is a topic: "Về phía Nga, ...")."""
    side = " ".join(ch.prep) in ("về phía", "phía") or (
        ch.prep == ("về",) and an.toks[ch.start] == "phía")  # "phía" read into the phrase
    return side and "," not in an.toks[ch.end : t]


def _owner_subject(an: Analysis, lo: int, ch: Chain) -> int | None:
    """First token of "các công tố viên của <ch>" (titles, "của", the body): the body acts
    through its people. None if the chain's preposition is not such a "của"."""
    k = ch.start - 1
    if ch.prep != ("của",) or k <= lo or an.toks[k] != "của":
        return None
    m = k
    while m > lo and an.toks[m - 1] in an.res.title_words and not an.aside[m - 1]:
        m -= 1
    if m < k:
        return m
    # "Lực lượng cứu hộ của Bộ đội Biên phòng tỉnh X đã cứu ...": a group of the body
    grp = an.res.cues["group_subjects"]
    for g in range(max(lo, k - an.res.windows["owner_group_words"]), k):
        n = grp.match(an.toks, g)
        if n and (g == lo or an.toks[g - 1] == ",") and not any(an.aside[g:k]):
            return g
    return None


def gpe_modifier(an: Analysis, np: NP) -> bool:
    """A country qualifying a common noun, not acting: "nữ ca sĩ 28 tuổi người Anh",
    "kỳ thủ số một Việt Nam" (cues ``gpe_modifiers`` after a lower-case word), or right
    after a noun of firms, media, teams and people that do not stand for the state
    (``gpe_qualified``)."""
    if np.head.type != "GPE":
        return False
    qual = an.res.cues["gpe_qualified"]
    at = np.start if qual.ends_at(an.toks, np.start) else np.first  # "1845 người dân" + GPE
    q = qual.ends_at(an.toks, at)
    if q and not an.in_name[at - q]:
        return True  # "hãng xe Nhật Bản", "truyền thông Trung Quốc": a firm, the media
    k = an.res.cues["gpe_modifiers"].ends_at(an.toks, np.first)
    b = np.first - k - 1
    return bool(k) and b >= 0 and an.toks[b].isalpha() and an.spans[b][0] < len(an.text) and (
        an.text[an.spans[b][0]].islower()) and an.toks[b] not in an.res.words["subject_lead"]


def find_subject(an: Analysis, lo: int, t: int, objects: set[int]) -> Chain | None:
    """The chain opening the last comma segment of t's clause that has one: Vietnamese
    subjects come first ("Theo KCNA, ông X, đại sứ ..., đã gặp Y" -> X). Failing that,
    a chain right before the trigger with only auxiliaries between ("... X đang có chuyến thăm")."""
    best: tuple[int, Chain] | None = None
    near: Chain | None = None
    glue = (an.res.words["aux"] | an.res.words["light_verbs"] | an.res.words["future"]
            | {"không", "chưa", "có", "thể"})
    if _group_before(an, lo, t, glue):
        return None  # "Tâm khai nhận tang vật cảnh sát thu giữ là ma túy": the unnamed group
    for ch in an.chains:
        if ch.start < lo or ch.end > t or not ch.keys() or id(ch.nps[0]) in objects \
                or body_place(an, ch) is not None or _destination_part(an, ch) \
                or _place_goes_on(an, ch):
            continue  # ", TP.HCM" after "Công an huyện Bình Chánh": where the body is
        led = an.res.cues["led_by"].match(an.toks, ch.end) if ch.end < t else 0
        if ch.prep == ("do",) and led:  # "phái đoàn do Thượng nghị sĩ X dẫn đầu đã đến thăm"
            gap = [w for k, w in enumerate(an.toks[ch.end + led : t], ch.end + led)
                   if not an.aside[k]]
            if len(gap) <= 4 and all(w in glue for w in gap):
                near = ch
            continue
        side = _side_subject(an, ch, t)
        if ch.prep and _owner_subject(an, lo, ch) is None and not side \
                or gpe_modifier(an, ch.nps[0]):
            continue
        end = _place_after(an, ch)
        gap = [w for k, w in enumerate(an.toks[end : t], end) if not an.aside[k]
               and not (w == "," and (an.aside[k - 1] or k + 1 < t and an.aside[k + 1]))]
        if len(gap) <= 4 and all(w in glue for w in gap) and not (
            ch.start > 0 and an.toks[ch.start - 1] in an.res.words["nominalizers"]
        ) and not _partner(an, lo, ch) and not (is_address(an, ch) and _address_goes_on(an, ch)):
            near = ch  # (not ", huyện Y" closing an agent's address: "bị Công an xã X, huyện Y bắt")
        seg = lo
        for k in range(lo, ch.start):
            if an.toks[k] == "," and not an.aside[k]:
                seg = k + 1
        if not lead_ok(an, seg, ch.start if not ch.prep else ch.start - len(ch.prep) if side
                       else _owner_subject(an, lo, ch)):
            continue
        if is_address(an, ch) and (seg < segment_of(an, lo, t) or _address_goes_on(an, ch)):
            continue  # "..., xã Na Tông, huyện Điện Biên, bắt ...", "đến Công an xã X, huyện Y
            # đầu thú": the place goes on an address
        if best is None or seg > best[0]:
            best = (seg, ch)
    if best is not None and best[0] < segment_of(an, lo, t) and _group_opens(an, segment_of(an, lo, t), t):
        return None  # "..., TP Hải Phòng, ban chuyên án đã bắt ...": the group acts, unnamed
    if best is not None and best[0] < segment_of(an, lo, t) and not carried_subject(an, best[0], lo, t):
        return near if near is not best[1] else None
    if best is not None:
        return title_of(an, best[1]) or _posted_person(an, best[1]) or best[1]
    return near


def _place_goes_on(an: Analysis, ch: Chain) -> bool:
    """A place after a comma that ends a place named with 'ở' / 'tại' ("... tại một khu
    chung cư ở phường Tân Phong, quận 7, TP Hồ Chí Minh, đã triển khai ... bắt giữ"): one
    more part of that address, not the subject of what follows."""
    s = ch.start
    if ch.prep or s < 2 or an.toks[s - 1] != "," or an.aside[s - 1] \
            or ch.nps[0].head.type not in ("GPE", "LOC"):
        return False
    return any(c.end == s - 1 and c.prep and " ".join(c.prep) in an.res.words["location_preps"]
               and c.nps[-1].head.type in ("GPE", "LOC") for c in an.chains)


def _destination_part(an: Analysis, ch: Chain) -> bool:
    """ch, after a comma, goes on the place a motion verb before it names ("X đã đến Phòng
    CSKT, Công an TP Hà Nội tố cáo Phong": the parent body of where X went, not who acts)."""
    s = ch.start
    if ch.prep or s < 2 or an.toks[s - 1] != "," or an.aside[s - 1]:
        return False
    return any(c.end == s - 1 and c.prep and c.prep[-1] in an.res.words["destination_preps"]
               for c in an.chains)


def body_place(an: Analysis, ch: Chain) -> Chain | None:
    """The local body a place right after it locates ("Công an huyện Bình Chánh, TP.HCM
    đang tạm giữ ...": TP.HCM is no subject of its own), or None."""
    np = ch.nps[0]
    if ch.prep or len(ch.nps) > 1 or np.head.type != "GPE" or np.start < 2 \
            or an.toks[np.start - 1] != "," or an.aside[np.start - 1]:
        return None
    levels = an.res.cues["address_levels"]
    for c in an.chains:
        body = c.nps[-1]
        if body.end == np.start - 1 and body.head.type == "ORG" and any(
                levels.match(an.toks, k) for k in range(body.first, body.end)):
            return c
    return None


def _place_after(an: Analysis, ch: Chain) -> int:
    """Where the chain ends, over the place that locates it (``body_place``)."""
    for c in an.chains:
        if c.start == ch.end + 1 and body_place(an, c) is ch:
            return c.end
    return ch.end


def carried_subject(an: Analysis, seg: int, lo: int, t: int) -> bool:
    """May a subject named in an earlier comma segment (starting at ``seg``) act at the
    trigger t? Not when its segment is a background clause ("Khi ông Lộc vừa mở quán, bất
    ngờ một trong hai người đàn ông này rút dao chém ...": Lộc opens the 'khi' clause), nor
    when the trigger's own segment holds more words than adverbs before it (a subject of
    its own, unnamed) and no passive marker (a patient goes on over commas)."""
    res, toks = an.res, an.toks
    lead = res.cues["subject_lead"]
    k = seg
    while k < t and (an.aside[k] or not toks[k].isalpha()):
        k += 1
    subs = res.words["background_subs"]
    if toks[k] in subs or " ".join(toks[k : k + 2]) in subs or (seg == lo and lo > 0 and (
            toks[lo - 1] in subs or " ".join(toks[max(0, lo - 2) : lo]) in subs)):
        return False  # the clause may start after its subordinator
    glue = (res.words["aux"] | res.words["light_verbs"] | res.words["future"]
            | res.words["negation"] | res.words["coordinators"] | res.words["classifiers"]
            | res.title_words | {"có", "thể", "rồi", "liền"})
    free, k = 0, segment_of(an, lo, t)
    if any(passive_at(an, m) for m in range(k, t)):
        return True  # "ông Lộc không kịp phản ứng, ngón cái bàn tay trái bị chém": he undergoes
    while k < t:
        if an.aside[k] or not toks[k].isalpha():
            k += 1
            continue
        n = lead.match(toks, k)
        if n:
            k += n
            continue
        free += toks[k] not in glue
        k += 1
    return free <= res.windows["carried_subject"]


def _posted_person(an: Analysis, ch: Chain) -> Chain | None:
    """The person an office names after its post: in "Đại sứ Việt Nam tại Mỹ Nguyễn Quốc
    Dũng đã gặp ..." the chain of Việt Nam is a title's country, the ambassador acts."""
    np = ch.nps[-1]
    if np.head.type not in ("GPE", "ORG") or np.first <= np.start or not all(
            w in an.res.title_words for w in an.toks[np.start : np.first]):
        return None
    return next((c for c in an.chains if c.prep and c.start - len(c.prep) == ch.end
                 and " ".join(c.prep) in an.res.words["location_preps"]
                 and c.nps[-1].head.type == "PER"), None)


_APPOSITION = (",", "-", "–")


def title_of(an: Analysis, ch: Chain) -> Chain | None:
    """The person a comma segment opening with a title of a body describes: in "ông X,
    cựu Chủ tịch HĐTV Tổng Công ty Y bị phạt 27 năm tù" X is the subject, not Y."""
    np = ch.nps[0]
    toks = an.toks
    if np.head.type == "PER" or np.first <= np.start or np.start == 0 or ch.prep:
        return None
    if toks[np.start - 1] not in _APPOSITION or an.aside[np.start - 1]:
        return None
    if not all(w in an.res.title_words for w in toks[np.start : np.first]):
        return None
    k = np.start - 1  # the comma or dash before the title
    for _ in range(an.res.windows["title_segments"]):
        person = next((c for c in an.chains if c.end == k and not c.prep
                       and c.nps[-1].head.type == "PER"), None)
        if person is not None:
            return _named_before(an, person) or person
        # another office of the same person before it: "ông X, Phó Bí thư Thành ủy, Chủ
        # tịch HĐND TP Nha Trang đã tiếp ...": a short segment opening with a title, no verb
        s = k - 1
        while s >= 0 and (toks[s] not in _APPOSITION or an.aside[s]):
            s -= 1  # (an aside of titles is such a segment too)
        if s < 0 or not 0 < k - s - 1 <= an.res.windows["title_segment_words"] or toks[
                s + 1] not in an.res.title_words or any(an.trigger_at(m) for m in range(s + 1, k)):
            return None
        k = s
    return None


def _named_before(an: Analysis, ch: Chain) -> Chain | None:
    """The person a titled "person" right after a dash stands in apposition to: in "ông
    Nguyễn Thế Sinh - Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND TP ..." the office
    read as a name ("Thường trực Thành ủy") describes Sinh, who acts."""
    np = ch.nps[0]
    s = ch.start
    if np.first <= np.start or s < 2 or an.toks[s - 1] not in _DASH or an.aside[s - 1]:
        return None
    return next((c for c in an.chains if c.end == s - 1 and not c.prep
                 and c.nps[-1].head.type == "PER"), None)


_DASH = ("-", "–", "—")


def _partner(an: Analysis, lo: int, ch: Chain) -> bool:
    """The chain is the partner of "phối hợp với ... và X", "cùng với X" (no comma between):
    a co-actor named after the subject, not the subject itself."""
    result = an.res.cues["result_connectives"]
    for k in range(ch.start - 1, max(lo, ch.start - 6) - 1, -1):
        if an.toks[k] == "," or result.match(an.toks, k):
            return False  # "... với anh Lai nên Thịnh đã đánh": a clause of its own
        if an.toks[k] == "với":
            return True
    return False


def is_address(an: Analysis, ch: Chain) -> bool:
    """A place written with its administrative level ("huyện Điện Biên"): part of an
    address, not a subject, when a later comma segment holds the verb."""
    np = ch.nps[0]
    return np.head.type in ("GPE", "LOC") and bool(
        an.res.cues["address_levels"].ends_at(an.toks, np.first))


def _address_goes_on(an: Analysis, ch: Chain) -> bool:
    """", huyện Y" right after another name: one more part of an address."""
    first = ch.nps[0].first
    k = first - an.res.cues["address_levels"].ends_at(an.toks, first) - 1
    return k > 0 and an.toks[k] == "," and any(np.end == k for np in an.nps + an.aside_nps)


def segment_of(an: Analysis, lo: int, t: int) -> int:
    """First token of t's comma segment (commas of asides do not count)."""
    seg = lo
    for k in range(lo, t):
        if an.toks[k] == "," and not an.aside[k]:
            seg = k + 1
    return seg


def _group_before(an: Analysis, lo: int, t: int, glue: frozenset[str]) -> bool:
    """A group noun ("cảnh sát", "lực lượng chức năng") stands right before t, with only
    auxiliaries between and no name in it: the clause's doer is that unnamed group."""
    grp, toks = an.res.cues["group_subjects"], an.toks
    k = t
    while k > lo and toks[k - 1] in glue:
        k -= 1
    n = grp.ends_at(toks, k)
    if not n or k - n < lo or any(an.in_name[k - n : k]) or any(an.aside[k - n : k]):
        return False
    # (not the agent of a passive: "2 nghi can này đã bị cảnh sát bắt giữ" keeps its patients)
    return not (k - n > lo and toks[k - n - 1] in an.res.words["passive"])


def _group_opens(an: Analysis, seg: int, t: int) -> bool:
    """A group subject ("ban chuyên án", "cảnh sát") opens the segment, after lead words."""
    grp, lead = an.res.cues["group_subjects"], an.res.cues["subject_lead"]
    k = seg
    while k < t:
        n = lead.match(an.toks, k)
        if not n:
            break
        k += n
    return k < t and bool(grp.match(an.toks, k))


@dataclass(slots=True)
class _OrgName:
    key: str
    folded: str


def org_names(np: NP) -> list[_OrgName]:
    return [_OrgName(m.key, fold(m.text)) for m in np.mentions if m.type == "ORG"]


def resolve_pronoun(an: Analysis, lo: int, t: int, state: dict) -> list[str]:
    """Actors for a pronoun subject: "hai ông" -> the last meeting's pair, "ông" -> last person,
    "họ" -> the coordinated subject of the same sentence."""
    cues = an.res.cues
    for i in range(lo, t):
        if an.aside[i]:
            continue
        if cues["pronouns_pl"].match(an.toks, i) and state["meet"]:
            return list(state["meet"][-1])
        if cues["pronouns_same"].match(an.toks, i):
            for ch in an.chains:
                if ch.end <= i and not ch.prep and len(ch.keys()) > 1:
                    return ch.keys()
            return []
        k = cues["pronouns_gpe"].match(an.toks, i)
        if k and i == lo and state.get("gpe"):
            return state["gpe"][-1:]
        opens = all(not w.isalnum() for w in an.toks[lo:i])  # (the speech verb's comma)
        n = role_cues()["speaker_bodies"].match(an.toks, i) if opens else 0
        if n and _verb_at(an, i + n):
            got = _speaking_body(an, i)
            if got:  # "Cục X, Bộ Công an cho biết, đơn vị phối hợp với ... vừa bắt giữ"
                return got
        k = cues["pronouns_org"].match(an.toks, i)
        if k and i == lo:  # "Công an Cà Mau xác nhận cơ quan này đã bắt ..."
            here = [ch.nps[0].head.key for ch in an.chains
                    if ch.end <= i and not ch.prep and ch.nps[0].head.type == "ORG"]
            orgs = state.get("org", []) + here[-1:]
            return orgs[-1:]
        seg_start = i == lo or (an.toks[i - 1] == "," and not an.aside[i - 1])
        k = cues["bare_bodies"].match(an.toks, i)
        if k and cues["bare_body_compounds"].match(an.toks, i):
            k = 0  # "bộ phận thu hồi nợ": a department, not the ministry named before
        if k and seg_start and not an.in_name[i]:  # "Tòa tuyên phạt ...": the court named before
            heads = an.res.bodies[tuple(an.toks[i : i + k])]
            seen = state.get("orgs", []) + [(m.key, m.folded) for np in an.nps if np.end <= i
                                             for m in org_names(np)]
            return [key for key, name in seen if name.startswith(heads)][-1:]  # the latest
        k = cues["pronouns_sg"].match(an.toks, i)
        if not k and cues["pronouns_bare"].match(an.toks, i) and i + 1 < t <= i + 8 and (
                an.toks[i + 1] in an.res.words["aux"] | an.res.words["passive"]
                | an.res.words["negation"]):
            k = 1  # "anh bị ... bắt cóc", "cô đã ...": not "cô gái", "anh trai"
        if k and seg_start and not any(np.start <= i + k < np.end for np in an.nps):
            topic = an.res.words["topic_preps"]  # "Về phía bà Trang, bà phủ nhận ..."
            here = [ch.nps[0].head.key for ch in an.chains
                    if ch.end <= i and (not ch.prep or " ".join(ch.prep) in topic)
                    and ch.nps[0].head.type == "PER"]
            if not here and _unnamed_speaker(an, i):
                return []  # "Hoa hậu Đông Nam Á 2012 cho biết, cô sẽ ...": she, unnamed
            people = state["per"] + here[:1]
            return people[-1:]
    return []


def _verb_at(an: Analysis, k: int) -> bool:
    """A verb group opens at k (an auxiliary or a trigger): the noun before it ends there
    ("đơn vị phối hợp với ...", not "cơ quan chức năng")."""
    w = an.res.words
    return k < len(an.toks) and (an.toks[k] in w["aux"] | w["negation"] | w["future"]
                                 or an.trigger_at(k))


def _speaking_body(an: Analysis, i: int) -> list[str]:
    """The first body named before the speech verb that opens i's clause (its speaker, with
    "đại diện" and titles before it), when that clause opens with a bare body noun."""
    cs, kind, b = an.clause_start(i)
    if kind != "speech" or any(w.isalnum() for w in an.toks[cs:i]):
        return []
    lo = an.clause_start(b)[0]
    return next((ch.keys(("ORG",)) for ch in an.chains if lo <= ch.start and ch.end <= b
                 and not ch.prep and ch.keys(("ORG",))), [])


def _unnamed_speaker(an: Analysis, i: int) -> bool:
    """A pronoun opening a reported clause whose speaker is written with no name ("Hoa
    hậu Đông Nam Á 2012 cho biết, cô sẽ có kiến nghị ..."): it stands for that speaker,
    not for the last person named."""
    _cs, kind, b = an.clause_start(i)
    if kind != "speech" or any(ch.start < b and ch.keys(("PER", "ORG", "GPE"))
                               for ch in an.chains):
        return False
    lead, k = an.res.cues["subject_lead"], 0
    while k < b and (lead.match(an.toks, k) or not an.toks[k].isalpha() or an.aside[k]):
        k += max(1, lead.match(an.toks, k))
    # a person told by what she is ("hoa hậu", "nữ ca sĩ"), not the media or a body
    return k < b and bool(singular_persons().match(an.toks, k))


def find_objects(an: Analysis, trig_end: int, stop: int, wide: bool = False) -> list[NP]:
    """Noun phrases after a trigger in its clause: the object and its own complements.
    ``wide``: a transfer or a measure may name what is given first ("viện trợ 1 tỷ USD cho X")."""
    out: list[NP] = []
    for np in an.nps:
        start = max(np.start, trig_end)  # title words read back into the trigger ("tấn công chị T")
        if np.first < trig_end or start >= stop:
            continue
        gap = an.toks[(out[-1].end if out else trig_end) : start]
        free = 2
        if wide and np.prep and " ".join(np.prep) in an.res.words["wide_object_preps"]:
            free = an.res.windows["wide_object"]
        if not out and (len(gap) > max(free, an.res.windows["object"]) or "," in gap
                        or _gap_words(an, gap) > free):
            break  # "gặp làn sóng nhiệt tác động đến Tây Ban Nha": no object
        if out and an.chain_of(np) is not an.chain_of(out[-1]) and (
            len(gap) > an.res.windows["object"] or not (np.prep or wide and _led_by_prep(an, gap))
            or "," in gap
        ):
            break  # a second phrase only when introduced by its own preposition
        out.append(np)
        if len(out) >= 4:
            break
    return out


def _led_by_prep(an: Analysis, gap: list[str]) -> bool:
    """A gap opening with a preposition of the wide objects and going on with a few
    words describing the name ("trao tặng Huy hiệu 75 năm tuổi Đảng cho đảng viên lão
    thành Đỗ Văn Hành"): the name is the preposition's object, the one given to."""
    k = an.res.cues["wide_object_preps"].match(gap, 0)
    return bool(k) and 0 < len(gap) - k <= an.res.windows["list_object"] and all(
        w.isalpha() for w in gap[k:])


def _gap_words(an: Analysis, gap: list[str]) -> int:
    """Words of a gap that are not titles, determiners, prepositions, numbers, manner
    adverbs ("tấn công dữ dội", "lên án mạnh mẽ") or a place's level ("thành phố")."""
    w = an.res.words
    free = an.res.title_words | w["object_gap"] | w["aux"]
    cues = an.res.cues
    skip = (cues["recipient_preps"], cues["manner_adverbs"], cues["address_levels"])
    n, k = 0, 0
    while k < len(gap):
        t = gap[k]
        m = max(c.match(gap, k) for c in skip)
        if m:
            k += m
            continue
        if t not in free and t.isalpha():
            n += 1
        k += 1
    return n


def find_location(an: Analysis, lo: int, hi: int, t: int) -> str | None:
    loc_preps = an.res.words["location_preps"]
    best: tuple[int, str] | None = None
    for np in an.nps:
        if not np.prep or np.prep[-1] not in loc_preps or np.start < lo or np.start >= hi:
            continue
        h = np.head
        if h.type not in ("GPE", "LOC"):
            continue
        d = np.start - t if np.start >= t else (t - np.start) * 2  # prefer after
        if best is None or d < best[0]:
            best = (d, h.key)
    return best[1] if best else None


def event_date(timexes: list, an: Analysis, lo: int, hi: int, t: int) -> TimeValue | None:
    """The timex of the trigger's clause, else one opening the sentence before it."""
    excl = an.res.cues["date_exclude_before"]
    cands = []
    for tx in timexes:
        k = an.tok_at(tx.start)
        if (k < len(an.aside) and an.aside[k]) or any(
            excl.match(an.toks, b) for b in range(max(0, k - 4), k)
        ):
            continue  # "kể từ chuyến thăm tháng 7.2000" dates another event
        cands.append((k, tx))
    inside = [(abs(k - t), tx) for k, tx in cands if lo <= k < hi]
    if not inside:
        inside = [(t - k, tx) for k, tx in cands if k < lo]
    if not inside:
        return None
    tx = min(inside, key=lambda p: p[0])[1]
    return TimeValue(tx.value, tx.text)


def same_person(key: str, others: list[str]) -> bool:
    """A person's key whose name ends another person's name among ``others``: "Chủ tịch
    Suzuki - ông Osamu Suzuki ... xin lỗi" names one man twice, not an actor and a
    recipient (the name written short and in full before the entities are merged)."""
    if not key.startswith("PER:"):
        return False
    short = key[4:].split()
    for o in others:
        full = o[4:].split() if o.startswith("PER:") else []
        if full and full != short and (full[-len(short):] == short or short[-len(full):] == full):
            return True
    return False


def passive_at(an: Analysis, k: int) -> bool:
    """toks[k] marks the passive: not "bị can", "bị cáo", "chuẩn bị", "thiết bị"."""
    toks, w = an.toks, an.res.words["not_passive"]
    if an.res.cues["passive_force"].match(toks, k):
        return True  # "bị cáo buộc" is "is accused", though "bị cáo" is "the defendant"
    return toks[k] in an.res.words["passive"] and not an.res.cues["not_passive"].match(
        toks, k) and not (k > 0 and f"{toks[k - 1]} {toks[k]}" in w)
