"""The `aduan` command line."""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console
from rich.table import Table

from aduan.core.settings import Settings, get_settings, local_settings

app = typer.Typer(help="aduan: public complaints from every channel, searchable, routed and accountable.",
                  no_args_is_help=True, add_completion=False)
topics_app = typer.Typer(help="Kafka topics from the registry.", no_args_is_help=True)
schemas_app = typer.Typer(help="Event schemas for downstream subscribers.", no_args_is_help=True)
ingest_app = typer.Typer(help="Backfill archived mail (email channel) or a Gammu SMSD inbox (SMS channel).", no_args_is_help=True)
sla_app = typer.Typer(help="SLA deadlines on the Indonesian working calendar.", no_args_is_help=True)
index_app = typer.Typer(help="The Elasticsearch index behind the alias.", no_args_is_help=True)
corrections_app = typer.Typer(help="Operators' topic and cluster corrections.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")
app.add_typer(schemas_app, name="schemas")
app.add_typer(ingest_app, name="ingest")
app.add_typer(sla_app, name="sla")
app.add_typer(index_app, name="index")
app.add_typer(corrections_app, name="corrections")

# soft_wrap: a message stays one line, however narrow the terminal (or a log file) is.
console = Console(stderr=True, soft_wrap=True)


def _settings() -> Settings:
    """Settings from the environment, then from a running `aduan up` on this machine."""
    return local_settings()


START_HINT = "start one with `aduan up` (or set {names} to your servers)"


def _no_stack(reason: str, names: str) -> typer.Exit:
    """One line, whatever the terminal's width: no stack, why, and how to start one. Exit 2."""
    console.print(f"[red]no aduan stack is running ({reason}): {START_HINT.format(names=names)}[/red]", soft_wrap=True)
    return typer.Exit(2)


def _servers(settings: Settings, kafka: bool = True, elasticsearch: bool = True) -> Settings:
    """``settings`` if the servers a command needs are known; otherwise one line and exit 2."""
    wanted = [name for name, value, needed in (("ADUAN_KAFKA_BOOTSTRAP", settings.kafka_bootstrap, kafka),
                                               ("ADUAN_ELASTICSEARCH_URL", settings.elasticsearch_url, elasticsearch))
              if needed and not value]
    if wanted:
        raise _no_stack(f"{' and '.join(wanted)} not set", " and ".join(wanted))
    try:
        settings.require_servers(kafka=kafka, elasticsearch=elasticsearch)
    except RuntimeError as exc:
        console.print(f"[red]{exc}[/red]", soft_wrap=True)  # one line per problem, never wrapped
        raise typer.Exit(2) from exc
    return settings


def _stack(settings: Settings, kafka: bool = True, elasticsearch: bool = True) -> Settings:
    """For a one-shot command: as ``_servers``, and the servers must answer now (a long-running
    process waits for them instead). A stack that is not running is one line and exit 2, never a
    connection traceback."""
    from aduan.core.connections import elasticsearch as es_client, elasticsearch_security, kafka_answers

    settings = _servers(settings, kafka=kafka, elasticsearch=elasticsearch)
    if kafka and not kafka_answers(settings.kafka_bootstrap, timeout_s=2.0):
        raise _no_stack(f"Kafka at {settings.kafka_bootstrap} does not answer", "ADUAN_KAFKA_BOOTSTRAP")
    if elasticsearch:
        try:
            with es_client(settings.elasticsearch_url, request_timeout=2, max_retries=0,
                           **elasticsearch_security(settings)) as es:
                answers = bool(es.ping())
        except Exception:  # any failure to answer is "not running" here
            answers = False
        if not answers:
            raise _no_stack(f"Elasticsearch at {settings.elasticsearch_url} does not answer", "ADUAN_ELASTICSEARCH_URL")
    return settings


def _process(run, *args) -> None:
    """Run a long-running process from aduan.processes; a missing setting is one line and exit 2."""
    from aduan.processes import MissingSetting

    try:
        run(*args)
    except MissingSetting as exc:
        console.print(f"[red]{exc}[/red]", soft_wrap=True)
        raise typer.Exit(2) from exc


