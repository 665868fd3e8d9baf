"""Report titles, headings and fixed sentences from ``report_templates/report_texts.toml``.

The user's copy (the user data folder's ``templates/report_texts.toml``) wins key by key; keys it
leaves out keep the shipped text, so an older user copy keeps working after an upgrade. The files are
read by the one settings loader, ``desktop_app/config.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app import config
from desktop_app.errors import InputRejected, PeakDeskError
from desktop_app.messages import listing, msg

FILE_NAME = config.TEXTS_FILE


class TemplateInvalid(PeakDeskError):
    pass


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
        """The text formatted; a text given as ``{ one = …, other = … }`` (English plurals) is
        chosen by the value ``n``."""
        template = self.raw(key)
        if isinstance(template, dict):
            template = template.get("one" if values.get("n") == 1 else "other", template.get("other", ""))
        try:
            return str(template).format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise TemplateInvalid(msg("reports.text_placeholder", file=FILE_NAME, text_key=f"{self.lang}.{key}",
                                      error=str(exc), allowed=listing("{" + k + "}" for k in values))) from exc

    def list(self, key: str) -> list[str]:
        return [str(v) for v in self.raw(key)]


def load_texts(lang: str, user_dir: Path | None = None) -> ReportTexts:
    """The texts of ``lang``: shipped + the user's copy merged key by key (``desktop_app.config``)."""
    try:
        data = config.load_texts_data(user_dir)
    except InputRejected as exc:   # the message names the file, line and key
        raise TemplateInvalid.relayed(exc) from exc
    return ReportTexts(lang, data)
