"""The package layout: the public API stays put, the import rules between the sides hold, and no
function grows too long to review."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import military_exercises as mx

PACKAGE = Path(mx.__file__).parent
API_FILE = Path(__file__).parent / "data" / "public_api.txt"


def _signature_lines() -> list[str]:
    lines = []
    for name in sorted(mx.__all__):
        obj = getattr(mx, name)
        lines.append(f"{name}: class" if inspect.isclass(obj) else f"{name}{inspect.signature(obj)}")
    return lines


#: Defaults changed on purpose, each with its reason: old calls still work, only the default moved.
CHANGED_DEFAULTS = {
    # issue #13: a panel covers the years the data cover unless asked for more
    ("country_year", "start_year"), ("country_year", "end_year"),
    ("dyad_year", "start_year"), ("dyad_year", "end_year"),
}  # fmt: skip


def test_public_api_names_and_signatures_are_unchanged() -> None:
    """Every name ``import military_exercises as mx`` offered stays; every parameter it took stays,
    of the same kind and (but for CHANGED_DEFAULTS) with the same default; new parameters are
    keyword-only with a default, so every old call still works. tests/data/public_api.txt holds the
    recorded signatures; new names and parameters are recorded there too."""
    recorded = API_FILE.read_text(encoding="utf-8").splitlines()
    current = {line.split("(", 1)[0].split(":", 1)[0]: line for line in _signature_lines()}
    for line in recorded:
        name = line.split("(", 1)[0].split(":", 1)[0]
        assert name in current, f"public name {name} removed"
        if line.endswith(": class"):
            continue
        old = _parse(line)
        new = inspect.signature(getattr(mx, name)).parameters
        for pname, (kind, default) in old.items():
            assert pname in new, f"{name}: parameter {pname} removed"
            assert new[pname].kind.name == kind, f"{name}: parameter {pname} changed kind"
            if (name, pname) not in CHANGED_DEFAULTS:
                assert repr(new[pname].default) == default, f"{name}: default of {pname} changed"
        for pname, p in new.items():
            if pname not in old:
                assert (
                    p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is not inspect.Parameter.empty
                ), f"{name}: new parameter {pname} must be keyword-only with a default"
    assert sorted(set(_signature_lines()) - set(recorded)) == [], "new or changed signatures: record them"


def _parse(line: str) -> dict[str, tuple[str, str]]:
    """Parameters of a recorded signature line -> (kind, repr(default)), by evaluating a stub."""
    _, _, rest = line.partition("(")
    params = "(" + rest.rsplit(")", 1)[0] + ")"
    namespace: dict[str, object] = {}
    exec(
        f"def _stub{params}: pass",
        {"pl": None, "Sequence": None, "Mapping": None, "Callable": None},
        namespace,
    )
    sig = inspect.signature(namespace["_stub"])  # type: ignore[arg-type]
    return {p.name: (p.kind.name, repr(p.default)) for p in sig.parameters.values()}


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path) -> set[str]:
    """Modules of this package that ``path`` imports (anywhere in the file, lazily or not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            found.update(n for n in names if n.startswith("military_exercises"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("military_exercises"))
    return found


def _side(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "top"


# (importing side, imported side) pairs that must not occur.
FORBIDDEN = {
    ("analysis", "pipeline"),
    ("plots", "pipeline"),
    ("pipeline", "analysis"),
    ("pipeline", "plots"),
    ("pipeline", "extract"),
    ("pipeline", "cli"),
    ("analysis", "extract"),
    ("plots", "extract"),
    # the static site is read side: the release through the loaders, never the pipeline
    ("site", "pipeline"),
    ("site", "extract"),
    ("site", "cli"),
    ("pipeline", "site"),
    ("analysis", "site"),
    ("plots", "site"),
    ("extract", "site"),
}


def test_import_rules_hold() -> None:
    modules = _modules()
    broken = []
    for module, path in modules.items():
        for target in _imports(path):
            pair = (_side(module), _side(target))
            if pair in FORBIDDEN:
                broken.append(f"{module} imports {target}")
    assert broken == []


def test_schemas_import_nothing_else_of_the_pipeline() -> None:
    imported = _imports(_modules()["military_exercises.pipeline.schemas"])
    assert sorted(t for t in imported if t.startswith("military_exercises.pipeline")) == []


def test_the_rule_checker_sees_a_violation(tmp_path: Path) -> None:
    """The AST walk finds imports inside functions too (the CLI imports lazily)."""
    f = tmp_path / "m.py"
    f.write_text("def f():\n    from military_exercises.pipeline.build import build\n", encoding="utf-8")
    assert "military_exercises.pipeline.build" in _imports(f)


def test_top_level_holds_only_what_spans_both_sides() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("_")) == [
        "analysis",
        "extract",
        "pipeline",
        "plots",
        "site",
    ]


MAX_FUNCTION_LINES = 150


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_no_function_is_longer_than_150_lines(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []
