"""A real PostgreSQL server for the tests: one fresh database per test.

The server is `SCENARIOS_TEST_POSTGRES` (default: the local one on
127.0.0.1:5432, trust auth). Where none answers, the tests that need it are
skipped with that reason — unless `SCENARIOS_REQUIRE_POSTGRES=1` (set by
`.ci/run`, which starts a server), where they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest

ADMIN_URL = os.environ.get(
    "SCENARIOS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def unavailable_reason() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when a server answers."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"no PostgreSQL server answers at {ADMIN_URL}: {str(error).strip()[:120]}"


def require_server() -> None:
    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get("SCENARIOS_REQUIRE_POSTGRES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def database_url(name: str) -> str:
    base, _, _ = ADMIN_URL.rpartition("/")
    return f"{base}/{name}"


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards."""
    import psycopg

    require_server()
    name = f"scenarios_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield database_url(name)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# A private server, for the tests that restart it ---------------------------


def _postgres_bin() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: `pg_config --bindir`, else Debian's newest."""
    found = shutil.which("pg_config")
    if found:
        folder = subprocess.run(
            [found, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if folder and (Path(folder) / "initdb").exists():
            return Path(folder)
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return debian[-1].parent if debian else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@attrs.define
class PrivateServer:
    """A PostgreSQL server of its own (a throwaway cluster): restarting it disturbs nobody."""

    url: str
    data: Path
    port: int
    bin: Path
    run_as: list[str]

    def pg_ctl(self, *args: str) -> None:
        # The server's output goes to its log: a pipe it inherited would never close.
        subprocess.run(
            [*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60",
             "-l", str(self.data.parent / "log"), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def restart(self) -> None:
        """`pg_ctl restart -m fast`, what `pg_ctlcluster … restart` does: sessions are cut."""
        self.pg_ctl("-m", "fast", "restart")


@contextmanager
def private_server() -> Iterator[PrivateServer]:
    """A new cluster in a temporary folder on a free port (skipped where PostgreSQL's
    programs are missing), stopped and removed afterwards."""
    folder = _postgres_bin()
    if folder is None:
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed: no server to restart")
    run_as: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("running as root without runuser: cannot start a private PostgreSQL server")
        run_as = [runuser, "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="scenarios-pg-"))
    data = base / "data"
    if run_as:
        shutil.chown(base, "postgres")
    port = _free_port()
    subprocess.run(
        [*run_as, str(folder / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
         "--no-sync", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    server = PrivateServer(
        f"postgresql://postgres@127.0.0.1:{port}/postgres", data, port, folder, run_as
    )
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    try:
        server.pg_ctl("-o", options, "start")
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(base, ignore_errors=True)
