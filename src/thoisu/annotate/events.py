"""PLOVER event coding of article sentences from Vietnamese trigger lexicons.

A sentence is cut into word/punctuation tokens (syllables folded with ``text.fold``);
triggers come from ``data/plover_triggers.tsv``, cue words from ``data/plover_cues.json``
and reporting verbs from ``data/speech_verbs.json``. Participants come from the
article's mentions by Vietnamese SVO position: the actor is the subject noun phrase
(nearest mention group before the trigger in its clause that is not the object of a
preposition), the recipient the object after it (or after "với", "cho", "tới"...).
Precision first: a trigger with no participant in a plausible position codes nothing.
The lexicons are in ``lexicon.py``, tokens, noun phrases and clauses in ``syntax.py``,
quoted spans in ``quote_spans.py``; this module holds the coding rules.
Actors/recipients/location hold Mention keys (the corpus stage maps them to entities).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thoisu.annotate import event_model
from thoisu.annotate.coref import merge_event_mentions
from thoisu.annotate.event_anaphora import Antecedents, anaphor_mentions
from thoisu.annotate.lexicon import Trigger, resources
from thoisu.annotate.participants import complete_mentions, participant_mentions
from thoisu.annotate.quote_spans import quoted_spans
from thoisu.annotate.syntax import (
    ACTOR_TYPES,
    NP,
    Analysis,
    Chain,
    head_keys,
    main_subject,
    subject_persons,
)
from thoisu.models import Article, Event, Mention, TimeValue
from thoisu.text import fold

# --------------------------------------------------------------------------- coding

# eval/events_eval.py --diagnose sets this to a list to collect, for every trigger that
# codes nothing, (article id, line, type, why); None at run time
DROPPED: list | None = None


def _dropped(article: str, line: int, trig: Trigger, why: str) -> None:
    if DROPPED is not None:
        DROPPED.append((article, line, trig.type, why))



def _has_cue(an: Analysis, name: str, lo: int, hi: int) -> bool:
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


def _negated(an: Analysis, lo: int, t: int) -> bool:
    neg, exc = an.res.cues["negation"], an.res.cues["negation_except"]
    for i in range(max(lo, t - 4), t):
        if neg.match(an.toks, i) and not exc.match(an.toks, i) and not (
            i > 0 and exc.match(an.toks, i - 1) == 2  # "phòng không" (air defence)
        ):
            return True
    return False


def _clause_end(an: Analysis, j: int) -> int:
    for s, _e, _kind in an.bounds:
        if s >= j:
            return s
    return len(an.toks)


def _lead_ok(an: Analysis, seg: int, start: int) -> bool:
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


def _gpe_modifier(an: Analysis, np: NP) -> bool:
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


def _subject(an: Analysis, lo: int, t: int, objects: set[int]) -> Chain | None:
    """The chain opening the last comma segment of t's clause that has one: Vietnamese
    subjects come first ("Theo KCNA, ông X, đại sứ ..., đã gặp Y" -> X). Failing that,
    a chain right before the trigger with only auxiliaries between ("... X đang có chuyến thăm")."""
    best: tuple[int, Chain] | None = None
    near: Chain | None = None
    glue = (an.res.words["aux"] | an.res.words["light_verbs"] | an.res.words["future"]
            | {"không", "chưa", "có", "thể"})
    for ch in an.chains:
        if ch.start < lo or ch.end > t or not ch.keys() or id(ch.nps[0]) in objects:
            continue
        led = an.res.cues["led_by"].match(an.toks, ch.end) if ch.end < t else 0
        if ch.prep == ("do",) and led:  # "phái đoàn do Thượng nghị sĩ X dẫn đầu đã đến thăm"
            gap = [w for k, w in enumerate(an.toks[ch.end + led : t], ch.end + led)
                   if not an.aside[k]]
            if len(gap) <= 4 and all(w in glue for w in gap):
                near = ch
            continue
        if ch.prep and _owner_subject(an, lo, ch) is None or _gpe_modifier(an, ch.nps[0]):
            continue
        gap = [w for k, w in enumerate(an.toks[ch.end : t], ch.end) if not an.aside[k]
               and not (w == "," and (an.aside[k - 1] or k + 1 < t and an.aside[k + 1]))]
        if len(gap) <= 4 and all(w in glue for w in gap) and not (
            ch.start > 0 and an.toks[ch.start - 1] in an.res.words["nominalizers"]
        ) and not _partner(an, lo, ch) and not (_address(an, ch) and _address_goes_on(an, ch)):
            near = ch  # (not ", huyện Y" closing an agent's address: "bị Công an xã X, huyện Y bắt")
        seg = lo
        for k in range(lo, ch.start):
            if an.toks[k] == "," and not an.aside[k]:
                seg = k + 1
        if not _lead_ok(an, seg, ch.start if not ch.prep else _owner_subject(an, lo, ch)):
            continue
        if _address(an, ch) and (seg < _segment(an, lo, t) or _address_goes_on(an, ch)):
            continue  # "..., xã Na Tông, huyện Điện Biên, bắt ...", "đến Công an xã X, huyện Y
            # đầu thú": the place goes on an address
        if best is None or seg > best[0]:
            best = (seg, ch)
    if best is not None and best[0] < _segment(an, lo, t) and _group_opens(an, _segment(an, lo, t), t):
        return None  # "..., TP Hải Phòng, ban chuyên án đã bắt ...": the group acts, unnamed
    if best is not None and best[0] < _segment(an, lo, t) and not _carried(an, best[0], lo, t):
        return near if near is not best[1] else None
    if best is not None:
        return _title_of(an, best[1]) or _posted_person(an, best[1]) or best[1]
    return near


def _carried(an: Analysis, seg: int, lo: int, t: int) -> bool:
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
    free, k = 0, _segment(an, lo, t)
    if any(_passive_at(an, m) for m in range(k, t)):
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


def _title_of(an: Analysis, ch: Chain) -> Chain | None:
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
            return person
        # another office of the same person before it: "ông X, Phó Bí thư Thành ủy, Chủ
        # tịch HĐND TP Nha Trang đã tiếp ...": a short segment opening with a title, no verb
        s = k - 1
        while s >= 0 and (toks[s] not in _APPOSITION or an.aside[s]):
            s -= 1  # (an aside of titles is such a segment too)
        if s < 0 or not 0 < k - s - 1 <= an.res.windows["title_segment_words"] or toks[
                s + 1] not in an.res.title_words or any(an._trigger_at(m) for m in range(s + 1, k)):
            return None
        k = s
    return None


def _partner(an: Analysis, lo: int, ch: Chain) -> bool:
    """The chain is the partner of "phối hợp với ... và X", "cùng với X" (no comma between):
    a co-actor named after the subject, not the subject itself."""
    for k in range(ch.start - 1, max(lo, ch.start - 6) - 1, -1):
        if an.toks[k] == ",":
            return False
        if an.toks[k] == "với":
            return True
    return False


def _address(an: Analysis, ch: Chain) -> bool:
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


def _segment(an: Analysis, lo: int, t: int) -> int:
    """First token of t's comma segment (commas of asides do not count)."""
    seg = lo
    for k in range(lo, t):
        if an.toks[k] == "," and not an.aside[k]:
            seg = k + 1
    return seg


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


