"""The layers drawn in the README hold: each app imports only apps below it, and no module of
ours imports another inside a function (to dodge a cycle) but the two allowed cases: an
AppConfig.ready() and a page method reaching its own view (see core/pages.py)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lower numbers are lower layers; apps on one layer do not import each other.
LAYERS = {
    "core": 0,
    "calendars": 1,
    "accounts": 2,
    "associations": 3,
    "catalogue": 4,
    "lending": 4,
    "board": 4,
    "practices": 4,
    "surveys": 4,
    "funding": 5,
    "sources": 5,
    "crisis": 6,
    "reports": 6,
    "home": 7,
    "api": 7,
}


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_apps(node, app):
    """The apps of ours an import statement names (a relative import is its own app)."""
    if isinstance(node, ast.ImportFrom):
        if node.level:
            return [app]
        names = [node.module or ""]
    else:
        names = [alias.name for alias in node.names]
    return [name.split(".")[0] for name in names if name.split(".")[0] in LAYERS]


def imports_in(path):
    tree = ast.parse(path.read_text(), str(path))
    return [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]


@pytest.mark.parametrize("app", LAYERS)
def test_app_imports_only_apps_below_it(app):
    upward = [
        f"{path.relative_to(ROOT)}:{node.lineno} imports {target}"
        for path in modules(app)
        for node in imports_in(path)
        for target in imported_apps(node, app)
        if target != app and LAYERS[target] >= LAYERS[app]
    ]
    assert upward == []


def allowed_inside_function(path, function, node):
    if path.name == "apps.py" and function.name == "ready":
        return True
    return path.name == "models.py" and node.level == 1 and node.module == "views"


@pytest.mark.parametrize("app", LAYERS)
def test_no_import_of_ours_hides_inside_a_function(app):
    hidden = []
    for path in modules(app):
        tree = ast.parse(path.read_text(), str(path))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if not isinstance(node, (ast.Import, ast.ImportFrom)):
                    continue
                if imported_apps(node, app) and not allowed_inside_function(path, function, node):
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert hidden == []
