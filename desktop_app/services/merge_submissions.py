"""Merge returned exchange workbooks: each file all-or-nothing, checked first, applied in one transaction.

Per file:

1. Same bytes (sha256) as an accepted submission → ``duplicate``; nothing changes.
2. Checks, with no writes: safe zip (``safe_xlsx.check_xlsx``); a PeakDesk workbook of a supported format
   version; a package issued by *this* database for the plan, department and period its metadata names;
   the keyed digest of the locked content (recomputed with this database's secret) equal to the one stored
   with the package; every visible locked cell equal to the issued copy (an edited task code, title, role,
   target or last entry, an added or removed row is reported with its cell); every task still held by the
   department; the period open; values valid by the reading rules of ``exchange.workbook``; at least one
   task reported.
3. Any problem → ``rejected`` with every problem as sheet!cell + reason. **Rejections are not written to
   the database** (deliberate: a rejected file leaves the database exactly as it was; the caller shows or
   prints the errors, and the GUI keeps them in its result table).
4. Otherwise: a ``submission`` row (late when received after the period's due date), earlier accepted
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
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
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
    HEADERS,
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
    compute_digest,
    parse_values,
    read_workbook,
)
from desktop_app.services.clock import received_stamp
from desktop_app.store.cycle import departments_by_id, existing_secret, held_task_ids
from desktop_app.store.db import BatchedWrites, write_tx
from desktop_app.store.departments import Department
from desktop_app.store.periods import PeriodRow, period_by_id
from desktop_app.store.progress import CurrentEntry, Entry, add_entries, current_entries, join_contact

BATCH_FILES = 50          # commit the merge run's transaction after this many files …
BATCH_SECONDS = 1.0       # … or after this much time, whichever comes first
READ_AHEAD = 4            # files hashed and read on the reading threads ahead of the one being checked …
READ_THREADS = 2          # … by two threads: python-calamine, zlib and hashlib release the GIL while they work

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass
class _Checked:
    package_id: str
    dept: Department
    period: PeriodRow
    entries: list[tuple[int, str, Entry]]        # task id, task code, values (reported rows only)
    late: bool


def collect_xlsx(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus every .xlsx under given folders (sorted); Office lock files (~$) skipped."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() == ".xlsx"
                              and not f.name.startswith(("~$", "."))))
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError(f"{p} does not exist.", message_zh=f"{p} 不存在。")
    return list(dict.fromkeys(out))


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

    def period(self, period_id: int) -> PeriodRow:
        """Period rows are read once per run (closing a period during a merge run is not expected to be seen)."""
        if period_id not in self._periods:
            self._periods[period_id] = period_by_id(self.db, period_id)
        return self._periods[period_id]

    def held(self, plan_id: int, dept_id: int) -> set[int]:
        if plan_id not in self._held:
            self._held[plan_id] = held_task_ids(self.db, plan_id)
        return self._held[plan_id].get(dept_id, set())

    def task_ids(self, plan_id: int) -> dict[str, int]:
        if plan_id not in self._codes:
            self._codes[plan_id] = {r[0]: int(r[1]) for r in self.db.execute(
                "SELECT code, id FROM task WHERE plan_id = ?", [plan_id]).fetchall()}
        return self._codes[plan_id]


def _meta_cell(key: str) -> str:
    return f"B{META_KEYS.index(key) + 1}"


def _compare_rows(issued: Sequence[LockedRow], rows: Sequence[VisibleRow]) -> list[Problem]:
    """Every locked cell that differs from the issued copy, and rows added or removed."""
    problems: list[Problem] = []

    def cell_diffs(e: LockedRow, a: VisibleRow) -> None:
        for key, want, got in zip(LOCKED_COLUMNS, e.cells(), a.locked.cells(), strict=True):
            if want != got and _norm(want) != _norm(got):
                problems.append(Problem(
                    f"{HEADERS[key][1].lower()} is locked but was changed: issued '{_short(want)}', "
                    f"found '{_short(got)}'", sheet=PROGRESS_SHEET, cell=f"{COL_LETTER[key]}{a.sheet_row}"))

    def removed(index: int, e: LockedRow) -> None:
        problems.append(Problem(f"row of task {e.code} (issued in row {FIRST_ROW + index}) was removed; "
                                "do not delete rows", sheet=PROGRESS_SHEET, cell=f"A{FIRST_ROW + index}"))

    def added(a: VisibleRow) -> None:
        what = f"task code '{_short(a.locked.code)}' was not issued to this department" if a.locked.code \
            else "a row without task code"
        problems.append(Problem(f"row {a.sheet_row} was added ({what}); do not add rows",
                                sheet=PROGRESS_SHEET, cell=f"A{a.sheet_row}"))

    want_codes = [_norm(e.code) for e in issued]
    got_codes = [_norm(a.locked.code) for a in rows]
    if want_codes == got_codes:
        for e, a in zip(issued, rows, strict=True):
            cell_diffs(e, a)
        return problems
    matcher = difflib.SequenceMatcher(None, want_codes, got_codes, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                cell_diffs(issued[i1 + k], rows[j1 + k])
            continue
        for i in range(i1, i2):
            removed(i, issued[i])
        for j in range(j1, j2):
            added(rows[j])
    return problems


def _short(text: str, n: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def check_workbook(ctx: _Context, read: ReadWorkbook) -> _Checked:
    """All checks of one read workbook against the database; raise ``InputRejected`` listing every problem."""
    name = read.file.name
    db = ctx.db

    def reject(problems: list[Problem]) -> InputRejected:
        return InputRejected(f"{name}: rejected", [Problem(p.message, name, p.sheet, p.cell) for p in problems])

    meta = read.meta
    if meta.get("format") != FORMAT_NAME:
        raise reject([Problem("not a PeakDesk exchange workbook (format mark missing)", sheet=META_SHEET,
                              cell=_meta_cell("format"))])
    pm = read.package_meta()
    if pm.format_version not in SUPPORTED_FORMAT_VERSIONS:
        raise reject([Problem(f"format version {meta.get('format_version')!r} is not supported by this PeakDesk "
                              f"(supported: {sorted(SUPPORTED_FORMAT_VERSIONS)})", sheet=META_SHEET,
                              cell=_meta_cell("format_version"))])
    pkg = db.execute("SELECT plan_id, department_id, period_id, digest FROM package WHERE id = ?",
                     [pm.package_id]).fetchone()
    if pkg is None or ctx.secret is None:
        raise reject([Problem("this workbook was not issued by this database (unknown package id); it may come "
                              "from another PeakDesk database. Issue a new workbook and have it filled in",
                              sheet=META_SHEET, cell=_meta_cell("package_id"))])
    plan_id, dept_id, period_id, stored_digest = int(pkg[0]), int(pkg[1]), int(pkg[2]), str(pkg[3])
    dept = ctx.depts[dept_id]
    period = ctx.period(period_id)
    problems: list[Problem] = []
    for key, got, want in (("plan_id", str(pm.plan_id), str(plan_id)),
                           ("department_code", pm.department_code, dept.code),
                           ("period_code", pm.period_code, period.code)):
        if got != want:
            problems.append(Problem(f"metadata says {key.replace('_', ' ')} '{_short(got)}' but this workbook was "
                                    f"issued for '{want}'; the metadata was altered", sheet=META_SHEET,
                                    cell=_meta_cell(key)))
    if problems:
        raise reject(problems)
    if compute_digest(ctx.secret, pm, read.issued) != stored_digest:
        raise reject([Problem("the hidden check data was altered (digest does not match the issued workbook); "
                              "ask the coordinator for a new workbook", sheet=META_SHEET, cell=_meta_cell("digest"))])
    if pm.digest != stored_digest:
        problems.append(Problem("the check code was altered", sheet=META_SHEET, cell=_meta_cell("digest")))
    problems.extend(_compare_rows(read.issued, read.rows))
    if period.closed:
        problems.append(Problem(f"period {period.code} is closed ({period.closed_reason}); the coordinator must "
                                "reopen it before workbooks are accepted", sheet=META_SHEET,
                                cell=_meta_cell("period_code")))
    held = ctx.held(plan_id, dept_id)
    ids = ctx.task_ids(plan_id)
    entries: list[tuple[int, str, RowValues]] = []
    for index, row in enumerate(read.rows):
        values, value_problems = parse_values(row, row.sheet_row in read.percent_formatted)
        problems.extend(value_problems)
        if index >= len(read.issued):
            continue
        code = read.issued[index].code
        task_id = ids.get(code)
        if task_id is None or task_id not in held:
            problems.append(Problem(f"task {code} is no longer {'in the plan' if task_id is None else 'held by'} "
                                    f"{'' if task_id is None else dept.code}; ask the coordinator for a new workbook",
                                    sheet=PROGRESS_SHEET, cell=f"A{row.sheet_row}"))
            continue
        if values.reported():
            entries.append((task_id, code, values))
    if not entries and not problems:
        problems.append(Problem("no task has progress filled in (status, percent or text); nothing to merge",
                                sheet=PROGRESS_SHEET, cell=f"{COL_LETTER['status']}{FIRST_ROW}"))
    if problems:
        raise reject(problems)
    return _Checked(pm.package_id, dept, period, [(t, c, _entry(v)) for t, c, v in entries],
                    late=ctx.today > period.due)


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
            "late, rows, errors_json) VALUES (?, ?, ?, ?, ?, ?, 'accepted', ?, ?, '[]') RETURNING id",
            [checked.package_id, dept_id, period_id, file_name, sha, received_at, int(checked.late),
             len(checked.entries)])
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
        prepared.problems = [Problem(f"cannot be read ({exc.strerror})", path.name)]
    except InputRejected as exc:
        prepared.problems = exc.problems or [Problem(exc.summary, path.name)]
    return prepared


def merge_file(db: sqlite_utils.Database, path: Path, *, today: dt.date, dry_run: bool = False,
               ctx: _Context | None = None, seen: set[str] | None = None,
               prepared: _Prepared | None = None) -> FileResult:
    ctx = ctx or _Context(db, today)
    prepared = prepared or _prepare(path)
    result = FileResult(file=str(path), status="rejected")
    sha = prepared.sha
    if sha is None:
        result.errors = prepared.problems
        return result
    dup = db.execute("SELECT department_id, period_id, rows, late FROM submission WHERE sha256 = ? "
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
        result.errors = prepared.problems
        return result
    try:
        checked = check_workbook(ctx, read)
    except InputRejected as exc:
        result.errors = exc.problems or [Problem(exc.summary, path.name)]
        result.department = read.meta.get("department_code") or None
        result.period = read.meta.get("period_code") or None
        return result
    result.department, result.period = checked.dept.code, checked.period.code
    result.rows, result.late = len(checked.entries), checked.late
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
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> MergeResult:
    """Merge files and folders (recursing, .xlsx only); each file on its own, all-or-nothing."""
    files = collect_xlsx(paths)
    out = MergeResult(dry_run=dry_run)
    ctx = _Context(db, today)
    seen: set[str] = set()
    with BatchedWrites(db, max_units=BATCH_FILES, max_seconds=BATCH_SECONDS) as batch, \
            ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="merge-read") as reader:
        ahead: deque[Future[_Prepared]] = deque(reader.submit(_prepare, p) for p in files[:READ_AHEAD])
        for i, path in enumerate(files):
            prepared = ahead.popleft()
            if cancelled and cancelled():
                out.cancelled = True
                for pending in ahead:
                    pending.cancel()
                break
            if i + READ_AHEAD < len(files):
                ahead.append(reader.submit(_prepare, files[i + READ_AHEAD]))
            if progress:
                progress(i, len(files), path.name)
            if dry_run:
                out.files.append(merge_file(db, path, today=today, dry_run=True, ctx=ctx, seen=seen,
                                            prepared=prepared.result()))
                continue
            with batch.unit():
                out.files.append(merge_file(db, path, today=today, ctx=ctx, seen=seen, prepared=prepared.result()))
    if progress and not out.cancelled:
        progress(len(files), len(files), "")
    accepted = any(f.status == "accepted" for f in out.files) and not dry_run
    out.summary = ChangeSummary(progress=accepted, submissions=accepted,
                                details={"accepted": sum(f.status == "accepted" for f in out.files)})
    return out