def _org_names(np: NP) -> list[_OrgName]:
    return [_OrgName(m.key, fold(m.text)) for m in np.mentions if m.type == "ORG"]


def _resolve_pronoun(an: Analysis, lo: int, t: int, state: dict) -> list[str]:
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
        k = cues["pronouns_org"].match(an.toks, i)
        if k and i == lo:  # "Công an Cà Mau xác nhận cơ quan này đã bắt ..."
            here = [ch.nps[0].head.key for ch in an.chains
                    if ch.end <= i and not ch.prep and ch.nps[0].head.type == "ORG"]
            orgs = state.get("org", []) + here[-1:]
            return orgs[-1:]
        seg_start = i == lo or (an.toks[i - 1] == "," and not an.aside[i - 1])
        k = cues["bare_bodies"].match(an.toks, i)
        if k and seg_start and not an.in_name[i]:  # "Tòa tuyên phạt ...": the court named before
            heads = an.res.bodies[tuple(an.toks[i : i + k])]
            seen = state.get("orgs", []) + [(m.key, m.folded) for np in an.nps if np.end <= i
                                             for m in _org_names(np)]
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
            people = state["per"] + here[:1]
            return people[-1:]
    return []


def _objects(an: Analysis, trig_end: int, stop: int, wide: bool = False) -> list[NP]:
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
            len(gap) > an.res.windows["object"] or not np.prep or "," in gap
        ):
            break  # a second phrase only when introduced by its own preposition
        out.append(np)
        if len(out) >= 4:
            break
    return out


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


def _location(an: Analysis, lo: int, hi: int, t: int) -> str | None:
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


def _date(timexes: list, an: Analysis, lo: int, hi: int, t: int) -> TimeValue | None:
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


def _same_person(key: str, others: list[str]) -> bool:
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


def _find_triggers(an: Analysis) -> list[tuple[int, int, Trigger]]:
    toks, res = an.toks, an.res
    excl = res.cues["exclude"]
    out: list[tuple[int, int, Trigger]] = []
    triggers = res.triggers
    hits = [k for k, w in enumerate(toks) if w in triggers]  # most words start none
    if not hits:
        return out
    covered = -1
    # tokens covered by exclusions ("thăm dò", "bắt đầu") or names ("Tổ chức Hợp tác Thượng
    # Hải"), with the span that covers them: a trigger spanning a whole exclusion ("bắt cóc"
    # itself, not its "bắt") stays
    blocked: list[tuple[int, int] | None] = [None] * len(toks)
    firsts = excl.by_first
    for i in [k for k, w in enumerate(toks) if w in firsts]:
        e = i + excl.match(toks, i)
        for j in range(i, e):
            blocked[j] = (i, e)
    for np in an.nps:
        for m in np.mentions:
            a = an.tok_at(m.start)
            for j in range(a, min(len(toks), an.tok_at(m.end - 1) + 1)):
                blocked[j] = (-1, -1)  # never spanned by a trigger
    for i in hits:
        if i < covered or an.aside[i]:
            continue
        for trig in triggers[toks[i]]:
            n = len(trig.words)
            if tuple(toks[i : i + n]) != trig.words or any(
                    b is not None and not (i <= b[0] and b[1] <= i + n) for b in blocked[i : i + n]):
                continue
            if trig.near and not any(x in trig.near for x in toks[i + n : i + n + res.windows["near"]]):
                continue
            out.append((i, i + n, trig))
            covered = i + n
            break
    return out


@dataclass(slots=True)
class _Site:
    """Where a trigger sits: its clause, whether it is used as a noun, its objects."""

    i: int  # first token of the trigger
    j: int  # token after it
    trig: Trigger
    cs: int  # clause start
    ce: int  # clause end
    kind: str | None  # boundary opening the clause: "speech", "sub", "punct" or None
    bstart: int  # first token of that boundary
    k_cls: int  # length of the classifier before it ("chuyến", "các")
    prep_before: bool  # inside a prepositional phrase ("sau cuộc gặp")
    nominal: bool
    objs: list[NP]


