"""Who acts and who receives at one trigger site: actor versus recipient from what
``arguments`` finds around the trigger (passives, coordinated clauses, unnamed doers,
fronted and listed participants, replies, parent bodies, the learned recipient picker)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from thoisu.annotate.arguments import (
    carried_subject,
    clause_end,
    find_objects,
    find_subject,
    gpe_modifier,
    has_cue,
    is_address,
    lead_ok,
    passive_at,
    resolve_pronoun,
    segment_of,
    title_of,
)
from thoisu.annotate.lexicon import PhraseSet, Trigger
from thoisu.annotate.syntax import (
    ACTOR_TYPES,
    NP,
    Analysis,
    Chain,
    head_keys,
    main_subject,
    role_cues,
    role_words,
)
from thoisu.models import Event
from thoisu.text import fold


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
class SentenceState:
    """What the coding of one sentence remembers from trigger to trigger."""

    verbal: list[tuple[int, int]] = field(default_factory=list)  # (clause start, end)
    objects: set[int] = field(default_factory=set)  # ids of NPs that are verb objects
    out: list[Event] = field(default_factory=list)  # ids are given by code_events
    last_clause: int = -1  # clause start of the last event in out (a coding detail, not a field)
    last_j: int = -9  # token after the trigger of the last event in out
    # (token after its trigger, actors, recipients) of the last passive event: "X bị Y khởi
    # tố, bắt tạm giam" -> the second verb has the same agent and patient
    last_passive: tuple[int, list[str], list[str]] | None = None


def _after_result(an: Analysis, lo: int, i: int) -> int:
    """Where the trigger's clause starts past a result connective followed by a named
    subject ("..., Giàng bỏ trốn nên cơ quan CSĐT quyết định truy nã": 'nên' is 'so'
    there, no 'should' and no subject carried over it), else ``lo``."""
    result = an.res.cues["result_connectives"]
    starts = {ch.start for ch in an.chains if not ch.prep and lo <= ch.start < i}
    for k in range(lo, i):
        n = result.match(an.toks, k)
        if n and k + n in starts:
            lo = k + n
    return lo


def site_of(an: Analysis, i: int, j: int, trig: Trigger) -> _Site:
    res, toks, cues = an.res, an.toks, an.res.cues
    cs, kind, bstart = an.clause_start(i)
    after = _after_result(an, cs, i)
    if after > cs:  # "... với anh Lai nên Thịnh đã đánh Thơm": 'nên' + a name opens it
        cs, kind, bstart = after, "sub", after - 1
    ce = clause_end(an, j)
    k_cls = cues["classifiers"].ends_at(toks, i)
    if k_cls and cues["light_verbs"].ends_at(toks, i) > k_cls:
        k_cls = 0  # "đang trong quá trình đàm phán": an aspect, not a noun phrase
    if k_cls and an.in_name[i - 1]:
        k_cls = 0  # "Cục Cảnh sát hình sự khuyến cáo": the end of a name, not "sự" + verb
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
                 find_objects(an, j, ce, trig.type.lower() in res.words["wide_object_types"]))


def is_embedded(an: Analysis, st: _Site, sent: SentenceState) -> bool:
    """Topic or complement of an earlier verb of the clause ("thảo luận về ... trừng phạt"),
    unless coordinated ("gặp X và trò chuyện với Y") or given a subject of its own."""
    inside = any(c == st.cs and e <= st.i and not any(
        e <= ch.start < st.i and not ch.prep and id(ch.nps[0]) not in sent.objects
        for ch in an.chains) for c, e in sent.verbal)
    return inside and not ({"và", ","} & set(an.toks[max(st.cs, st.i - 3) : st.i]))


_DASHES = frozenset(("-", "–", "—"))


def subject_roles(an: Analysis, st: _Site, sent: SentenceState) -> tuple[list[str], list[str], bool]:
    """(actors, recipients, passive) from the subject of the trigger's clause."""
    res, toks, trig = an.res, an.toks, st.trig
    subj = None if st.prep_before else find_subject(an, st.cs, st.i, sent.objects)
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
    if subj.start > 0 and an.toks[subj.start - 1] in _DASHES:
        # "Cục QLXNC – Bộ Công an khuyến cáo": the unit written before its parent acts
        unit = next((np for np in an.nps if np.end == subj.start - 1 and np.head.type == "ORG"), None)
        if unit is not None and unit.head.key not in actors:
            actors = [unit.head.key] + actors
    gap_ks = [k for k in range(subj.end, st.i - st.k_cls) if not an.aside[k] and toks[k] != ","]
    by_agent = any(  # "X bị Cơ quan CSĐT Bộ Công an khởi tố": a long agent right before
        subj.end < ch.start and 0 <= st.i - st.k_cls - ch.end <= 1 and ch.start > 0
        and passive_at(an, ch.start - 1) for ch in an.chains)
    # the passive marker may stand before a long agent and a first verb: "X đã bị lực lượng
    # chức năng Công an tỉnh Y bắt giữ", "X đã bị Công an huyện Y phát hiện, bắt quả tang"
    marks = [k for k in gap_ks if passive_at(an, k)]
    if not trig.passive and not by_agent and not marks:
        return actors, [], False
    k_bi = marks[-1] if marks else st.i if trig.passive else -1
    near = next((ch for ch in an.chains if subj.end < ch.end == k_bi and ch.keys(ACTOR_TYPES)
                 and " ".join(ch.prep) not in res.words["location_preps"]), None)
    if near is not None and not by_agent:
        # "cảnh sát X xác định được vị trí của Pulido bị giam giữ": the phrase right before
        # "bị" undergoes it, not the subject of the clause
        agent = [] if trig.passive else next((ch.keys() for ch in an.chains if k_bi < ch.start
                                             and ch.end <= st.i and ch.keys()), [])
        return agent, near.keys(ACTOR_TYPES), True
    agent: list[str] = []  # "X bị quân đội Mỹ tấn công": the agent acts, X undergoes
    for ch in an.chains:
        if subj.end < ch.start and ch.end <= st.i and ch.prep and ch.prep[-1] in (
            res.words["passive"]
        ):
            agent = ch.keys()
    if not agent and marks:
        agent = next((ch.keys() for ch in an.chains  # (not "một tòa án ở Istanbul")
                      if marks[-1] < ch.start and ch.end <= st.i and ch.keys()
                      and " ".join(ch.prep) not in res.words["location_preps"]), [])
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


