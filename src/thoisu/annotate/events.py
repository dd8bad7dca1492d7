"""PLOVER event coding of article sentences from Vietnamese trigger lexicons.

A sentence is cut into word/punctuation tokens (syllables folded with ``text.fold``);
triggers come from ``data/plover_triggers.tsv``, cue words from ``data/plover_cues.json``
and reporting verbs from ``data/speech_verbs.json``. Participants come from the
article's mentions by Vietnamese SVO position: the actor is the subject noun phrase
(nearest mention group before the trigger in its clause that is not the object of a
preposition), the recipient the object after it (or after "với", "cho", "tới"...).
Precision first: a trigger with no participant in a plausible position codes nothing.
The lexicons are in ``lexicon.py``, tokens, noun phrases and clauses in ``syntax.py``,
quoted spans in ``quote_spans.py``, where a trigger's arguments stand in
``arguments.py``, who acts and who receives in ``roles.py`` (sides left empty are
completed by learned models: ``event_model.py``, then ``event_arguments.py``); this
module finds the triggers and holds the coding rules that decide whether a site is an
event.
Actors/recipients/location hold Mention keys (the corpus stage maps them to entities).
"""

from __future__ import annotations

from dataclasses import replace

from thoisu.annotate import event_arguments, event_filter, event_model
from thoisu.annotate.arguments import (
    event_date,
    find_location,
    find_subject,
    gpe_modifier,
    has_cue,
    is_negated,
    org_names,
    passive_at,
    same_person,
)
from thoisu.annotate.coref import merge_event_mentions
from thoisu.annotate.event_anaphora import Antecedents, anaphor_mentions
from thoisu.annotate.lexicon import Resources, Trigger, resources
from thoisu.annotate.participants import complete_mentions, participant_mentions
from thoisu.annotate.quote_spans import quoted_spans
from thoisu.annotate.recorder import Recorder
from thoisu.annotate.roles import (
    SentenceState,
    adjacent_patient,
    anaphoric_patient,
    coordinated_passive,
    copula_patient,
    fallback_actors,
    fronted_actors,
    is_embedded,
    joint_partners,
    named_perpetrator,
    object_only,
    object_roles,
    reply_target,
    result_victim,
    sent_to,
    site_of,
    strike_target,
    subject_roles,
    unnamed_actor,
    zero_subject,
)
from thoisu.annotate.syntax import (
    ACTOR_TYPES,
    NP,
    Analysis,
    head_keys,
    subject_persons,
)
from thoisu.models import Article, Event, Mention
from thoisu.text import fold

# --------------------------------------------------------------------------- coding

# for every trigger that codes nothing, (article id, line, type, why): what
# eval/events_eval.py reports, within dropped_triggers()
_DROPPED: Recorder[tuple[str, int, str, str]] = Recorder("dropped_triggers")
dropped_triggers = _DROPPED.collecting


def _dropped(article: str, line: int, trig: Trigger, why: str) -> None:
    _DROPPED.add((article, line, trig.type, why))


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
            if trig.unless and not trig.unless.isdisjoint(toks[i + n : i + n + res.windows["unless"]]):
                continue
            if trig.notafter and any(toks[k] in trig.notafter and not an.in_name[k]
                                     for k in range(max(0, i - res.windows["notafter"]), i)):
                continue  # (not inside a name: "Sở Giao thông vận tải phối hợp với ...")
            if trig.yields and _act_follows(an, i + n):
                continue
            if _charge_name(an, i) or trig.type == "REQUEST" and _answered(an, i):
                continue  # a noun here: the crime a charge names, the request an answer is about
            out.append((i, i + n, trig))
            covered = i + n
            break
    return out