@dataclass(slots=True)
class _Sentence:
    """What the coding of one sentence remembers from trigger to trigger."""

    verbal: list[tuple[int, int]] = field(default_factory=list)  # (clause start, end)
    objects: set[int] = field(default_factory=set)  # ids of NPs that are verb objects
    out: list[Event] = field(default_factory=list)  # ids are given by code_events
    last_clause: int = -1  # clause start of the last event in out (a coding detail, not a field)
    last_j: int = -9  # token after the trigger of the last event in out
    # (token after its trigger, actors, recipients) of the last passive event: "X bị Y khởi
    # tố, bắt tạm giam" -> the second verb has the same agent and patient
    last_passive: tuple[int, list[str], list[str]] | None = None


def _passive_at(an: Analysis, k: int) -> bool:
    """toks[k] marks the passive: not "bị can", "bị cáo", "chuẩn bị", "thiết bị"."""
    toks, w = an.toks, an.res.words["not_passive"]
    if an.res.cues["passive_force"].match(toks, k):
        return True  # "bị cáo buộc" is "is accused", though "bị cáo" is "the defendant"
    return toks[k] in an.res.words["passive"] and not an.res.cues["not_passive"].match(
        toks, k) and not (k > 0 and f"{toks[k - 1]} {toks[k]}" in w)


def _site(an: Analysis, i: int, j: int, trig: Trigger) -> _Site:
    res, toks, cues = an.res, an.toks, an.res.cues
    cs, kind, bstart = an.clause_start(i)
    ce = _clause_end(an, j)
    k_cls = cues["classifiers"].ends_at(toks, i)
    if k_cls and cues["light_verbs"].ends_at(toks, i) > k_cls:
        k_cls = 0  # "đang trong quá trình đàm phán": an aspect, not a noun phrase
    # "thông qua" is a light verb before a nominal event ("thông qua gói trừng phạt")
    k_prep = cues["preps"].ends_at(toks, i - k_cls)
    prep_before = k_prep > cues["light_verbs"].ends_at(toks, i - k_cls) and not (
        not k_cls and k_prep == 1 and toks[i - 1] == "bị"
    )  # "Mỹ bị tấn công", "Đức chuẩn bị cung cấp": a verb, not a prepositional phrase
    nominal = trig.noun or bool(k_cls) or prep_before or bool(
        j < len(toks) and not (trig.vobj and toks[j] == "của")
        and res.words["demonstratives"] & {toks[j], " ".join(toks[j : j + 2])}
    ) or (j + 1 < len(toks) and toks[j] == "trên" and not toks[j + 1].isalnum())
    return _Site(i, j, trig, cs, ce, kind, bstart, k_cls, prep_before, nominal,
                 _objects(an, j, ce, trig.type.lower() in res.words["wide_object_types"]))


def _embedded(an: Analysis, st: _Site, sent: _Sentence) -> bool:
    """Topic or complement of an earlier verb of the clause ("thảo luận về ... trừng phạt"),
    unless coordinated ("gặp X và trò chuyện với Y") or given a subject of its own."""
    inside = any(c == st.cs and e <= st.i and not any(
        e <= ch.start < st.i and not ch.prep and id(ch.nps[0]) not in sent.objects
        for ch in an.chains) for c, e in sent.verbal)
    return inside and not ({"và", ","} & set(an.toks[max(st.cs, st.i - 3) : st.i]))


def _subject_roles(an: Analysis, st: _Site, sent: _Sentence) -> tuple[list[str], list[str], bool]:
    """(actors, recipients, passive) from the subject of the trigger's clause."""
    res, toks, trig = an.res, an.toks, st.trig
    subj = None if st.prep_before else _subject(an, st.cs, st.i, sent.objects)
    if subj is None:
        return [], [], False
    gap = [w for k, w in enumerate(toks[subj.end : st.i - st.k_cls], subj.end)
           if not an.aside[k] and w != ","]
    short = [w for w in gap if w.isalpha() and w not in res.words["subject_lead"]]
    light = res.cues["light_verbs"]
    if st.nominal and not (len(short) <= res.windows["nominal_gap"]
                           and any(light.match(gap, k) for k in range(len(gap)))):
        return [], [], False  # "A có chuyến thăm", not "sau khi A ... và các lệnh trừng phạt"
    if trig.motion and (len(gap) > res.windows["motion_gap"]
                        or any(w not in res.words["aux"] for w in gap)):
        return [], [], False  # "ông X đã tới Y" only
    actors = subj.keys() if not trig.subj else [
        np.head.key for np in subj.nps if np.head.type == trig.subj]
    actors += [k for k in _parent_body(an, subj, st.i) if k not in actors]
    gap_ks = [k for k in range(subj.end, st.i - st.k_cls) if not an.aside[k] and toks[k] != ","]
    by_agent = any(  # "X bị Cơ quan CSĐT Bộ Công an khởi tố": a long agent right before
        subj.end < ch.start and 0 <= st.i - st.k_cls - ch.end <= 1 and ch.start > 0
        and _passive_at(an, ch.start - 1) for ch in an.chains)
    # the passive marker may stand before a long agent and a first verb: "X đã bị lực lượng
    # chức năng Công an tỉnh Y bắt giữ", "X đã bị Công an huyện Y phát hiện, bắt quả tang"
    marks = [k for k in gap_ks if _passive_at(an, k)]
    if not trig.passive and not by_agent and not marks:
        return actors, [], False
    agent: list[str] = []  # "X bị quân đội Mỹ tấn công": the agent acts, X undergoes
    for ch in an.chains:
        if subj.end < ch.start and ch.end <= st.i and ch.prep and ch.prep[-1] in (
            res.words["passive"]
        ):
            agent = ch.keys()
    if not agent and marks:
        agent = next((ch.keys() for ch in an.chains
                      if marks[-1] < ch.start and ch.end <= st.i and ch.keys()), [])
    return agent, actors, True


