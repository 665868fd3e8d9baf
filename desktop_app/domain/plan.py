"""A plan as read from a document, before it is committed to the ledger (the import preview).

Readers/parsers in ``exchange/`` produce a ``PlanDraft``; the review step edits it; the store
writes it in one transaction (``store.ledger.save_plan_draft``). The demo builder uses the same path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.domain.models import DeptKind, Target
from desktop_app.messages import Msg


@dataclass
class DraftUnit:
    """A responsible unit as written in the plan, and what it resolved to."""

    name: str                      # as printed: '区发展改革委', 'District Economic Committee'
    code: str | None = None        # department code it resolved to; None = new department "to check"
    name_zh: str = ""              # canonical names (from the registry/glossary) when resolved
    name_en: str = ""
    kind: DeptKind = DeptKind.FUNCTIONAL


@dataclass
class DraftSection:
    number: str                    # as printed: '三、', '（一）'
    title: str
    level: int                     # 1 = top (一、), 2 = （一）, …
    parent: int | None = None      # index into PlanDraft.sections
    title_en: str = ""


@dataclass
class DraftTask:
    code: str                      # '<ordinal of task-holding section>.<number in section>': '1.1', '12.3'
    section: int | None            # index into PlanDraft.sections
    title: str                     # the lead sentence: '大力发展非化石能源'
    text: str                      # the whole paragraph
    lead: DraftUnit | None = None
    cooperating: list[DraftUnit] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    due: dt.date | None = None
    start: dt.date | None = None
    line: int | None = None        # where it starts in the source (1-based)
    title_en: str = ""
    text_en: str = ""
    joint: bool = False            # one list of responsible units with no lead named (lead = first listed)


@dataclass
class DraftWarning:
    """Something the reader noticed, as a catalogue message (``importer.*``) rendered when shown."""

    msg: Msg
    task_code: str | None = None
    line: int | None = None
    kind: str = ""                 # 'no_unit' | 'unknown_unit' | 'number_without_unit' | …
    data: dict[str, str] = field(default_factory=dict)   # what a review action needs (unit name, code, column …)

    @property
    def message(self) -> str:
        """The English text (logs, ``plan import --json``)."""
        return self.msg.render("en")

    @property
    def message_zh(self) -> str:
        return self.msg.render("zh")

    def text(self, lang: str) -> str:
        return self.msg.render(lang)


@dataclass
class PlanDraft:
    title: str
    lang: str = "zh"               # 'zh' | 'en'
    sections: list[DraftSection] = field(default_factory=list)
    tasks: list[DraftTask] = field(default_factory=list)
    objectives: list[Target] = field(default_factory=list)   # plan-level targets (主要目标)
    warnings: list[DraftWarning] = field(default_factory=list)
    title_en: str = ""
    region: str = ""
    issuer: str = ""
    issued_on: dt.date | None = None
    source_name: str = ""
    source_sha256: str = ""

    def task_sections(self) -> list[int]:
        """Indices of the sections that directly hold tasks, in order."""
        seen: list[int] = []
        for t in self.tasks:
            if t.section is not None and t.section not in seen:
                seen.append(t.section)
        return seen