@app.command()
def up(
    api_port: Annotated[int, typer.Option(help="HTTP API port on 127.0.0.1")] = 8000,
    data_dir: Annotated[Optional[Path], typer.Option(help="Where the local stack keeps its data")] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="Wipe the data dir first")] = False,
    demo: Annotated[bool, typer.Option("--demo", help="Also run the traffic simulator against the stack")] = False,
    demo_rate: Annotated[float, typer.Option(help="Messages per second sent by --demo")] = 1.0,
) -> None:
    """Start and supervise the local stack: broker, search server, mailbox, stream worker, indexer, API."""
    from aduan.processes import stop_on_signals
    from aduan.stack import LocalStack, StartRefused

    settings = get_settings()
    stack = LocalStack(settings, api_port=api_port, data_dir=data_dir or settings.data_dir, fresh=fresh,
                       demo_rate=demo_rate if demo else 0.0)
    stop = stop_on_signals()
    started = time.monotonic()
    try:
        endpoints = stack.start(on_step=lambda msg: console.print(f"[dim]{msg}[/dim]"))
    except StartRefused as exc:
        console.print(f"[red]aduan up: {exc}[/red]")
        raise typer.Exit(2) from exc
    except BaseException as exc:
        stack.stop()
        console.print(f"[red]local stack failed to start: {exc}[/red]; logs in {stack.log_dir}")
        raise typer.Exit(1) from exc
    cold = f" elasticsearch_cold={endpoints.elasticsearch_cold}" if endpoints.elasticsearch_cold else ""
    print(f"aduan ready api={endpoints.api} kafka={endpoints.kafka} elasticsearch={endpoints.elasticsearch}{cold}",
          flush=True)
    console.print(f"[green]ready in {time.monotonic() - started:.1f}s[/green]; logs in {stack.log_dir}; Ctrl-C stops")
    capacity = stack.capacity()
    if capacity is not None:
        console.print(f"capacity: {capacity.line()}")
    if not settings.api_keys.get_secret_value():  # generated for this run: show them, they are throwaway
        for key, spec in json.loads(endpoints.channel_secrets["api_keys"]).items():
            console.print(f"  demo {spec['role']:<8} key: {key}  ({spec.get('name', '')})")
    try:
        _supervise(stack, stop)
    finally:
        console.print("stopping …")
        stack.stop()
        console.print("stopped")


def _supervise(stack, stop: threading.Event) -> None:
    from rich.live import Live

    from aduan.stack import WARN_FROM

    def table() -> Table:
        status = Table(title="aduan local stack", expand=False)
        for column in ("process", "pid", "state", "uptime", "restarts"):
            status.add_column(column)
        for child in stack.children:
            uptime = f"{time.monotonic() - child.started_at:.0f}s"
            state = ("[red]given up[/red]" if child.name in stack.given_up else
                     "[green]running[/green]" if child.alive() else "[yellow]restarting[/yellow]")
            status.add_row(child.name, str(child.process.pid), state, uptime, str(child.restarts))
        if capacity is not None:
            status.caption = capacity.line()
        return status

    reported: set[str] = set()
    step = lambda msg: console.print(f"[yellow]{msg}[/yellow]")
    capacity, checked, warned_at = None, 0.0, 0.0
    with Live(table(), console=console, refresh_per_second=1, transient=True, auto_refresh=console.is_terminal) as live:
        while not stop.wait(1.0):
            if time.monotonic() - checked >= 15:
                checked, capacity = time.monotonic(), stack.capacity() or capacity
                if capacity is not None and capacity.used >= max(WARN_FROM, warned_at + 0.05):
                    warned_at = capacity.used  # again at every further 5 %: never degrade silently
                    console.print(f"[red]the local stack is at {capacity.used:.0%} of its memory budget "
                                  f"(ADUAN_LOCAL_MEMORY_BUDGET_MB): {capacity.line()}[/red]")
            for name in stack.restart_crashed(on_step=step):
                console.print(f"[yellow]{name} exited; restarted[/yellow]")
            for name, why in stack.given_up.items():
                if name not in reported:
                    reported.add(name)
                    console.print(f"[red]{name} keeps failing right after its start; no more restarts. "
                                  f"Last log line: {why}[/red]")
            live.update(table())


@app.command(hidden=True)
def worker(
    ready_file: Annotated[Optional[Path], typer.Option(help="Touched once the worker runs")] = None,
) -> None:
    """Run the faust stream worker (normalise → … → route)."""
    from aduan.processes import run_worker

    _process(run_worker, _servers(_settings(), elasticsearch=False), ready_file)


