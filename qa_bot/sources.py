"""What answering reads besides the ranked passages: idf, known words, the documents' leads and
passages, the lexicon and the thresholds. The retriever builds one per index."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .evidence import Checker
from .lexicon import Lexicon
from .models import Hit


@dataclass
class Sources:
    """What answering reads besides the ranked hits: idf, the lexicon, the documents."""

    idf: Callable[[str], float]
    checker: Checker
    doc_hits: Callable[[str], list[Hit]]  # every passage of a document, in text order
    lexicon: Lexicon | None = None
    known: Callable[[str], bool] = lambda token: True  # the index has seen this word
    lead: Callable[[str], str] = lambda doc_id: ""  # a document's first sentence
    threshold: float = 0.45
    passages: int = 3  # top passages whose sentences may answer
    max_sentences: int = 2
