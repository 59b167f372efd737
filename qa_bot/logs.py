"""Logging of the command line and the server: ``qa-bot: message`` lines on stderr.

Library modules log to ``logging.getLogger(__name__)`` (under ``qa_bot``) and never configure
logging; :func:`setup_logging` is for the programs (``qa-bot ...``).
"""

from __future__ import annotations

import logging
import sys

#: The format of every line qa-bot writes to stderr (start-up, summaries, errors).
FORMAT = "qa-bot: %(message)s"


def setup_logging(level: str = "info") -> logging.Logger:
    """Send the ``qa_bot`` loggers' records at ``level`` and above to stderr, one line each."""
    logger = logging.getLogger("qa_bot")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.handlers = [handler]
    logger.setLevel(level.upper())
    logger.propagate = False
    return logger


def uvicorn_log_config(level: str = "info") -> dict:
    """uvicorn's logging in the same format: its errors always, one line per request at ``debug``."""
    access = "INFO" if level == "debug" else "WARNING"
    handler = {"class": "logging.StreamHandler", "formatter": "qa", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"qa": {"format": FORMAT}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            "uvicorn.error": {"level": "WARNING"},
            "uvicorn.access": {"handlers": ["stderr"], "level": access, "propagate": False},
        },
    }


__all__ = ["FORMAT", "setup_logging", "uvicorn_log_config"]
