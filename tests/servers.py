"""Real servers for the tests and benchmarks that need them: a throw-away PostgreSQL cluster
(Debian's postgresql, in a temporary folder, on a Unix socket only) and the Java that Spark's local
mode runs on. Each `start_*` raises `ServerUnavailable` with the reason when it cannot start."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class ServerUnavailable(RuntimeError):
    pass


@dataclass
class Postgres:
    url: str
    folder: Path
    bindir: Path
    as_user: list[str]

    def new_database(self, name: str) -> str:
        """A fresh database on this cluster; its URL."""
        subprocess.run([*self.as_user, str(self.bindir / "createdb"), "-h", str(self.folder), "-p", self.port,
                        "-U", "postgres", name], check=True, capture_output=True)
        return self.url.replace("/postgres?", f"/{name}?", 1)

    @property
    def port(self) -> str:
        return self.url.rsplit("port=", 1)[1].split("&")[0]

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "stop"], capture_output=True, check=False)  # already stopped is stopped
        shutil.rmtree(self.folder, ignore_errors=True)


def _postgres_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServerUnavailable("PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql")


def start_postgres() -> Postgres:
    """initdb and start a cluster in a new temporary folder, listening on a Unix socket there only
    (as the `postgres` user when run as root: the server refuses to run as root)."""
    bindir = _postgres_bindir()
    folder = Path(tempfile.mkdtemp(prefix="annalist-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if not runuser:
            raise ServerUnavailable("running as root without runuser to start PostgreSQL as the postgres user")
        shutil.chown(folder, "postgres")
        as_user = [runuser, "-u", "postgres", "--"]
    port = str(_free_port())
    data = folder / "data"
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
                        f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off",
                        "start"], check=True, capture_output=True, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        log = (folder / "log").read_text(errors="replace")[-500:] if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(exc, "stderr", b"") or b""
        raise ServerUnavailable(f"PostgreSQL did not start: {detail.decode(errors='replace')[-300:]} {log}") from None
    return Postgres(f"postgresql:///postgres?host={folder}&port={port}&user=postgres", folder, bindir, as_user)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_java() -> None:
    """Spark's local mode needs Java 17 or newer on PATH (or JAVA_HOME)."""
    java = shutil.which("java") or (os.environ.get("JAVA_HOME") and os.path.join(os.environ["JAVA_HOME"], "bin", "java"))
    if not java or not os.path.exists(java):
        raise ServerUnavailable("no Java for Spark's local mode: apt-get install openjdk-17-jre-headless")
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise ServerUnavailable("pyspark is not installed (make setup installs it)") from None
