"""Merge returned exchange workbooks: each file all-or-nothing, checked first, applied in one transaction.

Per file:

1. Same bytes (sha256) as an accepted submission → ``duplicate``; nothing changes.
2. Checks, with no writes: safe zip (``safe_xlsx.check_xlsx``); a PeakDesk workbook of a supported format
   version; a package issued by *this* database for the plan, department and period its metadata names;
   the keyed digest of the locked content (recomputed with this database's secret) equal to the one stored
   with the package; every visible locked cell equal to the issued copy, rows matched by task code (sorted
   or hidden rows are fine; an edited task code, title, role, target or last entry, an added, copied or
   removed row is reported with its cell; a note row with no task code is ignored with a warning); every
   task still held by the department; the period open; values valid by the reading rules of
   ``exchange.workbook``; at least one task reported. Every reason is a catalogue message (``merge.*``,
   Chinese and English); an accepted file also carries warnings: notes ignored, formulas read as text,
   consistency remarks (已完成 below 100 %, 未启动 with a percent, a percent below last period's).
3. Any problem → ``rejected`` with every problem as sheet!cell + reason. **Rejections are not written to
   the database** (deliberate: a rejected file leaves the database exactly as it was; the caller shows or
   prints the errors, and the GUI keeps them in its result table).
4. Otherwise: a ``submission`` row (late when received after the period's due date; its ``errors_json``
   keeps the accepted file's notes and remarks, in English and Chinese), earlier accepted
   submissions of the same department and period marked ``superseded_by`` the new one, and a new
   ``progress`` version for every reported task whose values differ from the current one (unchanged tasks
   keep their current version; blank rows never erase an earlier entry).

Transactions of a merge run (``merge_files``)
---------------------------------------------
The run holds ONE write transaction (``store.db.BatchedWrites``) and gives every file its own SAVEPOINT,
around the duplicate check, the checks and the writes alike: a file that is rejected or fails rolls back
to its savepoint only, so each file stays all-or-nothing while the files before it in the batch stay.
The transaction is committed every ``BATCH_FILES`` files or after ``BATCH_SECONDS`` of work, whichever
comes first — one fsync per batch instead of one per file (the database keeps SQLite's default
``synchronous = FULL``), and a second PeakDesk waiting on the busy timeout gets the lock between batches.
On cancel, on an error and at the end, what is done is committed. A process killed mid-batch loses the
whole open batch (none of its files is applied; the files are still on disk and merging them again is
safe: an applied file is recognised by its sha256 as a duplicate) and never part of a file.

``dry_run`` performs the checks and reports which tasks would be new, changed or unchanged; it writes
nothing and takes no write lock.

The automatic backup (``before_write``) is made once, just before the first file is written: until then
each file is checked without writing (an SQLite backup cannot be taken inside the write transaction), so
a dry run, or a run of duplicates and rejections, makes none. Returns saved as .xls/.et/.ods are converted
with LibreOffice when installed (``services.office_convert``); those and .wps/.csv files are otherwise
listed as rejected with what to do.

Reading
-------
Each file is hashed, screened (``safe_xlsx.screen_parts``) and read in a reader child process
(``services.reader_process``) on two reading threads, ahead of the file being checked. A child that dies
(a native crash of the spreadsheet reader), hangs or fails rejects that one file, naming it; the run goes
on. The run commits its open batch before it waits for a file still being read, so the write lock is
never held while a file is parsed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from desktop_app.domain.models import ChangeSummary
from desktop_app.domain.results import FileResult, MergeResult
from desktop_app.errors import InputRejected, Problem, UsageError
from desktop_app.exchange.safe_xlsx import MAX_FILE_BYTES
from desktop_app.exchange.workbook import (
    COL_LETTER,
    FIRST_ROW,
    FORMAT_NAME,
    LOCKED_COLUMNS,
    META_KEYS,
    META_SHEET,
    PROGRESS_SHEET,
    SUPPORTED_FORMAT_VERSIONS,
    LockedRow,
    ReadWorkbook,
    RowValues,
    VisibleRow,
    _norm,
    cell_text,
    compute_digest,
    consistency_remarks,
    parse_row,
    read_workbook,
)
from desktop_app.messages import Msg, msg
from desktop_app.services import office_convert
from desktop_app.services.clock import received_stamp
from desktop_app.services.reader_process import ChildDied, run_isolated
from desktop_app.store.cycle import departments_by_id, existing_secret, held_task_ids
from desktop_app.store.db import BatchedWrites, write_tx
from desktop_app.store.departments import Department
from desktop_app.store.periods import PeriodRow, period_by_id, previous_period
from desktop_app.store.progress import CurrentEntry, Entry, add_entries, current_entries, join_contact

BATCH_FILES = 50          # commit the merge run's transaction after this many files …
BATCH_SECONDS = 1.0       # … or after this much time, whichever comes first
READ_AHEAD = 4            # files hashed and read on the reading threads ahead of the one being checked …
READ_THREADS = 2          # … by two threads: python-calamine, zlib and hashlib release the GIL while they work
MAX_ADDED_ROWS_SENT = 500  # rows added below the issued ones that are reported (the file is rejected anyway)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass
class _Checked:
    package_id: str
    dept: Department
    period: PeriodRow
    entries: list[tuple[int, str, Entry]]        # task id, task code, values (reported rows only)
    late: bool
    warnings: list[Problem] = field(default_factory=list)   # accepted, but worth a look (cell named)


def collect_xlsx(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus every .xlsx under given folders (sorted); Office lock files (~$) skipped."""
    return collect_returns(paths)[0]