@app.command(hidden=True)
def surge(
    ready_file: Annotated[Optional[Path], typer.Option(help="Touched once the detector consumes")] = None,
) -> None:
    """Run the surge detector: complaints.routed → complaints.alerts (its own faust app)."""
    from aduan.processes import run_surge

    _process(run_surge, _servers(_settings(), elasticsearch=False), ready_file)


@app.command(hidden=True)
def indexer(
    ready_file: Annotated[Optional[Path], typer.Option(help="Touched once the consumer is polling")] = None,
) -> None:
    """Run the indexer: Kafka → Elasticsearch, offsets committed after the ack."""
    from aduan.processes import run_indexer

    _process(run_indexer, _servers(_settings()), ready_file)


@app.command(hidden=True)
def api(
    host: Annotated[Optional[str], typer.Option(help="Default: ADUAN_API_HOST")] = None,
    port: Annotated[Optional[int], typer.Option(help="Default: ADUAN_API_PORT")] = None,
) -> None:
    """Serve the HTTP API (intake, search, metrics)."""
    from aduan.processes import run_api

    _process(run_api, _servers(_settings()), host, port)


@app.command(hidden=True)
def mail() -> None:
    """Run the IMAP poller: mail → complaints.raw.email, marked only after Kafka acknowledged."""
    from aduan.processes import run_mail

    _process(run_mail, _servers(_settings(), elasticsearch=False))


@app.command(hidden=True)
def webhooks(
    ready_file: Annotated[Optional[Path], typer.Option(help="Touched once the dispatcher has polled")] = None,
) -> None:
    """Run the signed webhook dispatcher for the subscriptions in ADUAN_WEBHOOK_SUBSCRIPTIONS."""
    from aduan.processes import run_webhooks

    _process(run_webhooks, _servers(_settings(), elasticsearch=False), ready_file)


@app.command(hidden=True)
def notifier(
    ready_file: Annotated[Optional[Path], typer.Option(help="Touched once the notifier has polled")] = None,
) -> None:
    """Run the notifier: acknowledgements and status updates to reporters in their own channel."""
    from aduan.processes import run_notifier

    _process(run_notifier, _servers(_settings()), ready_file)


def _backfill(messages, total: int, label: str) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from producers.backfill import ingest_messages

    from aduan.core.connections import Connections
    from aduan.processes import intake as build_intake

    settings = _stack(_settings(), elasticsearch=False)
    intake = build_intake(Connections(settings), "aduan-backfill")
    try:
        with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console) as progress:
            task = progress.add_task(label, total=total)
            summary = ingest_messages(
                messages, lambda complaint, raw: intake.accept_sync(complaint, raw),
                progress=lambda n: progress.advance(task, n),
                dead_letter=lambda raw, reason: intake.dead_letter_sync("email", raw, reason, "producers.backfill"),
                blobs=intake.blobs, max_attachment_bytes=settings.max_attachment_bytes)
    finally:
        intake.publisher.close()
    for line in summary.lines():
        print(line)
    if summary.aborted:
        raise typer.Exit(1)


@ingest_app.command("mbox")
def ingest_mbox(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="mbox file")]) -> None:
    """Ingest every message of an mbox file (safe to re-run: ids derive from Message-ID)."""
    from producers.backfill import count_mbox, iter_mbox

    _backfill(iter_mbox(path), count_mbox(path), path.name)


@ingest_app.command("gammu")
def ingest_gammu(
    directory: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Gammu SMSD files-backend inbox (InboxPath)")],
    phone_id: Annotated[str, typer.Option(help="the modem's PhoneID, as the forwarder sent it")] = "",
) -> None:
    """Replay a Gammu SMSD inbox (files backend): the same file names make the same complaints, so what the
    forwarder already delivered is not duplicated."""
    from aduan.core.connections import Connections
    from aduan.processes import intake as build_intake
    from producers.intake import Rejected
    from producers.sms.common import InvalidSms
    from producers.sms.gammu import gammu_complaint, inbox_messages

    settings = _servers(_settings(), elasticsearch=False)
    intake = build_intake(Connections(settings), "aduan-ingest-gammu")
    accepted = dead = refused = 0
    try:
        for fields, raw in inbox_messages(directory, phone_id):
            try:
                intake.accept_sync(gammu_complaint(fields), raw)
                accepted += 1
            except InvalidSms as exc:
                intake.dead_letter_sync("sms", raw, exc.reason, "producers.sms.gammu")
                dead += 1
            except Rejected as exc:
                console.print(f"refused {fields['ids']}: {exc}")
                refused += 1
    finally:
        intake.publisher.close()
    print(f"gammu inbox {directory}: {accepted} accepted, {dead} dead-lettered, {refused} refused")
    if refused:
        raise typer.Exit(1)


