"""A throwaway Dovecot IMAP server for the local stack and the tests, started as a child process.

Needs the Debian package ``dovecot-imapd`` (``apt-get install -y dovecot-imapd``; it pulls in
dovecot-core, which also creates the ``dovecot`` and ``dovenull`` system users used below when running
as root). Everything lives in a short temporary directory (UNIX socket paths must stay under 108
bytes, so pytest's long tmp paths are not used): config, passwd-file, base_dir, state_dir, log and
maildirs. It listens on 127.0.0.1 on a free port, plaintext (``ssl = no``), one user with a static
password, so it never collides with a system Dovecot.

Mail processes never run as root (Dovecot refuses uid 0, and imap-login refuses root): as root the
mailbox belongs to ``nobody``; as another user everything runs as that user.
"""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from aduan.ports import free_port

USER = "pengaduan"
PASSWORD = "rahasia-uji"


def dovecot_binary() -> str | None:
    return shutil.which("dovecot") or next((p for p in ("/usr/sbin/dovecot",) if os.path.exists(p)), None)


def dovecot_version(binary: str) -> tuple[int, int]:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10).stdout
    match = re.match(r"(\d+)\.(\d+)", out.strip())
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _accounts() -> tuple[str, str, int, int]:
    """(internal user, login user, mail uid, mail gid) for the current process."""
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid())
        return me.pw_name, me.pw_name, me.pw_uid, me.pw_gid
    names = {p.pw_name for p in pwd.getpwall()}
    internal = "dovecot" if "dovecot" in names else "nobody"
    login = "dovenull" if "dovenull" in names else "nobody"
    nobody = pwd.getpwnam("nobody")
    return internal, login, nobody.pw_uid, nobody.pw_gid


def _internal_group_line() -> str:
    # Not root: sockets Dovecot would chown to group "dovecot" must stay in our own group.
    return "" if os.geteuid() == 0 else f"default_internal_group = {grp.getgrgid(os.getegid()).gr_name}\n"


def _config_v23(root: Path, port: int, internal: str, login: str, uid: int, gid: int) -> str:
    # Dovecot 2.3 syntax (Debian 12). 2.4 renamed most of these; see _config_v24.
    return f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = aduan-test-{port}
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal}
{_internal_group_line()}default_login_user = {login}
first_valid_uid = 1
first_valid_gid = 0
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
{'' if os.geteuid() == 0 else '  chroot =' + chr(10)}}}
"""


def _config_v24(root: Path, port: int, internal: str, login: str, uid: int, gid: int) -> str:
    # Dovecot 2.4 syntax (Debian 13), written from the 2.4 settings reference; only 2.3 is exercised here.
    return f"""
dovecot_config_version = 2.4.0
dovecot_storage_version = 2.4.0
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = aduan-test-{port}
log_path = {root}/dovecot.log
ssl = no
auth_allow_cleartext = yes
auth_mechanisms = plain login
default_internal_user = {internal}
{_internal_group_line()}default_login_user = {login}
first_valid_uid = 1
first_valid_gid = 0
mail_driver = maildir
mail_path = {root}/mail/%{{user}}
passdb passwd-file {{
  passwd_file_path = {root}/passwd
}}
userdb static {{
  fields {{
    uid = {uid}
    gid = {gid}
    home = {root}/home/%{{user}}
  }}
}}
service imap-login {{
  inet_listener imap {{
    listen = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
{'' if os.geteuid() == 0 else '  chroot =' + chr(10)}}}
"""


@dataclass
class DovecotServer:
    host: str
    port: int
    user: str
    password: str
    root: Path
    binary: str
    _process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def log_path(self) -> Path:
        return self.root / "dovecot.log"

    def start(self, timeout_s: float = 10.0) -> None:
        """Start (again, same port and mailboxes): fault tests stop and restart the server."""
        if self._process is not None and self._process.poll() is None:
            return
        self._process = subprocess.Popen([self.binary, "-F", "-c", str(self.root / "dovecot.conf")],
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=open(self.root / "stderr.log", "ab"), start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"dovecot exited with {self._process.returncode}:\n{self._logs()}")
            if self._greets():
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not answer on {self.host}:{self.port} within {timeout_s}s:\n{self._logs()}")

    def stop(self, timeout_s: float = 10.0) -> None:
        """SIGTERM to the master: it ends every imap process, so connected clients see EOF."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            pass
        # imap processes serving a client outlive the master (they finish their session); a server that
        # "goes away" takes its sessions with it, so the whole process group (its own session) is killed.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if process.poll() is None:
            process.wait(5)

    def _greets(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=0.5) as sock:
                return sock.recv(64).startswith(b"* OK")
        except OSError:
            return False

    def _logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in (self.log_path, self.root / "stderr.log")
                         if p.exists())

    # --- client helpers for tests ---------------------------------------------------------------

    @contextmanager
    def client(self, folder: str | None = "INBOX") -> Iterator[imaplib.IMAP4]:
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        try:
            conn.login(self.user, self.password)
            if folder is not None:
                typ, data = conn.select(f'"{folder}"')
                assert typ == "OK", data
            yield conn
        finally:
            try:
                conn.logout()
            except Exception:
                pass

    def append(self, raw: bytes, folder: str = "INBOX", flags: str | None = None) -> None:
        with self.client(folder=None) as conn:
            conn.create(f'"{folder}"')  # NO when it exists
            typ, data = conn.append(f'"{folder}"', flags, None, raw)
            assert typ == "OK", data

    def clear(self, *folders: str) -> None:
        """Expunge every message in ``folders`` (default INBOX); missing folders are fine."""
        with self.client(folder=None) as conn:
            for folder in folders or ("INBOX",):
                typ, data = conn.select(f'"{folder}"')
                if typ == "OK" and data[0] not in (b"0", None):
                    conn.store("1:*", "+FLAGS.SILENT", r"(\Deleted)")
                    conn.expunge()

    def flags(self, folder: str = "INBOX") -> dict[int, set[str]]:
        """UID -> flags of every message in ``folder`` (empty when the folder does not exist)."""
        with self.client(folder=None) as conn:
            typ, _ = conn.select(f'"{folder}"', readonly=True)
            if typ != "OK":
                return {}
            typ, data = conn.uid("FETCH", "1:*", "(FLAGS)")
            result: dict[int, set[str]] = {}
            for item in data:
                line = item[0] if isinstance(item, tuple) else item
                uid, flags = re.search(rb"UID (\d+)", line or b""), re.search(rb"FLAGS \(([^)]*)\)", line or b"")
                if uid and flags:
                    result[int(uid.group(1))] = set(flags.group(1).decode().split())
            return result


@contextmanager
def running_dovecot() -> Iterator[DovecotServer]:
    binary = dovecot_binary()
    if binary is None:
        raise RuntimeError("dovecot not installed: apt-get install -y dovecot-imapd")
    root = Path(tempfile.mkdtemp(prefix="dv-", dir="/tmp"))
    try:
        root.chmod(0o755)  # the login and mail users must traverse it
        internal, login, uid, gid = _accounts()
        for sub in ("run", "state", "mail", "home"):
            (root / sub).mkdir()
        for sub in ("mail", "home"):
            os.chown(root / sub, uid, gid)
        (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
        port = free_port()
        render = _config_v24 if dovecot_version(binary) >= (2, 4) else _config_v23
        (root / "dovecot.conf").write_text(render(root, port, internal, login, uid, gid))
        server = DovecotServer("127.0.0.1", port, USER, PASSWORD, root, binary)
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