def _parent_body(an: Analysis, subj: Chain, t: int) -> list[str]:
    """The body a unit subject belongs to, named right after the unit's lower-case field
    ("Đội Cảnh sát điều tra tội phạm về ma túy Công an TP.Biên Hòa ập vào kiểm tra"): the
    unit acts for it, as the guideline names the police of a place by that place's body."""
    head = subj.nps[0].head
    if head.type != "ORG" or fold(head.text).split(" ", 1)[0] not in an.res.words["unit_subjects"]:
        return []
    parents = an.res.cues["parent_bodies"]
    for np in an.nps:
        if np.start < subj.end or np.start >= t or np.head.type != "ORG" or np.prep:
            continue
        gap = range(subj.end, np.start)
        if len(gap) > an.res.windows["unit_parent_gap"] or any(
                an.toks[k] in (",", ";") or an.aside[k] for k in gap) or not parents.match(
                an.toks, np.first):
            return []
        return [np.head.key]
    return []


def _coordinated_passive(an: Analysis, st: _Site, sent: _Sentence
                         ) -> tuple[list[str], list[str], bool]:
    """Roles of a verb coordinated with the passive verb just before it ("bị Cơ quan CSĐT
    khởi tố, bắt tạm giam"): the same agent and patient. Empty if it is not one."""
    if sent.last_passive is None or st.nominal:
        return [], [], False
    end, actors, recipients = sent.last_passive
    gap = an.toks[end : st.i]
    glue = an.res.words["aux"] | {",", "và", "rồi", "đồng thời"}
    if len(gap) > 3 or not all(w in glue for w in gap) or any(an.aside[end : st.i]):
        return [], [], False
    return list(actors), list(recipients), True


def _fallback_actors(an: Analysis, st: _Site, sent: _Sentence, state: dict) -> list[str]:
    """Actors of a subjectless clause: a pronoun, a coordinated verb, a reporting verb."""
    res, toks = an.res, an.toks
    if st.trig.motion:
        return []
    actors = _resolve_pronoun(an, st.cs, st.i, state)
    out = sent.out
    if not actors and out and not st.nominal and sent.last_clause == st.cs and (
        {"và", ",", "đồng thời"} & set(toks[max(st.cs, st.i - 3) : st.i])
    ) and not any(ch.start < st.i and ch.end > sent.verbal[-1][1]
                  for ch in an.chains if sent.verbal):
        actors = list(out[-1].actors)  # "đã gặp X và trò chuyện với Y": same subject
    glue = (res.words["light_verbs"] | res.words["aux"] | res.words["negation"]
            | res.words["future"] | res.words["pronouns_speaker"])
    lead = [w for k, w in enumerate(toks[st.cs : st.i], st.cs)
            if w not in ("này", "ấy", "ta") and (w.isalnum() or an.aside[k])]
    if not actors and st.kind in ("speech", "sub") and (
        len(lead) <= 4 and all(w in glue for w in lead) and (not st.nominal or st.i > st.cs)
        and (st.kind == "speech" or " ".join(toks[st.bstart : st.cs]) in res.words["coordinators"]
             or " ".join(toks[st.bstart : st.cs]) in res.words["purpose_subs"]
             and st.trig.type.lower() in res.words["purpose_types"])
    ):  # (purpose: "Cơ quan Công an phải dùng biện pháp mạnh để bắt giữ Tiệp")
        # control: "Triều Tiên thông báo phóng ..." -> the reporter did it
        sp = _subject(an, an.clause_start(st.bstart)[0], st.bstart, sent.objects)
        if sp is None and st.kind == "speech":  # "tin từ Công an tỉnh X cho biết, vừa bắt Y"
            sp = next((ch for ch in an.chains if ch.end == st.bstart and ch.prep
                       and " ".join(ch.prep) in res.words["source_preps"]), None)
        if sp is not None:
            actors = sp.keys()
    return actors