@ingest_app.command("eml")
def ingest_eml(directory: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="directory of .eml")]) -> None:
    """Ingest every .eml file under a directory (recursively, in name order)."""
    from producers.backfill import eml_files, iter_eml

    _backfill(iter_eml(directory), len(eml_files(directory)), directory.name)


@app.command()
def simulate(
    rate: Annotated[float, typer.Option(min=0.1, help="Messages per second")] = 5.0,
    duration: Annotated[float, typer.Option(min=0.1, help="Seconds to run")] = 30.0,
    api: Annotated[Optional[str], typer.Option(help="API base URL; default: the running local stack")] = None,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same traffic)")] = 1708,
) -> None:
    """Send realistic complaints through every channel's real endpoint (signed) and IMAP."""
    import httpx
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from aduan.provider_client import Credentials, ProviderClient
    from aduan.core.connections import Connections
    from aduan.simulate import MailTarget, TrafficGenerator, dead_letters_since, media_stand_in
    from aduan.simulate import simulate as run_simulation

    settings = _settings()
    base_url = api or f"http://{settings.api_host}:{settings.api_port}"
    credentials = Credentials(*(getattr(settings, name).get_secret_value() for name in (
        "twilio_auth_token", "sms_gateway_secret", "meta_app_secret", "x_consumer_secret")))
    mail_target = (MailTarget(settings.imap_host, settings.imap_port, settings.imap_user,
                              settings.imap_password.get_secret_value())
                   if settings.imap_host and not settings.imap_ssl else None)
    started_ms = int(time.time() * 1000)
    with httpx.Client(timeout=30, limits=httpx.Limits(max_connections=32)) as http, media_stand_in(settings) as media:
        if media is None:
            print("no provider media stand-in (the API fetches media elsewhere or not at all): no photos, voice notes or videos")
        generator = TrafficGenerator(ProviderClient(http, base_url, credentials), mail_target, seed=seed, media=media)
        with Progress(TextColumn("simulating"), BarColumn(), MofNCompleteColumn(), console=console,
                      disable=not console.is_terminal) as progress:
            task = progress.add_task("simulate", total=int(rate * duration))
            summary = run_simulation(generator, rate, duration, on_sent=lambda: progress.advance(task))
    for line in summary.lines():
        print(line)
    if settings.kafka_bootstrap:
        letters = dead_letters_since(Connections(settings), started_ms)
        total, sent = sum(letters.values()), max(sum(summary.sent.values()), 1)
        detail = ", ".join(f"{stage}={n}" for stage, n in letters.most_common())
        print(f"dead letters: {total} of {sent} sent ({100 * total / sent:.2f} %)" + (f": {detail}" if detail else ""))


