"""The chat UI of qa-bot, installed as ``qa_bot.ui`` (from the repository's ``ui/`` folder).

:mod:`.render`, :mod:`.page`, :mod:`.highlight` and :mod:`.text` build the HTML from answer objects
and need no Gradio; :mod:`.app` is the Gradio app (``import qa_bot.ui.app`` imports Gradio) and
``style.css``/``app.js`` are its static files. It depends on the library only, never on
:mod:`qa_bot.web`, which mounts it.
"""
