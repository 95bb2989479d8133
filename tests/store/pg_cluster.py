"""A throw-away PostgreSQL cluster for tests and benchmarks: ``initdb`` + ``pg_ctl`` on a free port in a temp folder.

Uses Debian's server binaries (``/usr/lib/postgresql/*/bin``, the ``postgresql`` package). PostgreSQL
refuses to run as root, so as root the cluster runs as the ``postgres`` user (or ``nobody``) via
``runuser``. Trust authentication on 127.0.0.1 only; the data folder is deleted on stop.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class ClusterError(RuntimeError):
    pass


def server_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise ClusterError(f"no {name}: install the postgresql package (apt-get install postgresql)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user() -> tuple[list[str], str | None]:
    """The command prefix that runs the server as a non-root user, and that user (None: ourselves)."""
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"], user
    raise ClusterError("running as root and there is no postgres or nobody user to run the server as")


@dataclass
class Cluster:
    folder: Path
    port: int
    prefix: list[str]

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://mesomap@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://mesomap@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=mesomap dbname=postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=mesomap dbname=postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run([*self.prefix, server_bin("pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(fast: bool = True) -> Cluster:
    """Start a new cluster (superuser ``mesomap``, trust auth on 127.0.0.1); ``fast``: no fsync (tests only)."""
    prefix, user = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="mesomap-pg-"))
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data, log = folder / "data", folder / "server.log"
    run = lambda *cmd: subprocess.run([*prefix, *cmd], capture_output=True, text=True, timeout=180)  # noqa: E731
    done = run(server_bin("initdb"), "-D", str(data), "-U", "mesomap", "-A", "trust", "-E", "UTF8",
               "--locale=C.UTF-8")
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise ClusterError(f"initdb failed: {done.stderr.strip()[-500:]}")
    port = free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    if fast:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    done = run(server_bin("pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60", "start")
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-500:] if log.exists() else done.stderr
        shutil.rmtree(folder, ignore_errors=True)
        raise ClusterError(f"pg_ctl start failed: {tail.strip()}")
    return Cluster(folder, port, prefix)
