"""Point-by-point answers to "what did they require / which shortcomings / which tasks" questions.

In a document, a *region* of points starts at a sentence that announces them (a cue of the asked
kind: "yêu cầu", "nhấn mạnh", "tồn tại, hạn chế", "nhiệm vụ"...) and runs to the end of its
paragraph, or until a sentence announces another kind; for requests, tasks and solutions, a
paragraph that opens with a directive verb ("Tăng cường...", "Đẩy mạnh...") is a region too, as
plans and directives are written. Regions are scored by the question's words, by how many points
they state and by whether they are announced with the question's own word; the best one (and
those of its document nearly as good) is split into points at enumerations (";", the colon after
the announcing words, "(1)", sentence ends); praise and setting sentences ("đánh giá cao", "tham
dự") are left out. Every point is a verbatim span of the document, kept in document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import language as L
from .citations import Citations
from .evidence import person_titles
from .models import ANSWERED, PARTIAL, Answer, Document, Hit
from .normalize import fold
from .particulars import target_document
from .points import (
    CUE_WORDS,
    MIN_POINT,
    Point,
    asked_codes,
    count_asked,
    counted_points,
    directive_points,
    trim,
)
from .query import Query
from .sources import Sources

#: Points listed at most; more get a "Xem thêm" pointer to the source.
MAX_POINTS = 10
#: A paragraph that opens with a directive verb states a task or request of a plan.
DIRECTIVE_OPENING = re.compile(
    r"^(day manh|tang cuong|phat huy|huy dong|nang cao|tiep tuc|hoan thien|tap trung|thuc hien|"
    r"trien khai|ra soat|xay dung|doi moi|chu trong|quan tam|bao dam|dam bao|uu tien|khan truong|"
    r"nhan rong|de cao|phoi hop|kien toan|song song do|dong thoi|ngoai ra|can|phai|thu truong|"
    r"nguoi dung dau)\b")
@dataclass
class Region:
    """A run of sentences (absolute offsets) that states points of one kind."""

    sentences: list[tuple[int, int]]
    cue_start: int  # offset of the announcing sentence

    @property
    def start(self) -> int:
        return self.sentences[0][0]


def _cue(kind: str | None) -> re.Pattern[str]:
    if kind in L.LIST_CUES:
        return L.LIST_CUES[kind]
    return L.LIST_CUES[L.REQUESTS]


def announces(kind: str | None, folded: str) -> bool:
    """True when a (folded) sentence announces points of ``kind``: a cue word not governed by a
    verb that removes it ("tháo gỡ khó khăn", "xử lý vướng mắc, bất cập")."""
    for m in _cue(kind).finditer(folded):
        if not L.CUE_NEGATED.search(folded[max(0, m.start() - 30):m.start()]):
            return True
    return False


def split_at_paragraphs(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut where a line break falls inside them (a paragraph ending in "…")."""
    out = []
    for a, b in sentences:
        pos = a
        for m in re.finditer(r"\s*\n\s*", text[a:b]):
            if a + m.start() > pos:
                out.append((pos, a + m.start()))
            pos = a + m.end()
        if b > pos:
            out.append((pos, b))
    return out


def regions(text: str, sentences: Sequence[tuple[int, int]], paragraphs: Sequence[tuple[int, int]],
            kind: str | None) -> list[Region]:
    """The regions of ``kind`` in a document, in text order: from each announcing sentence to
    the end of its paragraph; for requests and tasks, also each paragraph that opens with a
    directive verb (plans and directives are written so)."""
    cue = _cue(kind)
    sentences = split_at_paragraphs(text, sentences)
    by_para: dict[int, list[tuple[int, int]]] = {}
    for s in sentences:
        p = next((i for i, (a, b) in enumerate(paragraphs) if a <= s[0] < b), -1)
        by_para.setdefault(p, []).append(s)
    out: list[Region] = []
    for p in sorted(by_para):
        para = by_para[p]
        start = next((i for i, s in enumerate(para) if announces(kind, fold(text[s[0]:s[1]]))), None)
        if start is None and kind in (L.REQUESTS, L.TASKS, L.SOLUTIONS) and DIRECTIVE_OPENING.match(
                fold(text[para[0][0]:para[0][1]]).lstrip()):
            start = 0
        if start is None:
            continue
        run = []
        for x in para[start:]:
            f = fold(text[x[0]:x[1]])
            if run and not cue.search(f) and any(
                    k != kind and announces(k, f) for k in (L.REQUESTS, L.SHORTCOMINGS)):
                break  # "Phó Thủ tướng nhấn mạnh: ..." after the shortcomings: another list
            run.append(x)
        out.append(Region(run, para[start][0]))
    return out


