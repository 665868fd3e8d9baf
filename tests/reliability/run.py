"""``make reliability``: hostile files, crash safety, data safety and fuzzing, with a table of what happened.

    python -m tests.reliability.run [--quick] [--only corpus,crash,safety,fuzz] [--crash-runs N]

1. Hostile and broken files (corpus from ``tests/data/make_corpus.py``, regenerated every run): each
   file is merged (the merge service, not the CLI) into its own copy of the demo database, in a
   subprocess of its own so that memory (``ru_maxrss`` of that process) and time are measured per file.
   A row passes when the file was rejected with a message naming the file (and the cells the case
   names) and the database dump (``iterdump``) is unchanged, or accepted by the documented rule with the
   expected values stored; and peak memory < 300 MB and time < 10 s.
2. Crash safety (``tests/reliability/crash.py``): merge, plan import and assessment lock killed with
   SIGKILL at random points (a random delay, or a random SQLite step inside the work); integrity check
   and all-or-nothing per file / plan / lock.
3. Fuzzing (``tests/reliability/fuzz.py``): ``PEAKDESK_FUZZ_EXAMPLES`` examples per target.

4. Data safety (``tests/reliability/safety.py``): the database survives a second process and a background
   job opening it, read-only and damaged files, a reader that crashes in a folder merge, terminal escaping,
   partial export files, and text that must come back exactly in the next period's workbooks.

Exit status 0 only when every row holds. The harness lives with the tests (it needs the corpus builders
and the source checkout); the package never imports it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MAX_MEMORY_MB = 300
MAX_SECONDS = 10.0
# A runaway reader must not take the (shared) machine down: hard address-space cap for workers.
WORKER_ADDRESS_SPACE = 3 * 1024 ** 3
WORKER_TIMEOUT = 120


def _checkout() -> None:
    if not (ROOT / "tests" / "data" / "make_corpus.py").is_file():
        raise SystemExit("reliability: run from a source checkout (tests/ is needed)")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


# --- one case, in a worker process --------------------------------------------------------------------

def worker(db_file: str, xlsx: str, dept: str, period: str) -> dict[str, Any]:
    """Merge one file into ``db_file``; what happened, and the department's stored progress after."""
    from desktop_app.errors import PeakDeskError
    from desktop_app.services.clock import today
    from desktop_app.services.merge_submissions import merge_file
    from desktop_app.store.db import open_database

    db = open_database(db_file)
    out: dict[str, Any] = {}
    try:
        started = time.perf_counter()
        try:
            result = merge_file(db, Path(xlsx), today=today(db))
            out.update(status=result.status, errors=[
                {"file": p.file, "sheet": p.sheet, "cell": p.cell, "message": p.text("en"), "text": str(p)}
                for p in result.errors])
        except PeakDeskError as exc:  # a clean refusal outside the per-file result still counts as clean
            out.update(status="rejected", errors=[{"file": "", "sheet": "", "cell": "", "message": exc.message,
                                                   "text": exc.message}])
        out["seconds"] = time.perf_counter() - started
        rows = db.execute(
            "SELECT t.code, p.status, p.percent, p.indicator, p.narrative, p.problems, p.next_steps, p.contact "
            "FROM progress p JOIN task t ON t.id = p.task_id JOIN department d ON d.id = p.department_id "
            "JOIN period pe ON pe.id = p.period_id WHERE d.code = ? AND pe.code = ? AND p.is_current = 1",
            [dept, period]).fetchall()
        out["stored"] = {r[0]: {"status": r[1], "percent": r[2], "indicator": r[3], "narrative": r[4],
                                "problems": r[5], "next_steps": r[6], "contact": r[7]} for r in rows}
    finally:
        db.close()
    return out


def _limit_memory() -> None:  # runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (WORKER_ADDRESS_SPACE, WORKER_ADDRESS_SPACE))


def run_worker(args: list[str], timeout: float = WORKER_TIMEOUT) -> tuple[int, str, str, float, float]:
    """Run ``python -m tests.reliability.run --worker …``; (rc, stdout, stderr, peak MB, wall s)."""
    with tempfile.TemporaryDirectory(prefix="peakdesk-worker-") as tmp:
        peak_file = Path(tmp) / "peak-kb"
        env = {**os.environ, "PYTHONPATH": str(ROOT), PEAK_FILE_ENV: str(peak_file)}
        rc, stdout, stderr, inherited_mb, wall = _run(args, env, timeout)
        # ru_maxrss of a child starts at its parent's RSS at fork time (the test process: ~300 MB by the end
        # of a full run); the worker's own high-water mark (VmHWM, reset by exec) is what it used.
        try:
            return rc, stdout, stderr, int(peak_file.read_text()) / 1024, wall
        except (OSError, ValueError):  # killed before it could say: the inherited figure is an upper bound
            return rc, stdout, stderr, inherited_mb, wall


