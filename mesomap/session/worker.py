"""Injection-grid layouts off the UI process: pure jobs and the worker that runs them.

The first layout of a zone builds its solver (the zone's flat charts: sparse
solves in scipy), which holds Python's GIL for up to ~0.5 s on a big zone: a
worker *thread* would still freeze the window for that long. So layouts run
in one worker *process* (``python -m mesomap.session.worker``) that loads the
painting surface itself and keeps its own solver cache
(``mesomap.model.grid.solver_for``); a job ships a zone (~80 kB) and gets
injection points back (~15 kB), ~2 ms round trip. Same inputs, same seed, same
points as the command line (``model.grid.layout_zone``).

If a process cannot be started (a frozen build, a locked-down machine) the
jobs run in a thread instead: slower to respond, same results.

This module imports no Qt: the worker process imports it to run the jobs.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mesomap.model.plan import InjectionPoint, Zone
from mesomap.session.prefetch import surface_for

_surfaces: dict = {}  # body id or shaped body key -> PaintingSurface, in whichever process runs the jobs
_surface_lock = threading.Lock()


def job_surface(body_id: str):
    """The body's painting surface in whichever process runs the job (in the app's own process, the
    one the window already loaded)."""
    with _surface_lock:
        surface = _surfaces.get(body_id)
        if surface is None:
            surface = surface_for(body_id)
            for old in [k for k in _surfaces if isinstance(k, tuple)]:  # keep one shaped body (≈100 MB each)
                del _surfaces[old]
            _surfaces[body_id] = surface
        return surface


# -- jobs (module-level functions: they are pickled by name) ----------------------------------------

def warm_job(body_id: str) -> bool:
    """Load the body's painting surface and its normals so the first real layout does not wait."""
    job_surface(body_id).vertex_normals  # noqa: B018
    return True


def layout_job(body_id: str, zone: Zone, seed: int = 0, limit=None) -> tuple[InjectionPoint, ...]:
    """The zone's full injection grid in injection order (pinned points kept): ``model.grid.layout_zone``
    (``limit``: a GridLimit, default the per-zone limit)."""
    from mesomap.model.grid import GridLimit, layout_zone

    return layout_zone(zone, job_surface(body_id), seed, limit=limit or GridLimit())


def preview_job(body_id: str, zone: Zone, seed: int = 0) -> tuple[InjectionPoint, ...]:
    """A quick preview of the grid (no thinning or hole filling: ≈15–30 ms once the solver exists)."""
    from mesomap.model.grid import layout_zone

    return layout_zone(zone, job_surface(body_id), seed, fix=False)


# -- the worker ------------------------------------------------------------------------------------

def is_job(fn) -> bool:
    """Jobs are module-level functions of mesomap (pickled by name: the worker imports their module)."""
    return callable(fn) and getattr(fn, "__module__", "").startswith("mesomap.") and "<" not in fn.__qualname__
_HEADER = struct.Struct("<Q")


class WorkerDied(RuntimeError):
    """The worker process ended while jobs were waiting."""


class LayoutCancelled(RuntimeError):
    """The user cancelled: the worker process was stopped with this job running or waiting."""


