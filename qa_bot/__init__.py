"""qa-bot: cited question answering in Vietnamese over administrative-reform documents.

Importing the package loads the library only: the web stack (FastAPI, uvicorn, Gradio) is imported
by ``qa_bot.web`` and ``qa_bot.ui``, when serving.
"""

from .bot import QABot
from .config import Settings
from .errors import DatasetError, DocumentError, IndexDamagedError, InputError, QABotError
from .models import Answer, Citation, Document, Hit, Passage, SearchResult

__all__ = ["Answer", "Citation", "DatasetError", "Document", "DocumentError", "Hit", "IndexDamagedError",
           "InputError", "Passage", "QABot", "QABotError", "SearchResult", "Settings"]
__version__ = "0.1.0"
