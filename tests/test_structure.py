"""The shape of the code: rooms with one job each, dependencies pointing one way, no cycles, one Settings."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Where each installed package's files live (see pyproject.toml).
ROOMS = {"limner": "limner", "limner.server": "server", "limner.agents": "agents",
         "limner.generators": "generators", "limner.lineage": "lineage"}  # fmt: skip
MAX_MODULE_LINES = 520


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in ROOMS.items():
        for path in sorted((REPO / folder).rglob("*.py")):
            relative = path.relative_to(REPO / folder).with_suffix("")
            parts = [p for p in relative.parts if p != "__init__"]
            if package == "limner" and parts[:1] in (["server"], ["agents"], ["generators"], ["lineage"]):
                continue
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def _runtime_imports(path: Path) -> set[str]:
    """The limner modules a module imports when it runs (anywhere in it), not those only for type checkers."""
    tree = ast.parse(path.read_text())
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only |= {id(child) for child in ast.walk(node)}
    imported = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("limner"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                imported.add(candidate if candidate in MODULES else node.module)
        elif isinstance(node, ast.Import):
            imported |= {a.name for a in node.names if a.name.startswith("limner")}
    return {name for name in imported if name in MODULES}


def _graph() -> dict[str, set[str]]:
    return {name: _runtime_imports(path) - {name} for name, path in MODULES.items()}


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycle = stack[stack.index(nxt) :] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_dependencies_point_one_way():
    """server -> agents -> generators, lineage; generators and lineage never reach up."""
    for module, imports in _graph().items():
        for target in imports:
            if module.startswith(("limner.generators", "limner.lineage")):
                assert not target.startswith(("limner.agents", "limner.server")), f"{module} imports {target}"
            if module.startswith("limner.agents"):
                assert not target.startswith("limner.server"), f"{module} imports {target}"


def test_every_subpackage_says_its_job_and_imports_nothing():
    for name, path in MODULES.items():
        if path.name == "__init__.py" and name.count(".") >= 2:
            tree = ast.parse(path.read_text())
            assert ast.get_docstring(tree), f"{name} has no docstring"
            assert not any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in tree.body), f"{name} imports"


def test_modules_stay_readable():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_only_settings_reads_the_environment():
    readers = [
        name for name, path in MODULES.items()
        if name != "limner.settings" and ("os.environ" in path.read_text() or "getenv(" in path.read_text())
    ]  # fmt: skip
    assert readers == []


@pytest.mark.parametrize("module", ["limner.server", "limner.server.app", "limner.server.cli", "limner.plugins"])
def test_the_server_imports_no_torch(module):
    code = f"import sys, {module}; print(sorted(m for m in ('torch', 'diffusers', 'transformers') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_each_module_imports_alone():
    """Import order must not matter: every module imports first in a fresh interpreter."""
    code = (
        "import subprocess, sys\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "def alone(name):\n"
        "    r = subprocess.run([sys.executable, '-c', f'import {name}'], capture_output=True, text=True)\n"
        "    return (name, r.stderr.strip().splitlines()[-1]) if r.returncode else None\n"
        f"names = {sorted(set(MODULES) - {'limner.__main__'})!r}\n"
        "with ThreadPoolExecutor(4) as pool:\n"
        "    print([failure for failure in pool.map(alone, names) if failure])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600)
    assert out.stdout.strip() == "[]"
