"""One settings class for every process; each field reads ``ADUAN_<FIELD>`` from the environment.

``LocalSettings`` adds one more source below the environment: the endpoints file a running
``aduan up`` writes into its data dir (``run/endpoints.json``: servers, API port, its throwaway
channel credentials and mailbox), so commands on the same machine need no exports. What the
environment sets always wins.
"""

from __future__ import annotations

import json
import os
import socket
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aduan"


DEVELOPMENT_SALT = "aduan-local-development-salt"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ADUAN_", extra="ignore")

    environment: Literal["development", "production"] = Field(
        "development",
        description="production refuses to start without the credentials a deployment needs "
                    "(see deployment_problems); development (the default, and `aduan up`) does not ask for them")

    # Empty means "start the local emulator": `aduan up` fills these in for its children.
    kafka_bootstrap: str = Field("", description="Kafka bootstrap servers, host:port[,host:port]")
    # kafka-python's option names, so each maps to the client option of the same name.
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="Kafka security protocol (Strimzi's SCRAM listener: SASL_SSL)")
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = Field(
        "PLAIN", description="SASL mechanism when the protocol is SASL_* (Strimzi KafkaUser scram-sha-512: SCRAM-SHA-512)")
    kafka_sasl_plain_username: str = Field("", description="SASL user name")
    kafka_sasl_plain_password: SecretStr = Field(SecretStr(""), description="SASL password")
    kafka_ssl_cafile: Path | None = Field(None, description="CA bundle that signed the brokers' certificates (SSL, SASL_SSL); empty = system CAs")
    elasticsearch_url: str = Field("", description="Elasticsearch base URL")
    elasticsearch_username: str = Field("", description="Elasticsearch user (basic auth); aduan's own least-privilege user, never elastic")
    elasticsearch_password: SecretStr = Field(SecretStr(""), description="Password of ADUAN_ELASTICSEARCH_USERNAME")
    elasticsearch_api_key: SecretStr = Field(SecretStr(""), description="Elasticsearch API key (the encoded id:key form); used instead of basic auth when set")
    elasticsearch_ca_certs: Path | None = Field(None, description="CA certificate of Elasticsearch's HTTPS endpoint; empty = system CAs")
    elasticsearch_cold_url: str = Field("", description="The local stack's cold search tier (set by aduan up): "
                                        "documents not written for ADUAN_INDEX_HOT_S move there; empty = one index "
                                        "(Elasticsearch needs no tiers)")
    index_hot_s: float = Field(120.0, description="With a cold tier: seconds after a document's last write before "
                               "it moves to the cold tier")
    index_move_every_s: float = Field(30.0, description="With a cold tier: seconds between two rounds of the mover")
    index_settle_s: float = Field(30.0, description="With a cold tier: seconds a moved copy must have been in the cold "
                                  "tier before its hot original is deleted (the emulator saves about once a second)")

    data_dir: Path = Field(default_factory=default_data_dir, description="Local stack data (broker, index, blobs)")
    blob_dir: Path | None = Field(None, description="Content-addressed blob store; default <data_dir>/blobs")

    api_host: str = Field("127.0.0.1", description="HTTP API bind address")
    api_port: int = Field(8000, description="HTTP API port")

    index_alias: str = Field("aduan-complaints", description="Alias that readers and the indexer use")
    stream_app_id: str = Field("aduan-streams", description="faust application id (consumer group)")
    stream_store: str = Field("memory://", description="faust table store: memory:// locally, rocksdb:// in production")
    indexer_group: str = Field("aduan-indexer", description="Indexer consumer group")
    instance_id: str = Field(
        default_factory=socket.gethostname,
        description="Static group membership id of this process (unique per replica; a restart with the same id "
                    "takes over at once instead of waiting for the old member to time out)",
    )
    join_window_s: float = Field(
        600.0, ge=0,
        description="Messages of one sender this close together (seconds) join one complaint when one of them is "
                    "media without text (a photo, then its caption); 0 disables the join")
    topic_replication: int = Field(1, description="Replication factor for `aduan topics create`")

    kafka_timeout_s: float = Field(10.0, description="How long intake waits for the broker's acknowledgement")
    kafka_compression: Literal["none", "gzip"] = Field(
        "gzip", description="Compression of every record batch aduan produces (kafka-python and faust alike). The "
                            "local emulator keeps batches as sent, so it holds and rewrites about a third of the bytes")
    kafka_empty_fetch_pause_ms: float = Field(
        20.0, description="Consumers wait this long after a fetch that returned nothing (see aduan/core/fetch_pacing.py; 0 = off)")
    kafka_background_fetch_pause_ms: float = Field(
        250.0, description="The same pause for consumers whose records can wait that long: the surge detector's "
                           "and the alert indexer's (alerts are about minutes, not milliseconds)")
    max_text_chars: int = Field(20_000, description="Longest complaint text accepted")

    # Channel credentials. Empty secrets refuse every signed request (fail closed), except in `aduan up`,
    # which generates throwaway local values and prints them for the simulator.
    twilio_auth_token: SecretStr = Field(SecretStr(""), description="Twilio auth token for X-Twilio-Signature")
    public_base_url: str = Field("", description="Public URL the providers call (Twilio signs the full URL); empty = request URL")
    sms_gateway_secret: SecretStr = Field(SecretStr(""), description="Shared secret of the Kannel/Gammu gateway callback")
    meta_app_secret: SecretStr = Field(SecretStr(""), description="Meta app secret for X-Hub-Signature-256")
    meta_verify_token: SecretStr = Field(SecretStr(""), description="hub.verify_token expected on Meta subscription")
    meta_page_ids: str = Field("", description="Comma-separated Facebook Page / Instagram / WhatsApp business ids of the agency")
    twilio_account_sid: str = Field("", description="Twilio account SID for fetching MediaUrl{N} (HTTP basic auth with the "
                                                 "auth token); empty = the AccountSid of the signed webhook")
    twilio_api_url: str = Field("https://api.twilio.com", description="Origin Twilio media URLs must have to be fetched "
                                                                      "with the account credentials")
    meta_access_token: SecretStr = Field(SecretStr(""), description="Graph API token (system user) for WhatsApp media, "
                                                                    "Instagram mention lookups; empty = no media fetched")
    meta_graph_url: str = Field("https://graph.facebook.com/v21.0", description="Graph API base URL (with version)")
    media_hosts: str = Field(
        "graph.facebook.com,lookaside.fbsbx.com,fbcdn.net,cdninstagram.com,api.twilio.com,twiliocdn.com,pbs.twimg.com,video.twimg.com",
        description="Comma-separated hosts (and their subdomains) provider media may be fetched from; a redirect "
                    "may leave them only for https, without credentials")
    media_max_bytes: int = Field(16 * 1024 * 1024, description="Largest provider media (photo, video, voice note, "
                                                               "document) fetched into the blob store")
    media_fetch_attempts: int = Field(3, description="Tries per provider media before it is marked unavailable")
    media_fetch_timeout_s: float = Field(4.0, description="HTTP timeout of one media or Graph request")
    media_fetch_budget_s: float = Field(
        8.0, description="Longest time a webhook request spends fetching its media before answering (Twilio gives "
                         "up on a webhook after 15 s); what is not fetched by then is marked unavailable")
    x_consumer_secret: SecretStr = Field(SecretStr(""), description="X app consumer secret for CRC and x-twitter-webhooks-signature")
    x_account_ids: str = Field("", description="Comma-separated X user ids of the agency accounts")
    imap_host: str = Field("", description="IMAP server host; empty disables the mail poller")
    imap_port: int = Field(993, description="IMAP port")
    imap_ssl: bool = Field(True, description="IMAP over TLS")
    imap_user: str = Field("", description="IMAP login")
    imap_password: SecretStr = Field(SecretStr(""), description="IMAP password")
    imap_folder: str = Field("INBOX", description="Folder to fetch complaints from")
    imap_processed_folder: str = Field("", description="Move processed mail here; empty = mark \\Seen")
    open311_api_keys: SecretStr = Field(
        SecretStr(""), description='JSON map of Open311 api_key → client application name, for POST requests '
                                   '(GeoReport v2); empty = POST requests refused with 403')
    open311_contact: str = Field("", description="Contact line of the Open311 discovery document (who runs the desk)")
    intake_rate_per_minute: int = Field(60, description="Per-IP rate limit on public intake")
    max_attachment_bytes: int = Field(10 * 1024 * 1024, description="Largest attachment accepted")
    intake_ledger_size: int = Field(
        100_000, description="Complaint ids (with their content digest) each API process remembers, to answer a "
                             "resubmission of other content under the same Idempotency-Key or form token with 409")
    trusted_proxies: str = Field(
        "", description="Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For/-Proto "
                        "the API believes (the client address is what the per-IP intake limit counts); empty = none "
                        "(the TCP peer is the client); * only where the API port is reachable from the proxy alone")

    api_keys: SecretStr = Field(
        SecretStr(""),
        description='JSON map of API key → {"role": "operator"|"analyst"|"unit", "unit": CODE, "name": …}; '
                    "`aduan up` generates demo keys when empty",
    )
    webhook_subscriptions: Path | None = Field(None, description="Webhook subscription file (see consumers/sinks/webhooks/WEBHOOKS.md); empty = no push delivery")
    webhook_group: str = Field("aduan-webhooks", description="Webhook dispatcher consumer group")
    webhook_max_attempts: int = Field(8, description="Delivery attempts before a webhook is dead-lettered")
    webhook_max_elapsed_s: float = Field(180.0, description="Longest time spent retrying one delivery")
    webhook_timeout_s: float = Field(10.0, description="HTTP timeout of one webhook delivery")
    log_format: str = Field("json", description="json (one object a line, for collectors) or text")
    log_level: str = Field("INFO", description="Logging level of the aduan processes")
    metrics_port: int = Field(0, description="Prometheus port of the worker/indexer/mail processes (0 = off)")
    sla_tick_s: float = Field(30.0, description="How often SLA timers look for warnings, breaches and auto-closes")
    surge_app_id: str = Field("aduan-streams-surge", description="faust application id of `aduan surge` (its consumer group "
                                                              "and table topics; under the worker's ACL prefix)")
    surge_nice: int = Field(10, ge=0, le=19, description="Scheduling niceness of `aduan surge`: the detector yields the CPU to "
                            "the path a citizen waits on (intake, stage, index) and catches up when it idles")
    surge_batch_s: float = Field(1.0, gt=0, le=60, description="Longest micro-batch of `aduan surge`: the keys a batch "
                                 "changed are written to its changelog once per batch")
    surge_window_minutes: int = Field(60, ge=5, description="Surge window of event time (its last sixth and half are scanned too)")
    surge_min_count: int = Field(3, ge=2, description="Fewest complaints of one topic in one place (or one cluster) that can be a surge")
    surge_ratio: float = Field(3.0, ge=1.0, description="A surge is at least this many times what the window usually holds")
    surge_p_value: float = Field(1e-6, gt=0, lt=1, description="Poisson upper tail below which a count is a surge (smaller = fewer, later alerts)")
    surge_baseline_floor: float = Field(0.05, gt=0, description="Complaints per window assumed usual for a topic and place never seen")
    surge_history_days: float = Field(28.0, ge=2, description="EWMA span of the learned baseline (per-key daily level; the hour-of-week shape in weeks)")
    alerts_index: str = Field("aduan-alerts", description="Elasticsearch index of surge alerts (GET /v1/alerts)")
    journal: bool = Field(True, description="Journal every accepted submission on disk before answering "
                                            "(aduan.core.journal); off only for measurements")
    journal_max_bytes: int = Field(1024 ** 3, description="Size cap of a process's intake journal; beyond it intake "
                                                         "answers 503 with Retry-After")
    journal_retention_s: float = Field(7 * 86400, description="Journal segments entirely in Kafka are deleted after this")
    local_memory_budget_mb: int = Field(
        1500, description="Memory the local stack (`aduan up`) may use; its status line says how many complaints fit "
                          "and it warns from 80 % (the emulator holds every event and document in memory)")
    changelog_compaction_s: float = Field(
        0.0, ge=0, description="Every this many seconds a single-writer faust table (the surge detector's) compacts its "
                               "own changelog: every live entry written again, then DeleteRecords below them. For the "
                               "local emulator, which never compacts (`aduan up` sets 300); 0 = off, Kafka compacts")
    local_retention_records: int = Field(
        5_000, ge=0, description="`aduan up` on its emulator: the newest records kept of each per-complaint topic (raw, "
                                  "routed, duplicates, revisions) beyond uncommitted ones and the recovery window; "
                                  "0 keeps everything (see aduan/local_retention.py)")
    recovery_window_s: float = Field(
        300.0, description="After an unclean stop, events and journal records of this window are folded and published "
                           "again (the local emulator persists about once a second; the window is generous)")

    # The notifier (consumers/notify): answers reporters in their own channel. Credentials are empty by
    # default; a provider without them fails its messages (recorded, dead-lettered), it never guesses.
    notify_group: str = Field("aduan-notifier", description="Notifier consumer group")
    status_base_url: str = Field("", description="Public base URL of the status page in messages (/status/ADU-…); "
                                                 "empty = ADUAN_PUBLIC_BASE_URL, else http://<api_host>:<api_port>")
    notify_max_attempts: int = Field(5, description="Send attempts of one message before it is failed and dead-lettered")
    notify_retry_initial_s: float = Field(1.0, description="First retry delay of a send (doubling, jittered)")
    notify_retry_max_s: float = Field(30.0, description="Longest retry delay of a send")
    notify_rate_per_second: float = Field(20.0, description="Messages per second per provider (a token bucket each)")
    notify_timeout_s: float = Field(10.0, description="HTTP/SMTP timeout of one send")
    notify_receipt_wait_s: float = Field(30.0, description="After a restart, how long past a pending message's "
                                                          "record the notifier waits for a receipt that proves the "
                                                          "provider accepted it (WhatsApp) before it sends again")
    notify_web_sms_provider: str = Field("", description="twilio, kannel or gammu: how web reporters who left only a "
                                                         "phone number are texted; empty = not texted")
    twilio_api_url: str = Field("https://api.twilio.com", description="Twilio REST API base URL")
    twilio_account_sid: str = Field("", description="Twilio account SID (AC…), the Messages API user")
    twilio_from: str = Field("", description="Twilio sender: an E.164 number, or a Messaging Service SID (MG…)")
    twilio_whatsapp_from: str = Field("", description="Twilio WhatsApp sender number (E.164), for Twilio WhatsApp reporters")
    kannel_sendsms_url: str = Field("", description="Kannel smsbox sendsms URL, e.g. http://kannel:13013/cgi-bin/sendsms")
    kannel_username: str = Field("", description="Kannel sendsms-user username")
    kannel_password: SecretStr = Field(SecretStr(""), description="Kannel sendsms-user password")
    kannel_from: str = Field("", description="Kannel sender (from=); empty = the sendsms-user's default")
    gammu_inject_command: str = Field("gammu-smsd-inject", description="gammu-smsd-inject (path, or a wrapper such as "
                                                                        "'ssh gammu-host gammu-smsd-inject')")
    meta_graph_url: str = Field("https://graph.facebook.com/v21.0", description="Graph API base URL (WhatsApp Cloud, Messenger)")
    whatsapp_phone_number_id: str = Field("", description="WhatsApp Cloud sender phone number id (else the one the complaint came to)")
    whatsapp_access_token: SecretStr = Field(SecretStr(""), description="WhatsApp Cloud API access token (system user)")
    whatsapp_template_update: str = Field("aduan_pembaruan_status", description="Approved template for a status update "
                                                                               "outside the 24-hour window (body {{1}}: the message)")
    whatsapp_template_question: str = Field("aduan_konfirmasi_selesai", description="Approved template of the closure "
                                                                                  "question outside the window ({{1}}; quick replies YA, BELUM)")
    whatsapp_template_language: str = Field("id", description="Language code of the WhatsApp templates")
    messenger_page_access_token: SecretStr = Field(SecretStr(""), description="Page access token for the Messenger Send API")
    messenger_message_tag: str = Field("ACCOUNT_UPDATE", description="Message tag outside Messenger's 24-hour window")
    x_api_url: str = Field("https://api.x.com", description="X API base URL")
    x_user_access_token: SecretStr = Field(SecretStr(""), description="OAuth 2.0 user access token of the agency account "
                                                                      "(dm.write; dm.read to check after a crash) for X direct messages")
    smtp_host: str = Field("", description="SMTP server for e-mail replies; empty = e-mail reporters are not answered")
    smtp_port: int = Field(587, description="SMTP port")
    smtp_starttls: bool = Field(True, description="STARTTLS before AUTH")
    smtp_user: str = Field("", description="SMTP login (empty = no AUTH)")
    smtp_password: SecretStr = Field(SecretStr(""), description="SMTP password")
    notify_from_address: str = Field("", description="The agency's From address of e-mail replies")
    notify_from_name: str = Field("Layanan Pengaduan", description="Display name of the From address")
    status_rate_per_minute: int = Field(30, description="Per-client limit on the public status page and its JSON")

    reporter_salt: SecretStr = Field(
        SecretStr(DEVELOPMENT_SALT),
        description="Salt for reporter_key; set a secret value in production",
    )

    @property
    def blobs(self) -> Path:
        return self.blob_dir or self.data_dir / "blobs"

    def notify_providers(self) -> list[str]:
        """The providers the notifier has credentials for (``aduan up`` starts it when there is one)."""
        configured = {"twilio": self.twilio_account_sid, "kannel": self.kannel_sendsms_url,
                      "whatsapp": self.whatsapp_access_token.get_secret_value(),
                      "messenger": self.messenger_page_access_token.get_secret_value(),
                      "x": self.x_user_access_token.get_secret_value(), "smtp": self.smtp_host,
                      "gammu": self.notify_web_sms_provider == "gammu"}
        return [name for name, value in configured.items() if value]

    def require_servers(self, kafka: bool = True, elasticsearch: bool = True) -> None:
        wanted = (("ADUAN_KAFKA_BOOTSTRAP", self.kafka_bootstrap, kafka),
                  ("ADUAN_ELASTICSEARCH_URL", self.elasticsearch_url, elasticsearch))
        missing = [name for name, value, needed in wanted if needed and not value]
        if missing:
            raise RuntimeError(f"{', '.join(missing)} not set: run `aduan up` or point them at your servers")
        problems = self.deployment_problems(kafka=kafka, elasticsearch=elasticsearch)
        if problems:
            raise RuntimeError("\n".join(problems))

    def deployment_problems(self, kafka: bool = True, elasticsearch: bool = True, api: bool = False) -> list[str]:
        """One line per setting a production process cannot start without; none in development.

        Checked where a process first needs its servers (``require_servers``), so every command that
        talks to a server refuses alike; ``api`` adds what only the HTTP API needs.
        """
        if self.environment != "production":
            return []
        problems = []
        if self.reporter_salt.get_secret_value() in ("", DEVELOPMENT_SALT):
            problems.append("ADUAN_REPORTER_SALT is empty or the development default: set a long random secret")
        if kafka:
            if self.kafka_security_protocol == "PLAINTEXT":
                problems.append("ADUAN_KAFKA_SECURITY_PROTOCOL is PLAINTEXT: production needs SASL_SSL, "
                                "SASL_PLAINTEXT or SSL")
            if self.kafka_security_protocol.startswith("SASL_"):
                if not self.kafka_sasl_plain_username:
                    problems.append(f"ADUAN_KAFKA_SASL_PLAIN_USERNAME is not set ({self.kafka_security_protocol})")
                if not self.kafka_sasl_plain_password.get_secret_value():
                    problems.append(f"ADUAN_KAFKA_SASL_PLAIN_PASSWORD is not set ({self.kafka_security_protocol})")
        if elasticsearch:
            if not self.elasticsearch_url.startswith("https://"):
                problems.append("ADUAN_ELASTICSEARCH_URL is not https://: production sends credentials over TLS only")
            if not self.elasticsearch_api_key.get_secret_value():
                if not self.elasticsearch_username:
                    problems.append("ADUAN_ELASTICSEARCH_USERNAME is not set (nor ADUAN_ELASTICSEARCH_API_KEY)")
                if not self.elasticsearch_password.get_secret_value():
                    problems.append("ADUAN_ELASTICSEARCH_PASSWORD is not set (nor ADUAN_ELASTICSEARCH_API_KEY)")
        if api and not self.api_keys.get_secret_value():
            problems.append("ADUAN_API_KEYS is not set: every operator, analyst and unit read would answer 401")
        return problems


