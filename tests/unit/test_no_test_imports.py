"""The shipped package never imports the test suite (tests/ is not installed with the application)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


def imports_of_tests(source: str) -> list[str]:
    """Modules under ``tests`` that ``source`` imports, statically or through importlib."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "tests"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "tests":
            found.append(node.module)
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str) and node.args[0].value.split(".")[0] == "tests"
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")):
            found.append(node.args[0].value)
    return found


def test_no_module_of_the_package_imports_tests():
    offenders = {str(p.relative_to(PACKAGE)): imports_of_tests(p.read_text(encoding="utf-8"))
                 for p in sorted(PACKAGE.rglob("*.py"))}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_every_form_of_import():
    source = ("import tests.data\nfrom tests.reliability import fuzz\n"
              "import importlib\nimportlib.import_module('tests.reliability.run')\nimport testsuite\n")
    assert imports_of_tests(source) == ["tests.data", "tests.reliability", "tests.reliability.run"]