def points(text: str, region: Region, kind: str | None) -> list[Point]:
    """The points of a region, split at enumerations, without praise or setting sentences."""
    cue = _cue(kind)
    out: list[Point] = []
    for a, b in region.sentences:
        sentence = text[a:b]
        f = fold(sentence)
        if kind != L.RESULTS and (praise := L.PRAISE.search(f)) and not cue.search(f, praise.end()):
            continue  # praise, unless a point follows it ("đánh giá cao ..., đồng thời yêu cầu ..."); a
            # cue before it sets the scene ("Phát biểu kết luận ..., đồng chí ... đánh giá cao ...")
        pieces: list[tuple[int, int]] = []
        pos = a
        colon = sentence.find(":")
        if 0 <= colon < len(sentence) - MIN_POINT and cue.search(fold(sentence[max(0, colon - 60):colon])):
            pos = a + colon + 1  # the announcing words before the colon are not a point
        base = pos
        for m in re.finditer(r";\s+|\s\(\d{1,2}\)\s", text[base:b]):
            pieces.append((pos, base + m.start()))
            pos = base + m.end()
        pieces.append((pos, b))
        for s, e in pieces:
            s, e = trim(text, s, e)
            if e - s < MIN_POINT:
                continue
            out.append(Point(s, e, text[s:e]))
    return out


def score_region(text: str, region: Region, terms: dict[str, float], kind: str | None = None,
                 kind_words: Sequence[str] = (), on_topic: bool = True,
                 aliases: dict[str, tuple[str, ...]] | None = None) -> float:
    """How well a region answers: the idf-weighted share of the question's (folded) content words
    ``terms`` in its paragraph (with the words before it), plus a little for each sentence that states a point
    of the kind (a region that lists beats a passing mention). A region not ``on_topic`` (of
    :func:`on_topic`) is of another topic, however it is announced: half its share, no bonus for
    the question's own word. ``aliases``: other words that say a term (a person's titles)."""
    a, b = region.sentences[0][0], region.sentences[-1][1]
    hay = fold(text[max(0, a - 200):b])
    total = sum(terms.values())
    aliases = aliases or {}
    share = sum(w for t, w in terms.items()
                if t in hay or any(x in hay for x in aliases.get(t, ()))) / total if total else 0.0
    cue = _cue(kind)
    stated = sum(bool(cue.search(fold(text[s:e]))) for s, e in region.sentences)
    if not on_topic:
        return 0.5 * share + 0.08 * min(stated, 5)
    first = fold(text[a:region.sentences[0][1]])
    named = any(w in first for w in kind_words)  # announced with the question's own word
    return share + 0.08 * min(stated, 5) + (0.25 if named else 0.0)


#: The topic a list question asks about: "... những gì về X?", "... nào về X?", "Về X, ... gì?".
_TOPIC = re.compile(r"\b(?:gi|nao)\s+ve\s+(?:cong tac\s+|linh vuc\s+|van de\s+)?([^,;?]+)"
                    r"|^\s*ve\s+([^,;?]+),")


def on_topic(text: str, region: Region, topic: Sequence[str]) -> bool:
    """Whether the region itself (from its announcing sentence, not the words before it) says a
    word of the ``topic`` the question asks the list about (always, when it names none)."""
    own = fold(text[min(region.start, region.cue_start):region.sentences[-1][1]])
    return not topic or any(t in own for t in topic)


def list_topic(question: str, terms: dict[str, float]) -> list[str]:
    """The (folded) content words of the topic a list question names (:data:`_TOPIC`)."""
    m = _TOPIC.search(fold(question))
    if m is None:
        return []
    phrase = f" {m.group(1) or m.group(2)} "
    return [t for t in terms if f" {t} " in phrase]


def _folded_terms(terms: Sequence[str], weight: Callable[[str], float]) -> dict[str, float]:
    """The content words that say what a list is about (not the list's own cue words), folded,
    with their idf."""
    out = {}
    for t in terms:
        f = fold(t.replace("_", " "))
        if not CUE_WORDS.fullmatch(f) and not re.fullmatch(r"[\d_]+", t) and len(f) > 1:
            out[f] = weight(t)
    return out


