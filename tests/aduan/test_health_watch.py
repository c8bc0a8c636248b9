"""/healthz's checks wait between two rounds on an idle connection to each server: a server that dies ends
the wait at once (the next check says so), one that closes idle connections itself never makes them spin."""

from __future__ import annotations

import socket
import threading
import time

from aduan.api import ConnectionWatch, _address


def listener() -> tuple[socket.socket, tuple[str, int]]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    return server, server.getsockname()


def test_a_server_that_dies_ends_the_wait_at_once():
    server, address = listener()
    watch, stop = ConnectionWatch(address, 1.0), threading.Event()
    try:
        watch.wait(0.2, stop)  # connects; the server is up, the whole interval is waited
        peer, _ = server.accept()

        def die() -> None:  # the server's process ends: the kernel closes its sockets
            server.close()
            peer.close()

        threading.Timer(0.3, die).start()
        started = time.monotonic()
        watch.wait(5.0, stop)
        assert time.monotonic() - started < 1.0
    finally:
        watch.close()
        server.close()


def test_a_server_closing_idle_connections_costs_no_busy_loop():
    server, address = listener()
    closer = threading.Thread(target=lambda: [server.accept()[0].close() for _ in range(50)], daemon=True)
    closer.start()
    watch, stop = ConnectionWatch(address, 1.0), threading.Event()
    try:
        started = time.monotonic()
        for _ in range(3):
            watch.wait(0.2, stop)
        assert time.monotonic() - started >= 0.55
    finally:
        watch.close()
        server.close()


def test_no_server_is_a_plain_wait():
    watch, stop = ConnectionWatch(("127.0.0.1", 1), 0.5), threading.Event()
    started = time.monotonic()
    watch.wait(0.2, stop)
    assert 0.15 <= time.monotonic() - started < 1.0


def test_addresses_of_bootstrap_servers_and_urls():
    assert _address("127.0.0.1:9092", 9092) == ("127.0.0.1", 9092)
    assert _address("broker", 9092) == ("broker", 9092)
    assert _address("http://127.0.0.1:50291", 9200) == ("127.0.0.1", 50291)
    assert _address("https://search.example", 443) == ("search.example", 443)
    assert _address("[::1]:9093", 9092) == ("::1", 9093)
