"""The browser chat UI of qa-bot (Gradio), served by ``qa-bot serve`` at ``/``."""

from .chat import build_ui, mount_options

__all__ = ["build_ui", "mount_options"]
