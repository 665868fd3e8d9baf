"""The desk's settings for printed documents, kept once in the database's ``meta`` table.

An office states these once (GB/T 9704 elements every document repeats): the issuing body's name in
both languages (发文机关), its abbreviation for document numbers (机关代字, e.g. 嘉碳办), the main
recipients (主送机关), the copy list (抄送机关), the printing office (印发机关), the disclosure note
(附注, e.g. （此件主动公开）) and the contact line. Every report reads them from here; an empty value
falls back to the shipped default (built from the plan's region and ``report_texts.toml``).

The window's dialog (ui/office_settings.py) and ``peakdesk settings office`` both write through
``set_settings``.

Two settings shape the layout itself: the district named in the English issuer line
(``district_en``, e.g. "Jiading District"; default: the place the English plan title names) and which
documents carry the office's seal (``sealed``: GB/T 9704 7.3.5.1 places signature and date for a
sealed document, 7.3.5.2 for an unsealed one). A report's own choice (``--sealed``/``--unsealed``)
wins over the setting.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import sqlite_utils

from desktop_app.errors import UsageError
from desktop_app.messages import msg
from desktop_app.store.meta import meta_get, meta_set

PREFIX = "report."


@dataclass(frozen=True)
class ReportSettings:
    issuer_zh: str = ""          # 发文机关 (default: {region}碳达峰碳中和工作领导小组办公室)
    issuer_en: str = ""          # with the district: "Jiading District … Office"
    abbreviation: str = ""       # 机关代字 in 发文字号: 嘉碳办〔2025〕3号
    recipients_zh: str = ""      # 主送机关 (default: 各责任单位)
    recipients_en: str = ""
    cc_zh: str = ""              # 抄送机关
    cc_en: str = ""
    printer_zh: str = ""         # 印发机关 (default: the issuer)
    printer_en: str = ""
    note_zh: str = ""            # 附注 (default: （此件主动公开）)
    note_en: str = ""
    contact_zh: str = ""         # 联系人：…，电话：…
    contact_en: str = ""
    district_en: str = ""        # the district in the English issuer line (default: from the plan title)
    sealed: str = ""             # documents printed for the seal: kinds separated by commas, "all" or
                                 # "none" (default: DEFAULT_SEALED)


# The circulars the office issues under its seal (预警通报, 考核结果通报); the monthly scheduling
# bulletin and a department's task sheet are working documents, printed unsealed.
DEFAULT_SEALED = ("quarterly", "annual")
DOCUMENT_KINDS = ("monthly", "quarterly", "annual", "department")


KEYS = tuple(f.name for f in fields(ReportSettings))


def sealed_kinds(value: str) -> tuple[str, ...]:
    """The document kinds the ``sealed`` setting names ("" → the default)."""
    text = value.strip().lower()
    if not text:
        return DEFAULT_SEALED
    if text == "all":
        return DOCUMENT_KINDS
    if text == "none":
        return ()
    return tuple(k.strip() for k in text.split(",") if k.strip())


def is_sealed(settings: ReportSettings, kind: str) -> bool:
    return kind in sealed_kinds(settings.sealed)


def get_settings(db: sqlite_utils.Database) -> ReportSettings:
    values = {k: meta_get(db, PREFIX + k) or "" for k in KEYS}
    return ReportSettings(**values)


def set_settings(db: sqlite_utils.Database, **changes: str) -> ReportSettings:
    """Change some settings in one transaction; unknown keys are refused before anything is written."""
    unknown = [k for k in changes if k not in KEYS]
    if unknown:
        raise UsageError(msg("reports.setting_unknown", name=unknown[0], known=", ".join(KEYS)))
    if "sealed" in changes:
        bad = [k for k in sealed_kinds(str(changes["sealed"] or "")) if k not in DOCUMENT_KINDS]
        if bad:
            raise UsageError(msg("reports.setting_sealed", value=bad[0], kinds=", ".join(DOCUMENT_KINDS)))
    with db.conn:
        for key, value in changes.items():
            meta_set(db, PREFIX + key, str(value or "").strip())
    return replace(get_settings(db))
