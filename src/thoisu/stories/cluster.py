"""Stories: articles about the same event or development, incrementally.

Each article becomes a short TF-IDF vector over its salient terms (syllable bigrams,
capitalised names, numbers, entity keys from ``article.mentions``), with IDF learned
from the corpus seen so far and smoothed by a background table of common terms
(``thoisu/data/common.tsv``, ``background.common_terms``) so a five-page digest already knows which words say nothing.

A story is a connected component of the graph whose edges join two articles alike
enough (``pair_threshold``; published dates, when both are known, must be close and
add a bonus; texts speaking of years far apart never join). A component does not
depend on the order its articles arrived in, nor on how they were split into runs:
that is what makes ten runs give the stories of one. A new article probes an inverted
index (term -> the latest articles holding it) with its strongest terms, scores the
few candidate articles it finds, and joins the stories of all those it is alike to:
none opens a story, two or more merge into the largest (``merged`` names the others,
which the store redirects) -- except that of two stories of bridge_min_size articles or
more, it joins the one it is most alike to and is kept as a bridge: one article alike to
two events does not glue them, a second pair across them with no article in common does
(``_join``, docs/stories.md). A story a run added to whose articles fall into two
groups of split_min_size or more that one article alone links splits again
(``_split_mixed``, ``split`` names the parts): a bridge that came while the pieces were
small no longer keeps two events in one story. Copies (``dedup``) join their original's story. Work per
article is bounded by the posting-list length and the number of candidates, so the
cost grows linearly with the corpus.

Story ids come from the first article ("s-" + article id); a story merged into another
keeps its id as a redirect (``merged``); the whole index round-trips through ``to_json``/``from_json`` so the next digest run continues it.
Threads (stories on one matter, years apart) are kept by ``threads.ThreadIndex``.

    idx = StoryIndex.from_json(blob) if blob else StoryIndex()
    idx.assign(articles)              # sets duplicate_of and story_id on each article
    stories, threads = idx.records()  # models.Story / models.Thread
    blob = idx.to_json()              # store; the next run continues from it
"""

from __future__ import annotations

import base64
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from thoisu.background import common_terms
from thoisu.dates import day_ordinal
from thoisu.models import Article, Story, Thread
from thoisu.stories.dedup import DuplicateIndex, article_text
from thoisu.stories.threads import ThreadIndex, cosine, settings, top_terms
from thoisu.text import UPPER_CLASS, fold, fold_word, strip_accents