def endpoints_file(data_dir: Path) -> Path:
    """Where a running local stack says how to reach it (written by ``aduan up``)."""
    return data_dir / "run" / "endpoints.json"


def running_stack(data_dir: Path) -> dict | None:
    """The endpoints of the ``aduan up`` that owns ``data_dir``, if it is still running."""
    try:
        found = json.loads(endpoints_file(data_dir).read_text())
        os.kill(found["pid"], 0)
        return found
    except (OSError, ValueError, KeyError, TypeError):
        return None


class RunningStackSource(PydanticBaseSettingsSource):
    """Settings from a running local stack on this machine's data dir (see ``running_stack``)."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ answers for every field at once

    def __call__(self) -> dict[str, Any]:
        data_dir = self.current_state.get("data_dir") or default_data_dir()
        found = running_stack(Path(data_dir))
        if found is None:
            return {}
        values: dict[str, Any] = {"kafka_bootstrap": found["kafka"], "elasticsearch_url": found["elasticsearch"],
                                  "api_port": int(found["api"].rsplit(":", 1)[1])}
        # The index's cold tier, read by every reader beside the search server — the stack's own, not another.
        if found.get("elasticsearch_cold") and self.current_state.get("elasticsearch_url") in (None, "",
                                                                                            found["elasticsearch"]):
            values["elasticsearch_cold_url"] = found["elasticsearch_cold"]
        values.update(found.get("channel_secrets", {}))
        imap = found.get("imap")
        if imap:
            values.update(imap_host=imap["host"], imap_port=imap["port"], imap_user=imap["user"],
                          imap_password=imap["password"], imap_ssl=False)
        return values


class LocalSettings(Settings):
    """``Settings`` that fall back on a running ``aduan up`` for what the environment leaves unset."""

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings):
        return init_settings, env_settings, dotenv_settings, file_secret_settings, RunningStackSource(settings_cls)


@lru_cache
def get_settings() -> Settings:
    return Settings()


def local_settings() -> LocalSettings:
    """Not cached: a stack may have started since the last call."""
    return LocalSettings()
