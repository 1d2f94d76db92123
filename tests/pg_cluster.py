"""A throwaway PostgreSQL cluster for the tests: Debian's server binaries, a data directory in /tmp, a unix
socket only (no TCP port, so clusters of parallel test runs never collide), trust authentication, and no
fsync (the data is thrown away). ``start_cluster`` skips the calling test when the binaries or the driver are
missing.

initdb and the server refuse to run as root; as root they run as the ``postgres`` user (``nobody`` when there
is none), in a directory that user owns.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

log = logging.getLogger(__name__)

SUPERUSER = "spotrep"
PORT = 5432  # only names the socket file, in the cluster's own directory
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "40",
    "shared_buffers": "32MB",
}


def server_bindir() -> Path | None:
    """Where initdb and pg_ctl are: ``$SPOTREP_PG_BINDIR``, else ``pg_config --bindir``, else the newest
    ``/usr/lib/postgresql/*/bin``."""
    candidates: list[str] = []
    if os.environ.get("SPOTREP_PG_BINDIR"):
        candidates.append(os.environ["SPOTREP_PG_BINDIR"])
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(out.stdout.strip())
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(
        versions, key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0
    )[::-1]
    for directory in candidates:
        path = Path(directory)
        if all(os.access(path / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return path
    return None


def _run_as() -> pwd.struct_passwd | None:
    """The user the server runs as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    pytest.skip("running as root and there is neither a postgres nor a nobody user to run PostgreSQL as")


@dataclass
class Cluster:
    root: Path
    bindir: Path
    user: pwd.struct_passwd | None

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}&port={PORT}"

    def admin(self):
        """An autocommit connection to the ``postgres`` database (for CREATE/DROP DATABASE)."""
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir), port=PORT, user=SUPERUSER, dbname="postgres", autocommit=True
        )

    def create_database(self, name: str, *, collation: str | None = None) -> str:
        """A new database (in the cluster's C locale, or sorting text by ``collation``: see
        ``create_collated_database``)."""
        locale = ""
        if collation is not None:
            locale = f" LOCALE_PROVIDER icu ICU_LOCALE '{collation}' LOCALE 'C'"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'{locale}")
        return self.url(name)

    def create_collated_database(self, name: str, collation: str = "en-US") -> str:
        """A new database whose default collation is ICU's ``collation`` (one that, unlike C, sorts case and
        punctuation after the letters); skips the calling test when the server can not (no ICU support, or
        a PostgreSQL before 15)."""
        import psycopg

        try:
            return self.create_database(name, collation=collation)
        except psycopg.Error as exc:
            pytest.skip(f"PostgreSQL can not make a database collated by ICU's {collation!r}: {exc}")

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _tool(cluster_user: pwd.struct_passwd | None, args: list[str], log_to: Path | None = None) -> None:
    kwargs: dict = {
        "capture_output": True,
        "text": True,
        "check": False,
        "env": {**os.environ, "LC_ALL": "C"},
    }
    if cluster_user is not None:
        kwargs.update(user=cluster_user.pw_uid, group=cluster_user.pw_gid, extra_groups=[])
        kwargs["env"]["HOME"] = "/"
    out = subprocess.run(args, **kwargs)
    if out.returncode != 0:
        tail = log_to.read_text(errors="replace")[-2000:] if log_to and log_to.exists() else ""
        raise RuntimeError(f"{Path(args[0]).name} failed ({out.returncode}): {out.stderr.strip()}\n{tail}")


@contextlib.contextmanager
def start_cluster() -> Iterator[Cluster]:
    """Start a throwaway cluster; stop it and remove its files afterwards. Skips when PostgreSQL's server
    binaries or the psycopg driver are missing."""
    bindir = server_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql package"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("the psycopg driver is not installed (pip install 'spotrep[postgres]')")
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="spotrep-pg-", dir="/tmp"))  # short: a socket path has ~100 bytes
    data, logfile = root / "data", root / "server.log"
    try:
        if user is not None:
            os.chown(root, user.pw_uid, user.pw_gid)
        _tool(user, [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                     "--locale=C", "--no-sync"])  # fmt: skip
        options = " ".join(f"-c {k}={v}" for k, v in SETTINGS.items())
        _tool(
            user,
            [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(logfile), "-w", "-t", "60",
             "-o", f"-k {root} -p {PORT} {options}", "start"],
            log_to=logfile,
        )  # fmt: skip
        try:
            yield Cluster(root=root, bindir=bindir, user=user)
        finally:
            _tool(user, [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(root)