def collect_returns(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(.xlsx files, other returns): files as given, and under given folders (sorted) every .xlsx and every
    file another program may have saved a return as (.xls, .et, .ods, .wps, .csv, …), so that none is
    skipped without a word. Office lock files (~$) and hidden files are skipped."""
    xlsx: list[Path] = []
    others: list[Path] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not f.is_file() or f.name.startswith(("~$", ".")):
                    continue
                suffix = f.suffix.lower()
                if suffix == ".xlsx":
                    xlsx.append(f)
                elif suffix in office_convert.UNSUPPORTED_RETURNS:
                    others.append(f)
        elif p.is_file():
            (xlsx if p.suffix.lower() == ".xlsx" else others).append(p)
        else:
            raise UsageError(msg("merge.path_missing", path=str(p)))
    return list(dict.fromkeys(xlsx)), list(dict.fromkeys(others))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class _Context:
    """What the checks need from the database, loaded once per merge run."""

    def __init__(self, db: sqlite_utils.Database, today: dt.date) -> None:
        self.db = db
        self.today = today
        self.secret = existing_secret(db)
        self.depts = departments_by_id(db)
        self._held: dict[int, dict[int, set[int]]] = {}
        self._codes: dict[int, dict[str, int]] = {}
        self._periods: dict[int, PeriodRow] = {}
        self._previous: dict[int, PeriodRow | None] = {}

    def period(self, period_id: int) -> PeriodRow:
        """Period rows are read once per run (closing a period during a merge run is not expected to be seen)."""
        if period_id not in self._periods:
            self._periods[period_id] = period_by_id(self.db, period_id)
        return self._periods[period_id]

    def held(self, plan_id: int, dept_id: int) -> set[int]:
        if plan_id not in self._held:
            self._held[plan_id] = held_task_ids(self.db, plan_id)
        return self._held[plan_id].get(dept_id, set())

    def last_percents(self, period: PeriodRow, dept_id: int) -> dict[int, float]:
        """The department's current percent per task in the period before ``period`` (for the remarks)."""
        if period.id not in self._previous:
            self._previous[period.id] = previous_period(self.db, period)
        prev = self._previous[period.id]
        if prev is None:
            return {}
        return {task_id: cur.entry.percent for task_id, cur in current_entries(self.db, prev.id, dept_id).items()
                if cur.entry.percent is not None}

    def task_ids(self, plan_id: int) -> dict[str, int]:
        if plan_id not in self._codes:
            self._codes[plan_id] = {r[0]: int(r[1]) for r in self.db.execute(
                "SELECT code, id FROM task WHERE plan_id = ?", [plan_id]).fetchall()}
        return self._codes[plan_id]


def _meta_cell(key: str) -> str:
    return f"B{META_KEYS.index(key) + 1}"


_LOCKED_NAMES = {"code": "merge.field.code", "title": "merge.field.title", "role": "merge.field.role",
                 "target": "merge.field.target", "last": "merge.field.last"}


def match_rows(issued: Sequence[LockedRow], rows: Sequence[VisibleRow]) -> tuple[
        list[tuple[LockedRow, VisibleRow]], list[Problem], list[Problem]]:
    """Visible rows matched to the issued rows **by task code**, not by position: sorted, reordered or hidden
    rows are fine. Returns (matched pairs, problems, warnings).

    - a row whose locked cells differ from the issued copy: a problem naming each changed cell;
    - a row whose code was changed (its title still issued under another code): a problem on the code cell;
    - a row with no task code (or a text that is no code) and nothing in the other locked columns — a note
      typed below the table — is ignored, with a warning naming it;
    - a task code twice, an issued row missing, a row with locked content that was never issued: problems.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    by_code = {_norm(e.code): e for e in issued}
    matched: dict[str, tuple[LockedRow, VisibleRow]] = {}
    strays: list[VisibleRow] = []

    def cell_diffs(e: LockedRow, a: VisibleRow) -> None:
        for key, want, got in zip(LOCKED_COLUMNS, e.cells(), a.locked.cells(), strict=True):
            if want != got and _norm(want) != _norm(got):
                problems.append(Problem(msg("merge.locked_changed", field=msg(_LOCKED_NAMES[key]),
                                            issued=_short(want), found=_short(got)),
                                        sheet=PROGRESS_SHEET, cell=f"{COL_LETTER[key]}{a.sheet_row}"))

    for a in rows:
        code = _norm(a.locked.code)
        if code in by_code:
            if code in matched:
                problems.append(Problem(msg("merge.code_twice", code=_short(code),
                                            first=matched[code][1].sheet_row),
                                        sheet=PROGRESS_SHEET, cell=f"A{a.sheet_row}"))
                continue
            matched[code] = (by_code[code], a)
            cell_diffs(by_code[code], a)
        elif not any(_norm(c) for c in a.locked.cells()[1:]):
            values = [cell_text(v) for v in a.raw.values() if v is not None]
            text = " ".join(t for t in [a.locked.code, *values] if t.strip())
            if text.strip():
                warnings.append(Problem(msg("merge.note_row_ignored", row=a.sheet_row, text=_short(text)),
                                        sheet=PROGRESS_SHEET, cell=f"A{a.sheet_row}"))
        else:
            strays.append(a)
    missing = {i: e for i, e in enumerate(issued) if _norm(e.code) not in matched}   # issued index → row
    by_title: dict[str, int] = {}
    for i, e in missing.items():
        by_title.setdefault(_norm(e.title), i)
    for a in strays:
        title = _norm(a.locked.title)
        if title in by_title:         # the code cell of an issued row was changed (or emptied)
            cell_diffs(missing.pop(by_title.pop(title)), a)
            continue
        what = msg("merge.added_row_code", code=_short(a.locked.code)) if a.locked.code.strip() \
            else msg("merge.added_row_no_code")
        problems.append(Problem(msg("merge.added_row", row=a.sheet_row, what=what),
                                sheet=PROGRESS_SHEET, cell=f"A{a.sheet_row}"))
    for index, e in missing.items():
        problems.append(Problem(msg("merge.removed_row", code=_short(e.code), row=FIRST_ROW + index),
                                sheet=PROGRESS_SHEET, cell=f"A{FIRST_ROW + index}"))
    return list(matched.values()), problems, warnings


def _short(text: str, n: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def _meta_what(key: str) -> Msg:
    return msg({"plan_id": "merge.meta.plan", "department_code": "merge.meta.department",
                "period_code": "merge.meta.period"}[key])


def check_workbook(ctx: _Context, read: ReadWorkbook) -> _Checked:
    """All checks of one read workbook against the database; raise ``InputRejected`` listing every problem."""
    name = read.file.name
    db = ctx.db

    def reject(problems: list[Problem]) -> InputRejected:
        return InputRejected(msg("merge.file_rejected", file=name),
                             [Problem(p.message, name, p.sheet, p.cell) for p in problems])

    meta = read.meta
    if meta.get("format") != FORMAT_NAME:
        raise reject([Problem(msg("merge.no_format_mark"), sheet=META_SHEET, cell=_meta_cell("format"))])
    pm = read.package_meta()
    if pm.format_version not in SUPPORTED_FORMAT_VERSIONS:
        raise reject([Problem(msg("merge.format_version", version=_short(str(meta.get("format_version"))),
                                  supported=", ".join(map(str, sorted(SUPPORTED_FORMAT_VERSIONS)))),
                              sheet=META_SHEET, cell=_meta_cell("format_version"))])
    pkg = db.execute("SELECT plan_id, department_id, period_id, digest FROM package WHERE id = ?",
                     [pm.package_id]).fetchone()
    if pkg is None or ctx.secret is None:
        raise reject([Problem(msg("merge.unknown_package"), sheet=META_SHEET, cell=_meta_cell("package_id"))])
    plan_id, dept_id, period_id, stored_digest = int(pkg[0]), int(pkg[1]), int(pkg[2]), str(pkg[3])
    dept = ctx.depts[dept_id]
    period = ctx.period(period_id)
    problems: list[Problem] = []
    for key, got, want in (("plan_id", str(pm.plan_id), str(plan_id)),
                           ("department_code", pm.department_code, dept.code),
                           ("period_code", pm.period_code, period.code)):
        if got != want:
            problems.append(Problem(msg("merge.meta_altered", what=_meta_what(key), found=_short(got), issued=want),
                                    sheet=META_SHEET, cell=_meta_cell(key)))
    if problems:
        raise reject(problems)
    if compute_digest(ctx.secret, pm, read.issued) != stored_digest:
        raise reject([Problem(msg("merge.digest_altered"), sheet=META_SHEET, cell=_meta_cell("digest"))])
    if pm.digest != stored_digest:
        problems.append(Problem(msg("merge.check_code_altered"), sheet=META_SHEET, cell=_meta_cell("digest")))
    matched, row_problems, warnings = match_rows(read.issued, read.rows)
    problems.extend(row_problems)
    if period.closed:
        problems.append(Problem(msg("merge.period_closed", period=period.code, reason=period.closed_reason),
                                sheet=META_SHEET, cell=_meta_cell("period_code")))
    held = ctx.held(plan_id, dept_id)
    ids = ctx.task_ids(plan_id)
    entries: list[tuple[int, str, RowValues]] = []
    sheet_row: dict[int, int] = {}
    for issued_row, row in sorted(matched, key=lambda pair: pair[1].sheet_row):
        parsed = parse_row(row, row.sheet_row in read.percent_formatted)
        problems.extend(parsed.problems)
        warnings.extend(parsed.warnings)
        code = issued_row.code
        task_id = ids.get(code)
        if task_id is None or task_id not in held:
            problems.append(Problem(msg("merge.task_not_in_plan", code=code) if task_id is None
                                    else msg("merge.task_not_held", code=code, department=dept.code),
                                    sheet=PROGRESS_SHEET, cell=f"A{row.sheet_row}"))
            continue
        if parsed.values.reported():
            entries.append((task_id, code, parsed.values))
            sheet_row[task_id] = row.sheet_row
    if not entries and not problems:
        problems.append(Problem(msg("merge.nothing_reported"), sheet=PROGRESS_SHEET,
                                cell=f"{COL_LETTER['status']}{FIRST_ROW}"))
    if problems:
        raise reject(problems)
    last = ctx.last_percents(period, dept_id)
    for task_id, code, values in entries:
        for remark in consistency_remarks(values.status, values.percent, last.get(task_id)):
            warnings.append(Problem(msg("merge.remark_on_task", code=code, remark=remark), sheet=PROGRESS_SHEET,
                                    cell=f"{COL_LETTER['percent']}{sheet_row[task_id]}"))
    return _Checked(pm.package_id, dept, period, [(t, c, _entry(v)) for t, c, v in entries],
                    late=ctx.today > period.due,
                    warnings=[Problem(w.message, name, w.sheet, w.cell) for w in warnings])


def _entry(v: RowValues) -> Entry:
    assert v.status is not None        # a reported row without a status was rejected
    return Entry(v.status, v.percent, v.indicator, v.narrative, v.problems, v.next_steps,
                 join_contact(v.contact_person, v.contact_phone))


def _classify(db: sqlite_utils.Database, checked: _Checked) -> tuple[dict[str, list[str]], dict[int, CurrentEntry]]:
    current = current_entries(db, checked.period.id, checked.dept.id)
    changes: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": []}
    for task_id, code, entry in checked.entries:
        cur = current.get(task_id)
        changes["new" if cur is None else "unchanged" if cur.entry.same_content(entry) else "changed"].append(code)
    return changes, current


def _apply(db: sqlite_utils.Database, checked: _Checked, file_name: str, sha: str, today: dt.date,
           current: dict[int, CurrentEntry] | None = None) -> tuple[int, list[int]]:
    """Write one accepted file. ``current``: the department's current entries as read by ``_classify`` in the
    same transaction (read again when not given)."""
    received_at = received_stamp(today)
    dept_id, period_id = checked.dept.id, checked.period.id
    with write_tx(db):
        if current is None:
            current = current_entries(db, period_id, dept_id)
        cursor = db.execute(
            "INSERT INTO submission (package_id, department_id, period_id, file_name, sha256, received_at, status, "
            "late, row_count, errors_json) VALUES (?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?) RETURNING id",
            [checked.package_id, dept_id, period_id, file_name, sha, received_at, int(checked.late),
             len(checked.entries), errors_json(checked.warnings)])     # an accepted file's notes and remarks
        sub_id = int(cursor.fetchone()[0])
        older = [int(r[0]) for r in db.execute(
            "SELECT id FROM submission WHERE department_id = ? AND period_id = ? AND status = 'accepted' "
            "AND superseded_by IS NULL AND id != ?", [dept_id, period_id, sub_id]).fetchall()]
        if older:
            db.execute(f"UPDATE submission SET superseded_by = ? WHERE id IN ({','.join('?' * len(older))})",
                       [sub_id, *older])
        changed = [(task_id, entry) for task_id, _code, entry in checked.entries
                   if task_id not in current or not current[task_id].entry.same_content(entry)]
        add_entries(db, dept_id, period_id, changed, received_at=received_at, source="workbook",
                    submission_id=sub_id, current=current)
    return sub_id, older


@dataclass
class _Prepared:
    """The database-free part of merging one file (hash + safe read); runs on a reading thread."""

    path: Path
    sha: str | None = None
    read: ReadWorkbook | None = None
    problems: list[Problem] = field(default_factory=list)


def _prepare(path: Path) -> _Prepared:
    prepared = _Prepared(path)
    try:
        if path.stat().st_size <= MAX_FILE_BYTES:      # read once: hashed, checked and read from memory
            data = path.read_bytes()
            prepared.sha = hashlib.sha256(data).hexdigest()
            prepared.read = read_workbook(path, data)
        else:                                          # hashed (a duplicate is still recognised), then refused
            prepared.sha = sha256_file(path)
            prepared.read = read_workbook(path)
    except OSError as exc:
        prepared.problems = [Problem(msg("merge.cannot_read", detail=str(exc.strerror)), path.name)]
    except InputRejected as exc:
        prepared.problems = exc.problems or [Problem(exc.summary, path.name)]
    read = prepared.read
    if read is not None and len(read.rows) > len(read.issued) + MAX_ADDED_ROWS_SENT:
        # Rows beyond the issued ones are each an "added row" problem: the file is rejected whatever they hold.
        # Only the first of them travel back from the reader child (100,000 added rows cost seconds to pickle).
        read.rows = read.rows[: len(read.issued) + MAX_ADDED_ROWS_SENT]
    return prepared


def _prepare_isolated(path: Path) -> _Prepared:
    """``_prepare`` in a reader child process (``services.reader_process``): a native crash, a runaway
    allocation or a hang of the spreadsheet reader rejects this file, naming it — never the program or the
    other files of a folder merge."""
    answer = run_isolated(_prepare, path)
    if isinstance(answer, _Prepared):
        return answer
    prepared = _Prepared(path)
    try:
        prepared.sha = sha256_file(path)        # a duplicate of an accepted file is still recognised
    except OSError as exc:
        prepared.problems = [Problem(msg("merge.cannot_read", detail=str(exc.strerror)), path.name)]
        return prepared
    assert isinstance(answer, ChildDied)
    key = {"crashed": "safety.reader_crashed", "timeout": "safety.reader_timeout"}.get(answer.how,
                                                                                      "safety.reader_failed")
    prepared.problems = [Problem(msg(key, detail=answer.detail), path.name)]
    return prepared


def _prepare_return(path: Path, origin: Path | None = None) -> _Prepared:
    """``_prepare`` (in a reader child), for a converted copy on behalf of its ``origin`` (.xls, .et, .ods): the
    result is named after the original and carries the original's sha256 (the same .xls merged again is a
    duplicate)."""
    prepared = _prepare_isolated(path)
    if origin is None:
        return prepared
    prepared.path = origin
    try:
        prepared.sha = sha256_file(origin)
    except OSError as exc:
        prepared.sha, prepared.read = None, None
        prepared.problems = [Problem(msg("merge.cannot_read", detail=str(exc.strerror)), origin.name)]
    if prepared.read is not None:
        prepared.read.file = origin
    prepared.problems = [Problem(p.message, origin.name, p.sheet, p.cell, p.line) for p in prepared.problems]
    return prepared


def _in_both_languages(problems: Sequence[Problem]) -> list[Problem]:
    """Every reason as a catalogue message: a plain-text reason from a lower layer (the zip checks) is
    wrapped in one that says, in the reader's language, what to do."""
    return [p if isinstance(p.message, Msg) else Problem(msg("merge.file_refused", detail=p.message), p.file,
                                                         p.sheet, p.cell, p.line) for p in problems]