def _opinion_giver(an: Analysis, key: str) -> bool:
    """The person ``key`` is written in this sentence after an expert's or a reader's title
    ('PGS Cường', 'TS Lê Xuân Nghĩa', 'bạn đọc tên Quang'), nowhere without one and never
    with an office after it."""
    if not key.startswith("PER:"):
        return False
    titles, toks = an.res.cues["opinion_titles"], an.toks
    seen = False
    for np in an.nps:
        for m in np.mentions:
            if m.key != key:
                continue
            a, e = an.tok_at(m.start), an.tok_at(m.end - 1) + 1
            if not (titles.ends_at(toks, a) or a > 0 and toks[a - 1] == "tên"
                    and titles.ends_at(toks, a - 1)):
                return False
            if e + 1 < len(toks) and toks[e] == "," and toks[e + 1] in an.res.title_words \
                    and not titles.match(toks, e + 1):
                return False  # "Tiến sĩ Phạm Việt Thắng, Chủ tịch Hội Nghề cá": an office
            seen = True
    return seen


def _charge_name(an: Analysis, i: int) -> bool:
    """The trigger at i names a crime in a charge ('bị truy tố về các tội Giết người và Hành
    hạ người khác'): 'tội' stands before it in its clause, with no sign of a new clause."""
    toks, res = an.toks, an.res
    stops = (res.cues["aux"], res.cues["passive"], res.cues["charge_stops"])
    for k in range(i - 1, max(-1, i - 1 - res.windows["charge_name"]), -1):
        if toks[k] in (",", ".", ":", "!", "?") or any(c.ends_at(toks, k + 1) for c in stops):
            return False
        if toks[k] in res.words["charge_nouns"]:
            return k + 1 >= len(toks) or toks[k + 1] != "phạm"  # 'tội phạm': a criminal
    return False


def _answered(an: Analysis, i: int) -> bool:
    """The request at i is what an answer right before it is about ('Tòa bác yêu cầu ...')."""
    toks, res = an.toks, an.res
    k = i
    while (n := res.cues["answer_gap"].ends_at(toks, k)) and k - n > 0:
        k -= n
    return bool(res.cues["answering_verbs"].ends_at(toks, k))


def _act_follows(an: Analysis, k: int) -> bool:
    """Another trigger starts within the yield window after k, before the clause ends: the
    manner verb ("phối hợp với X bắt giữ Y") gives its site to that act."""
    toks = an.toks
    for m in range(k, min(len(toks), k + an.res.windows["yield"])):
        if toks[m] in (";", ".", ":"):
            return False
        if an.trigger_at(m):
            return True
    return False


def _directed_act(an: Analysis, found: list[tuple[int, int, Trigger]], i: int, trig: Trigger) -> int:
    """The act at i is what an authority orders its own, unnamed forces to do ("Công an tỉnh
    đã chỉ đạo lực lượng truy bắt", "Cục yêu cầu cấm lưu hành"): the gold codes the ordered
    arrest or ban by the ordering body, not the order; so it is coded though embedded.
    Not when a name stands between (an order to a named body is a REQUEST to it). Returns
    the end of the order's trigger, or -1."""
    res = an.res
    if trig.type.lower() not in res.words["directed_types"]:
        return -1
    for _, pj, ptrig in found:
        if pj <= i and 0 <= i - pj <= res.windows["directive_gap"] \
                and " ".join(ptrig.words) in res.words["directive_verbs"]:
            named = any(pj <= an.tok_at(m.start) < i for np in an.nps for m in np.mentions)
            return -1 if named else pj
    return -1


def _addressed(res: Resources, toks: list[str], trig: Trigger, objs: list[NP], recipients: list[str]) -> bool:
    """A request put to a named body by a doer the article does not name ("đề xuất với UBND
    TP.Cần Thơ") counts with its recipient alone; one put to a class of bodies ("đề xuất với
    các cơ quan Trung ương") does not."""
    if trig.type.lower() not in res.words["addressed_types"] or not objs:
        return False
    first = objs[0]
    return (" ".join(first.prep) in res.words["addressed_preps"] and first.head.key in recipients
            and not set(toks[max(0, first.start - 2) : first.first]) & res.words["addressed_blockers"])