def _unnamed_actor(an: Analysis, st: _Site) -> tuple[list[str], list[str]] | None:
    """(actors, recipients) of an event whose perpetrator is only a group ("cảnh sát đã bắt
    giữ ...", "phiến quân tấn công ...") or left out in the passive ("ba người đã bị bắt
    giữ", "bị công an bắt giữ"): actors are a named agent or none. None if neither."""
    res, toks = an.res, an.toks
    if st.trig.type.lower() not in res.words["agentless_types"] or st.nominal or st.trig.motion:
        return None
    if st.kind == "sub" and _segment(an, st.cs, st.i) == st.cs and res.words["background_subs"] & {
        " ".join(toks[st.bstart : st.cs]), toks[st.bstart]
    }:  # (a later comma segment is the main clause: "Khi X ..., bất ngờ Y chém ...")
        return None  # "Trước khi bị bắt, ...": background to another event
    if _has_cue(an, "background", st.cs, st.i):
        return None  # "lúc bị bắt", "trong số nghi phạm bị bắt giữ": not the reported event
    lo = max(st.cs, st.i - res.windows["group_gap"])
    if st.trig.passive:
        return [], []
    for k in range(st.i - 1, lo - 1, -1):  # "bị (cảnh sát | quân đội Mỹ) bắt giữ"
        w = toks[k]
        if w == "," or an.aside[k]:
            break
        if w == "bị" and _passive_at(an, k):
            between = [ch for ch in an.chains if k < ch.start and ch.end <= st.i]
            rest = [t for t in toks[k + 1 : st.i] if t.isalpha()]
            if not between and st.trig.type.lower() not in res.words["bare_passive_types"]:
                return None  # "các địa điểm bị tấn công nằm gần ...": a modifier, often
            if between or len(rest) <= res.windows["group_gap"] - 2:
                # the patient right before "bị": "lần đầu tiên Mansour bị quân đội Mỹ tấn công"
                patient = [key for ch in an.chains if ch.end == k and not ch.prep
                           and st.cs <= ch.start and not _gpe_modifier(an, ch.nps[0])
                           for key in (_title_of(an, ch) or ch).keys(ACTOR_TYPES)]
                if not patient and _shared_subject(an, st, k):
                    # "Long bỏ trốn nhưng đã bị lực lượng chức năng bắt giữ": Long undergoes
                    subj = _subject(an, an.clause_start(st.bstart)[0], st.bstart, set())
                    patient = subj.keys(ACTOR_TYPES) if subj is not None else []
                agents = [ch for ch in between if not _address(an, ch)] or between[-1:]
                # the agent opens the gap: "bị Công an xã Pà Cò, huyện Mai Châu bắt giữ"
                return (agents[0].keys() if agents else []), patient
            return None
    grp = res.cues["group_subjects"]
    seg = st.cs
    for k in range(st.cs, st.i):
        if toks[k] == "," and not an.aside[k]:
            seg = k + 1
    for k in range(seg, st.i):
        n = grp.match(toks, k)
        if not n or an.aside[k] or k + n > st.i:
            continue
        gap = [t for t in toks[k + n : st.i] if t.isalpha()]
        free = [t for t in gap if t not in res.words["aux"] and t not in res.words["light_verbs"]]
        if len(free) <= res.windows["group_tail"] and _lead_ok(an, seg, k):
            return [], []
        break
    return None


def _strike_target(an: Analysis, st: _Site) -> list[str]:
    """A named place, body or person a launch is aimed at ("phóng tên lửa vào thủ đô Kiev",
    not "ra biển Nhật Bản": a sea is no target): preps ``strike_preps`` in its clause."""
    preps = an.res.words["strike_preps"]
    for np in an.nps:
        if not st.j <= np.start < st.ce or np.head.type not in ("GPE", "ORG", "PER"):
            continue
        p = np.prep or an.chain_of(np).prep
        if p and " ".join(p) in preps:
            return head_keys(np.head)
    return []


def _shared_subject(an: Analysis, st: _Site, k: int) -> bool:
    """The clause of a passive marker at k is coordinated with the one before it and has no
    subject of its own ("X bỏ trốn nhưng đã bị bắt"): that clause's subject undergoes."""
    res, toks = an.res, an.toks
    if st.kind != "sub" or " ".join(toks[st.bstart : st.cs]) not in res.words["shared_subject_subs"]:
        return False
    return all(w in res.words["aux"] or not w.isalpha() for w in toks[st.cs : k])


def _object_only(an: Analysis, st: _Site) -> bool:
    """An attack or arrest with a named object and no named subject before it in its
    clause: the doer is left unnamed (actors = []), as for a group subject."""
    res, toks = an.res, an.toks
    if st.trig.type.lower() not in res.words["agentless_types"] or st.nominal or st.trig.motion:
        return False
    if st.kind == "sub" and _segment(an, st.cs, st.i) == st.cs and res.words["background_subs"] & {
        " ".join(toks[st.bstart : st.cs]), toks[st.bstart]
    }:  # (a later comma segment is the main clause: "Khi X ..., bất ngờ Y chém ...")
        return False
    if _has_cue(an, "background", st.cs, st.i):
        return False
    seg = _segment(an, st.cs, st.i)  # a name in an earlier segment may not be the subject
    return not any(ch.keys() and st.cs <= ch.start and ch.end <= st.i and (
        ch.start >= seg or _carried(an, _segment(an, st.cs, ch.start), st.cs, st.i))
        for ch in an.chains)


def _zero_subject(an: Analysis, st: _Site) -> bool:
    """Nothing but time words, connectives and auxiliaries before the verb in its clause:
    the subject is left out, as news does when the doer of the last sentences goes on."""
    words = an.res.words
    glue = words["aux"] | words["subject_lead"] | words["coordinators"] | {"và", "rồi", "đồng thời"}
    k, lead = st.cs, an.res.cues["subject_lead"]
    while k < st.i:
        if an.aside[k] or not an.toks[k].isalpha():
            k += 1
            continue
        n = lead.match(an.toks, k)
        if n:
            k += n
            continue
        if an.toks[k] not in glue:
            return False
        k += 1
    return True


def _object_roles(an: Analysis, st: _Site, actors: list[str],
                  recipients: list[str]) -> tuple[list[str], list[str]]:
    """Recipients after the trigger, or owners of a nominal ("chuyến thăm của X")."""
    res, trig, j = an.res, st.trig, st.j
    owners: list[str] = []
    objs_r: list[tuple[str, tuple[str, ...]]] = []
    first_owner: Chain | None = None  # "ủng hộ đề xuất của X (về ... cho Y)": X, not Y
    for np in st.objs:
        h = np.head
        p = np.prep or an.chain_of(np).prep
        if np.prep and an.chain_of(np).start - len(np.prep) < j:
            p = ()  # the "preposition" is the trigger's own last word ("bắt được X")
        if (h.type not in ACTOR_TYPES and not (h.type == "LOC" and trig.mode == "visit")
                or h.key in actors or _gpe_modifier(an, np)):
            continue  # (not "các hãng xe Nhật Bản": the firms, not the state)
        if st.nominal and p in (("giữa",), ("của",)) and an.chain_of(np).start - j <= 3:
            owners += head_keys(h)
        elif p and p[-1] in res.words["recipient_preps"] or not p:
            if not objs_r and p == ("của",) and not st.nominal:
                first_owner = an.chain_of(np)
            if first_owner is not None and an.chain_of(np) is not first_owner:
                break
            objs_r += [(k, p) for k in head_keys(h)]
    if first_owner is None and any(p and p != ("của",) for _, p in objs_r):
        # "lệnh trừng phạt của HĐBA đối với X": the nominal's owner acts
        objs_r = [(k, p) for k, p in objs_r if p != ("của",)]
    recipients = recipients + [k for k, _p in objs_r if k not in recipients]
    if objs_r:
        recipients += [k for k in _named_in_list(an, st) if k not in recipients + actors]
    if st.nominal and not actors and not owners and res.cues["pronouns_same"].match(an.toks, j):
        for ch in an.chains:  # "cuộc hội đàm của họ" -> the coordinated subject
            if ch.end <= st.i and not ch.prep and len(ch.keys()) > 1:
                owners = ch.keys()
    if owners and (not actors or trig.sym):
        actors = actors + [k for k in owners if k not in actors]
    elif owners:
        recipients += [k for k in owners if k not in recipients]
    return actors, recipients