def merge_file(db: sqlite_utils.Database, path: Path, *, today: dt.date, dry_run: bool = False,
               ctx: _Context | None = None, seen: set[str] | None = None,
               prepared: _Prepared | None = None) -> FileResult:
    ctx = ctx or _Context(db, today)
    prepared = prepared or _prepare_isolated(path)
    path = prepared.path
    result = FileResult(file=str(path), status="rejected")
    sha = prepared.sha
    if sha is None:
        result.errors = _in_both_languages(prepared.problems)
        return result
    dup = db.execute("SELECT department_id, period_id, row_count, late FROM submission WHERE sha256 = ? "
                     "AND status = 'accepted' ORDER BY id LIMIT 1", [sha]).fetchone()
    if dup is not None or (seen is not None and sha in seen):
        result.status = "duplicate"
        if dup is not None:
            result.department = ctx.depts[int(dup[0])].code
            result.period = ctx.period(int(dup[1])).code
            result.rows, result.late = int(dup[2]), bool(dup[3])
        return result
    read = prepared.read
    if read is None:
        result.errors = _in_both_languages(prepared.problems)
        return result
    try:
        checked = check_workbook(ctx, read)
    except InputRejected as exc:
        result.errors = _in_both_languages(exc.problems or [Problem(exc.summary, path.name)])
        result.department = read.meta.get("department_code") or None
        result.period = read.meta.get("period_code") or None
        return result
    result.department, result.period = checked.dept.code, checked.period.code
    result.rows, result.late = len(checked.entries), checked.late
    result.warnings = checked.warnings
    result.changes, current = _classify(db, checked)
    result.status = "accepted"
    if dry_run:
        if seen is not None:
            seen.add(sha)
        return result
    # the entries read by _classify are still current when it ran inside the transaction that writes
    result.submission_id, result.supersedes = _apply(db, checked, path.name, sha, today,
                                                     current if db.conn.in_transaction else None)
    return result


