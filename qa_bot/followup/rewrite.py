"""The rules that make a question standalone: :class:`FollowUp` resolves every earlier turn the
same way, oldest first, then the question against the frames of the turns before it.

A question with a reference, a contrast or an ellipsis (:mod:`.cues`) is rewritten; anything else
is a complete question and the history is ignored, so a change of topic is not polluted by the
previous turn. When the history holds two sessions or two years and one is carried over, the most
recent one is taken and :attr:`Rewrite.note` says which (in Vietnamese, for the answer).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Answer
from ..normalize import fold, nfc
from ..query import Query, looks_unaccented
from .complete import add_anchors, complete, substitute
from .contrast import apply_contrast
from .cues import contrast_of, elliptical, marks_ok, references, strip_connective
from .frames import Analyze, Frame, analysis, build_frame
from .history import Turn, validate_history
from .phrases import lower_first, put_subject, upper_first
from .sentence import structure
from .words import EVENT, PART_OF_RE, PERSON, ROLE


@dataclass
class Rewrite:
    """A question made standalone. ``standalone`` is ``question`` when no earlier turn was used."""

    question: str
    standalone: str
    used_history: bool = False
    #: "reference", "contrast", "ellipsis" or None (a complete question)
    reason: str | None = None
    #: what was carried over: class -> phrase, plus "sessions" / "years" values
    carried: dict = field(default_factory=dict)
    #: Vietnamese note when the history was ambiguous (two sessions or years in play)
    note: str | None = None

    def describe(self) -> dict:
        """The rewrite as JSON (``debug["followup"]`` of an answer)."""
        return {"standalone": self.standalone, "used_history": self.used_history, "reason": self.reason,
                "carried": self.carried, "note": self.note}


class FollowUp:
    """Rewrites follow-up questions for one question analyser (``analyze(text) -> Query``)."""

    def __init__(self, analyze: Analyze) -> None:
        self.analyze = analyze

    def _analyze(self, text: str) -> Query:
        """The analysis of ``text``, session ordinals read as :func:`.frames.analysis` reads them."""
        return analysis(self.analyze, text)

    def rewrite(self, question: str, history: Sequence[Turn] | Sequence[Mapping] | None) -> Rewrite:
        """The standalone form of ``question`` given the earlier turns (validated first)."""
        turns = history if history and all(isinstance(t, Turn) for t in history) \
            else validate_history(history)
        frames: list[Frame] = []
        for turn in turns:
            r = self._resolve(turn.question, frames)
            frames.append(build_frame(self._analyze, r.standalone, turn.answer))
        return self._resolve(question, frames)

    def _resolve(self, question: str, frames: list[Frame]) -> Rewrite:
        """One question against the frames of the turns before it."""
        text = " ".join(nfc(question).split())
        if not frames or not text:
            return Rewrite(question, question)
        q = self._analyze(text)
        s = " ".join((q.restored_text or text).split()) if q.restored else text
        marked = not looks_unaccented(text)  # restored marks are guesses: read it folded
        last = frames[-1]
        carried: dict = {}
        reason = None

        contrast = contrast_of(s, marked)
        if contrast is not None:
            out = apply_contrast(self._analyze, contrast, last, carried)
            return self._finish(question, out, "contrast", carried, frames)

        body, connective = strip_connective(s, marked)
        out = body
        oq = self._analyze(out) if out != s else q
        refs = references(out, marked, oq, last)
        if refs:
            out = substitute(out, refs, frames, carried)
            reason = "reference"
            if any(c in (PERSON, ROLE) for c, _, _ in refs):
                out = add_anchors(self._analyze, out, last, carried, classes=(EVENT,))
            return self._finish(question, out, reason, carried, frames)
        part = PART_OF_RE.search(fold(out))
        if part and marks_ok(out, part.span("part"), marked):
            out = last.question.rstrip(" ?.") + ", " + lower_first(out)
            return self._finish(question, out, "reference", {"statement": last.question}, frames)
        if oq.constrained:  # its own year, session, place...: at most the actor is missing
            start, _, clause = structure(out)
            actor = last.actor()
            if start == "verb" and actor and len(oq.content) <= 5:
                carried["subject"] = actor
                out = put_subject(out, actor, clause)
                return self._finish(question, out, "ellipsis", carried, frames)
            return Rewrite(question, question)
        if connective or elliptical(out, oq):
            out = complete(self._analyze, out, last, carried)
            return self._finish(question, out, "ellipsis", carried, frames)
        return Rewrite(question, question)

    @staticmethod
    def _finish(question: str, out: str, reason: str | None, carried: dict,
                frames: list[Frame]) -> Rewrite:
        """The rewrite of ``question`` as ``out``, tidied; the question itself when nothing was carried."""
        out = " ".join(out.split()).replace(" ,", ",").replace(" ?", "?")
        if not carried and reason != "contrast":
            return Rewrite(question, question)
        if question.rstrip().endswith("?") and not out.endswith("?"):
            out = out.rstrip(" .") + "?"
        out = upper_first(out)
        return Rewrite(question, out, used_history=True, reason=reason, carried=carried,
                       note=_note(carried, frames))


def _note(carried: dict, frames: list[Frame]) -> str | None:
    """The Vietnamese note when the session or year carried over is one of several in the history."""
    for key, label, of in (("sessions", "phiên họp thứ", lambda fr: fr.sessions),
                           ("years", "năm", lambda fr: fr.years)):
        taken = carried.get(key)
        if not taken:
            continue
        seen = list(dict.fromkeys(v for fr in frames for v in of(fr)))
        if len(seen) > 1:
            listed = ", ".join(f"{label} {v}" for v in seen[:-1]) + f" và {label} {seen[-1]}"
            kind = "phiên" if key == "sessions" else "năm"
            return (f"Ghi chú: cuộc trò chuyện đã nhắc tới {listed}; câu hỏi được hiểu là về "
                    f"{label} {taken[-1]}, {kind} được nhắc tới gần nhất.")
    return None


def rewrite_question(analyze: Analyze, question: str, history: object,
                     max_question_chars: int = 2000) -> Rewrite:
    """``question`` made standalone against ``history`` (validated: :class:`InputError` with a
    Vietnamese message when it is not a list of at most :data:`MAX_TURNS` turns ``{"question": str,
    "answer": str}`` with answers of at most :data:`MAX_ANSWER_CHARS` characters)."""
    turns = validate_history(history, max_question_chars=max_question_chars)
    if not turns:
        return Rewrite(question, question)
    return FollowUp(analyze).rewrite(question, turns)


def annotate(answer: Answer, rewrite: Rewrite) -> Answer:
    """The answer to ``rewrite.standalone`` presented as the answer to the question as typed:
    ``question`` as typed, ``interpreted_as`` the standalone question, the ambiguity note as the
    answer's last line, and the rewrite under ``debug["followup"]``."""
    if rewrite.used_history:
        answer.question = nfc(rewrite.question).strip()
        answer.interpreted_as = rewrite.standalone
        answer.debug["followup"] = rewrite.describe()
        if rewrite.note:
            answer.answer = answer.answer.rstrip() + "\n" + rewrite.note
    return answer