_DATA = Path(__file__).with_name("data")
# numbers: dates "22/7", "16.1", amounts "6,1"
_NUMBER = re.compile(r"\d+(?:[.,/:]\d+)*")
# what breaks a bigram: punctuation (a hyphen only when it stands apart: "Mỹ - Hàn",
# not "Jong-un"), numbers, underscores
_BREAK = re.compile(r"[^\w\s-]+|(?:^|\s)-+(?=\s|$)|\d+(?:[.,/:]\d+)*|_+")
_CAP_WORD = rf"[{UPPER_CLASS}][^\W\d_]*(?:-[^\W\d_]+)*"
# a run of capitalised words separated by spaces only
_NAME_RUN = re.compile(rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*")
_SENT_END = set(".!?:;\"“”'‘’«»()[]-–—…|")

Vector = dict[str, float]


@lru_cache(maxsize=1)
def stop_syllables() -> frozenset[str]:
    """Function syllables that never start a name ("Theo KCNA", "Ông Lavrov")."""
    path = _DATA / "name_stop.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    words = [w for line in lines if not line.startswith("#") for w in line.split()]
    return frozenset(fold(w) for w in words)


# --------------------------------------------------------------------------- terms


def _name_terms(run: str, initial: bool, counts: Counter[str], mult: int) -> None:
    words = [fold_word(w.strip("-")) for w in run.split()]
    if initial and len(words) == 1:
        return  # a lone capitalised word at the start of a sentence is not a name
    stop = stop_syllables()
    while words and words[0] in stop:
        words.pop(0)
    if not words:
        return
    for a, b in zip(words, words[1:], strict=False):
        counts["n:" + a + " " + b] += mult
    last = words[-1]
    # a lone name, or the surname of a foreign name ("Oleg Burmistrov" -> "burmistrov",
    # met alone as "ông Burmistrov"); the last syllable of a Vietnamese or transcribed
    # name ("Triều Tiên" -> "tiên") says nothing alone
    if len(words) == 1 or (len(last) >= 4 and strip_accents(last) == last):
        counts["n:" + last] += mult


def text_terms(text: str, counts: Counter[str], mult: int = 1) -> None:
    """Add the terms of one paragraph (or title) to ``counts``, ``mult`` times each:
    folded syllables and syllable bigrams (bigrams never cross punctuation or numbers),
    numbers, and runs of capitalised words as names."""
    for num in _NUMBER.findall(text):
        if len(num) >= 2:
            counts["#" + num.replace(",", ".")] += mult
    for seg in _BREAK.split(text):
        words = [fold_word(w.strip("-")) for w in seg.split()]
        words = [w for w in words if w]
        if not words:
            continue
        bigrams = [a + " " + b for a, b in zip(words, words[1:], strict=False)]
        for _ in range(mult):
            counts.update(words)
            counts.update(bigrams)
    for m in _NAME_RUN.finditer(text):
        i = m.start() - 1  # the character before the name, spaces skipped (no copy of the text before)
        while i >= 0 and text[i].isspace():
            i -= 1
        _name_terms(m.group(0), i < 0 or text[i] in _SENT_END, counts, mult)


def article_terms(article: Article) -> Counter[str]:
    """Term counts of an article: title (weighted), body paragraphs, mention keys."""
    cfg = settings()
    counts: Counter[str] = Counter()
    if article.title:
        text_terms(article.title, counts, cfg["title_weight"])
    for p in article.paragraphs:
        text_terms(p.text, counts)
    for m in article.mentions:
        if m.key:
            counts["k:" + m.key] += 1
    return counts


@lru_cache(maxsize=500_000)
def term_key(term: str) -> int:
    """Document frequencies are kept under a 32-bit hash of the term: a compact table,
    and a chance collision between two of a corpus' terms only blurs one count."""
    return zlib.crc32(term.encode("utf-8"))


def term_class(term: str) -> str:
    # prefixes: "n:" name, "k:" entity key, "#" number; no word has ":" second
    c = term[0]
    if c == "#":
        return "number"
    if len(term) > 2 and term[1] == ":":
        return "name" if c == "n" else "key"
    return "bigram" if " " in term else "unigram"


def day_of(article: Article) -> int | None:
    """Ordinal day of a fully known publication date, else None."""
    return day_ordinal(article.published.value if article.published else None)


def published_year(article: Article) -> int | None:
    """The year of a fully known publication date, else None."""
    v = article.published.value if article.published else ""
    return int(v[:4]) if v[:4].isdigit() else None


def dated_year(article: Article) -> tuple[int | None, bool]:
    """The year an article was written in, as far as it tells, and whether that year dates
    the article itself. Its publication year does; else the latest year its text gives a
    date in (a report of 16 January 2024 is not from 2017), which dates it when that date
    has a month ("16/1/2024", "tháng 9.2023"): a bare year ("Năm 2004", "sinh năm 1983")
    only says the text was written in it or later, a biography's years are no date of the
    report. Two articles whose years are more than max_year_gap apart never pair when the
    earlier year dates its article: undated pages of other years stay apart."""
    v = article.published.value if article.published else ""
    if v[:4].isdigit():
        return int(v[:4]), True
    years = [(int(t.value[:4]), len(t.value) >= 7) for t in article.timexes if t.value[:4].isdigit()]
    if not years:
        return None, False
    top = max(y for y, _ in years)
    return top, any(y == top and month for y, month in years)


# --------------------------------------------------------------------------- index


class StoryIndex:
    """Incremental story (and thread) assignment, persistable as JSON."""

    def __init__(self) -> None:
        self.n_docs = 0
        self.df: Counter[int] = Counter()  # term_key -> articles holding the term
        # article id -> [story id, vector, day, title, year, year dates it]; duplicates:
        # [story id, None, day, title]
        self._arts: dict[str, list[Any]] = {}
        # story id -> {"a": [article ids], "c": centroid, "d": [min day, max day] | None,
        #              "py": [first, last publication year] | None}
        self._stories: dict[str, dict[str, Any]] = {}
        self._postings: dict[str, str] = {}  # term -> the latest articles holding it, space-separated
        # stories merged into another by the last ``assign``: absorbed id -> the story it
        # is now part of (followed to the end of the chain)
        self.merged: dict[str, str] = {}
        self.dedup = DuplicateIndex()
        self.threads = ThreadIndex()
        self.comparisons = 0  # candidate articles compared, for tests of linear cost
        self.posting_reads = 0
        self._db: Any = None
        self._counts: dict[str, Counter[str]] = {}  # terms of articles about to be assigned
        # story -> the stored articles the article being assigned is alike to (``_linked``)
        self._matches: dict[str, list[tuple[str, float]]] = {}
        # stories parted by the last ``assign``: new story -> the story it left (``_split_mixed``)
        self.split: dict[str, str] = {}
        # reads stored articles by id (the store's records.load_articles): the thread
        # profile of a story split in a later run needs its earlier articles
        self.load: Callable[[list[str]], list[Article]] | None = None

    @classmethod
    def stored(cls, db: Any) -> StoryIndex:
        """An index whose state lives in the store (``store.lazy``): entries are read
        when a new article touches them and written back by ``flush``."""
        from thoisu.store.lazy import LazyCounter, LazyMap
        from thoisu.stories.dedup import StoredDuplicateIndex

        idx = cls()
        row = db.execute("SELECT value FROM state WHERE key='story_docs'").fetchone()
        idx.n_docs = int(row[0]) if row else 0
        idx.df = LazyCounter(db)  # type: ignore[assignment]
        idx._arts = LazyMap(db, "arts")  # type: ignore[assignment]
        idx._stories = LazyMap(db, "stories")  # type: ignore[assignment]
        idx._postings = LazyMap(db, "article_postings")  # type: ignore[assignment]
        idx.dedup = StoredDuplicateIndex(db)  # type: ignore[assignment]
        th = idx.threads
        th._threads = LazyMap(db, "threads")  # type: ignore[assignment]
        th._of = LazyMap(db, "thread_of")  # type: ignore[assignment]
        th._postings = LazyMap(db, "thread_postings")  # type: ignore[assignment]
        th._joins = LazyMap(db, "thread_joins")  # type: ignore[assignment]
        idx._db = db
        return idx

    def flush(self) -> None:
        """Write the touched entries of a stored index back (inside the caller's transaction)."""
        db = self._db
        db.execute("INSERT OR REPLACE INTO state(key, value) VALUES ('story_docs', ?)", (str(self.n_docs),))
        self.df.flush()  # type: ignore[attr-defined]
        for m in (self._arts, self._stories, self._postings, self.threads._threads,
                  self.threads._of, self.threads._postings, self.threads._joins):
            m.flush()  # type: ignore[attr-defined]

    def prefetch(self, articles: list[Article]) -> None:
        """Read in a few queries what assigning these articles will look up first."""
        if isinstance(self._arts, dict):
            return
        self._arts.prefetch(a.id for a in articles)  # type: ignore[attr-defined]
        for a in articles:
            self._counts[a.id] = article_terms(a)
        self.df.prefetch(term_key(t) for c in self._counts.values() for t in c)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ weights

    def idf(self, term: str) -> float:
        cfg = settings()
        prior, ref = cfg["prior_docs"], cfg["idf_reference_docs"]
        p = common_terms().get(term, 0.0)
        share = (self.df.get(term_key(term), 0) + prior * p) / (self.n_docs + prior)
        return math.log((ref + 1) / (ref * share + 1))

    def vectorize(self, counts: Counter[str]) -> Vector:
        cfg = settings()
        cw = cfg["weights"]
        prior = cfg["prior_docs"]
        common = common_terms()
        dfs = self.df
        log = math.log
        # idf from the SHARE of articles holding a term, read at a fixed reference size:
        # similarity levels then stay put as the corpus grows (with raw counts, every
        # rare term would weigh more and more, and one threshold could not serve a
        # five-page digest and a hundred-thousand-article store alike)
        ref = cfg["idf_reference_docs"]
        top = log(ref + 1)
        scale = ref / (self.n_docs + prior)
        keys = [term_key(t) for t in counts]
        if hasattr(dfs, "prefetch"):  # a stored index: read the missing counts at once,
            dfs.prefetch(keys)  # then plain lookups (no method call per term)
        df_of = dict.get
        w = {}
        for (t, n), key in zip(counts.items(), keys, strict=True):
            c = t[0]
            if c == "#":
                k = cw["number"]
            elif len(t) > 2 and t[1] == ":":
                k = cw["name"] if c == "n" else cw["key"]
            else:
                k = cw["bigram"] if " " in t else cw["unigram"]
            if not k:
                continue
            idf = top - log(scale * (df_of(dfs, key, 0) + prior * common.get(t, 0.0)) + 1)
            w[t] = (1 + log(n)) * idf * k
        return _normalise(top_terms(w, cfg["top_terms"]))

    # ------------------------------------------------------------------ assign

    def assign(self, articles: list[Article]) -> None:
        """Mark duplicates, then set ``story_id`` on every article (new or known);
        ``merged`` names the stories merged into others on the way."""
        self.threads.apart = self.partners
        for a in articles:
            orig = self.dedup.add(a.id, article_text(a))
            if a.duplicate_of is None and orig is not None and orig != a.id:
                a.duplicate_of = orig
        self.merged = {}
        opened: list[str] = []
        batch: dict[str, list[Article]] = {}  # story id -> its articles of this batch
        for a in articles:
            if a.id in self._arts:
                continue
            root = self._root(a.duplicate_of) if a.duplicate_of else ""
            if root in self._arts:  # a copy of a known article: its original's story
                sid = self._arts[root][0]
                self._arts[a.id] = [sid, None, day_of(a), a.title]
                self._stories[sid]["a"].append(a.id)
                continue
            counts = self._counts.pop(a.id, None) or article_terms(a)
            # document frequencies as seen up to this article (online): the same result
            # whatever the batch sizes, and the words of a story still coming in are not
            # yet discounted as common
            self.df.update(term_key(t) for t in counts)
            self.n_docs += 1
            vec = self.vectorize(counts)
            day = day_of(a)
            year, dated = dated_year(a)
            query = top_terms(vec, settings()["query_terms"])  # looked up, then posted under
            published = published_year(a)
            linked = self._within_years(self._linked(vec, query, day, year, dated), published)
            if linked:
                sid = self._join(linked, a.id)
            else:
                sid = "s-" + a.id
                self._stories[sid] = {"a": [], "c": {}, "d": None, "py": None}
                opened.append(sid)
            self._add(sid, a, vec, day, year, published, dated)
            self._post(a.id, query)
            batch.setdefault(sid, []).append(a)
        final = {old: self._final(old) for old in self.merged}
        self.merged = final
        placed: dict[str, list[Article]] = {}
        for sid, arts in batch.items():
            placed.setdefault(final.get(sid, sid), []).extend(arts)
        opened = [sid for sid in opened if sid not in final]
        # a story the run added to may hold two events chained through one article: it
        # splits (``split``: part -> the story it left); both parts are placed afresh
        self.split = self._split_mixed(list(placed))
        for new, old in self.split.items():
            self.merged.pop(new, None)  # an id merged away in this run may come back as a part
            moved = set(self._stories[new]["a"])
            placed[new] = [a for a in placed.get(old, []) if a.id in moved]
            placed[old] = [a for a in placed.get(old, []) if a.id not in moved]
        was: dict[str, str] = {}  # a stored story split: the thread it was in
        for sid in dict.fromkeys([old for old in self.split.values() if old not in opened]):
            tid = self.threads.remove_story(sid)  # placed again below with what it holds now
            if tid:
                was[sid] = tid
                self.threads.note_left(tid)
        for sid in self.split.values():
            if sid not in opened:
                opened.append(sid)
        for new in self.split:
            opened.append(new)
        for sid in set(self.split) | set(self.split.values()):
            placed[sid] = self._members(sid, placed.get(sid, []))
        for a in articles:
            a.story_id = self._arts[a.id][0] if a.id in self._arts else None
        for sid in opened:
            self.threads.add_story(sid, self._stories[sid]["c"], placed.get(sid, []))
        for sid, tid in was.items():  # the thread it alone held leads to where it went
            self.threads.follow(tid, sid)
        parted = set(self.split) | set(self.split.values())
        for old, new in final.items():  # a merged story leaves its thread
            if new not in parted:
                self.threads.remove_story(old, merged_into=new)
                continue
            # merged into a story split since: it is in the part that holds the article it
            # was named after, whose profile was made from all its articles (none absorbed)
            named = self._arts.get(old[2:])
            final[old] = new = named[0] if named and named[0] in self._stories else new
            tid = self.threads.remove_story(old)
            if tid:
                self.threads.follow(tid, new)
        grown = getattr(self.threads, "update_story", None)
        if grown is not None:  # a placed story that grew: its thread profile learns of it
            for sid, arts in placed.items():
                if sid not in opened:
                    grown(sid, self._stories[sid]["c"], arts)

    def partners(self, sid: str) -> list[str]:
        """The stories a story was split from or into (``sp``): the thread stage's ``apart``."""
        st = self._stories.get(sid)
        return (st.get("sp") or []) if st else []

    def _members(self, sid: str, known: list[Article]) -> list[Article]:
        """A split story's live articles, for its thread profile: those of this run, the
        others through ``load`` (the store's reader; without one, this run's only)."""
        have = {a.id for a in known}
        rest = [aid for aid in self._stories[sid]["a"] if aid not in have and self._arts[aid][1] is not None]
        return known + (self.load(rest) if self.load is not None and rest else [])

    def _split_mixed(self, sids: list[str]) -> dict[str, str]:
        """Split the stories among ``sids`` whose articles fall into two groups of
        split_min_size or more that only one article links (``_seam``): the group without
        the story's first article becomes a story of its own ("s-" + its first article),
        the pairs across are kept as a bridge between the two (so a second pair across
        with no article in common merges them again, as for any bridge). The stories
        checked are those this run added to, each read whole (its articles' vectors),
        up to split_max_size articles. Returns new story -> the story it left."""
        cfg = settings()
        k, cap = cfg.get("split_min_size", 0), cfg.get("split_max_size", 0)
        out: dict[str, str] = {}
        todo = [s for s in sids if s in self._stories]
        while k and todo:
            sid = todo.pop()
            st = self._stories[sid]
            if not 2 * k <= len(st["a"]) <= cap:
                continue
            seam = self._seam(sid, k)
            if seam is None:
                continue
            part, pairs = seam
            new = "s-" + part[0]
            if new in self._stories:
                continue
            self._part(sid, new, part)
            self._bridge(sid, new, pairs)
            for one, two in ((sid, new), (new, sid)):  # kept apart in the thread stage too
                st = self._stories[one]
                st["sp"] = [*(st.get("sp") or []), two]
                self._stories[one] = st
            out[new] = out.get(sid, sid)
            todo += [sid, new]  # either part may hold another seam
        return out

    def _seam(self, sid: str, k: int) -> tuple[list[str], list[list[str]]] | None:
        """The articles of story ``sid`` to part from it, and the pairs across ([article
        kept, article parted]), when its alike pairs (pair_score at pair_threshold among its
        own articles) fall into two groups of k articles or more once one article is taken
        out, and that article's pairs with one of them stay below bridge_strong: it stays
        with the group it is the more alike to (and with the small groups only it links),
        the other group is parted, unless it holds the article the story is named after
        (then the other side is). Copies go with their originals. None when every group of
        k articles is linked to the rest through two articles or more."""
        cfg = settings()
        aids = self._stories[sid]["a"]
        if not isinstance(self._arts, dict):
            self._arts.prefetch(aids)  # type: ignore[attr-defined]
        live = [a for a in aids if self._arts[a][1] is not None]
        entries = [self._arts[a] for a in live]
        n = len(live)
        adj: list[dict[int, float]] = [{} for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                s = pair_score(entries[i], entries[j])
                if s is not None and s >= cfg["pair_threshold"]:
                    adj[i][j] = adj[j][i] = s
        for cut in range(n):
            big = sorted((g for g in _components(adj, skip=cut) if len(g) >= k),
                         key=lambda g: (-len(g), min(g)))
            if len(big) < 2:
                continue
            near = [max((adj[cut][j] for j in g if j in adj[cut]), default=0.0) for g in big[:2]]
            if min(near) >= cfg.get("bridge_strong", math.inf):
                continue  # alike to both beyond doubt: the bridge rule merges so
            away = big[1] if near[0] >= near[1] else big[0]  # the group the cut article is less alike to
            if sid[2:] in live and live.index(sid[2:]) in away:
                away = set(range(n)) - away  # the story keeps its name's article
            pairs = [[live[i], live[j]] for i in range(n) if i not in away for j in adj[i] if j in away]
            parted = {live[i] for i in away}
            return [a for a in aids if (a if a in parted else self._root(a)) in parted], pairs
        return None

    def _part(self, sid: str, new: str, part: list[str]) -> None:
        """Move the articles ``part`` out of story ``sid`` into a new story ``new``; both
        centroids and spans are made again from their articles, and the bridges of the
        parted articles go with them."""
        cfg = settings()
        st = self._stories[sid]
        moved = set(part)
        st["a"] = [a for a in st["a"] if a not in moved]
        nt: dict[str, Any] = {"a": list(part), "c": {}, "d": None, "py": None}
        self._stories[new] = nt
        for one, name in ((st, sid), (nt, new)):
            c: Vector = {}
            one["d"] = one["py"] = None
            for aid in one["a"]:
                entry = self._arts[aid]
                if entry[0] != name:
                    entry[0] = name
                    self._arts[aid] = entry
                for t, w in (entry[1] or {}).items():
                    c[t] = c.get(t, 0.0) + w
                if entry[2] is not None:  # a known day: its publication year too
                    one["d"] = _widen(one["d"], entry[2], entry[2])
                    y = date.fromordinal(entry[2]).year
                    one["py"] = _widen(one["py"], y, y)
            one["c"] = top_terms(c, cfg["centroid_terms"])
        br = st.get("br") or {}
        for other, pairs in list(br.items()):
            mine = [p for p in pairs if p[0] in moved]
            if not mine or other not in self._stories:
                continue
            rest = [p for p in pairs if p[0] not in moved]
            ot = self._stories[other]
            obr = ot.get("br") or {}
            if rest:
                br[other] = rest
                obr[sid] = [[y, x] for x, y in rest]
            else:
                br.pop(other)
                obr.pop(sid, None)
            nt.setdefault("br", {})[other] = mine
            obr[new] = [[y, x] for x, y in mine]
            ot["br"] = obr
            self._stories[other] = ot
        if not br:
            st.pop("br", None)
        self._stories[sid] = st
        self._stories[new] = nt

    def _final(self, sid: str) -> str:
        seen = 0
        while sid in self.merged and seen < 10_000:
            sid, seen = self.merged[sid], seen + 1
        return sid

    def _root(self, aid: str | None) -> str:
        seen = 0
        while aid is not None and aid in self._arts and self._arts[aid][1] is None and seen < 50:
            nxt = self.dedup.original_of(aid)
            if nxt is None or nxt == aid:
                break
            aid, seen = nxt, seen + 1
        return aid or ""

    def _linked(self, vec: Vector, query: Vector, day: int | None, year: int | None,
                dated: bool) -> dict[str, float]:
        """The stories of the stored articles alike enough to this one, each with the score
        of its first such article (candidates come best-posted first, and the others of a
        story already linked are not compared): a decision on the two articles only, so
        the components they make do not depend on the order articles come in."""
        cfg = settings()
        scores: dict[str, float] = {}
        for t, w in query.items():
            post = self._postings.get(t)
            if not post:
                continue
            ids = post.split()
            self.posting_reads += len(ids)
            for aid in ids:
                scores[aid] = scores.get(aid, 0.0) + w
        cands = sorted(scores, key=lambda k: (-scores[k], k))[: cfg["candidates"]]
        arts = self._arts
        entries = ({k: arts[k] for k in cands if k in arts} if isinstance(arts, dict)
                   else arts.peek_many(cands))  # type: ignore[attr-defined]
        # with bridges on, every candidate of a linked story is scored: which articles an
        # article is alike to is the evidence a bridge between two stories is judged on
        every = bool(cfg.get("bridge_min_size"))
        self._matches = {}
        out: dict[str, float] = {}
        for aid in cands:
            self.comparisons += 1
            if aid not in entries:
                continue
            sid, other = entries[aid][:2]
            if other is None or (sid in out and not every):
                continue
            s = pair_score([sid, vec, day, None, year, dated], entries[aid])
            if s is not None and s >= cfg["pair_threshold"]:
                out.setdefault(sid, s)  # the first (best-posted) article's score, as before
                if every:
                    self._matches.setdefault(sid, []).append((aid, s))
        return out

    def _within_years(self, linked: dict[str, float], year: int | None) -> set[str]:
        """The linked stories this article (published in ``year``, if known) may join
        together: taken best score first, a story is left out when its publication years
        and those already taken would span more than max_year_gap. Each pair is checked
        already, but an undated page alike to a story of 2016 and one of 2022 chained
        them. Publication years only: the years a text mentions (dated_year, which pairs
        use) spread over decades within one cluster (an undated page that recalls 1975),
        and splitting stories on them cost more than the chains. Only such conflicts
        depend on arrival order."""
        gap = settings()["max_year_gap"]
        lo = hi = year
        keep: set[str] = set()
        for sid in sorted(linked, key=lambda k: (-linked[k], k)):
            span = self._stories[sid].get("py")
            if span:
                nlo = span[0] if lo is None else min(lo, span[0])
                nhi = span[1] if hi is None else max(hi, span[1])
                if nhi - nlo > gap:
                    continue
                lo, hi = nlo, nhi
            keep.add(sid)
        return keep

    def _join(self, linked: set[str], aid: str) -> str:
        """The story a new article alike to the ``linked`` stories goes to. Stories of fewer
        than bridge_min_size articles merge with it as before; of two or more stories that
        size, it joins the one it is most alike to (its best pair), and is recorded as a
        bridge to each other: two stories merge when their bridges are not all through
        one article (``_bridge``). One article alike to two events (Trump suspecting
        terrorism in the EgyptAir crash, between the crash and the US campaign) no
        longer glues them."""
        cfg = settings()
        k = cfg.get("bridge_min_size", 0)
        big = [s for s in linked if len(self._stories[s]["a"]) >= k] if k else []
        if len(big) < 2:
            return self._union(linked)
        m = self._matches

        def best_pair(s: str) -> float:
            return max((x for _, x in m.get(s, [])), default=0.0)

        best = min(big, key=lambda s: (-best_pair(s), -len(self._stories[s]["a"]), s))
        # a pair this alike says the same event on its own: it merges as before
        glued = {s for s in big if best_pair(s) >= cfg.get("bridge_strong", math.inf)}
        into = self._union({best} | glued | (set(linked) - set(big)))
        for s in sorted(big):
            if s != best and s not in glued:
                into = self._bridge(self._final(into), self._final(s),
                                    [[aid, y] for y, _ in m.get(s, [])])
        return self._final(into)

    def _bridge(self, one: str, two: str, pairs: list[list[str]]) -> str:
        """Record article pairs alike across stories ``one`` and ``two`` ([article of one,
        article of two]); the two merge when the pairs, with those recorded before, hold
        two with no article in common: two articles on each side, not one bridging
        article. Returns the story ``one``'s articles are in now."""
        if one == two or not pairs:
            return one
        rec = self._stories[one].setdefault("br", {})
        pairs = rec.get(two, []) + pairs
        if _crossed(pairs):
            return self._union({one, two})
        rec[two] = _star(pairs)
        self._stories[one] = self._stories[one]  # a stored index writes it back
        other = self._stories[two].setdefault("br", {})
        other[one] = [[y, x] for x, y in rec[two]]
        self._stories[two] = self._stories[two]
        return one

    def _union(self, sids: set[str]) -> str:
        """Merge stories into the largest (ties: the smallest id); returns it. Bridges
        recorded by the merged stories carry over, and may merge more stories."""
        order = sorted(sids, key=lambda s: (-len(self._stories[s]["a"]), s))
        into = order[0]
        todo = order[1:]
        while todo:
            other = self._final(todo.pop(0))
            if other == into or other not in self._stories:
                continue
            if len(self._stories[other]["a"]) > len(self._stories[into]["a"]):
                into, other = other, into  # a story a bridge brings in may be the larger
            todo.extend(self._merge(into, other))
        return into

    def _merge(self, into: str, other: str) -> list[str]:
        """Merge story ``other`` into ``into``; returns the stories their bridges now join
        to ``into`` (still to merge)."""
        cfg = settings()
        st, ot = self._stories[into], self._stories[other]
        more = self._merge_bridges(into, other, st, ot)
        if not isinstance(self._arts, dict):
            self._arts.prefetch(ot["a"])  # type: ignore[attr-defined]
        for aid in ot["a"]:
            entry = self._arts[aid]
            entry[0] = into
            self._arts[aid] = entry
        st["a"].extend(ot["a"])
        c = st["c"]
        for t, w in ot["c"].items():
            c[t] = c.get(t, 0.0) + w
        st["c"] = top_terms(c, cfg["centroid_terms"])
        for key in ("d", "py"):
            if ot.get(key):
                st[key] = _widen(st.get(key), *ot[key])
        sp = [x for x in dict.fromkeys([*(st.get("sp") or []), *(ot.get("sp") or [])]) if x not in (into, other)]
        if sp or st.get("sp"):
            st["sp"] = sp
        del self._stories[other]
        self.merged[other] = into
        return more

    def _merge_bridges(self, into: str, other: str, st: dict[str, Any], ot: dict[str, Any]) -> list[str]:
        """Carry ``other``'s bridges over to ``into`` (and rename them at the partner
        stories); the partners whose bridges with the merged story now cross."""
        obr = ot.get("br") or {}
        br = st.get("br") or {}
        br.pop(other, None)
        more = []
        for part, pairs in obr.items():
            if part == into or part not in self._stories:
                continue
            pairs = br.get(part, []) + pairs
            pst = self._stories[part]
            pbr = pst.get("br") or {}
            pbr.pop(other, None)
            if _crossed(pairs):
                br.pop(part, None)
                pbr.pop(into, None)
                more.append(part)
            else:
                br[part] = _star(pairs)
                pbr[into] = [[y, x] for x, y in br[part]]
            pst["br"] = pbr
            self._stories[part] = pst
        if br:
            st["br"] = br
        else:
            st.pop("br", None)
        return more

    def _add(self, sid: str, a: Article, vec: Vector, day: int | None, year: int | None,
             published: int | None, dated: bool) -> None:
        cfg = settings()
        st = self._stories[sid]
        st["a"].append(a.id)
        c = st["c"]
        for t, w in vec.items():
            c[t] = c.get(t, 0.0) + w
        if len(c) > cfg["centroid_terms"]:
            st["c"] = top_terms(c, cfg["centroid_terms"])
        if day is not None:
            st["d"] = _widen(st["d"], day, day)
        if published is not None:  # its members' publication years (a story stored without
            st["py"] = _widen(st.get("py"), published, published)  # them learns from its next)
        # the article's vector is kept: later articles are compared with it
        self._arts[a.id] = [sid, vec, day, a.title or _first_words(a), year, dated]

    def _post(self, aid: str, terms: Iterable[str]) -> None:
        """Index an article under its strongest terms (its top query_terms); a list keeps the latest
        posting_cap articles (stories are days long: the latest are the ones to find).
        A list is one string of space-separated ids: a chunk holds thousands of lists,
        and a string is a tenth of the memory of a list of strings."""
        cap = settings()["posting_cap"]
        for t in terms:
            post = self._postings.get(t)
            if not post:
                self._postings[t] = aid
                continue
            if post.count(" ") + 1 >= cap:  # full: the oldest goes
                post = post[post.index(" ") + 1:] if " " in post else ""
            self._postings[t] = f"{post} {aid}" if post else aid

    # ------------------------------------------------------------------ output

    def story_of(self, article_id: str) -> str | None:
        rec = self._arts.get(article_id)
        return rec[0] if rec else None

    def story_title(self, sid: str) -> str:
        """Title of the member article closest to the story centroid, among its first and
        its latest members (a bounded read, however large the story)."""
        st = self._stories[sid]
        cfg = settings()
        first, latest = cfg["title_candidates_first"], cfg["title_candidates_latest"]
        members = st["a"] if len(st["a"]) <= first + latest else st["a"][:first] + st["a"][-latest:]
        if not isinstance(self._arts, dict):  # stored: read the candidates in one query
            self._arts.prefetch(members)  # type: ignore[attr-defined]
        best, best_s = members[0], -1.0
        for aid in members:
            vec = self._arts[aid][1]
            if vec is not None and self._arts[aid][3]:
                s = cosine(vec, st["c"])
                if s > best_s:
                    best, best_s = aid, s
        return self._arts[best][3] or ""

    def stories(self) -> list[tuple[str, str, str, list[str]]]:
        """(story id, thread id, title, article ids) for every story, oldest first."""
        return [
            (sid, self.threads.thread_of(sid) or "", self.story_title(sid), list(st["a"]))
            for sid, st in self._stories.items()
        ]

    def thread_list(self) -> list[tuple[str, str, list[str]]]:
        """(thread id, title, story ids); the title is that of the most central story."""
        out = []
        for tid, sids in self.threads.threads().items():
            central = self.threads.central_story(tid, {s: self._stories[s]["c"] for s in sids})
            out.append((tid, self.story_title(central), list(sids)))
        return out

    def records(self) -> tuple[list[Story], list[Thread]]:
        """Story and Thread records (summary and timeline left empty for later stages)."""
        stories = [
            Story(id=sid, thread_id=tid, title=title, article_ids=ids)
            for sid, tid, title, ids in self.stories()
        ]
        threads = [Thread(id=tid, title=title, story_ids=sids) for tid, title, sids in self.thread_list()]
        return stories, threads

    # ------------------------------------------------------------------ persistence

    def to_json(self) -> str:
        # article vectors unrounded: pairs are decided on them, and a rounded copy would
        # decide near-threshold pairs otherwise than the store (which keeps them whole)
        arts = {k: list(v) for k, v in self._arts.items()}
        stories = {k: {"a": v["a"], "c": _pack(v["c"]), "d": v["d"], "py": v.get("py"),
                       **{x: v[x] for x in ("br", "sp") if v.get(x)}}
                   for k, v in self._stories.items()}
        # terms seen once are dropped: they cost most of the table and a term seen
        # again later only loses one count of document frequency
        keys = np.array([t for t, n in self.df.items() if n > 1], dtype=np.uint32)
        vals = np.array([min(self.df[t], 65535) for t in keys.tolist()], dtype=np.uint16)
        df = [_b64(keys), _b64(vals)]
        return json.dumps(
            {
                "schema": "thoisu.stories/1",
                "n": self.n_docs,
                "df": df,
                "arts": arts,
                "stories": stories,
                "threads": self.threads.to_dict(),
                "dedup": self.dedup.to_dict(),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, s: str) -> StoryIndex:
        data = json.loads(s)
        idx = cls()
        idx.n_docs = data["n"]
        keys = np.frombuffer(base64.b64decode(data["df"][0]), dtype=np.uint32)
        vals = np.frombuffer(base64.b64decode(data["df"][1]), dtype=np.uint16)
        idx.df = Counter(dict(zip(keys.tolist(), vals.tolist(), strict=True)))
        idx._arts = {
            k: [v[0], _unpack(v[1]) if v[1] is not None else None, *v[2:]]
            for k, v in data["arts"].items()
        }
        for aid, v in idx._arts.items():  # in the order they came: the lists keep the latest
            if v[1] is not None:
                idx._post(aid, top_terms(v[1], settings()["query_terms"]))
        for sid, v in data["stories"].items():
            idx._stories[sid] = {"a": v["a"], "c": _unpack(v["c"]), "d": v["d"], "py": v.get("py"),
                                 **{x: v[x] for x in ("br", "sp") if v.get(x)}}
        idx.threads = ThreadIndex.from_dict(
            data["threads"], {sid: st["c"] for sid, st in idx._stories.items()}
        )
        idx.dedup = DuplicateIndex.from_dict(data["dedup"])
        return idx


def pair_score(one: list[Any], two: list[Any]) -> float | None:
    """How alike two articles are, from their index entries ([story, vector, day, title,
    year, year dates it]): the cosine of their vectors plus a bonus for close publication
    days; None when their dates forbid the pair (days more than max_gap_days apart, texts
    of years more than max_year_gap apart). An article is alike to another when this
    reaches pair_threshold."""
    cfg = settings()
    _, vec, day, _t, *r1 = one
    _, other, oday, _t2, *r2 = two
    year, oyear = (r1[0] if r1 else None), (r2[0] if r2 else None)
    # the texts speak of other years: another event, whatever the words. The later
    # year is when its text was written or before; the earlier one parts them only
    # if it dates its own article (stored entries without the flag were so judged)
    if year is not None and oyear is not None and abs(year - oyear) > cfg["max_year_gap"]:
        earlier = r1 if year < oyear else r2
        if earlier[1] if len(earlier) > 1 else True:
            return None
    s = _pair_cosine(vec, other, bool(cfg.get("names_once")))
    if day is not None and oday is not None:
        gap = abs(day - oday)
        if gap > cfg["max_gap_days"]:
            return None
        # close dates are evidence of the same event: a bonus fading to 0 at the limit
        s += cfg["date_bonus"] * (1 - gap / (cfg["max_gap_days"] + 1))
    return s


def _pair_cosine(vec: Vector, other: Vector, names_once: bool) -> float:
    """The cosine of two article vectors; with ``names_once``, a word term that spells a
    name of either vector ("kim jong-un", "triều tiên" beside "n:kim jong-un", "n:triều
    tiên") is left out: the name counts as the name only. A famous name said twice over
    (as a name and again as words) made a pair of two events of one week on its own --
    Kim Jong-un's sister's marriage, his giving up smoking and Pyongyang dismissing
    Trump's offer chained into one story -- and real pairs share other words besides."""
    if not names_once:
        return sum(w * other.get(t, 0.0) for t, w in vec.items())
    s = 0.0
    for t, w in vec.items():
        o = other.get(t)
        if o is not None and (t[1:2] == ":" or ("n:" + t not in vec and "n:" + t not in other)):
            s += w * o
    return s


def _components(adj: list[dict[int, float]], skip: int = -1) -> list[set[int]]:
    """Connected components of a graph given as adjacency maps, vertex ``skip`` left out."""
    seen = {skip}
    out = []
    for start in range(len(adj)):
        if start in seen:
            continue
        group, todo = {start}, [start]
        seen.add(start)
        while todo:
            for j in adj[todo.pop()]:
                if j not in seen:
                    seen.add(j)
                    group.add(j)
                    todo.append(j)
        out.append(group)
    return out


def _crossed(pairs: list[list[str]]) -> bool:
    """Two of these article pairs have no article in common."""
    return any(x1 != x2 and y1 != y2
               for i, (x1, y1) in enumerate(pairs) for x2, y2 in pairs[i + 1:])


def _star(pairs: list[list[str]]) -> list[list[str]]:
    """Pairs that all share one article, kept short: two distinct pairs fix the shared
    article, and a later pair without it crosses one of the two."""
    out: list[list[str]] = []
    for p in pairs:
        if p not in out:
            out.append(list(p))
    return out[:2]


def _widen(span: list[int] | None, lo: int, hi: int) -> list[int]:
    """A [first, last] span (of days or years) grown to cover lo..hi."""
    return [lo, hi] if not span else [min(span[0], lo), max(span[1], hi)]


def _normalise(v: Vector) -> Vector:
    n = math.sqrt(sum(w * w for w in v.values())) or 1.0
    return {t: w / n for t, w in v.items()}


def _b64(a: np.ndarray) -> str:
    return base64.b64encode(a.tobytes()).decode("ascii")


def _pack(v: Vector) -> dict[str, float]:
    return {t: round(w, 3) for t, w in v.items()}


def _unpack(v: dict[str, float]) -> Vector:
    return dict(v)


def _first_words(a: Article, n: int = 15) -> str:
    words = a.text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")