def _code_sentence(an: Analysis, timexes: list, state: dict, article: str,
                   line: int, before: Analysis | None = None) -> list[Event]:
    """Events of one analysed sentence (id left empty: code_events numbers those it keeps)."""
    toks, res = an.toks, an.res
    sent = SentenceState()
    fut_sentence = has_cue(an, "future_sentence", 0, len(toks))
    meets: list[list[str]] = []
    lonely: set[int] = set()  # ids of events of counterpart_types coded with one side
    persons = {m.key for np in an.nps for m in np.mentions if m.type == "PER"}
    found = _find_triggers(an)
    orders: dict[int, list[str]] = {}  # end of a directive trigger -> its doers
    for i, j, trig in found:
        st = site_of(an, i, j, trig)
        order: Event | None = None  # a recipientless order the act at i replaces
        orderer: list[str] = []  # who gave that order (the act's doer if none is read)
        src = event_filter.Sources()  # which rule gave each side (a feature of the filter)
        if st.objs:
            sent.objects.add(id(st.objs[0]))
        embedded = is_embedded(an, st, sent)
        if not st.nominal and not (trig.motion and not st.objs and i > 0
                                   and toks[i - 1] in res.words["rush_verbs"]):
            # (rushing at someone leads the act that follows: "xông đến dùng dao chém")
            sent.verbal.append((st.cs, j))
        if embedded:
            head_ev = sent.out[-1] if sent.out and sent.out[-1].type.lower() in res.words[
                "complement_types"] and not sent.out[-1].recipients else None
            if head_ev is not None and 0 <= i - sent.last_j <= res.windows["complement_gap"]:
                # "Triều Tiên đe dọa tấn công hạt nhân vào Mỹ": the threatened act's target;
                # "A ký thỏa thuận hợp tác với B": the partner of the agreed cooperation
                _, head_ev.recipients = object_roles(an, st, list(head_ev.actors), [])
            pj = _directed_act(an, found, i, trig)
            if pj < 0 or not orders.get(pj):
                _dropped(article, line, trig, "embedded")
                continue
            orderer = orders.get(pj, [])
            if sent.out and sent.last_j == pj and sent.out[-1].type == "REQUEST" \
                    and not sent.out[-1].recipients:
                order = sent.out[-1]  # the order gives way to the act if that is coded
        if st.nominal and not trig.noun and not (
                st.k_cls and res.cues["light_verbs"].ends_at(toks, i - st.k_cls)):
            _dropped(article, line, trig, "nominal_topic")
            continue  # "các đe dọa", "hợp tác giữa A và B" as a topic: no event; but a
            # light verb makes it one ("ban hành lệnh bắt giữ", "gửi lời chúc mừng")
        if trig.type.lower() in res.words["agent_noun_types"] and res.cues["agent_nouns"].ends_at(
                toks, i):
            # "truy tìm kẻ chém ông Lộc", "trốn khỏi bọn bắt cóc": the doer is the noun,
            # unnamed; the sentence's subject does something else to them
            actors, recipients = object_roles(an, st, [], [])
            src.note("agent_noun", actors, recipients)
            if not recipients:
                _dropped(article, line, trig, "agent_noun")
                continue
            passive, agentive = False, True
        elif trig.type == "ASSAULT" and i > 0 and toks[i - 1] in res.words["reflexive"]:
            _dropped(article, line, trig, "reflexive")
            continue  # "tay dùng dao đang tự đâm vào cổ mình": self-harm, no attack
        else:
            agentive = False
            actors, recipients, passive = coordinated_passive(an, st, sent)
            src.note("coordinated", actors, recipients)
        if not passive and not agentive:
            actors, recipients, passive = subject_roles(an, st, sent)
            src.note("subject", actors, recipients)
        if not actors and not passive and not agentive:
            # a person or body named in the verb's own object is not what a pronoun or a
            # carried subject stands for ("người này ... chém vào tay ông Lộc": not Lộc)
            named_obj = {k for np in st.objs for k in head_keys(np.head)}
            actors = [k for k in fallback_actors(an, st, sent, state) if k not in named_obj]
            src.note("fallback", actors, recipients)
            pk = next((k for k in range(st.cs, i) if passive_at(an, k)), None)
            if actors and (pk is not None or trig.passive) and not any(
                    ch.keys() and st.cs <= ch.start < (i if pk is None else pk)
                    for ch in an.chains):
                # a pronoun subject undergoes: "anh bị một nhóm người lạ mặt bắt cóc"
                agent = [key for ch in an.chains if pk is not None and pk < ch.start and ch.end <= i
                         for key in ch.keys(ACTOR_TYPES)]
                actors, recipients, passive = agent, actors, True
                src.a, src.r = "fallback_agent" if actors else "", "fallback_patient"
        if not passive and not agentive:  # "A phối hợp với B bắt X": B does it too
            actors = actors + [k for k in joint_partners(an, st) if k not in actors + recipients]
            src.note("joint", actors, recipients)
        unnamed = agentive
        if not actors and not passive and not agentive:
            got = unnamed_actor(an, st)
            if got is not None:
                actors, unnamed = got[0], True
                if got[1]:
                    recipients, passive = got[1], True
                src.note("unnamed", actors, recipients)
        actors, recipients = object_roles(an, st, actors, recipients, bool(passive))
        src.note("object", actors, recipients)
        sent_msg = sent_to(an, st, sent.objects) if trig.type.lower() in res.words[
            "message_types"] and not passive else None
        if sent_msg is not None:  # "ký công văn gửi Văn phòng Chính phủ, Bộ X ... đề nghị"
            sender, addressees = sent_msg
            if set(actors) & set(addressees) or not actors:
                actors = [k for k in sender if k not in addressees]
            recipients = recipients + [k for k in addressees if k not in recipients + actors]
            src.note("sent_to", actors, recipients)
        strike = not recipients and trig.type.lower() in res.words["strike_types"] and strike_target(
            an, st)
        if strike:  # "Nga phóng hàng loạt tên lửa vào thủ đô Kiev": an attack on Kiev, no test
            recipients = strike
            src.note("strike", actors, recipients)
        if not (actors or passive or unnamed) and recipients and object_only(an, st):
            unnamed = True  # "gần 20 người ... truy sát anh X": a named target is enough
            if zero_subject(an, st):  # "Ngày 30/5, bắt quả tang Y": the same doer goes on
                got = state.get("by_type", {}).get(trig.type)
                if got and state["n"] - got[0] <= an.res.windows["zero_subject_sentences"]:
                    actors = [a for a in got[1] if a not in recipients]
                    src.note("zero_subject", actors, recipients)
        if actors and not recipients and not passive:
            recipients = reply_target(an, st, actors, state)
            src.note("reply", actors, recipients)
        if actors and not recipients and not passive and trig.type.lower() in res.words[
                "result_types"]:  # "chém nhiều nhát vào đầu, cổ khiến đầu chị Hậu bị đứt"
            recipients = result_victim(an, st, actors)
            src.note("result", actors, recipients)
        if actors and not recipients and trig.type.lower() in res.words["ultimatum_types"]:
            # "Nguyên dọa nếu vợ không đưa tiền thì sẽ chém": who must comply is threatened
            cond = res.cues["conditional"]
            recipients = next((ch.keys(ACTOR_TYPES) for ch in an.chains
                               if 0 <= ch.start - j <= res.windows["object"] and not ch.prep
                               and cond.ends_at(toks, ch.start)
                               and not set(ch.keys()) & set(actors)), [])
            src.note("ultimatum", actors, recipients)
        if (actors or unnamed) and not recipients and not passive and trig.type.lower() in (
                res.words["anaphor_patient_types"]):  # "quyết định truy nã đối tượng"
            recipients = anaphoric_patient(an, st, actors, state)
            src.note("anaphor", actors, recipients)
        if not recipients:  # "Đối tượng bị bắt giữ là Kwon Yonggil", "bắt 2 người gồm: X, Y"
            recipients = copula_patient(an, st, trig.passive or passive)
            passive = passive or bool(recipients)
            src.note("copula", actors, recipients)
        if not actors and not passive:
            actors = fronted_actors(an, st, recipients)
            src.note("fronted", actors, recipients)
        if trig.inner and actors:  # "Trung Quốc đưa Đài Loan vào danh sách cấm vận"
            for ch in an.chains:
                if st.cs <= ch.start and not ch.prep and 0 <= i - ch.end <= 1:
                    names = ch.keys()
                    recipients = recipients + [k for k in names if k not in actors + recipients]
                    src.note("inner", actors, recipients)
        victims: list[str] = []
        if trig.type.lower() in res.words["casualty_types"] and has_cue(an, "casualty", st.cs, i):
            subj = find_subject(an, st.cs, st.i, sent.objects)  # "X thiệt mạng trong cuộc không
            victims = subj.keys() if subj else []  # kích của Mỹ": Mỹ attacks X
            if victims:
                actors = [k for k in actors + recipients if k not in victims]
                recipients, passive = victims, True
                src.r = "victims"
        objs = st.objs
        if objs and " ".join(trig.words) in res.words["handover_verbs"] and not objs[0].prep \
                and objs[0].head.type == "PER":
            _dropped(article, line, trig, "custody")
            continue  # "bàn giao Huy và tang vật cho Phòng Cảnh sát kinh tế": a suspect
        if trig.obj == "GPE" and (not objs or objs[0].head.type != "GPE" or objs[0].start - j > 2):
            _dropped(article, line, trig, "obj_gpe")
            continue
        if " ".join(trig.words) in res.words["directive_verbs"]:
            # only a body gives orders its forces carry out: "Diệu Hân yêu cầu xử lý hình sự
            # bà Trang" is a private party's request, no prosecution by her
            orders[j] = list(actors) if any(k.startswith(("ORG:", "GPE:")) for k in actors) else []
        if trig.obj == "ANY" and not recipients:
            _dropped(article, line, trig, "obj_any")
            continue
        if not (actors or recipients):
            recipients = adjacent_patient(an, st)  # "khiến bà Lan bị đâm chết"
            passive = passive or bool(recipients)
            src.note("adjacent_patient", actors, recipients)
        if not actors and trig.type.lower() in res.words["perpetrator_types"]:
            actors = named_perpetrator(an, st, recipients)  # "xác định nghi can là X"
            src.note("perpetrator", actors, recipients)
        if not actors and recipients and not passive and _addressed(res, toks, trig, objs, recipients):
            unnamed = True
        if not actors and not (passive and recipients) and not unnamed and before is not None \
                and not st.nominal and zero_subject(an, replace(st, cs=0)):
            # a sentence with no subject before its verb goes on with the doer of the
            # paragraph's sentence before ("Tại buổi lễ, bà X, Chủ tịch UBMTTQ tỉnh, đã chúc
            # mừng ... . Đồng thời, kêu gọi Giáo hội Phật giáo tỉnh ...": X calls on it)
            prev = find_subject(before, 0, len(before.toks), set())
            named = prev.keys() if prev is not None else []
            keys = [k for k in named if k not in recipients]
            if keys and (trig.passive or passive):
                recipients, passive = recipients + keys, True
            elif keys:
                actors = keys
            src.note("carried", actors, recipients)
        if not actors and not passive and orderer:
            actors = orderer  # "Công an tỉnh đã chỉ đạo lực lượng truy bắt": the orderer acts
            src.note("orderer", actors, recipients)
        if not actors and not (passive and recipients) and not unnamed:
            _dropped(article, line, trig, "no_participant")
            continue
        if st.nominal and has_cue(an, "nominal_blockers", j, min(len(toks), j + 12)):
            _dropped(article, line, trig, "nominal_blocker")
            continue
        if has_cue(an, "irrealis", st.cs, i):
            _dropped(article, line, trig, "irrealis")
            continue  # "nguy cơ bị tấn công", "cần tăng cường hợp tác", "tin ... sẽ gửi viện trợ"
        if has_cue(an, "habitual", st.cs, i):
            _dropped(article, line, trig, "habitual")
            continue  # "có nhiều trường hợp nhà báo bị hành hung", "chỉ có thể đề nghị": a kind
            # of case or a capability, no one happening an analyst could count
        if trig.mode != "visit" and any(has_cue(an, c, 0, len(toks))
                                        for c in res.sports.get(trig.type, ())):
            _dropped(article, line, trig, "sports_match")
            continue  # "Liverpool tiếp Bournemouth tại vòng 4 Premier League": a fixture;
            # "Liverpool đạt được thỏa thuận chiêu mộ Joel Matip": a squad matter
        if trig.motion and has_cue(an, "private_trip", 0, len(toks)):
            _dropped(article, line, trig, "private_trip")
            continue  # "Kim Jong-un cũng tới Thụy Sĩ để học tập": a trip, not a visit
        if trig.nosports and (has_cue(an, "sports_squad", 0, len(toks))
                              or has_cue(an, "sports_match", 0, len(toks))):
            _dropped(article, line, trig, "sports_squad")
            continue  # "HLV Nguyễn Hữu Thắng quyết định triệu tập trung vệ Ngọc Thịnh"
        if trig.type == "ASSAULT" and has_cue(an, "sports_play", 0, len(toks)):
            _dropped(article, line, trig, "sports_play")
            continue  # "HAGL chủ động tấn công ..., Khánh Hòa phòng ngự": play, not violence
        if trig.operation and any(k.split(":")[-1].startswith(tuple(res.words["operation_bodies"]))
                                  for k in actors):
            _dropped(article, line, trig, "operation")
            continue  # "Công an huyện phối hợp với VKSND khám nghiệm hiện trường": the gold
            # codes the operation itself (an arrest, a search) or nothing, not a cooperation
        recipients = [k for k in recipients if k not in actors and not same_person(k, actors)]
        if st.prep_before and len(actors) + len(recipients) < 2 and not victims:
            _dropped(article, line, trig, "setting")
            continue  # "trong cuộc họp của Quốc hội": a setting, not a reported meeting
        loc = find_location(an, st.cs, st.ce, i)
        if loc in recipients and trig.mode != "visit":
            recipients.remove(loc)
        if actors and not passive and not trig.sym:
            role_typ = trig.type + ("/visit" if trig.mode == "visit" else "")
            if event_model.RECORDS.active:
                event_model.RECORDS.add((line, role_typ, list(actors), list(recipients), event_model.candidate_features(
                    an, i, j, st.cs, st.ce, role_typ, actors, st.objs)))
            if not recipients:  # the rules found no object: the learned picker may
                got = event_model.pick_recipient(an, i, j, st.cs, st.ce, role_typ, actors, st.objs)
                if got is not None and (got != loc or trig.mode == "visit") and not same_person(
                        got, actors) and not any(np.head.key == got and gpe_modifier(an, np)
                                                 for np in an.nps):
                    recipients = [got]
                    src.note("picker", actors, recipients)
        neg = is_negated(an, st.cs, i)
        fut = fut_sentence or has_cue(an, "future", st.cs, i)
        hyp = has_cue(an, "hypothetical", st.cs, i) or has_cue(an, "conditional", 0, i)
        typ, mode = ("ASSAULT", None) if strike else (trig.type, trig.mode)
        if neg and fut and typ == "CONSULT":
            typ, mode, neg = "REJECT", "meet", False  # "sẽ không đàm phán": refuses to meet
        # the learned role model fills the sides the rules left empty
        sides = len(actors) + len(recipients)
        actors, recipients = event_arguments.revise(an, event_arguments.Site(
            i, j, st.cs, st.ce, line, typ + ("/visit" if mode == "visit" else ""),
            bool(passive), bool(unnamed), st.objs, before), actors, recipients)
        src.note("argmodel", actors, recipients)
        if trig.type.lower() in res.words["venue_types"]:  # "khởi kiện ra TAND quận 3": the
            recipients = [k for k in recipients  # court hears the suit, it is not sued
                          if not k.split(":")[-1].startswith(tuple(res.words["venue_heads"]))]
        if typ.lower() in res.words["court_rulings"] and actors and all(
                k.split(":")[-1].startswith(tuple(res.words["court_bodies"])) for k in actors):
            typ, mode = "COERCE", None  # "TAND quận 3 bác đơn khởi kiện": a ruling against
            # the party, not a refusal between parties
        if typ == "MOBILIZE" and mode == "troops" and actors and all(
                _local_force(k, res) for k in actors):
            if not has_cue(an, "rescue", 0, len(toks)):
                _dropped(article, line, trig, "local_force")
                continue  # "Công an huyện Yên Lạc đã huy động lực lượng truy tìm ...": an
                # operation, no mobilisation of troops
            typ, mode = "AID", None  # "huy động 100% quân số ... chữa cháy": fire fighting
        if typ.lower() in res.words["message_types"] and actors and all(
                _opinion_giver(an, k) for k in actors):
            _dropped(article, line, trig, "opinion")
            continue  # "PGS Cường khuyến cáo", "bạn đọc Mai Anh đề nghị": advice and opinions
            # of experts and readers are no acts of a party (the guideline codes none)
        if typ in ("COERCE", "SANCTION") and actors and not recipients and all(
                k.startswith("PER:") and k not in state.get("public", ()) for k in actors):
            _dropped(article, line, trig, "private_coercion")
            continue  # "Puncheon tung chân bắt vô lê", "ông Minh đưa con cá ngừ ... bắt được":
            # a private person arresting, fining or seizing no one is another sense of the verb
        party = actors if mode == "visit" else actors + recipients  # (a visit: its visitors)
        if (typ in ("CONSULT", "AGREE") or typ == "SUPPORT" and recipients) and party and all(
                k.startswith("PER:") and k not in state.get("public", ()) for k in party):
            _dropped(article, line, trig, "private_meeting")
            continue  # people with no title or country anywhere in the article meet privately
            # ("Hải gặp Phi tại cầu vượt"): no CONSULT; travel privately ("Năm 1992, bà Ri tới
            # thành phố Bern"): no visit; sign private contracts ("ông Tuấn và bà Linh đã ký
            # hợp đồng mua bán căn hộ"): no AGREE; praise one another as artists do ("Christian
            # Bale khen ngợi ... Chris"): no SUPPORT (with a named recipient only: a public
            # figure whose title the finder missed may praise alone, "bà Pauline Tamesis bày
            # tỏ sự ủng hộ")
        same = [c for c in sent.out if c.type == typ and c.actors == actors and not (
            c.recipients and recipients and not set(c.recipients) & set(recipients)
            and ";" in toks[sent.last_j : i])]  # "đề xuất với A ...; đề nghị với B": two
        if same:  # one happening: "hối thúc Seoul ... và kêu gọi ..." / "gặp, đàm phán với X"
            same[0].recipients += [k for k in recipients if k not in same[0].recipients]
            if passive and sent.last_passive is not None:
                sent.last_passive = (j, same[0].actors, same[0].recipients)
            _dropped(article, line, trig, "same_happening")
            continue
        date = event_date(timexes, an, st.cs, st.ce, i)
        if not event_filter.keep(an, event_filter.Coded(
                i, j, st.cs, typ + ("/visit" if mode == "visit" else ""), actors, recipients,
                neg, fut, hyp, st.nominal, bool(passive), bool(unnamed),
                len(actors) + len(recipients) > sides, date is not None, line, len(found), src)):
            _dropped(article, line, trig, "filter")
            continue  # the learned filter finds it unlikely (hedged, second hand, ...)
        sent.out.append(Event(
            id="", type=typ, mode=mode, actors=actors, recipients=recipients, location=loc,
            date=date, negated=neg, hypothetical=hyp, future=fut,
            article=article, line=line, text=an.text,
        ))
        if order is not None and order in sent.out:
            sent.out.remove(order)
            _DROPPED.add((article, line, order.type, "directed"))
        if typ.lower() in res.words["counterpart_types"] and not (passive or unnamed):
            lonely.add(id(sent.out[-1]))  # checked when the sentence is done: a later verb
            # may still name the counterpart ("ký thỏa thuận hợp tác với B")
        sent.last_clause = st.cs
        sent.last_j = j
        if actors and not (neg or hyp):
            state.setdefault("by_type", {})[typ] = (state["n"], actors)
        sent.last_passive = (j, actors, recipients) if passive and recipients else None
        if typ.lower() in res.words["suspect_types"] and not (neg or hyp):
            # the suspects role nouns later stand for: an attacker, an arrested or fined person
            doers = actors if typ == "ASSAULT" else recipients
            state.setdefault("suspects", []).extend(
                (state["n"], k) for k in doers if k.startswith("PER:"))
        people = [k for k in actors + recipients if k in persons]
        if trig.type in ("CONSULT", "AGREE") and len(people) > 1 and not (neg or hyp or fut):
            meets.append(people)  # "hai ông", "hai ngoại trưởng" later refer to them
    for e in [e for e in sent.out if id(e) in lonely and len(e.actors) == 1 and not e.recipients]:
        # "Bộ trưởng X dự và chủ trì hội nghị", "Thịnh chém ông Lai" read without its victim:
        # a meeting, agreement, accusation or attack with one named party is a mis-parse or
        # a setting (a passive names its patient, if unnamed: "hai người bị Mỹ tấn công")
        _DROPPED.add((article, line, e.type, "no_counterpart"))
        sent.out.remove(e)
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
                      for o in org_names(np)]
    state.setdefault("org", [])
    state["org"] += [ch.nps[0].head.key for ch in an.chains[:3]
                     if not ch.prep and ch.nps[0].head.type == "ORG"][:1]
    return sent.out