def _json_lines(stream) -> Iterator[dict]:
    for number, line in enumerate(stream, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                console.print(f"[red]line {number}: not JSON ({exc.msg})[/red]")
                raise typer.Exit(2) from exc


def _offline(mirror) -> None:
    from streams.pipeline import Pipeline

    pipeline = Pipeline(get_settings().reporter_salt.get_secret_value())
    for line in mirror(_json_lines(sys.stdin), pipeline):
        sys.stdout.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


@app.command()
def classify() -> None:
    """JSON Lines on stdin → each line plus topic, confidence, needs_triage, region and unit, language.

    Input fields: id, channel, text, subject?, reporter? (phone, email or handle), received_at? (ISO-8601).
    The same code the stream worker runs.
    """
    from streams.pipeline import classify_records

    _offline(classify_records)


@app.command()
def dedup() -> None:
    """JSON Lines on stdin, in arrival order → each line plus duplicate_of (id or null) and cluster_id."""
    from streams.pipeline import dedup_records

    _offline(dedup_records)


@app.command()
def train(
    corrections: Annotated[Optional[list[Path]], typer.Option(
        "--corrections", metavar="FILE",
        help="A file of `aduan corrections export` (repeatable): operators' topic corrections become labelled "
             "examples (the latest per complaint; its label replaces the corpus' for the same text), merges and "
             "splits positive and negative pairs for the verifier; rahasia complaints give no text")] = None,
) -> None:
    """Rebuild the versioned topic-classifier artifact from the shipped seed corpus (and operators' corrections),
    and score it; then the near-duplicate pair verifier from the team's labelled duplicate sets."""
    from streams.corrections import CorrectionsError, load_corrections

    try:  # every line is read before anything is trained (or scikit-learn imported): a bad file costs nothing
        taught = load_corrections(corrections) if corrections else None
    except CorrectionsError as exc:
        console.print(str(exc), style="red", markup=False, highlight=False)  # a line of the file is not markup
        raise typer.Exit(2) from exc
    from streams.classify import TopicClassifier
    from streams.training import evaluate, format_report, load_examples, split_corpus, train_verifier
    from streams.training import train as train_model
    metadata = train_model(corrections=taught)
    print(json.dumps(metadata, indent=2, ensure_ascii=False))
    print(format_report(evaluate(TopicClassifier.load(), split_corpus(load_examples())[1])))
    print(json.dumps(train_verifier(corrections=taught), indent=2, ensure_ascii=False))


@app.command("eval")
def evaluate_cmd(
    topics: Annotated[Optional[Path], typer.Option(help="Labelled JSONL {text, topic}; default: held-out split")] = None,
    regions: Annotated[Optional[Path], typer.Option(help="Labelled JSONL {text, region_code}")] = None,
    duplicates: Annotated[Optional[Path], typer.Option(help="Labelled JSONL {id, text, cluster, ...}")] = None,
    threshold: Annotated[Optional[float], typer.Option(help="Triage threshold to score with")] = None,
    independent: Annotated[bool, typer.Option(help="Also score the frozen sets under streams/data/eval/")] = True,
) -> None:
    """Per-topic precision/recall and confusion matrix; region accuracy; duplicate pair precision/recall; then
    every labelled set side by side (the team's own sets, then, apart, the frozen independent ones)."""
    from streams.classify import DATA_DIR as data
    from streams.classify import TopicClassifier
    from streams.evaluate import evaluate_pairs
    from streams.locate import evaluate_regions
    from streams.training import evaluate, format_report, load_examples, split_corpus

    examples = load_examples(topics) if topics else split_corpus(load_examples())[1]
    print(f"== topics ({'file ' + str(topics) if topics else 'held-out split of the seed corpus'}, {len(examples)})")
    print(format_report(evaluate(TopicClassifier.load(threshold=threshold), examples)))
    held_out = evaluate(TopicClassifier.load(threshold=threshold), split_corpus(load_examples())[1])
    region_file = regions or data / "locate_labelled.jsonl"
    located = evaluate_regions(_json_lines(region_file.open(encoding="utf-8")))
    print(f"\n== regions ({region_file.name})")
    print("  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in located.items()
                    if not isinstance(v, (list, dict))))
    duplicate_file = duplicates or data / "dedup_labelled.jsonl"
    pairs = evaluate_pairs(_json_lines(duplicate_file.open(encoding="utf-8")))
    print(f"\n== duplicates ({duplicate_file.name})")
    print("  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in pairs.items()
                    if not isinstance(v, (list, dict))))
    from streams.evaluate import format_rows, independent_set_rows, own_set_rows
    from streams.pipeline import Pipeline

    pipeline = Pipeline("evaluation")
    if threshold is not None:
        pipeline.classifier.threshold = threshold
    print("\n== the team's labelled sets (written by the team or, independent_d on, by outsiders for tuning; tuned on but for "
          "tuning/routing_b and a set not yet in streams/training.py's lists: streams/data/tuning/README.md)")
    print(format_rows(own_set_rows(held_out, pipeline)))
    if independent:
        rows = independent_set_rows(pipeline)
        if rows:
            print("\n== frozen independent sets (never tuned on)")
            print(format_rows(rows))


@topics_app.command("create")
def topics_create() -> None:
    """Create every topic in the registry (idempotent)."""
    from aduan.admin import create_topics
    from aduan.core.connections import kafka_security

    settings = _stack(_settings(), elasticsearch=False)
    table = Table("topic", "result")
    for name, outcome in create_topics(settings.kafka_bootstrap, settings.topic_replication,
                                       **kafka_security(settings)):
        table.add_row(name, outcome)
    Console().print(table)


KUBERNETES_TOPICS = Path("deploy/kubernetes/kafka-topics.yaml")