def _reply_target(an: Analysis, st: _Site, actors: list[str], state: dict) -> list[str]:
    """Recipients of a reply aimed at an earlier event ("Hàn Quốc bác bỏ đề nghị này",
    "Trung Quốc lên án chuyến thăm"): the actors of the latest event of the type its
    object names, reported in the last few sentences."""
    res, toks = an.res, an.toks
    if st.trig.type.lower() not in res.words["reply_types"]:
        return []
    skip = res.words["object_gap"] | {"lại", "với", "sự"}
    k = st.j
    while k < len(toks) and k - st.j < res.windows["reply_gap"] and toks[k] in skip:
        k += 1
    if k >= len(toks) or an.aside[k]:
        return []
    for typ, nouns in res.replies.items():
        if nouns.match(toks, k):
            got = state.get("by_type", {}).get(typ)
            if got and state["n"] - got[0] <= res.windows["reply_sentences"]:
                return [a for a in got[1] if a not in actors]
    return []


def _copula_patient(an: Analysis, st: _Site) -> list[str]:
    """The names after "là" right behind a passive trigger: "người bị bắt là X" -> X."""
    toks, k = an.toks, st.j
    while k < len(toks) and k - st.j < 3 and toks[k] in an.res.words["aux"]:
        k += 1
    if k >= len(toks) or toks[k] != "là":
        return []
    for ch in an.chains:
        if ch.start == k + 1 and not ch.prep:
            return ch.keys()
    return []


def _named_in_list(an: Analysis, st: _Site) -> list[str]:
    """Names of ", trong đó có Y" after the object: "gặp các quan chức Nga, trong đó có
    Bộ trưởng Alexander Kozlov" -> Kozlov is met too (the list is an aside otherwise)."""
    toks, last = an.toks, st.objs[-1].end if st.objs else st.j
    if last >= len(toks) or toks[last] != ",":
        return []
    k = an.res.cues["member_lists"].match(toks, last + 1)
    if not k:
        return []
    stop = next((t for t in range(last + 1 + k, len(toks)) if toks[t] in (",", ";", ".")),
                len(toks))
    return [np.head.key for np in an.nps + an.aside_nps
            if last + k < np.start < stop and np.head.type in ACTOR_TYPES]


def _fronted_actors(an: Analysis, st: _Site, recipients: list[str]) -> list[str]:
    """ "Sau cuộc gặp với X, ông Y ..." / "Khi gặp X, ông Y ...": Y is the actor."""
    toks = an.toks
    if st.trig.motion or not an.res.cues["fronted"].match(toks[st.cs : st.cs + 3], 0):
        return []
    if "," in toks[st.cs : st.i]:
        return []
    main = main_subject(an, st.j)
    met = any((np.prep or an.chain_of(np).prep) in (("với",), ("giữa",)) or not st.nominal
              for np in st.objs)
    if main is not None and ((recipients and met) or len(main.keys()) > 1):
        return main.keys()
    return []