def _local_force(key: str, res) -> bool:
    """A police force, inspectorate or local government ("ORG:công an huyện x", a
    Vietnamese place): its forces fight fires and catch suspects, they are no troops."""
    typ, _, rest = key.partition(":")
    if typ == "GPE":
        code, _, name = rest.partition(":")
        return code == "VNM" or not (code.isupper() and len(code) == 3 and not name)
    return typ == "ORG" and rest.startswith(tuple(w + " " for w in res.words["local_forces"]))


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
    # people the article gives a title or a country somewhere: public figures
    state: dict = {"meet": [], "per": [], "n": 0, "public": {
        m.key for m in article.mentions if m.type == "PER" and (m.role or m.country)}}
    ants = Antecedents(title=fold(article.title or ""))
    events: list[Event] = []
    prev_an: Analysis | None = None
    for k, sent in enumerate(article.sentences):
        text = sent.text

        def extra(an: Analysis, ms: list[Mention], k: int = k, line: int = sent.line
                  ) -> list[Mention]:
            return anaphor_mentions(an, ms, ants, k, line)

        an = Analysis(text, by_sent.get(k, []), quotes.get(k, []), res, extra)
        ants.read(an, by_sent.get(k, []))
        if text.rstrip().endswith("?"):
            continue
        seen: set[tuple] = set()
        before = prev_an if k and article.sentences[k - 1].line == sent.line else None
        prev_an = an
        for ev in _code_sentence(an, tx_by_sent.get(k, []), state, article.id, sent.line, before):
            sig = (ev.type, tuple(ev.actors), tuple(ev.recipients))
            if sig in seen or not (ev.actors or ev.recipients) and any(
                e.type == ev.type for e in events
            ):
                continue  # a participantless event may restate an earlier one: skip it
            seen.add(sig)
            ev.id = f"{article.id}-e{len(events)}"
            events.append(ev)
    return merge_event_mentions(events, {article.id: article.published})
