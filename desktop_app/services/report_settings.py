"""The desk's settings for printed documents, kept once in the database's ``meta`` table.

An office states these once (GB/T 9704 elements every document repeats): the issuing body's name in
both languages (发文机关), its abbreviation for document numbers (机关代字, e.g. 嘉碳办), the main
recipients (主送机关), the copy list (抄送机关), the printing office (印发机关), the disclosure note
(附注, e.g. （此件主动公开）) and the contact line. Every report reads them from here; an empty value
falls back to the shipped default (built from the plan's region and ``report_texts.toml``).

The window's dialog for them is a later step; ``set_settings`` is what it (and a script) will call.
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


KEYS = tuple(f.name for f in fields(ReportSettings))


def get_settings(db: sqlite_utils.Database) -> ReportSettings:
    values = {k: meta_get(db, PREFIX + k) or "" for k in KEYS}
    return ReportSettings(**values)


def set_settings(db: sqlite_utils.Database, **changes: str) -> ReportSettings:
    """Change some settings in one transaction; unknown keys are refused before anything is written."""
    unknown = [k for k in changes if k not in KEYS]
    if unknown:
        raise UsageError(msg("reports.setting_unknown", name=unknown[0], known=", ".join(KEYS)))
    with db.conn:
        for key, value in changes.items():
            meta_set(db, PREFIX + key, str(value or "").strip())
    return replace(get_settings(db))