def list_answer(query: Query, docs: Sequence[Document], cands: Sequence[Hit], sources: Sources,
                top_k: int, debug: dict, weight: Callable[[str], float]) -> Answer | None:
    """The answer listing the points of the best-matching region of the asked-for kind in the
    first three of ``docs`` (the documents with enough evidence, best first), or None when none
    states any (``cands``: the ranked passages, cited as related)."""
    read: dict[str, tuple] = {}  # each document's text, facts, passages and sentences, read once

    def material(doc: Document) -> tuple:
        if doc.doc_id not in read:
            text, facts = sources.checker.facts(doc)
            doc_hits = sources.doc_hits(doc.doc_id)
            read[doc.doc_id] = (text, facts, doc_hits, [(s, e) for h in doc_hits for s, e, _ in h.sentences])
        return read[doc.doc_id]

    for doc in docs[:3] if count_asked(query.text) else ():  # "trên 6 lĩnh vực nào"
        text, _, doc_hits, sentences = material(doc)
        found = counted_points(query.text, text, sentences)
        if found and sources.checker.check(query, doc, found[0].start, found[-1].end).ok:
            return _listed(query, doc, found, doc_hits, cands, top_k, debug)
    terms = _folded_terms(query.content, weight)
    directive = target_document(query, cands)
    if directive is not None:
        text, _, doc_hits, _ = material(directive)
        own = {t: w for t, w in terms.items() if t not in fold(directive.title)}
        for code in asked_codes(query.text):  # "nhiệm vụ 0-2b": that point
            own[code] = max(terms.values(), default=1.0) * 2
        found = directive_points(text, doc_hits, own)
        if found:
            return _listed(query, directive, found, doc_hits, cands, top_k, debug)
    if not query.list_kind:
        return None
    kinds = query.kind_words
    topic = list_topic(query.restored_text or query.text, terms)
    names = [fold(p) for p in query.people]
    options = []  # (ok, score, doc rank, doc, region, verdict, text, doc_hits, named, on topic)
    for rank, doc in enumerate(docs[:3]):
        text, facts, doc_hits, sentences = material(doc)
        # a person the question names is said in a paragraph of their speech by the title the
        # article gave them ("đồng chí Bí thư Tỉnh ủy ... lưu ý UBND tỉnh ..."), not by name
        aliases = {t: tuple(person_titles(n, facts.folded)) for t in terms for n in names if n in t or t in n}
        for region in regions(text, sentences, facts.paragraphs, query.list_kind):
            s, e = region.sentences[0]
            # the year a list is of is the one its region names ("Đối với tỉnh Hà Giang, đã triển
            # khai nhiều nhiệm vụ, giải pháp ...; Trong năm 2023, ...": of 2023, not 2024)
            verdict = sources.checker.check(query, doc, s, region.sentences[-1][1])
            about = on_topic(text, region, topic)  # "yêu cầu những gì về tuyên truyền": that topic
            score = score_region(text, region, terms, query.list_kind, kinds, about, aliases)
            score += 0.3 / (1 + rank)
            named = any(w in fold(text[s:e]) for w in kinds)
            options.append((verdict.ok, score, rank, doc, region, verdict, text, doc_hits, named, about))
    if not options:
        return None
    options.sort(key=lambda o: (not o[0], -o[1]))
    ok, best_score, _, doc, _, verdict, text, doc_hits, named, about = options[0]
    # regions of the same document that answer as well; when the best one is announced with
    # the question's own word ("yêu cầu"), only others announced so too; when it is on the topic
    # asked ("về tuyên truyền"), only others on it too
    chosen = sorted((o for o in options if o[0] == ok and o[3] == doc and o[1] >= 0.75 * best_score
                     and (o[8] or not named) and (o[9] or not about)), key=lambda o: o[4].start)
    found = [p for o in chosen for p in points(text, o[4], query.list_kind)]
    if not found:
        return None
    if ok:
        return _listed(query, doc, found, doc_hits, cands, top_k, debug)
    if verdict.unmet or not verdict.contradicted:
        return None  # the sentence path says what is missing
    asked, instead = verdict.describe()
    debug["partial"] = {"asked": asked, "instead": instead}
    lead = f"Không tìm thấy thông tin về {asked} như câu hỏi; thông tin gần nhất ({instead}) là:"
    return _listed(query, doc, found[:3], doc_hits, cands, top_k, debug, lead)


def _listed(query: Query, doc: Document, found: list[Point], doc_hits: Sequence[Hit],
            cands: Sequence[Hit], top_k: int, debug: dict, partial: str | None = None) -> Answer | None:
    """The list answer: one cited line per point (at most :data:`MAX_POINTS`, then a pointer to
    the source); with ``partial``, that lead first and the status partial."""
    cites = Citations(top_k)
    lines = []
    for p in found[: MAX_POINTS]:
        hit = next((h for h in doc_hits if h.passage.start <= p.start < h.passage.end), None)
        n = cites.number(hit) if hit is not None else None
        if n is not None:
            lines.append(f"- {p.text} [{n}]")
    if not lines:
        return None
    rest = len(found) - len(lines)
    if rest > 0 and partial is None:
        lines.append(f"(Còn {rest} ý khác: xem toàn văn “{doc.title}”.)")
    debug["list"] = {"doc_id": doc.doc_id, "points": len(found)}
    debug["directive"] = True  # a point-by-point answer (cites its points in text order)
    if partial is None:
        return Answer(query.text, "\n".join(lines), True, cites.citations(cands), debug, status=ANSWERED)
    return Answer(query.text, partial + "\n" + "\n".join(lines), False, cites.citations(cands), debug,
                  status=PARTIAL)