def merge_files(db: sqlite_utils.Database, paths: Sequence[Path], *, today: dt.date, dry_run: bool = False,
                progress: Progress | None = None, cancelled: Cancelled | None = None,
                before_write: Callable[[], object] | None = None, convert: bool = True) -> MergeResult:
    """Merge files and folders (recursing); each file on its own, all-or-nothing.

    Returns that are not .xlsx are never skipped silently: .xls/.et/.ods are converted with LibreOffice
    when ``convert`` and it is installed (the copy is merged on the original's behalf), the rest are
    listed as rejected with what to do. ``before_write`` (the automatic backup) is called once, just
    before the first file is written — never in a dry run or a run where nothing is accepted.
    """
    xlsx, others = collect_returns(paths)
    out = MergeResult(dry_run=dry_run)
    with tempfile.TemporaryDirectory(prefix="peakdesk-convert-") as tmp:
        jobs: list[tuple[Path, Path | None]] = [(p, None) for p in xlsx]
        soffice = office_convert.find_soffice() if convert else None
        convertible = [p for p in others if p.suffix.lower() in office_convert.CONVERTIBLE]
        if soffice and convertible and progress:
            progress(0, len(xlsx) + len(others), convertible[0].name)     # LibreOffice takes a few seconds
        converted = office_convert.convert_to_xlsx(convertible, Path(tmp), soffice) if soffice and convertible \
            else []
        done = {c.original: c for c in converted}
        for other in others:
            c = done.get(other)
            if c is not None and c.xlsx is not None:
                jobs.append((c.xlsx, other))
            else:
                out.files.append(FileResult(file=str(other), status="rejected",
                                            errors=[_not_xlsx_problem(other, soffice, c)]))
        _merge_jobs(db, jobs, out, today=today, dry_run=dry_run, progress=progress, cancelled=cancelled,
                    before_write=before_write)
    accepted = any(f.status == "accepted" for f in out.files) and not dry_run
    out.summary = ChangeSummary(progress=accepted, submissions=accepted,
                                details={"accepted": sum(f.status == "accepted" for f in out.files)})
    return out


