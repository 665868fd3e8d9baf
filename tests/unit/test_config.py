"""One loader for every settings TOML: shipped + user copy merged key by key, errors with file/line/key,
format upgrades, comments kept when the window saves; the domain itself reads no files."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop_app import config
from desktop_app.domain import scoring
from desktop_app.errors import InputRejected
from desktop_app.paths import TEMPLATES_DIR, user_templates_dir

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


def _user(name: str, text: str) -> Path:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_user_copy_with_one_rule_changes_only_that_rule():
    shipped = config.load_rules(config.shipped_path(config.RULES_FILE))
    _user(config.RULES_FILE, 'format = 1\n[[rule]]\nid = "behind_yellow"\nmin_points = 10\n')
    rules = config.load_rules()
    assert [r.id for r in rules.rules] == [r.id for r in shipped.rules]          # nothing lost
    changed = {r.id: r.min_points for r in rules.rules}
    assert changed["behind_yellow"] == 10 and changed["behind_red"] == 30
    assert rules.behind_threshold() == 10


def test_user_copy_with_one_number_keeps_the_other_scheme_keys():
    _user(config.SCHEME_FILE, "format = 1\n[reporting]\nlate = 3\n")
    scheme = config.load_scheme()
    assert scheme.late_penalty == 3 and scheme.progress_max == 60 and len(scheme.grades) == 4


def test_error_in_the_user_copy_names_file_line_and_key():
    path = _user(config.SCHEME_FILE, "format = 1\n\n[reporting]\nlate = \"two\"\n")
    with pytest.raises(InputRejected) as caught:
        config.load_scheme()
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == (str(path), 4) and "reporting.late" in problem.message


def test_syntax_error_names_the_line():
    _user(config.RULES_FILE, "format = 1\n[general\n")
    with pytest.raises(InputRejected) as caught:
        config.load_rules()
    assert caught.value.problems[0].line == 2


def test_newer_format_is_refused_with_the_file_name():
    path = _user(config.RULES_FILE, "format = 99\n")
    with pytest.raises(InputRejected, match="newer PeakDesk") as caught:
        config.load_rules()
    assert caught.value.problems[0].file == str(path)


def test_older_format_is_upgraded(monkeypatch):
    monkeypatch.setitem(config.CURRENT_FORMAT, config.SCHEME_FILE, 2)
    monkeypatch.setitem(config.UPGRADES, config.SCHEME_FILE,
                        {1: lambda d: {**d, "reporting": {**d.get("reporting", {}), "late": 7}}})
    monkeypatch.setattr("desktop_app.domain.scoring.Checker.integer",
                        lambda self, data, key, path, default, lo=None: data.get(key, default))
    loaded = config.load(config.SCHEME_FILE)
    assert loaded.data["format"] == 2 and loaded.data["reporting"]["late"] == 7


def test_texts_merge_key_by_key():
    from desktop_app.reports.texts import load_texts

    _user(config.TEXTS_FILE, 'format = 1\n[zh.monthly]\ntitle = "自定义{period_label}"\n')
    texts = load_texts("zh")
    assert texts.t("monthly.title", period_label="9月") == "自定义9月"
    assert load_texts("en").raw("monthly.title") == config.load(config.TEXTS_FILE, config.shipped_path(
        config.TEXTS_FILE)).data["en"]["monthly"]["title"]


def test_saving_keeps_comments_and_untouched_keys():
    shipped_text = (TEMPLATES_DIR / config.SCHEME_FILE).read_text(encoding="utf-8")
    scheme = config.load_scheme()
    from dataclasses import replace

    edited = replace(scheme, late_penalty=3.0, grades=tuple(
        replace(g, min=88.0) if g.code == "excellent" else g for g in scheme.grades))
    target = config.save_values(config.SCHEME_FILE, scoring.scheme_values(edited),
                                check=lambda text, path: scoring.parse_scheme(text, path))
    saved = target.read_text(encoding="utf-8")
    comments = [ln for ln in shipped_text.splitlines() if ln.lstrip().startswith("#")]
    assert comments and all(c in saved for c in comments)
    assert "# scores are rounded to this many decimals" in saved                 # an inline comment too
    again = config.load_scheme()
    assert (again.late_penalty, again.grade("excellent").min) == (3, 88) and again.progress_max == 60
    assert len(saved.splitlines()) == len(shipped_text.splitlines())            # edited in place


def test_save_refused_by_the_check_writes_nothing():
    def refuse(text: str, path: Path) -> None:
        raise InputRejected("no", [])

    with pytest.raises(InputRejected):
        config.save_values(config.SCHEME_FILE, {"reporting": {"late": 1}}, check=refuse)
    assert not (user_templates_dir() / config.SCHEME_FILE).exists()


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_the_domain_reads_no_files_and_creates_no_folders():
    io_modules = {"desktop_app.paths", "desktop_app.config", "desktop_app.outputs", "platformdirs", "sqlite3",
                  "sqlite_utils", "desktop_app.store", "os", "shutil"}
    offenders = {}
    for path in sorted((PACKAGE / "domain").glob("*.py")):
        bad = {m for m in _imports(path) if m in io_modules or m.startswith("desktop_app.store")}
        if bad:
            offenders[path.name] = sorted(bad)
    assert offenders == {}
