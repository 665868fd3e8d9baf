"""What every PDF builder shares: language, texts, fonts, numbering of tables and figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desktop_app.domain.models import ROLE_LABELS, STATUS_LABELS, Role, Status
from desktop_app.domain.results import ReportResult
from desktop_app.reports import fonts as F
from desktop_app.reports.data import Bilingual, ReportMeta, pick
from desktop_app.reports.gbt9704 import (
    Frame9704,
    Imprint,
    Typography,
    attachment_note,
    attachment_start,
    build_pdf,
    document_header,
    format_date,
    signature_block,
)
from desktop_app.reports.layout import TextBlock
from desktop_app.reports.texts import ReportTexts, load_texts

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


@dataclass
class Builder:
    lang: str
    fonts_: F.FontSet | None = None
    texts: ReportTexts | None = None
    tables: int = 0
    figures: int = 0
    draft: bool = False

    def __post_init__(self) -> None:
        self.lang = "zh" if self.lang.startswith("zh") else "en"
        self.fonts: F.FontSet = self.fonts_ or F.default_fonts()
        self.typo = Typography(self.lang, self.fonts)
        if self.texts is None:
            self.texts = load_texts(self.lang)

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def t(self, key: str, **values: object) -> str:
        assert self.texts is not None
        return self.texts.t(key, **values)

    def tl(self, key: str) -> list[str]:
        assert self.texts is not None
        return self.texts.list(key)

    def date(self, d: dt.date) -> str:
        return format_date(d, self.lang)

    def short_date(self, d: dt.date) -> str:
        """For table cells: 2025年12月31日 or 31 Dec 2025."""
        return format_date(d, self.lang) if self.zh else f"{d.day} {d.strftime('%b')} {d.year}"

    def pct(self, value: float | None) -> str:
        if value is None:
            return "—"
        # one decimal at most (70.7, 46): the services' read models round section means to one
        # decimal once, and the dashboard shows them so
        return self.t("common.percent", value=num(value, 1))

    def status(self, status: Status | None) -> str:
        return self.t("common.not_reported") if status is None else pick(STATUS_LABELS[status], self.lang)

    def bi(self, text: Bilingual) -> str:
        """The text in the document's language; in English, a text that exists only in Chinese is
        printed in Chinese and marked so."""
        if self.zh or text.en:
            return text.get(self.lang)
        return self.t("common.only_chinese", text=text.zh) if text.zh else ""

    def chinese_mark(self, text: str) -> str:
        """In English, the mark after a bureau's words that exist only in Chinese ("" otherwise)."""
        if not self.zh and any("\u4e00" <= c <= "\u9fff" for c in text):
            return self.t("common.chinese_mark")
        return ""

    def role(self, role: Role | None) -> str:
        return "" if role is None else pick(ROLE_LABELS[role], self.lang)

    def table_caption(self, caption: str) -> list[Flowable]:
        """The numbered caption, never alone at the foot of a page."""
        self.tables += 1
        return [self.typo.caption(self.t("common.table", n=self.tables, caption=caption))]

    def figure(self, drawing: Flowable, caption_key: str) -> Flowable:
        self.figures += 1
        return KeepTogether([drawing, self.typo.caption(self.t(caption_key, n=self.figures), above=False)])

    def header(self, meta: ReportMeta, title: str, subtitle: str = "", *, draft: bool = False,
               recipients: bool = True) -> list[Flowable]:
        """版头, title and 主送机关; a draft gets a grey header saying so and a 草稿 watermark."""
        self.draft = draft
        frame = Frame9704(self.issuer(meta), meta.doc_number,
                          recipients=meta.recipients.get(self.lang) if recipients else "",
                          draft=draft, draft_label=self.t("common.draft_header"))
        return document_header(self.typo, frame, title, subtitle)

    def issuer(self, meta: ReportMeta) -> str:
        return meta.issuer.get(self.lang)

    def approver(self, meta: ReportMeta) -> str:
        """The body whose approval a circular cites (经…同意): the leading group its office serves."""
        issuer = self.issuer(meta)
        if self.zh:
            return issuer[:-3] if issuer.endswith("办公室") and len(issuer) > 3 else issuer
        for tail in (" Office", " office"):
            if issuer.endswith(tail):
                return issuer[: -len(tail)]
        return issuer

    def close(self, story: list[Flowable], meta: ReportMeta,
              attachments: list[tuple[str, list[Flowable]]] | None = None) -> list[Flowable]:
        """附件说明, signature and date (kept with the body's last paragraph), 附注, the attachments
        on their own pages and the 版记 at the foot of the last even page."""
        attachments = attachments or []
        tail: list[Flowable] = []
        while story and isinstance(story[-1], TextBlock) and len(tail) < 1:
            tail.insert(0, story.pop())
        while story and (getattr(story[-1], "keep_with_first", False) or isinstance(story[-1], CondPageBreak)):
            tail.insert(0, story.pop())          # the heading over the last paragraph goes with it
        tail += attachment_note(self.typo, [name for name, _f in attachments],
                                self.t("common.annex_note_many" if len(attachments) > 1 else "common.annex_note"))
        note = meta.note.get(self.lang)
        contact = meta.contact.get(self.lang)
        if contact:
            note = f"{note}（{contact}）" if self.zh and note else (f"{note} ({contact})" if note else
                                                               (f"（{contact}）" if self.zh else f"({contact})"))
        story.append(signature_block(self.typo, self.issuer(meta), meta.date, sealed=meta.sealed and not self.draft,
                                     note=note, before=tail))
        for n, (name, flowables) in enumerate(attachments, 1):
            story += attachment_start(self.typo, n, name, count=len(attachments), word=self.t("common.annex"))
            story += flowables
        cc = meta.cc.get(self.lang)
        printer = meta.printer.get(self.lang) or self.issuer(meta)
        story.append(Spacer(1, 0))
        story.append(Imprint(self.typo, cc, printer, meta.date, cc_label=self.t("common.cc_label"),
                             printed_suffix=self.t("common.printed_suffix")))
        return story

    def plan(self, meta: ReportMeta) -> str:
        return meta.plan_title.get(self.lang)

    def month_label(self, code: str) -> str:
        year, month = (int(x) for x in code.split("-"))
        return self.t("monthly.period_label", year=year, month=month, month_name=MONTH_NAMES[month - 1])

    def write(self, path: Path, story: list[Flowable], title: str, subject: str,
              on_progress: Callable[[int], None] | None = None, author: str = "") -> ReportResult:
        path = Path(path)
        doc = build_pdf(str(path), self.typo, story, title=title, subject=subject, author=author,
                        on_progress=on_progress, watermark=self.t("common.watermark") if self.draft else "")
        return ReportResult(path=path, pages=doc.page, title=title, fonts=self.fonts.summary(self.lang),
                            substitutes=self.fonts.substitutes_text(self.lang))


def num(value: float | None, digits: int = 1) -> str:
    """Scores: 58.5, 60 (no trailing .0), — for missing."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + num(value)


def code_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """Task codes in plan order: '3.10' after '3.9'."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.replace("-", ".").split("."))