def _not_xlsx_problem(path: Path, soffice: str | None, converted: office_convert.Converted | None) -> Problem:
    suffix = path.suffix.lower()
    if suffix in office_convert.CONVERTIBLE:
        if converted is not None:
            return Problem(msg("merge.not_xlsx_convert_failed", kind=suffix), path.name)
        if soffice is None:
            return Problem(msg("merge.not_xlsx_no_converter", kind=suffix), path.name)
    if suffix == ".csv":
        return Problem(msg("merge.not_xlsx_csv"), path.name)
    return Problem(msg("merge.not_xlsx", kind=suffix or path.name), path.name)


def _merge_jobs(db: sqlite_utils.Database, jobs: list[tuple[Path, Path | None]], out: MergeResult, *,
                today: dt.date, dry_run: bool, progress: Progress | None, cancelled: Cancelled | None,
                before_write: Callable[[], object] | None) -> None:
    ctx = _Context(db, today)
    seen: set[str] = set()
    pending_backup = before_write is not None and not dry_run
    total = len(jobs)
    with BatchedWrites(db, max_units=BATCH_FILES, max_seconds=BATCH_SECONDS) as batch, \
            ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="merge-read") as reader:
        ahead: deque[Future[_Prepared]] = deque(reader.submit(_prepare_return, *job) for job in jobs[:READ_AHEAD])
        for i, (path, origin) in enumerate(jobs):
            prepared = ahead.popleft()
            if cancelled and cancelled():
                out.cancelled = True
                for pending in ahead:
                    pending.cancel()
                break
            if i + READ_AHEAD < total:
                ahead.append(reader.submit(_prepare_return, *jobs[i + READ_AHEAD]))
            name = (origin or path).name
            if progress:
                progress(i, total, name)
            if not prepared.done():
                batch.commit()      # never hold the write lock while a file is still being read:
                wait([prepared])    # commit what is done, then wait outside the write transaction
            if dry_run:
                out.files.append(merge_file(db, path, today=today, dry_run=True, ctx=ctx, seen=seen,
                                            prepared=prepared.result()))
                continue
            if pending_backup and not db.conn.in_transaction:
                # Until the backup is made, a file is first checked without writing: the backup is made
                # only once a file will really be written (a backup cannot be taken inside the write
                # transaction), and a run of duplicates or rejections makes none.
                probe = merge_file(db, path, today=today, dry_run=True, ctx=ctx, seen=set(seen),
                                   prepared=prepared.result())
                if probe.status != "accepted":
                    out.files.append(probe)
                    continue
                assert before_write is not None
                before_write()
                pending_backup = False
            with batch.unit():
                out.files.append(merge_file(db, path, today=today, ctx=ctx, seen=seen, prepared=prepared.result()))
    if progress and not out.cancelled:
        progress(total, total, "")


def errors_json(problems: Sequence[Problem]) -> str:
    return json.dumps([{"sheet": p.sheet, "cell": p.cell, "message": p.text("en"), "message_zh": p.text("zh")}
                       for p in problems], ensure_ascii=False)