PEAK_FILE_ENV = "PEAKDESK_WORKER_PEAK_FILE"


def _own_peak_kb() -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _run(args: list[str], env: dict[str, str], timeout: float) -> tuple[int, str, str, float, float]:
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.run", "--worker", *args],
                                stdout=out, stderr=err, env=env, cwd=ROOT, preexec_fn=_limit_memory)
        deadline = started + timeout
        status, usage = 0, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        peak_mb = usage.ru_maxrss / 1024 if usage else 0.0  # Linux: KiB
        return proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), \
            peak_mb, wall


# --- the corpus table ----------------------------------------------------------------------------------

def dump_digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for line in conn.iterdump():
            h.update(line.encode("utf-8"))
        return h.hexdigest()
    finally:
        conn.close()


@dataclass
class Row:
    case: str
    category: str
    expect: str
    outcome: str = ""
    message: str = ""
    db_unchanged: bool | None = None
    peak_mb: float = 0.0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-6
    return bool(a == b)


def evaluate(case: Any, corpus_dir: Path, db_copy: Path, run: tuple[int, str, str, float, float],
             before: str, max_seconds: float | None = MAX_SECONDS) -> Row:
    rc, stdout, stderr, peak_mb, wall = run
    row = Row(case.name, case.category, case.expect, peak_mb=peak_mb)
    if rc != 0:
        # killed by a signal (a native abort): its first line says why; a Python traceback: its last
        lines = [ln for ln in stderr.strip().splitlines() if ln.strip()] or [f"exit {rc}"]
        last = lines[0] if rc < 0 else lines[-1]
        row.outcome = "CRASHED"
        row.message = last[:160]
        row.failures.append(f"worker exit {rc}: {last}")
        row.seconds = wall
        row.db_unchanged = dump_digest(db_copy) == before
        return row
    data = json.loads(stdout)
    row.seconds = float(data["seconds"])
    errors = data.get("errors") or []
    row.message = (errors[0]["text"] if errors else "").replace("\n", " ")
    after = dump_digest(db_copy)
    row.db_unchanged = after == before
    status = data["status"]
    if case.expect == "rejected":
        row.outcome = "rejected cleanly" if status == "rejected" else f"{status} (expected rejection)"
        if status != "rejected":
            row.failures.append(f"status {status}")
        if not errors:
            row.failures.append("no message")
        if any(e["file"] != case.file for e in errors):
            row.failures.append("a message does not name the file")
        named = {f"{e['sheet']}!{e['cell']}" for e in errors}
        missing = [c for c in case.cells if c not in named]
        if missing:
            row.failures.append(f"cell(s) not named: {', '.join(missing)}")
        if case.message and not any(case.message.lower() in e["message"].lower() for e in errors):
            row.failures.append(f"no message mentions {case.message!r}")
        if not row.db_unchanged:
            row.failures.append("database changed")
    else:
        row.outcome = "accepted by rule" if status == "accepted" else f"{status} (expected acceptance)"
        row.message = case.rule if status == "accepted" else row.message
        if status != "accepted":
            row.failures.append(f"status {status}: {row.message[:100]}")
        stored = data.get("stored", {})
        for code, want in case.values.items():
            got = stored.get(code, {})
            for key, value in want.items():
                if not _close(got.get(key), value):
                    row.failures.append(f"task {code} {key}: stored {got.get(key)!r}, rule says {value!r}")
    if peak_mb >= MAX_MEMORY_MB:
        row.failures.append(f"peak memory {peak_mb:.0f} MB")
    if max_seconds is not None and row.seconds >= max_seconds:   # `make reliability` only
        row.failures.append(f"time {row.seconds:.1f} s")
    return row


def run_corpus(corpus: Any, work: Path, log: Any = print) -> list[Row]:
    rows = []
    for case in corpus.cases:
        db_copy = work / f"{case.name}.sqlite"
        shutil.copy(corpus.db, db_copy)
        before = dump_digest(db_copy)
        run = run_worker([str(db_copy), str(corpus.path(case)), corpus.dept_a, "2025-10"])
        row = evaluate(case, corpus.folder, db_copy, run, before)
        rows.append(row)
        db_copy.unlink()
        log(f"  {case.name:28} {row.outcome:18} {'ok' if row.ok else 'FAIL: ' + '; '.join(row.failures)}")
    return rows