@topics_app.command("kubernetes")
def topics_kubernetes(
    cluster: Annotated[str, typer.Option(help="Strimzi Kafka resource name (label strimzi.io/cluster)")] = "aduan-kafka",
    replicas: Annotated[int, typer.Option(min=1, help="Replication factor")] = 3,
    min_insync_replicas: Annotated[int, typer.Option(min=1, help="min.insync.replicas")] = 2,
) -> None:
    """Print the registry as Strimzi KafkaTopic resources (regenerates deploy/kubernetes/kafka-topics.yaml)."""
    import yaml

    from aduan.admin import kafka_topic_resources

    print(f"# GENERATED by `aduan topics kubernetes > {KUBERNETES_TOPICS}` from schemas/topics.py: do not edit.")
    print(yaml.safe_dump_all(kafka_topic_resources(cluster, replicas, min_insync_replicas), sort_keys=False), end="")


@schemas_app.command("export")
def schemas_export(directory: Annotated[Path, typer.Argument(help="Output directory")]) -> None:
    """Write one JSON Schema per event type."""
    from schemas.export import export

    for path in export(directory):
        print(path)


@schemas_app.command("asyncapi")
def schemas_asyncapi(path: Annotated[Path, typer.Argument(help="Output file (.json, or .yaml with PyYAML)")]) -> None:
    """Write the AsyncAPI 3.0 document describing every topic (keys, value schemas, examples)."""
    from schemas.asyncapi import write

    print(write(path))


@app.command()
def tail(
    topic: Annotated[str, typer.Argument(help="Topic name, e.g. complaints.routed")],
    unit: Annotated[Optional[str], typer.Option(help="Only events of this unit code")] = None,
    topic_code: Annotated[Optional[str], typer.Option(help="Only complaints of this topic code")] = None,
    from_beginning: Annotated[bool, typer.Option("--from-beginning", help="Start at the oldest record")] = False,
) -> None:
    """Watch a topic live, one line per event, contacts masked."""
    from aduan.core.connections import Connections
    from aduan.processes import stop_on_signals
    from consumers.ops.tail import tail as follow

    connections = Connections(_stack(_settings(), elasticsearch=False))
    try:
        for line in follow(lambda: connections.reader("aduan-tail"), topic, unit=unit, topic_code=topic_code,
                           from_beginning=from_beginning, stop=stop_on_signals()):
            print(line, flush=True)
    except (KeyError, LookupError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


@app.command()
def bench(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object with the figures")] = False,
    complaints: Annotated[Optional[int], typer.Option(help="Complaints for the throughput phase")] = None,
    rate_for_latency: Annotated[Optional[float], typer.Option(help="Offered rate for the latency phase")] = None,
    runs: Annotated[Optional[int], typer.Option(help="Runs; medians are reported")] = None,
) -> None:
    """End-to-end benchmark on a fresh local stack, against a bare-broker baseline (benchmarks/e2e.py)."""
    try:
        from benchmarks.e2e import main as run_benchmark
    except ImportError as exc:
        console.print(f"[red]aduan bench needs {exc.name}: pip install -e '.[local]'[/red]")
        raise typer.Exit(2) from exc

    argv = ["--json"] if as_json else []
    for flag, value in (("--complaints", complaints), ("--rate-for-latency", rate_for_latency), ("--runs", runs)):
        if value is not None:
            argv += [flag, str(value)]
    raise typer.Exit(run_benchmark(argv))


@sla_app.command("due")
def sla_due(
    stage: Annotated[str, typer.Option(help="verifikasi | tindak_lanjut | penutupan")],
    start: Annotated[str, typer.Option("--from", help="ISO-8601 start; without an offset, the region's local time")],
    region: Annotated[Optional[str], typer.Option(help="Kemendagri code (kab/kota), for time zone and holidays")] = None,
    topic: Annotated[Optional[str], typer.Option(help="Topic code, for per-topic policy")] = None,
) -> None:
    """Print the deadline: the end of the Nth working day after --from, in the unit's time zone."""
    from consumers.cases.sla import format_due

    try:
        print(format_due(stage, start, region, topic=topic))
    except (KeyError, ValueError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


@sla_app.command("list")
def sla_list(
    unit: Annotated[Optional[str], typer.Option(help="Only this unit code")] = None,
    breached: Annotated[bool, typer.Option("--breached", help="Only breached stages")] = False,
    due_within: Annotated[Optional[str], typer.Option(help="Only due within e.g. 24h, 3d, 90m")] = None,
    size: Annotated[int, typer.Option(min=1, max=1000)] = 50,
) -> None:
    """Open complaints with their running SLA stage, soonest deadline first."""
    from datetime import datetime, timezone

    from aduan.core.connections import Connections
    from consumers.cases.sla_timer import running_clocks

    horizon = datetime.now(timezone.utc) + _duration(due_within, "--due-within") if due_within else None
    settings = _stack(_settings(), kafka=False)
    with Connections(settings).elasticsearch() as es:
        total, docs = running_clocks(es, settings.index_alias, unit=unit, breached=breached, due_before=horizon,
                                     size=size)
    rows = []
    for doc in docs:
        sla = doc.get("sla") or {}
        rows.append([doc["tracking_number"], doc.get("unit_code") or "", doc.get("status") or "", sla.get("stage", ""),
                     (sla.get("due_at") or "")[:16].replace("T", " "), f"{sla.get('elapsed_working_days', 0):.1f}",
                     "[red]yes[/red]" if sla.get("breached") else "no"])
    table = _table(f"{total} open complaint(s) with a running SLA",
                   (("tracking", 13, 13), ("unit", 6, 24), ("status", 6, 14), ("stage", 5, 13), ("due (UTC)", 16, 16),
                    ("used wd", 4, 7), ("late", 3, 4)), rows)
    Console().print(table)


def _table(title: str, columns: tuple[tuple[str, int, int | None], ...], rows: list[list[str]],
           width: int | None = None) -> Table:
    """A table that fits the terminal (80 columns included), widths decided here rather than by rich
    (which, short of room, collapses a column to nothing): each column (name, min, max) gets what its
    cells need up to its maximum, the one without a maximum what is left; short of room, columns give
    back down to their minimum, widest first. A tracking number (13) is never cut; cells beyond their
    width end in an ellipsis. No vertical rules: they cost 3 characters a column."""
    from rich import box

    width = width or Console().width
    plain = [[re.sub(r"\[/?[a-z ]+\]", "", cell) for cell in row] for row in rows]  # markup is not width
    need = [max([len(name)] + [len(row[i]) for row in plain]) for i, (name, _least, _most) in enumerate(columns)]
    sizes = [max(least, min(need[i], most if most is not None else need[i])) for i, (_n, least, most) in enumerate(columns)]
    room = width - 2 * (len(columns) - 1)  # between two columns: one space of padding, one of the (blank) rule
    flexible = [i for i, (_n, _l, most) in enumerate(columns) if most is None]
    for i in flexible:
        sizes[i] = max(columns[i][1], min(need[i], room - sum(s for j, s in enumerate(sizes) if j != i)))
    while sum(sizes) > room:
        shrinkable = [i for i, (_n, least, _m) in enumerate(columns) if sizes[i] > least]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: sizes[i] - columns[i][1])
        sizes[widest] -= 1
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                  expand=False)
    for (name, _least, _most), size in zip(columns, sizes):
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=size)
    for row in rows:
        table.add_row(*row)
    return table


