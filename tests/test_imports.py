"""The package's shape: ``import qa_bot`` loads no web stack, the UI's HTML needs no Gradio, the API
without the UI imports no Gradio, and no module imports one that imports it back."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEB_STACK = ("gradio", "fastapi", "uvicorn", "starlette")


def loaded_after(code: str) -> set[str]:
    """Top-level modules of the web stack loaded by running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {WEB_STACK!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True)
    return set(out.stdout.split())


def test_import_qa_bot_loads_no_web_stack() -> None:
    assert loaded_after("import qa_bot") == set()


def test_ui_html_needs_no_gradio() -> None:
    assert loaded_after("import qa_bot.ui.render, qa_bot.ui.page, qa_bot.ui.highlight") == set()


@pytest.mark.slow
def test_api_without_ui_imports_no_gradio(tmp_path: Path) -> None:
    code = ("from qa_bot import QABot\nfrom qa_bot.web import create_app\n"
            f"bot = QABot.from_directory({str(ROOT / 'tests/data/xss')!r}, index={str(tmp_path)!r})\n"
            "create_app(bot, ui=False)")
    assert loaded_after(code) == {"fastapi", "starlette"}


def module_files() -> dict[str, Path]:
    """Module name -> file, for every module of the installed layout (``ui/`` is ``qa_bot.ui``)."""
    out = {}
    for base, package in ((ROOT / "qa_bot", "qa_bot"), (ROOT / "ui", "qa_bot.ui")):
        for path in sorted(base.rglob("*.py")):
            parts = list(path.relative_to(base).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join([package, *parts])] = path
    return out


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The qa_bot modules a module imports (anywhere in it, lazily or not)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in modules:
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


def test_no_import_cycles_and_one_way_layers() -> None:
    modules = module_files()
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    # layers: the library never imports the web layer or the UI; the UI never imports the web layer
    for name, deps in graph.items():
        if name.startswith("qa_bot.ui"):
            assert not {d for d in deps if d.startswith("qa_bot.web")}, name
        elif not name.startswith(("qa_bot.web", "qa_bot.cli")):
            assert not {d for d in deps if d.startswith(("qa_bot.web", "qa_bot.ui"))}, name
    # no cycle: depth-first search for a back edge
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycle = path[path.index(dep):] + [dep] if dep in path else [node, dep]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep, path + [dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
