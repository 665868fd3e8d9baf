"""发文字号 (document number) checks, GB/T 9704-2012 7.2.4: 机关代字, the year in 六角括号 〔〕, the
serial number without leading zeros and without 第, then 号 — ``嘉碳办〔2025〕3号``. No reportlab here:
services check a number before anything is built."""

from __future__ import annotations

import re

from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg


class DocNumberInvalid(PeakDeskError):
    pass


_DOC_NUMBER = re.compile(r"^(?P<abbr>[\u4e00-\u9fff]{1,12})〔(?P<year>\d{4})〕(?P<n>[1-9]\d{0,4})号$")


def validate_doc_number(text: str, abbreviation: str = "") -> str:
    """``嘉碳办〔2025〕3号``: abbreviation, year in 〔〕 (U+3014/5), number without leading zeros, 号.

    Refuses ``嘉碳办[2025]03号`` and other look-alikes with a message showing the right form."""
    text = (text or "").strip()
    if not text:
        return ""
    m = _DOC_NUMBER.match(text)
    year = re.search(r"(?:19|20)\d\d", text)
    example = f"{abbreviation or '嘉碳办'}〔{year.group(0) if year else '2025'}〕3号"
    if m is None:
        raise DocNumberInvalid(msg("reports.doc_number_form", number=text, example=example))
    if abbreviation and m.group("abbr") != abbreviation:
        raise DocNumberInvalid(msg("reports.doc_number_abbr", number=text, abbr=abbreviation))
    return text