def _duration(text: str, option: str):
    """``90m``, ``24h``, ``3d`` as a timedelta; anything else is one line and exit 2."""
    from datetime import timedelta

    units = {"m": "minutes", "h": "hours", "d": "days"}
    if not text[:-1].isdigit() or text[-1:] not in units:
        console.print(f"[red]{option} takes e.g. 90m, 24h or 3d[/red]")
        raise typer.Exit(2)
    return timedelta(**{units[text[-1]]: int(text[:-1])})


@index_app.command("repair")
def index_repair(
    since: Annotated[str, typer.Option(help="Re-fold the events of this window, e.g. 10m, 2h, 7d")] = "10m",
) -> None:
    """Fold the indexed topics' recent events into the index again (safe at any time: idempotent)."""
    import time as clock

    from aduan.core.connections import Connections
    from consumers.sinks.index import ensure_index
    from consumers.sinks.indexer import IndexWriter
    from consumers.sinks.repair import repair

    window = _duration(since, "--since")
    settings = _stack(_settings())
    connections = Connections(settings)
    publisher = connections.publisher("aduan-index-repair")
    with connections.elasticsearch(request_timeout=30) as es:
        ensure_index(es, settings.index_alias)
        consumer = connections.reader("aduan-index-repair")
        try:
            report = repair(consumer, IndexWriter(es, settings.index_alias, publisher),
                            int((clock.time() - window.total_seconds()) * 1000))
        finally:
            consumer.close()
            publisher.close()
    print(f"{settings.index_alias}: {report.events} events of the last {since} folded again over "
          f"{report.partitions} partitions; {report.documents_written} documents written")


