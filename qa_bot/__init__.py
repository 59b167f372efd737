"""qa-bot: cited question answering in Vietnamese over administrative-reform documents."""

from .bot import InputError, QABot
from .config import Settings
from .models import Answer, Citation, Document, Hit, Passage, SearchResult

__all__ = ["Answer", "Citation", "Document", "Hit", "InputError", "Passage", "QABot",
           "SearchResult", "Settings"]
__version__ = "0.1.0"
