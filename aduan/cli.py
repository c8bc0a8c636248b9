"""The `aduan` command line."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from aduan.settings import Settings, get_settings

app = typer.Typer(help="aduan: public complaints from every channel, searchable, routed and accountable.",
                  no_args_is_help=True, add_completion=False)
topics_app = typer.Typer(help="Kafka topics from the registry.", no_args_is_help=True)
schemas_app = typer.Typer(help="Event schemas for downstream subscribers.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")
app.add_typer(schemas_app, name="schemas")

console = Console(stderr=True)


def _settings() -> Settings:
    from aduan.stack import with_running_stack

    return with_running_stack(get_settings())


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    return stop


@app.command()
def up(
    api_port: Annotated[int, typer.Option(help="HTTP API port on 127.0.0.1")] = 8000,
    data_dir: Annotated[Optional[Path], typer.Option(help="Where the local stack keeps its data")] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="Wipe the data dir first")] = False,
) -> None:
    """Start and supervise the local stack: broker, search server, stream worker, indexer, API."""
    from aduan.stack import LocalStack

    settings = get_settings()
    stack = LocalStack(settings, api_port=api_port, data_dir=data_dir or settings.data_dir, fresh=fresh)
    stop = _stop_on_signals()
    started = time.monotonic()
    try:
        endpoints = stack.start(on_step=lambda msg: console.print(f"[dim]{msg}[/dim]"))
    except BaseException as exc:
        stack.stop()
        console.print(f"[red]local stack failed to start: {exc}[/red]; logs in {stack.log_dir}")
        raise typer.Exit(1) from exc
    print(f"aduan ready api={endpoints.api} kafka={endpoints.kafka} elasticsearch={endpoints.elasticsearch}",
          flush=True)
    console.print(f"[green]ready in {time.monotonic() - started:.1f}s[/green]; logs in {stack.log_dir}; Ctrl-C stops")
    try:
        _supervise(stack, stop)
    finally:
        console.print("stopping …")
        stack.stop()
        console.print("stopped")


def _supervise(stack, stop: threading.Event) -> None:
    from rich.live import Live

    def table() -> Table:
        status = Table(title="aduan local stack", expand=False)
        for column in ("process", "pid", "state", "uptime", "restarts"):
            status.add_column(column)
        for child in stack.children:
            uptime = f"{time.monotonic() - child.started_at:.0f}s"
            state = "[green]running[/green]" if child.alive() else "[red]exited[/red]"
            status.add_row(child.name, str(child.process.pid), state, uptime, str(child.restarts))
        return status

    with Live(table(), console=console, refresh_per_second=1, transient=True, auto_refresh=console.is_terminal) as live:
        while not stop.wait(1.0):
            for name in stack.restart_crashed():
                console.print(f"[yellow]{name} exited; restarted[/yellow]")
            live.update(table())


@app.command(hidden=True)
def worker(
    ready_file: Annotated[Optional[Path], typer.Option(help="Touched once the worker runs")] = None,
    loglevel: Annotated[str, typer.Option()] = "warn",
) -> None:
    """Run the faust stream worker (normalise → … → route)."""
    from streams.app import create_app

    faust_app = create_app(_settings(), ready_file=ready_file)
    sys.argv = ["aduan worker", "worker", "--loglevel", loglevel, "--without-web"]
    faust_app.main()


@app.command(hidden=True)
def indexer(
    ready_file: Annotated[Optional[Path], typer.Option(help="Touched once the consumer is polling")] = None,
) -> None:
    """Run the indexer: Kafka → Elasticsearch, offsets committed after the ack."""
    from elasticsearch import Elasticsearch

    from consumers.index import ensure_index
    from consumers.indexer import Indexer, create_consumer
    from producers.publisher import Publisher

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("kafka").setLevel(logging.WARNING)
    settings = _settings()
    settings.require_servers()
    stop = _stop_on_signals()
    es = Elasticsearch(settings.elasticsearch_url, request_timeout=30)
    ensure_index(es, settings.index_alias)
    consumer = create_consumer(settings.kafka_bootstrap, settings.indexer_group)
    publisher = Publisher(settings.kafka_bootstrap, settings.kafka_timeout_s, client_id="aduan-indexer")
    runner = Indexer(consumer, es, settings.index_alias, publisher)
    try:
        runner.run_once(stop)
        if ready_file:
            ready_file.write_text("ready\n")
        runner.run(stop)
    except SystemExit:
        pass
    finally:
        consumer.close(autocommit=False)
        publisher.close()


@app.command(hidden=True)
def api(
    host: Annotated[Optional[str], typer.Option(help="Default: ADUAN_API_HOST")] = None,
    port: Annotated[Optional[int], typer.Option(help="Default: ADUAN_API_PORT")] = None,
) -> None:
    """Serve the HTTP API (intake, search, metrics)."""
    import uvicorn

    from aduan.api import create_app

    settings = _settings()
    uvicorn.run(create_app(settings), host=host or settings.api_host, port=port or settings.api_port,
                log_level="warning")


@topics_app.command("create")
def topics_create() -> None:
    """Create every topic in the registry (idempotent)."""
    from aduan.admin import create_topics

    settings = _settings()
    settings.require_servers()
    table = Table("topic", "result")
    for name, outcome in create_topics(settings.kafka_bootstrap, settings.topic_replication):
        table.add_row(name, outcome)
    Console().print(table)


@schemas_app.command("export")
def schemas_export(directory: Annotated[Path, typer.Argument(help="Output directory")]) -> None:
    """Write one JSON Schema per event type."""
    from schemas.export import export

    for path in export(directory):
        print(path)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Full-text query, e.g. \"jalan rusak\"")] = "",
    size: Annotated[int, typer.Option(min=1, max=100)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object with total and hits")] = False,
) -> None:
    """Search complaints."""
    from elasticsearch import Elasticsearch

    from consumers.search import search

    settings = _settings()
    settings.require_servers(kafka=False)
    with Elasticsearch(settings.elasticsearch_url, request_timeout=10) as es:
        result = search(es, settings.index_alias, query, size=size)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{result['total']} complaint(s)")
    for column in ("tracking", "received", "channel", "topic", "unit", "text"):
        table.add_column(column, overflow="fold")
    for hit in result["hits"]:
        table.add_row(hit["tracking_number"], hit["received_at"][:19], hit["channel"], hit.get("topic") or "",
                      hit.get("unit_code") or "", hit["text"][:120])
    Console().print(table)
