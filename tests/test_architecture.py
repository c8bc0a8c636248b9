"""The house's rules, checked on the source: stages never import the shell, the kernel imports no
stage, no import circle, and Kafka/Elasticsearch clients are built only in the kernel."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("producers", "streams", "consumers")
KERNEL = "aduan.core"
SHELL_PACKAGE = "aduan"  # everything under aduan/ except the kernel: CLI, API assembly, local stack, tools
CONSTRUCTORS = re.compile(r"\b(KafkaConsumer|KafkaProducer|KafkaAdminClient|AIOKafkaConsumer|AIOKafkaProducer|"
                          r"Elasticsearch)\(")


def modules() -> dict[str, Path]:
    found = {}
    for package in (*STAGES, "schemas", "aduan", "benchmarks"):
        for path in (ROOT / package).rglob("*.py"):
            if "data" in path.relative_to(ROOT).parts:
                continue  # maintainers' tools next to shipped data
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = modules()


def imports_of(path: Path) -> set[str]:
    """Every module an import statement names, at any depth (lazy imports inside functions count)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if _own(name)}


def _own(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def resolved(path: Path) -> set[str]:
    return {_own(name) for name in imports_of(path)} - {None}


def is_kernel(name: str) -> bool:
    return name == KERNEL or name.startswith(KERNEL + ".")


def is_shell(name: str) -> bool:
    return (name == SHELL_PACKAGE or name.startswith(SHELL_PACKAGE + ".")) and not is_kernel(name)


def stage_of(name: str) -> str | None:
    top = name.split(".")[0]
    return top if top in STAGES else None


def test_the_map_of_modules_is_complete():
    assert {"aduan.core.runtime", "aduan.core.connections", "consumers.sinks.indexer", "streams.app",
            "producers.intake", "aduan.cli"} <= set(MODULES)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if stage_of(n) or n.startswith("schemas")))
def test_stages_and_schemas_never_import_the_shell(name):
    shell = sorted(target for target in resolved(MODULES[name]) if is_shell(target))
    assert not shell, f"{name} imports the shell: {shell}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if stage_of(n)))
def test_stages_never_import_each_other(name):
    own = stage_of(name)
    others = sorted(target for target in resolved(MODULES[name]) if stage_of(target) not in (None, own))
    assert not others, f"{name} imports another stage: {others} (stages meet only through schemas/)"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if is_kernel(n)))
def test_the_kernel_imports_no_stage_and_no_shell(name):
    bad = sorted(target for target in resolved(MODULES[name]) if stage_of(target) or is_shell(target))
    assert not bad, f"kernel module {name} imports {bad}"


def test_schemas_import_nothing_but_schemas():
    for name in (n for n in MODULES if n.startswith("schemas")):
        assert all(target.startswith("schemas") for target in resolved(MODULES[name])), name


def test_there_is_no_import_circle():
    graph = {name: resolved(path) - {name} for name, path in MODULES.items()}
    # a package's __init__ importing its own submodules is not a circle between ideas
    graph = {name: {t for t in targets if not t.startswith(name + ".")} for name, targets in graph.items()}
    seen, on_path, circles = set(), [], []

    def visit(node: str) -> None:
        if node in on_path:
            circles.append(on_path[on_path.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        on_path.append(node)
        for target in sorted(graph.get(node, ())):
            visit(target)
        on_path.pop()

    for node in sorted(graph):
        visit(node)
    assert not circles, "import circles: " + "; ".join(" → ".join(c) for c in circles)


def test_clients_are_built_only_in_the_kernel():
    builders = sorted(name for name, path in MODULES.items()
                      if not is_kernel(name) and CONSTRUCTORS.search(path.read_text(encoding="utf-8")))
    assert not builders, f"Kafka/Elasticsearch clients built outside aduan/core: {builders}"
    assert CONSTRUCTORS.search((ROOT / "aduan/core/connections.py").read_text(encoding="utf-8"))


def test_the_checks_see_a_violation():
    """The rules above would fail on a stage importing the shell (so they can fail at all)."""
    assert is_shell("aduan.cli") and is_shell("aduan.stack") and not is_shell("aduan.core.settings")
    assert stage_of("consumers.sinks.indexer") == "consumers" and stage_of("schemas.events") is None
    assert CONSTRUCTORS.search("consumer = KafkaConsumer(bootstrap_servers=x)")
