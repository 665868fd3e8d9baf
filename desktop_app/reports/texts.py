"""Report titles, headings and fixed sentences from ``report_templates/report_texts.toml``.

The user's copy (``paths.user_templates_dir()/report_texts.toml``) wins key by key; keys it leaves
out keep the shipped text, so an older user copy keeps working after an upgrade.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from desktop_app import paths
from desktop_app.errors import PeakDeskError

FILE_NAME = "report_texts.toml"


class TemplateInvalid(PeakDeskError):
    pass


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:  # the message names line and column
        raise TemplateInvalid(
            f"{path}: not valid TOML ({exc}). Fix that line or delete the file to use the shipped texts.",
            message_zh=f"{path}：TOML 格式有误（{exc}）。请修改该行，或删除此文件以使用默认文本。",
        ) from exc


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


class ReportTexts:
    """Texts of one language; ``t('monthly.title', period_label=…)`` formats a sentence."""

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        self.lang = "zh" if lang.startswith("zh") else "en"
        self.data = data.get(self.lang, {})

    def raw(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"report text '{self.lang}.{key}' is missing from {FILE_NAME}")
            node = node[part]
        return node

    def t(self, key: str, **values: object) -> str:
        template = self.raw(key)
        try:
            return str(template).format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise TemplateInvalid(
                f"{FILE_NAME}: the text '{self.lang}.{key}' uses a placeholder PeakDesk does not fill "
                f"({exc}); allowed: {', '.join('{' + k + '}' for k in values)}.",
                message_zh=f"{FILE_NAME}：文本“{self.lang}.{key}”含有无法填充的占位符（{exc}）；"
                           f"可用：{'、'.join('{' + k + '}' for k in values)}。",
            ) from exc

    def list(self, key: str) -> list[str]:
        return [str(v) for v in self.raw(key)]


def load_texts(lang: str, user_dir: Path | None = None) -> ReportTexts:
    shipped = _load(paths.TEMPLATES_DIR / FILE_NAME)
    user_file = (user_dir or paths.user_templates_dir()) / FILE_NAME
    if user_file.is_file():
        shipped = _merge(shipped, _load(user_file))
    return ReportTexts(lang, shipped)