def table(rows: list[Row]) -> str:
    head = ("case", "expect", "outcome", "message (excerpt)", "db unchanged", "peak MB", "time s", "ok")
    body = []
    for r in rows:
        unchanged = "yes" if r.db_unchanged else ("n/a (accepted)" if r.outcome == "accepted by rule" else "NO")
        body.append((r.case, r.expect, r.outcome, _excerpt(r.message), unchanged, f"{r.peak_mb:.0f}",
                     f"{r.seconds:.2f}", "ok" if r.ok else "FAIL"))
    rejected = [r for r in rows if r.outcome == "rejected cleanly"]
    summary = ("SUMMARY", f"{len(rows)} tried", f"{len(rejected)} rejected cleanly, "
               f"{sum(r.outcome == 'accepted by rule' for r in rows)} accepted by rule",
               f"{sum(not r.ok for r in rows)} failed",
               f"{sum(bool(r.db_unchanged) for r in rejected)}/{len(rejected)} rejections",
               f"{max((r.peak_mb for r in rows), default=0):.0f} worst",
               f"{max((r.seconds for r in rows), default=0):.2f} worst", "ok" if all(r.ok for r in rows) else "FAIL")
    lines = [" | ".join(x) for x in (head, *body)]
    failures = [f"  FAIL {r.case}: {'; '.join(r.failures)}" for r in rows if not r.ok]
    return "\n".join(align([*lines, " | ".join(summary)]) + failures)


def _excerpt(text: str, n: int = 60) -> str:
    out, width = "", 0
    for ch in text:
        w = 2 if ord(ch) > 0x2E80 else 1
        if width + w > n:
            return out + "…"
        out += ch
        width += w
    return out


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def align(lines: list[str]) -> list[str]:
    """Pad ' | '-separated rows into columns (the first row is the header); other lines as they are."""
    rows = [ln.split(" | ") for ln in lines if " | " in ln]
    ncol = max((len(r) for r in rows), default=0)
    widths = [max((_width(r[i]) for r in rows if len(r) > i), default=0) for i in range(ncol)]
    out = []
    for i, ln in enumerate(lines):
        if " | " not in ln:
            out.append(ln)
            continue
        out.append(" | ".join(_pad(c, w) for c, w in zip(ln.split(" | "), widths, strict=False)).rstrip())
        if i == 0 and not (len(lines) > 1 and lines[1].startswith("-")):
            out.append("-+-".join("-" * w for w in widths))
    return out


def _report(lines: list[str]) -> None:
    print()
    for line in align(lines):
        print(line)
    print()


# --- main ----------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        try:
            print(json.dumps(worker(*argv[1:5]), ensure_ascii=False))
        finally:
            peak, target = _own_peak_kb(), os.environ.get(PEAK_FILE_ENV)
            # The workbook is read in a reader child (services.reader_process): its peak counts too. Its
            # ru_maxrss includes what it shared with this worker at fork time, so the figure is an upper bound.
            from desktop_app.services import reader_process

            reader_process.pool().close()
            import resource

            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            if peak is not None and target:
                Path(target).write_text(str(max(peak, children)))
        return 0
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller corpus, fewer crash runs")
    parser.add_argument("--only", default="corpus,crash,safety,fuzz",
                        help="comma-separated: corpus, crash, safety, fuzz")
    parser.add_argument("--crash-runs", type=int, default=None, help="SIGKILL runs per target (default 50)")
    parser.add_argument("--corpus-dir", type=Path, default=None, help="where to generate the corpus")
    args = parser.parse_args(argv)
    _checkout()
    parts = set(args.only.split(","))
    ok = True
    with tempfile.TemporaryDirectory(prefix="peakdesk-reliability-") as tmp:
        work = Path(tmp)
        if "corpus" in parts:
            from tests.data.make_corpus import CORPUS_DIR, build_corpus

            print("Hostile and broken files")
            started = time.perf_counter()
            corpus = build_corpus(args.corpus_dir or CORPUS_DIR, quick=args.quick)
            print(f"  corpus: {len(corpus.cases)} files generated in {time.perf_counter() - started:.1f} s "
                  f"({corpus.folder})")
            rows = run_corpus(corpus, work)
            _report(table(rows).splitlines())
            ok &= all(r.ok for r in rows)
        if "crash" in parts:
            from tests.reliability.crash import run_crash_suite

            runs = args.crash_runs or (8 if args.quick else 50)
            print(f"Crash safety: SIGKILL at random points, {runs} runs per target")
            results = run_crash_suite(work / "crash", runs=runs, log=print)
            _report(results.table())
            ok &= results.ok
        if "safety" in parts:
            from tests.reliability.safety import run_safety_suite

            print("Data safety (issue 13)")
            safety = run_safety_suite(work / "safety", log=print)
            _report(safety.table())
            ok &= safety.ok
        if "fuzz" in parts:
            from tests.reliability.fuzz import run_fuzz_suite

            examples = int(os.environ.get("PEAKDESK_FUZZ_EXAMPLES", "300"))
            print(f"Fuzzing: {examples} examples per target")
            fuzz = run_fuzz_suite(work / "fuzz", examples=examples, log=print)
            _report(fuzz.table())
            ok &= fuzz.ok
    print("reliability: ALL ROWS HOLD" if ok else "reliability: FAILURES (see rows marked FAIL)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