def _write_frame(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_frame(stream):
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


class _ProcessExecutor:
    """One ``python -m mesomap.session.worker`` child fed pickled (id, job name, args) frames on stdin,
    answering (id, ok, value) frames on its own pipe; jobs run one after another.

    A plain subprocess rather than multiprocessing: spawning through multiprocessing re-imports
    the parent's ``__main__`` (a script that opens a window would open another in the child).
    """

    def __init__(self):
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
        self._proc = subprocess.Popen([sys.executable, "-m", "mesomap.session.worker"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, env=env, cwd=package_root)
        self._lock = threading.Lock()
        self._futures: dict[int, Future] = {}
        self._next = 0
        self.dead = False
        self.killed = False  # stopped on purpose (cancel): waiting jobs end with LayoutCancelled
        # Frames are written by a thread: a pipe holds ~64 kB, the child reads the next job only when it
        # has finished the last one, and a zone is ~80 kB — a direct write would block the UI meanwhile.
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, name="mesomap-layout-writer", daemon=True)
        self._reader = threading.Thread(target=self._read, name="mesomap-layout-reader", daemon=True)
        self._writer.start()
        self._reader.start()

    def submit(self, fn, *args) -> Future:
        if not is_job(fn):
            raise ValueError(f"{fn!r} is not a job (a module-level function of mesomap)")
        future: Future = Future()
        with self._lock:
            if self.dead:
                raise WorkerDied("the layout worker process has ended")
            self._next += 1
            job_id = self._next
            self._futures[job_id] = future
        self._outbox.put((job_id, fn, args))
        return future

    def _write(self) -> None:
        while True:
            frame = self._outbox.get()
            if frame is None:
                break
            try:
                _write_frame(self._proc.stdin, frame)
            except (OSError, ValueError):  # the child is gone: the reader fails what is waiting
                break
        try:
            self._proc.stdin.close()
        except OSError:
            pass

    def _read(self) -> None:
        stream = self._proc.stdout
        while True:
            try:
                frame = _read_frame(stream)
            except Exception:  # noqa: BLE001 — a damaged frame: the worker is unusable
                frame = None
            if frame is None:
                break
            job_id, ok, value = frame
            with self._lock:
                future = self._futures.pop(job_id, None)
            if future is not None:
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        with self._lock:
            self.dead = True
            waiting, self._futures = list(self._futures.values()), {}
        for future in waiting:
            future.set_exception(LayoutCancelled("cancelled") if self.killed
                                 else WorkerDied("the layout worker process ended during the job"))

    @property
    def idle(self) -> bool:
        with self._lock:
            return not self._futures

    def kill(self) -> None:
        """Stop the child now, whatever it is doing (its jobs end with LayoutCancelled)."""
        with self._lock:
            self.killed = self.dead = True
        self._outbox.put(None)
        self._proc.kill()
        threading.Thread(target=self._reap, daemon=True).start()

    def shutdown(self, wait: bool = False, cancel_futures: bool = True) -> None:
        with self._lock:
            self.dead = True
        self._outbox.put(None)  # the writer closes the child's stdin after what is queued: it then exits
        if wait:
            self._writer.join(2.0)
            try:
                self._proc.wait(2.0)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        elif self._proc.poll() is None:
            threading.Thread(target=self._reap, daemon=True).start()

    def _reap(self) -> None:
        try:
            self._proc.wait(5.0)
        except subprocess.TimeoutExpired:
            self._proc.kill()


def serve() -> None:
    """The worker process: answer job frames from stdin until it closes."""
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else printed (by C libraries too) goes to stderr, not into the channel
    sys.stdout = sys.stderr
    stdin = sys.stdin.buffer
    while True:
        frame = _read_frame(stdin)
        if frame is None:
            return
        job_id, fn, args = frame
        try:
            if not is_job(fn):
                raise ValueError(f"{fn!r} is not a job")
            reply = (job_id, True, fn(*args))
        except BaseException as err:  # noqa: BLE001 — handed back to the caller
            reply = (job_id, False, err)
        try:
            _write_frame(channel, reply)
        except (pickle.PicklingError, TypeError, AttributeError):
            _write_frame(channel, (job_id, False, RuntimeError(f"{type(reply[2]).__name__}: {reply[2]}")))
        except (BrokenPipeError, OSError):
            return


class InlineWorker:
    """Runs each job at once, in the caller's thread (the command line: nothing to keep responsive)."""

    kind = "inline"
    use_process = False

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as err:  # noqa: BLE001 — handed to the caller like a worker's error
            future.set_exception(err)
        return future

    def cancel_running(self) -> bool:
        return False

    def fall_back_to_thread(self) -> None:
        pass

    def shutdown(self, wait: bool = False) -> None:
        pass


class LayoutWorker:
    """Runs layout jobs one at a time, in a worker process (or a thread when processes fail)."""

    def __init__(self, use_process: bool = True):
        self._lock = threading.Lock()
        self._executor = None
        self.use_process = use_process
        self.kind = ""  # "process" or "thread" once started

    def _start(self):
        if self._executor is None:
            if self.use_process:
                try:
                    self._executor = _ProcessExecutor()
                    self.kind = "process"
                except OSError:
                    self.use_process = False
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mesomap-layout")
                self.kind = "thread"
        return self._executor

    def submit(self, fn, *args) -> Future:
        """Run ``fn(*args)`` in the worker; a worker process that died is replaced by a thread."""
        with self._lock:
            executor = self._start()
            try:
                return executor.submit(fn, *args)
            except WorkerDied:
                self._drop_process()
                return self._start().submit(fn, *args)

    def _drop_process(self) -> None:
        if self.kind == "process" and self._executor is not None:
            self._executor.shutdown(wait=False)
            self._executor, self.use_process, self.kind = None, False, ""

    def cancel_running(self) -> bool:
        """Stop the job the worker process is running and drop those waiting (True if any was stopped).

        The next job starts a fresh process (the body loads again there, ~1 s). A thread cannot be
        stopped: its job runs to the end and the caller drops the result."""
        with self._lock:
            executor = self._executor
            if self.kind != "process" or executor is None or executor.idle:
                return False
            executor.kill()
            self._executor, self.kind = None, ""
            return True

    def fall_back_to_thread(self) -> None:
        """After a job failed with WorkerDied: run the next jobs in a thread."""
        with self._lock:
            self._drop_process()

    def shutdown(self, wait: bool = False) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=wait, cancel_futures=True)
                self._executor = None
                self.kind = ""


_worker: LayoutWorker | None = None


def worker() -> LayoutWorker:
    """The app's shared layout worker (one process for every window)."""
    global _worker
    if _worker is None:
        _worker = LayoutWorker()
        atexit.register(_worker.shutdown, True)
    return _worker


if __name__ == "__main__":
    serve()