def coordinated_passive(an: Analysis, st: _Site, sent: SentenceState
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


@lru_cache(maxsize=4)
def _glue_phrases(glue: frozenset[str]) -> PhraseSet:
    return PhraseSet([tuple(g.split()) for g in glue])


def _all_glue(lead: list[str], glue: frozenset[str], adverbs: PhraseSet) -> bool:
    """Every word of the lead is glue, or part of glue or an adverb of several syllables
    ("lập tức", "thành thật xin lỗi")."""
    k, phrases = 0, _glue_phrases(glue)
    while k < len(lead):
        n = max(adverbs.match(lead, k), phrases.match(lead, k))
        if not n:
            return False
        k += n
    return True


def fallback_actors(an: Analysis, st: _Site, sent: SentenceState, state: dict) -> list[str]:
    """Actors of a subjectless clause: a pronoun, a coordinated verb, a reporting verb."""
    res, toks = an.res, an.toks
    if st.trig.motion:
        return []
    actors = resolve_pronoun(an, st.cs, st.i, state)
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
    # "Bộ X cho biết sẽ đình chỉ ... và yêu cầu Nissan ...": a second verb of what the
    # speaker says, coordinated, with no subject of its own in the reported clause
    said_too = (st.kind == "speech" and not st.nominal and st.i > st.cs
                and toks[st.i - 1] in res.words["coordinators"]
                and not any(st.cs <= ch.start < st.i and not ch.prep for ch in an.chains))
    if not actors and st.kind in ("speech", "sub") and (said_too or (
        len(lead) <= 4 and _all_glue(lead, glue, res.cues["lead_adverbs"])
        and (not st.nominal or st.i > st.cs)
        and (st.kind == "speech" or " ".join(toks[st.bstart : st.cs]) in res.words["coordinators"]
             or " ".join(toks[st.bstart : st.cs]) in res.words["purpose_subs"]
             and st.trig.type.lower() in res.words["purpose_types"]))
    ):  # (purpose: "Cơ quan Công an phải dùng biện pháp mạnh để bắt giữ Tiệp")
        # control: "Triều Tiên thông báo phóng ..." -> the reporter did it
        prev = an.clause_start(st.bstart)[0]
        if out and out[-1].actors and sent.last_clause == prev and st.kind == "sub" and " ".join(
                toks[st.bstart : st.cs]) in res.words["coordinators"]:
            # "Nhà Trắng cho biết sẽ cung cấp cho Việt Nam 18 tàu X đồng thời hỗ trợ ...":
            # the coordinated verb has the subject the earlier verb was coded with, not the
            # last phrase of that verb's object
            return list(out[-1].actors)
        sp = find_subject(an, prev, st.bstart, sent.objects)
        if sp is None and st.kind == "speech":  # "tin từ Công an tỉnh X cho biết, vừa bắt Y"
            sp = next((ch for ch in an.chains if ch.end == st.bstart and ch.prep
                       and " ".join(ch.prep) in res.words["source_preps"]), None)
        if sp is not None:
            actors = sp.keys()
    return actors


def _agentless_site(an: Analysis, st: _Site) -> bool:
    """A verbal attack or arrest that is the reported event: the kinds whose doer may go
    unnamed, not in a background clause ("Trước khi bị bắt, ...", "lúc bị bắt", "trong số
    nghi phạm bị bắt giữ")."""
    res, toks = an.res, an.toks
    if st.trig.type.lower() not in res.words["agentless_types"] or st.nominal or st.trig.motion:
        return False
    if st.kind == "sub" and segment_of(an, st.cs, st.i) == st.cs and res.words["background_subs"] & {
        " ".join(toks[st.bstart : st.cs]), toks[st.bstart]
    }:  # (a later comma segment is the main clause: "Khi X ..., bất ngờ Y chém ...")
        return False
    return not has_cue(an, "background", st.cs, st.i)


def unnamed_actor(an: Analysis, st: _Site) -> tuple[list[str], list[str]] | None:
    """(actors, recipients) of an event whose perpetrator is only a group ("cảnh sát đã bắt
    giữ ...", "phiến quân tấn công ...") or left out in the passive ("ba người đã bị bắt
    giữ", "bị công an bắt giữ"): actors are a named agent or none. None if neither."""
    res, toks = an.res, an.toks
    if not _agentless_site(an, st):
        return None
    lo = max(st.cs, st.i - res.windows["group_gap"])
    if st.trig.passive:
        return [], []
    for k in range(st.i - 1, lo - 1, -1):  # "bị (cảnh sát | quân đội Mỹ) bắt giữ"
        w = toks[k]
        if w == "," or an.aside[k]:
            break
        if w == "bị" and passive_at(an, k):
            between = [ch for ch in an.chains if k < ch.start and ch.end <= st.i]
            rest = [t for t in toks[k + 1 : st.i] if t.isalpha()]
            if not between and st.trig.type.lower() not in res.words["bare_passive_types"]:
                return None  # "các địa điểm bị tấn công nằm gần ...": a modifier, often
            if between or len(rest) <= res.windows["group_gap"] - 2:
                # the patient right before "bị": "lần đầu tiên Mansour bị quân đội Mỹ tấn công"
                patient = [key for ch in an.chains if ch.end == k and not ch.prep
                           and st.cs <= ch.start and not gpe_modifier(an, ch.nps[0])
                           for key in (title_of(an, ch) or ch).keys(ACTOR_TYPES)]
                if not patient and _shared_subject(an, st, k):
                    # "Long bỏ trốn nhưng đã bị lực lượng chức năng bắt giữ": Long undergoes
                    subj = find_subject(an, an.clause_start(st.bstart)[0], st.bstart, set())
                    patient = subj.keys(ACTOR_TYPES) if subj is not None else []
                # "bị một tòa án ở Istanbul kết án": a place after "ở"/"tại" locates an
                # unnamed agent, it is not the agent
                located = [ch for ch in between
                           if " ".join(ch.prep) in res.words["location_preps"]]
                agents = [ch for ch in between if not is_address(an, ch) and ch not in located] \
                    or [ch for ch in between[-1:] if ch not in located]
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
        if len(free) <= res.windows["group_tail"] and lead_ok(an, seg, k):
            return [], []
        break
    return None


def strike_target(an: Analysis, st: _Site) -> list[str]:
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


def object_only(an: Analysis, st: _Site) -> bool:
    """An attack or arrest with a named object and no named subject before it in its
    clause: the doer is left unnamed (actors = []), as for a group subject."""
    if not _agentless_site(an, st):
        return False
    seg = segment_of(an, st.cs, st.i)  # a name in an earlier segment may not be the subject
    return not any(ch.keys() and st.cs <= ch.start and ch.end <= st.i and (
        ch.start >= seg or carried_subject(an, segment_of(an, st.cs, ch.start), st.cs, st.i))
        for ch in an.chains)


def zero_subject(an: Analysis, st: _Site) -> bool:
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


def object_roles(an: Analysis, st: _Site, actors: list[str],
                  recipients: list[str], passive: bool = False) -> tuple[list[str], list[str]]:
    """Recipients after the trigger, or owners of a nominal ("chuyến thăm của X"). Behind a
    passive ("bị truy tố xúc phạm tổng thống Erdogan") the patient stands before the
    marker: a phrase right after the trigger without a preposition is the charge's, not
    the trigger's."""
    res, trig, j = an.res, st.trig, st.j
    owners: list[str] = []
    # (the marker may stand before an agent: "Nga bị phương Tây cáo buộc tấn công Ukraine")
    after_passive = not st.nominal and (trig.passive or passive
                                        or _passive_marker(an, st) is not None)
    objs_r: list[tuple[str, tuple[str, ...]]] = []
    first_owner: Chain | None = None  # "ủng hộ đề xuất của X (về ... cho Y)": X, not Y
    for np in st.objs:
        h = np.head
        p = np.prep or an.chain_of(np).prep
        if np.prep and an.chain_of(np).start - len(np.prep) < j:
            p = ()  # the "preposition" is the trigger's own last word ("bắt được X")
        if after_passive and not p:
            continue
        if (h.type not in ACTOR_TYPES and not (h.type == "LOC" and (
                trig.mode == "visit" or _business(an, np, trig)))
                or h.key in actors or gpe_modifier(an, np)):
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


def _business(an: Analysis, np: NP, trig: Trigger) -> bool:
    """A place named after a noun of businesses ("quán bar Vip Lounge", "cửa hàng X"): the
    firm a search or a fine acts on, though the mention finder types it a place."""
    cues = role_cues()
    return trig.type in role_words("business_types") and bool(
        cues["business_nouns"].ends_at(an.toks, np.first))


def _skip_aux(an: Analysis, st: _Site, k: int) -> int:
    """The first token at or before k, within the trigger's clause, that is no auxiliary."""
    while k >= st.cs and an.toks[k] in an.res.words["aux"] and not an.aside[k]:
        k -= 1
    return k


def _passive_marker(an: Analysis, st: _Site) -> int | None:
    """Index of a passive marker right before the trigger, auxiliaries aside ("bị truy
    tố"), else None."""
    k = _skip_aux(an, st, st.i - 1)
    return k if k >= st.cs and passive_at(an, k) else None


def reply_target(an: Analysis, st: _Site, actors: list[str], state: dict) -> list[str]:
    """Recipients of a reply aimed at an earlier event ("Hàn Quốc bác bỏ đề nghị này",
    "Trung Quốc lên án chuyến thăm"): the actors of the latest event of the type its
    object names, reported in the last few sentences."""
    res, toks = an.res, an.toks
    if st.trig.type in role_words("briefing_types"):
        return briefed(an, st, actors)
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


def briefed(an: Analysis, st: _Site, actors: list[str]) -> list[str]:
    """The body a doer heard report before asking ("Sau khi nghe Ban quản lý đường sắt đô
    thị báo cáo, ông Thăng yêu cầu ..."): named between a briefing verb and a report verb
    earlier in the sentence, it is the one asked to act."""
    cues, toks = role_cues(), an.toks
    for ch in an.chains:
        if ch.end >= st.i or ch.prep or not ch.keys(ACTOR_TYPES) or set(ch.keys()) & set(actors):
            continue
        k = ch.start
        if k < 1 or not cues["briefing_verbs"].ends_at(toks, k) or an.aside[k - 1]:
            continue
        if cues["briefing_reports"].match(toks, ch.end):
            return ch.keys(ACTOR_TYPES)
    return []


def copula_patient(an: Analysis, st: _Site, passive: bool = True) -> list[str]:
    """The names a trigger's patient is spelled out as right behind it: "người bị bắt là
    X" -> X (a passive); "các đối tượng bị khởi tố gồm: X, Y", "bắt 2 người gồm: X, Y" ->
    X and Y (an enumerator, after an unnamed object of at most ``list_object`` words when
    the trigger is active). Every person or body named in the list, up to ';' or '.'."""
    res, toks, k = an.res, an.toks, st.j
    while k < len(toks) and k - st.j < 3 and toks[k] in res.words["aux"]:
        k += 1
    starts = {ch.start for ch in an.chains}
    if not passive:  # skip an unnamed object: "2 người", "các đối tượng"
        if st.trig.type.lower() not in res.words["enumerated_types"]:
            return []  # "khoảng 700 khách mời bao gồm ...": guests, no one acted on
        lim = st.j + res.windows["list_object"]
        while k < min(lim, len(toks)) and toks[k] not in (",", ";", ".") and k not in starts \
                and not res.cues["enumerators"].match(toks, k):
            k += 1
    if k >= len(toks):
        return []
    if passive and toks[k] == "là":
        return next((ch.keys() for ch in an.chains if ch.start == k + 1 and not ch.prep), [])
    n = res.cues["enumerators"].match(toks, k)
    if not n:
        return []
    k += n + (k + n < len(toks) and toks[k + n] == ":")
    stop = next((t for t in range(k, len(toks)) if toks[t] in (";", ".")), len(toks))
    out: list[str] = []
    for ch in an.chains:
        if k <= ch.start < stop and not ch.prep and not is_address(an, ch):
            out += [key for key in ch.keys(("PER", "ORG")) if key not in out]
    return out


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


def fronted_actors(an: Analysis, st: _Site, recipients: list[str]) -> list[str]:
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


def adjacent_patient(an: Analysis, st: _Site) -> list[str]:
    """The named phrase right before a passive marker right before the trigger ("hãng xe
    Nissan cũng bị cáo buộc", "khiến bà Lan bị đâm chết"): it undergoes the act, whatever
    the clause's subject (none found, or a background clause's). Auxiliaries may stand
    between; an agent between the marker and the trigger is another rule's."""
    if st.nominal or st.prep_before:
        return []
    toks = an.toks
    marker = _passive_marker(an, st)
    if marker is None:
        return []
    k = _skip_aux(an, st, marker - 1)
    ch = next((c for c in an.chains if c.end == k + 1 and not c.prep), None)
    if ch is None or gpe_modifier(an, ch.nps[-1]) or is_address(an, ch):
        return []  # "chân sút Mexico bị bắt cóc"
    if ch.nps[-1].head.type == "GPE" and ch.start > st.cs and toks[ch.start - 1] != ",":
        return []  # a place closing a phrase: "(các đối tượng) cùng trú TP Hồ Chí Minh bị bắt"
    return ch.keys(ACTOR_TYPES)


def sent_to(an: Analysis, st: _Site, objects: set[int]) -> tuple[list[str], list[str]] | None:
    """(sender, addressees) when a verb of sending stands before the trigger in its clause
    ("Hội Nghề cá vừa ký công văn gửi Văn phòng Chính phủ, Bộ Tài chính ... đề nghị",
    "Công an Q.Gò Vấp có báo cáo gửi Ban Giám đốc Công an TPHCM ... xin ý kiến"): the
    phrases after it are the addressees of the message, never its sender, however the
    comma segments of their list fall, or whether they follow an enumerator and a colon; the
    sender is the subject before the verb."""
    res, toks = an.res, an.toks
    send = res.words["send_verbs"]
    lo = st.cs
    if lo >= 2 and toks[lo - 1] == ":" and res.cues["enumerators"].ends_at(toks, lo - 1):
        lo = an.clause_start(lo - 1)[0]  # "gửi Chi cục ... các tỉnh gồm: Nghệ An, ... yêu cầu"
    k = next((k for k in range(st.i - 1, lo - 1, -1) if toks[k] in send and not an.aside[k]),
             None)
    if k is None:
        return None
    to = [ch for ch in an.chains if k < ch.start < st.i and ch.keys()
          and (not ch.prep or " ".join(ch.prep) in res.words["recipient_preps"])]
    if not to or to[0].start - k > res.windows["send_object"]:
        return None
    subj = find_subject(an, lo, k, objects)
    addressees = list(dict.fromkeys(k for ch in to for k in ch.keys(ACTOR_TYPES)))
    return (subj.keys() if subj is not None else []), addressees


def joint_partners(an: Analysis, st: _Site) -> list[str]:
    """Bodies named after a yielding manner verb before the trigger in its clause
    ("Công an tỉnh phối hợp với Bộ Công an vừa bắt X", "Cục ... phối hợp với Công an TP HCM
    bắt giữ X"): they do the act too, whether or not the subject is a name the mention
    finder knows."""
    toks, triggers = an.toks, an.res.triggers
    out: list[str] = []
    if st.trig.type.lower() not in an.res.words["joint_types"] or st.trig.motion:
        return out  # "Chi cục phối hợp với Công an tỉnh ... tới xã X": a trip, no joint act
    for k in range(st.cs, st.i):
        if an.aside[k]:
            continue
        n = next((len(t.words) for t in triggers.get(toks[k], ()) if t.yields
                  and tuple(toks[k : k + len(t.words)]) == t.words), 0)
        if not n:
            continue
        for ch in an.chains:
            if k + n <= ch.start < st.i and ch.end <= st.i and ch.prep and ch.prep[-1] in (
                    "với", "cùng"):
                out += [key for key in ch.keys(("ORG", "GPE")) if key not in out]
    return out


def named_perpetrator(an: Analysis, st: _Site, recipients: list[str]) -> list[str]:
    """The person the sentence names as the doer with a perpetrator noun, for an attack
    whose doer the clause leaves unnamed: "... bà Lan bị đâm chết, Công an đã xác định được
    nghi can là Vi Văn Thắng", "bắt Nguyễn Sỹ Đạt với cáo buộc là chủ mưu bắn chết ông
    Trí", "Thịnh bị cáo buộc là hung thủ trong vụ án giết người"."""
    res, toks = an.res, an.toks
    perp, links = res.cues["perpetrators"], res.words["perpetrator_links"]
    for k in range(len(toks)):
        n = perp.match(toks, k)
        if not n or an.aside[k]:
            continue
        if k + n < len(toks) and toks[k + n] == "là":  # "nghi can là X"
            ch = next((c for c in an.chains if c.start == k + n + 1 and not c.prep), None)
            if ch is not None:
                got = [key for key in ch.keys(("PER",)) if key not in recipients]
                if got:
                    return got
        if k > 0 and toks[k - 1] == "là":  # "X bị cáo buộc là hung thủ"
            m = k - 2
            while m >= 0 and (an.aside[m] or toks[m] in links):
                m -= 1
            ch = next((c for c in an.chains if c.end == m + 1 and not c.prep), None)
            if ch is not None:
                got = [key for key in ch.keys(("PER",)) if key not in recipients]
                if got:
                    return got
    return []


def anaphoric_patient(an: Analysis, st: _Site, actors: list[str], state: dict) -> list[str]:
    """The suspect a bare role noun right after an arrest or a fine stands for ("Giàng bỏ
    trốn nên cơ quan CSĐT quyết định truy nã đối tượng", "Công an đã bắt giữ nghi phạm
    này"): the latest person the article coded as the doer of an attack or the patient of
    an arrest or a fine, a few sentences back at most. Crime news names the suspect once
    and then writes the role noun, so the object position holds no name. Nothing if a
    name follows the noun (it is a title then: "đối tượng Nguyễn Văn A")."""
    res, toks, j = an.res, an.toks, st.j
    if st.nominal or j >= len(toks) or an.aside[j]:
        return []
    n = res.cues["role_anaphors"].match(toks, j)
    if not n or any(np.start <= j + n < np.end or np.start == j + n for np in an.nps):
        return []
    if j + n < len(toks) and (toks[j + n].isdigit() or toks[j + n] == "là"):
        return []  # "đối tượng 1", a numbered list; "kẻ gây án là X": the copula names it
    got = [(at, key) for at, key in state.get("suspects", ())
           if state["n"] - at <= res.windows["anaphor_sentences"] and key not in actors]
    return [got[-1][1]] if got else []


def result_victim(an: Analysis, st: _Site, actors: list[str]) -> list[str]:
    """The person a causative after an attack names ("chém liên tục nhiều nhát vào đầu, cổ
    khiến đầu chị Hậu bị đứt", "đâm ... làm anh X tử vong"): the victim of an attack whose
    object the rules left unnamed. A body-part word or two may stand between
    (result_part_gap); the search ends at a clause stop (result_stops) or after
    windows["result"] words."""
    res, toks = an.res, an.toks
    cause, stops = res.cues["result_causatives"], res.words["result_stops"]
    gap = res.windows["result_part_gap"]
    for k in range(st.j, min(len(toks), st.j + res.windows["result"])):
        if toks[k] in stops:
            return []
        n = cause.match(toks, k)
        if not n:
            continue
        for ch in an.chains:
            if k + n <= ch.start <= k + n + gap and not ch.prep \
                    and ch.nps[0].head.type == "PER":
                keys = [x for x in ch.keys(("PER",)) if x not in actors]
                if keys:
                    return keys
        return []
    return []
