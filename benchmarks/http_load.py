"""A lean HTTP/1.1 load client: pre-built request bytes over a pool of keep-alive connections.

The load generator shares the 2-core machine with the stack it measures, so what it costs is taken
from the stack. httpx.AsyncClient spent ~5.8 ms of CPU per request here (connection-pool
bookkeeping, per-request socket checks), more than the API spent answering; this client writes
bytes built before the clock starts and parses only the status line, the headers it needs and
the body length, like wrk does.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit


class HttpError(Exception):
    """The connection failed or the response was not HTTP/1.1 as expected."""


def request_bytes(method: str, url: str, body: bytes, headers: dict[str, str]) -> bytes:
    """One HTTP/1.1 request with its Host and Content-Length, keep-alive."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"{method} {target or '/'} HTTP/1.1", f"Host: {parts.netloc}"]
    lines += [f"{name}: {value}" for name, value in headers.items()
              if name.lower() not in ("host", "content-length", "connection")]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def exchange(self, raw: bytes) -> tuple[int, bool]:
        """(status, whether the connection stays open)."""
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, _, header_block = head.decode("latin-1").partition("\r\n")
        version, _, rest = status_line.partition(" ")
        if not version.startswith("HTTP/1."):
            raise HttpError(f"not an HTTP/1.x response: {status_line!r}")
        headers = {}
        for line in header_block.split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await self.reader.readexactly(int(headers.get("content-length", "0")))
        return int(rest[:3]), headers.get("connection", "").lower() != "close"

    def close(self) -> None:
        self.writer.close()


class Pool:
    """Up to ``size`` requests in flight to one server, each on a kept-alive connection when one is idle."""

    def __init__(self, base_url: str, size: int) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self._slots = asyncio.Semaphore(size)
        self._idle: list[_Connection] = []

    async def send(self, raw: bytes) -> int:
        """The response status, or -1 when the connection failed (it is then dropped)."""
        async with self._slots:
            try:
                connection = await self._connection()
            except OSError:
                return -1
            try:
                status, keep_alive = await connection.exchange(raw)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, HttpError, ValueError):
                status, keep_alive = -1, False
            if keep_alive:
                self._idle.append(connection)
            else:
                connection.close()
            return status

    async def _connection(self) -> _Connection:
        while self._idle:
            connection = self._idle.pop()
            if not connection.reader.at_eof():
                return connection
            connection.close()  # the server closed it while idle (keep-alive timeout)
        return _Connection(*await asyncio.open_connection(self.host, self.port))

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()
