"""Follow-up questions: a question that refers back to earlier turns, made standalone.

People ask in conversations. "Phiên họp thứ chín do ai chủ trì?" is followed by "Phiên đó đánh giá
những hạn chế gì?", "Còn phiên họp thứ ba thì sao?", "Ai chịu trách nhiệm thực hiện?".
:meth:`FollowUp.rewrite` takes a question and the earlier turns of its conversation (oldest first,
each ``{"question": str, "answer": str}``: the JSON of an answer fits) and returns the standalone
question to answer, what it carried over, and a note when the history was ambiguous.

How, with rules for Vietnamese reference words and ellipsis (no model), one step a module:

| module | step |
|---|---|
| ``words`` | the reference words, connectives, question words and roles, and their patterns |
| ``history`` | the history's limits (:data:`MAX_TURNS`, :data:`MAX_ANSWER_CHARS`) and validation |
| ``phrases`` | capitals, session ordinals, names and titles as a question writes them |
| ``sentence`` | part-of-speech tags, where a subject ends, the phrase a meeting noun heads |
| ``frames`` | what each earlier turn was about (:class:`Frame`) |
| ``cues`` | whether a question refers back: reference, contrast, connective, ellipsis |
| ``complete`` | reference words replaced, a missing subject, meeting, place or year added |
| ``contrast`` | "còn X thì sao?": the previous question again with X in place |
| ``rewrite`` | :class:`FollowUp`, :class:`Rewrite`, :func:`rewrite_question`, :func:`annotate` |
"""

from __future__ import annotations

from .frames import Frame
from .history import MAX_ANSWER_CHARS, MAX_TURNS, Turn, validate_history
from .rewrite import FollowUp, Rewrite, annotate, rewrite_question

__all__ = ["MAX_ANSWER_CHARS", "MAX_TURNS", "FollowUp", "Frame", "Rewrite", "Turn", "annotate",
           "rewrite_question", "validate_history"]