def _code_sentence(an: Analysis, timexes: list, state: dict, article: str,
                   line: int) -> list[Event]:
    """Events of one analysed sentence (id left empty: code_events numbers those it keeps)."""
    toks, res = an.toks, an.res
    sent = _Sentence()
    fut_sentence = _has_cue(an, "future_sentence", 0, len(toks))
    meets: list[list[str]] = []
    persons = {m.key for np in an.nps for m in np.mentions if m.type == "PER"}
    for i, j, trig in _find_triggers(an):
        st = _site(an, i, j, trig)
        if st.objs:
            sent.objects.add(id(st.objs[0]))
        embedded = _embedded(an, st, sent)
        if not st.nominal:
            sent.verbal.append((st.cs, j))
        if embedded:
            head_ev = sent.out[-1] if sent.out and sent.out[-1].type.lower() in res.words[
                "complement_types"] and not sent.out[-1].recipients else None
            if head_ev is not None and 0 <= i - sent.last_j <= res.windows["complement_gap"]:
                # "Triều Tiên đe dọa tấn công hạt nhân vào Mỹ": the threatened act's target;
                # "A ký thỏa thuận hợp tác với B": the partner of the agreed cooperation
                _, head_ev.recipients = _object_roles(an, st, list(head_ev.actors), [])
            _dropped(article, line, trig, "embedded")
            continue
        if st.nominal and not trig.noun and not (
                st.k_cls and res.cues["light_verbs"].ends_at(toks, i - st.k_cls)):
            _dropped(article, line, trig, "nominal_topic")
            continue  # "các đe dọa", "hợp tác giữa A và B" as a topic: no event; but a
            # light verb makes it one ("ban hành lệnh bắt giữ", "gửi lời chúc mừng")
        if trig.type.lower() in res.words["agent_noun_types"] and res.cues["agent_nouns"].ends_at(
                toks, i):
            # "truy tìm kẻ chém ông Lộc", "trốn khỏi bọn bắt cóc": the doer is the noun,
            # unnamed; the sentence's subject does something else to them
            actors, recipients = _object_roles(an, st, [], [])
            if not recipients:
                _dropped(article, line, trig, "agent_noun")
                continue
            passive, agentive = False, True
        elif trig.type == "ASSAULT" and i > 0 and toks[i - 1] in res.words["reflexive"]:
            _dropped(article, line, trig, "reflexive")
            continue  # "tay dùng dao đang tự đâm vào cổ mình": self-harm, no attack
        else:
            agentive = False
            actors, recipients, passive = _coordinated_passive(an, st, sent)
        if not passive and not agentive:
            actors, recipients, passive = _subject_roles(an, st, sent)
        if not actors and not passive and not agentive:
            actors = _fallback_actors(an, st, sent, state)
            pk = next((k for k in range(st.cs, i) if _passive_at(an, k)), None)
            if actors and (pk is not None or trig.passive) and not any(
                    ch.keys() and st.cs <= ch.start < (i if pk is None else pk)
                    for ch in an.chains):
                # a pronoun subject undergoes: "anh bị một nhóm người lạ mặt bắt cóc"
                agent = [key for ch in an.chains if pk is not None and pk < ch.start and ch.end <= i
                         for key in ch.keys(ACTOR_TYPES)]
                actors, recipients, passive = agent, actors, True
        unnamed = agentive
        if not actors and not passive and not agentive:
            got = _unnamed_actor(an, st)
            if got is not None:
                actors, unnamed = got[0], True
                if got[1]:
                    recipients, passive = got[1], True
        actors, recipients = _object_roles(an, st, actors, recipients)
        strike = not recipients and trig.type.lower() in res.words["strike_types"] and _strike_target(
            an, st)
        if strike:  # "Nga phóng hàng loạt tên lửa vào thủ đô Kiev": an attack on Kiev, no test
            recipients = strike
        if not (actors or passive or unnamed) and recipients and _object_only(an, st):
            unnamed = True  # "gần 20 người ... truy sát anh X": a named target is enough
            if _zero_subject(an, st):  # "Ngày 30/5, bắt quả tang Y": the same doer goes on
                got = state.get("by_type", {}).get(trig.type)
                if got and state["n"] - got[0] <= an.res.windows["zero_subject_sentences"]:
                    actors = [a for a in got[1] if a not in recipients]
        if actors and not recipients and not passive:
            recipients = _reply_target(an, st, actors, state)
        if (trig.passive or passive) and not recipients:
            recipients = _copula_patient(an, st)  # "Đối tượng bị bắt giữ là Kwon Yonggil"
            passive = passive or bool(recipients)
        if not actors and not passive:
            actors = _fronted_actors(an, st, recipients)
        if trig.inner and actors:  # "Trung Quốc đưa Đài Loan vào danh sách cấm vận"
            for ch in an.chains:
                if st.cs <= ch.start and not ch.prep and 0 <= i - ch.end <= 1:
                    names = ch.keys()
                    recipients = recipients + [k for k in names if k not in actors + recipients]
        victims: list[str] = []
        if trig.type.lower() in res.words["casualty_types"] and _has_cue(an, "casualty", st.cs, i):
            subj = _subject(an, st.cs, st.i, sent.objects)  # "X thiệt mạng trong cuộc không
            victims = subj.keys() if subj else []  # kích của Mỹ": Mỹ attacks X
            if victims:
                actors = [k for k in actors + recipients if k not in victims]
                recipients, passive = victims, True
        objs = st.objs
        if trig.obj == "GPE" and (not objs or objs[0].head.type != "GPE" or objs[0].start - j > 2):
            _dropped(article, line, trig, "obj_gpe")
            continue
        if trig.obj == "ANY" and not recipients:
            _dropped(article, line, trig, "obj_any")
            continue
        if not actors and not (passive and recipients) and not unnamed:
            _dropped(article, line, trig, "no_participant")
            continue
        if st.nominal and _has_cue(an, "nominal_blockers", j, min(len(toks), j + 12)):
            _dropped(article, line, trig, "nominal_blocker")
            continue
        if _has_cue(an, "irrealis", st.cs, i):
            _dropped(article, line, trig, "irrealis")
            continue  # "nguy cơ bị tấn công", "cần tăng cường hợp tác", "tin ... sẽ gửi viện trợ"
        if trig.type == "CONSULT" and trig.mode != "visit" and _has_cue(
                an, "sports_match", 0, len(toks)):
            _dropped(article, line, trig, "sports_match")
            continue  # "Liverpool tiếp Bournemouth tại vòng 4 Premier League": a fixture
        if trig.motion and _has_cue(an, "private_trip", 0, len(toks)):
            _dropped(article, line, trig, "private_trip")
            continue  # "Kim Jong-un cũng tới Thụy Sĩ để học tập": a trip, not a visit
        if trig.nosports and (_has_cue(an, "sports_squad", 0, len(toks))
                              or _has_cue(an, "sports_match", 0, len(toks))):
            _dropped(article, line, trig, "sports_squad")
            continue  # "HLV Nguyễn Hữu Thắng quyết định triệu tập trung vệ Ngọc Thịnh"
        if trig.type == "ASSAULT" and _has_cue(an, "sports_play", 0, len(toks)):
            _dropped(article, line, trig, "sports_play")
            continue  # "HAGL chủ động tấn công ..., Khánh Hòa phòng ngự": play, not violence
        recipients = [k for k in recipients if k not in actors and not _same_person(k, actors)]
        if st.prep_before and len(actors) + len(recipients) < 2 and not victims:
            _dropped(article, line, trig, "setting")
            continue  # "trong cuộc họp của Quốc hội": a setting, not a reported meeting
        loc = _location(an, st.cs, st.ce, i)
        if loc in recipients and trig.mode != "visit":
            recipients.remove(loc)
        if actors and not passive and not trig.sym:
            role_typ = trig.type + ("/visit" if trig.mode == "visit" else "")
            if event_model.RECORD is not None:
                event_model.RECORD.append((line, role_typ, list(actors), list(recipients),
                                           event_model.candidate_features(
                    an, i, j, st.cs, st.ce, role_typ, actors, st.objs)))
            if not recipients:  # the rules found no object: the learned picker may
                got = event_model.pick_recipient(an, i, j, st.cs, st.ce, role_typ, actors, st.objs)
                if got is not None and (got != loc or trig.mode == "visit") and not _same_person(
                        got, actors) and not any(np.head.key == got and _gpe_modifier(an, np)
                                                 for np in an.nps):
                    recipients = [got]
        neg = _negated(an, st.cs, i)
        fut = fut_sentence or _has_cue(an, "future", st.cs, i)
        hyp = _has_cue(an, "hypothetical", st.cs, i) or _has_cue(an, "conditional", 0, i)
        typ, mode = ("ASSAULT", None) if strike else (trig.type, trig.mode)
        if neg and fut and typ == "CONSULT":
            typ, mode, neg = "REJECT", "meet", False  # "sẽ không đàm phán": refuses to meet
        same = [c for c in sent.out if c.type == typ and c.actors == actors]
        if same:  # one happening: "hối thúc Seoul ... và kêu gọi ..." / "gặp, đàm phán với X"
            same[0].recipients += [k for k in recipients if k not in same[0].recipients]
            if passive and sent.last_passive is not None:
                sent.last_passive = (j, same[0].actors, same[0].recipients)
            _dropped(article, line, trig, "same_happening")
            continue
        sent.out.append(Event(
            id="", type=typ, mode=mode, actors=actors, recipients=recipients, location=loc,
            date=_date(timexes, an, st.cs, st.ce, i), negated=neg, hypothetical=hyp, future=fut,
            article=article, line=line, text=an.text,
        ))
        sent.last_clause = st.cs
        sent.last_j = j
        if actors and not (neg or hyp):
            state.setdefault("by_type", {})[typ] = (state["n"], actors)
        sent.last_passive = (j, actors, recipients) if passive and recipients else None
        people = [k for k in actors + recipients if k in persons]
        if trig.type in ("CONSULT", "AGREE") and len(people) > 1 and not (neg or hyp or fut):
            meets.append(people)  # "hai ông", "hai ngoại trưởng" later refer to them
    # remember participants for pronouns of later sentences ("hai ông", "ông", "nước này",
    # "cơ quan này")
    state["meet"] += meets
    state["n"] = state.get("n", 0) + 1
    state["per"] += subject_persons(an)
    state.setdefault("gpe", [])
    state["gpe"] += [ch.nps[0].head.key for ch in an.chains[:3]
                     if not ch.prep and ch.nps[0].head.type == "GPE"][:1]
    state.setdefault("orgs", [])
    state["orgs"] += [(o.key, o.folded) for np in sorted(an.nps + an.aside_nps, key=lambda n: n.start)
                      for o in _org_names(np)]
    state.setdefault("org", [])
    state["org"] += [ch.nps[0].head.key for ch in an.chains[:3]
                     if not ch.prep and ch.nps[0].head.type == "ORG"][:1]
    return sent.out



