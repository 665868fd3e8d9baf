"""Read untrusted files in child processes: a crash of the native reader rejects that file, nothing more.

python-calamine is Rust; an allocation it cannot make aborts the whole process (SIGABRT) — no exception,
no cleanup. The structural screening (``exchange.safe_xlsx.screen_parts``) refuses every far extent it
knows of, but a reader bug it does not know of must still never take the program, a folder merge's other
files or its open transaction with it. So each untrusted workbook is read in a child process
(``python -m desktop_app.services.reader_process``): the parent sends a job (a module-level function and
its argument) and gets the result back; a child that dies, runs out of its memory cap or takes longer
than ``TIMEOUT_S`` is replaced, and the job's answer is ``ChildDied`` with what happened, which the caller
turns into a rejection of that one file, naming it.

Children are kept and reused (starting Python and importing the readers costs ~0.3 s); they end when
the parent exits (their stdin closes). Jobs and results travel as pickles over the child's stdin/stdout.
Nothing here holds a database connection: reading happens before any write transaction.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

TIMEOUT_S = 60.0                        # a screened exchange workbook reads in well under a second
MEMORY_CAP_BYTES = 1536 * 1024 * 1024   # address space of a reader child (POSIX): a runaway allocation fails there
MAX_CHILDREN = 4
_HEADER = struct.Struct("<Q")
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


@dataclass(frozen=True)
class ChildDied:
    """The child reading a file died (a native crash), was killed after ``TIMEOUT_S`` or failed unexpectedly."""

    how: str          # "crashed" | "timeout" | "error"
    detail: str       # exit code / signal, or the exception


def _send(stream: IO[bytes], obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError
    (size,) = _HEADER.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


class _Child:
    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (PACKAGE_ROOT, os.environ.get("PYTHONPATH", "")) if p)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_app.services.reader_process", str(MEMORY_CAP_BYTES)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            cwd=PACKAGE_ROOT)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        import signal

        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class ReaderPool:
    """Child processes that run reading jobs, one job per child at a time (callable from several threads)."""

    def __init__(self, timeout: float = TIMEOUT_S) -> None:
        self.timeout = timeout
        self._idle: list[_Child] = []
        self._lock = threading.Lock()

    def _take(self) -> _Child:
        with self._lock:
            while self._idle:
                child = self._idle.pop()
                if child.alive():
                    return child
                child.kill()
        return _Child()

    def _give_back(self, child: _Child) -> None:
        with self._lock:
            if child.alive() and len(self._idle) < MAX_CHILDREN:
                self._idle.append(child)
                return
        child.kill()

    def run(self, func: Callable[[Any], Any], arg: Any) -> Any:
        """``func(arg)`` in a child; its result, or ``ChildDied`` when the child did not answer."""
        child = self._take()
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            child.kill()

        timer = threading.Timer(self.timeout, expire)
        timer.daemon = True
        try:
            timer.start()
            assert child.proc.stdin is not None and child.proc.stdout is not None
            _send(child.proc.stdin, (func.__module__, func.__qualname__, arg))
            status, value = _receive(child.proc.stdout)
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):
            timer.cancel()
            child.kill()
            if expired.is_set():
                return ChildDied("timeout", f"no answer within {self.timeout:.0f} s")
            return ChildDied("crashed", _describe_exit(child.proc.returncode))
        finally:
            timer.cancel()
        self._give_back(child)
        if status == "error":
            return ChildDied("error", str(value))
        return value

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for child in idle:
            with contextlib.suppress(OSError):
                if child.proc.stdin is not None:
                    child.proc.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.proc.wait(timeout=5)
            child.kill()


_pool: ReaderPool | None = None
_pool_lock = threading.Lock()


def pool() -> ReaderPool:
    """The process-wide pool (children are reused across merges; they end with this process)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ReaderPool()
            atexit.register(_pool.close)
        return _pool


def run_isolated(func: Callable[[Any], Any], arg: Any) -> Any:
    return pool().run(func, arg)


# --- the child ------------------------------------------------------------------------------------------

def _limit_memory(cap: int) -> None:
    try:
        import resource
    except ImportError:         # Windows: no address-space limit; the screening bounds what is read
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def child_main(argv: list[str]) -> int:
    cap = int(argv[0]) if argv else MEMORY_CAP_BYTES
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr             # a stray print must not corrupt the answers
    _limit_memory(cap)
    while True:
        try:
            module, name, arg = _receive(stdin)
        except EOFError:
            return 0
        try:
            func: Any = importlib.import_module(module)
            for part in name.split("."):
                func = getattr(func, part)
            answer: tuple[str, Any] = ("ok", func(arg))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as this file's failure
            answer = ("error", f"{type(exc).__name__}: {exc}"[:500])
        try:
            _send(stdout, answer)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
            _send(stdout, ("error", f"{type(exc).__name__}: {exc}"[:500]))


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