@index_app.command("migrate")
def index_migrate() -> None:
    """Build the next index version from the current template and swap the alias, without downtime."""
    from aduan.core.connections import Connections
    from consumers.sinks.index import migrate

    settings = _stack(_settings(), kafka=False)
    from aduan.core.tiered_search import TieredElasticsearch

    with Connections(settings).elasticsearch(request_timeout=60) as es:
        # Each tier of the local stack's index is its own index: migrated on its own server.
        for tier, server in ((("hot", es.hot), ("cold", es.cold)) if isinstance(es, TieredElasticsearch)
                             else (("", es),)):
            old, new, copied = migrate(server, settings.index_alias)
            print(f"{settings.index_alias}{f' ({tier} tier)' if tier else ''}: {old} → {new}, {copied} documents copied")


@corrections_app.command("export")
def corrections_export(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="JSONL file (default: standard output)")] = None,
) -> None:
    """Every operator correction as a labelled example (JSONL; contacts scrubbed from the text)."""
    from aduan.core.connections import Connections
    from consumers.cases.corrections import labelled_examples

    settings = _stack(_settings(), kafka=False)
    count = 0
    with Connections(settings).elasticsearch(request_timeout=30) as es, \
            (output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)) as out:
        for example in labelled_examples(es, settings.index_alias):
            out.write(json.dumps(example, ensure_ascii=False) + "\n")
            count += 1
    if output:
        print(f"{count} corrections → {output}")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Full-text query, e.g. \"jalan rusak\"")] = "",
    channel: Annotated[Optional[list[str]], typer.Option(help="web|sms|social|email (repeatable)")] = None,
    topic: Annotated[Optional[list[str]], typer.Option(help="Topic code (repeatable)")] = None,
    unit: Annotated[Optional[list[str]], typer.Option(help="Unit code (repeatable)")] = None,
    region: Annotated[Optional[list[str]], typer.Option(help="Kemendagri region code (repeatable)")] = None,
    status: Annotated[Optional[list[str]], typer.Option(help="Lifecycle status (repeatable)")] = None,
    privacy: Annotated[Optional[list[str]], typer.Option(help="publik|anonim|rahasia (repeatable)")] = None,
    sla: Annotated[Optional[str], typer.Option(help="at_risk|breached|on_time")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="Received from (date or ISO date-time)")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Received up to (date or ISO date-time)")] = None,
    sort: Annotated[str, typer.Option(help="relevance|newest|oldest|due")] = "relevance",
    size: Annotated[int, typer.Option(min=1, max=100)] = 20,
    cursor: Annotated[Optional[str], typer.Option(help="next_cursor of a previous page")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: total, hits, facets, next_cursor")] = False,
) -> None:
    """Search complaints, with the API's filters (as operator)."""
    from aduan.core.connections import Connections
    from consumers.read.search import OPERATOR, SearchParams, parse_when, search_complaints

    settings = _stack(_settings(), kafka=False)
    try:
        params = SearchParams(q=query or None, channel=tuple(channel or ()), topic=tuple(topic or ()),
                              unit=tuple(unit or ()), region=tuple(region or ()), status=tuple(status or ()),
                              privacy=tuple(privacy or ()), sla=sla, sort=sort, size=size, cursor=cursor,
                              date_from=parse_when(date_from) if date_from else None,
                              date_to=parse_when(date_to) if date_to else None)
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    with Connections(settings).elasticsearch() as es:
        result = search_complaints(es, settings.index_alias, OPERATOR, params).as_dict()
    if as_json:
        print(json.dumps(result, ensure_ascii=False, default=str))
        return
    rows = [[hit["tracking_number"], hit["received_at"][5:16].replace("T", " "), hit["channel"], hit.get("topic") or "",
             hit.get("unit_code") or "", hit.get("status") or "", " ".join(hit["text"].split())] for hit in result["hits"]]
    Console().print(_table(f"{result['total']} complaint(s) · received MM-DD HH:MM UTC",
                           (("tracking", 13, 13), ("received", 11, 11), ("via", 3, 6), ("topic", 5, 12),
                            ("unit", 5, 14), ("status", 5, 10), ("text", 8, None)), rows))