def code_events(article: Article) -> list[Event]:
    """PLOVER events of an article (mentions and timexes must be filled): one per happening,
    coded after ``participants.complete_mentions`` has added to ``article.mentions`` the
    bodies of a place and the given names used again (so their entities exist later),
    its reports in the article as ``mentions`` (coref.merge_event_mentions); the corpus
    stage merges them again across the articles of a story, with entity ids."""
    res = resources()
    article.mentions = complete_mentions(article)  # the corpus stage needs their entities
    by_sent: dict[int, list[Mention]] = {}
    for m in participant_mentions(article.mentions):
        by_sent.setdefault(m.sentence, []).append(m)
    tx_by_sent: dict[int, list] = {}
    for t in article.timexes:
        tx_by_sent.setdefault(t.sentence, []).append(t)
    quotes = quoted_spans(article)
    state: dict = {"meet": [], "per": [], "n": 0}
    ants = Antecedents(title=fold(article.title or ""))
    events: list[Event] = []
    for k, sent in enumerate(article.sentences):
        text = sent.text

        def extra(an: Analysis, ms: list[Mention], k: int = k, line: int = sent.line
                  ) -> list[Mention]:
            return anaphor_mentions(an, ms, ants, k, line)

        an = Analysis(text, by_sent.get(k, []), quotes.get(k, []), res, extra)
        ants.read(an)
        if text.rstrip().endswith("?"):
            continue
        seen: set[tuple] = set()
        for ev in _code_sentence(an, tx_by_sent.get(k, []), state, article.id, sent.line):
            sig = (ev.type, tuple(ev.actors), tuple(ev.recipients))
            if sig in seen or not (ev.actors or ev.recipients) and any(
                e.type == ev.type for e in events
            ):
                continue  # a participantless event may restate an earlier one: skip it
            seen.add(sig)
            ev.id = f"{article.id}-e{len(events)}"
            events.append(ev)
    return merge_event_mentions(events, {article.id: article.published})
