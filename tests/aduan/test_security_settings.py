"""Deployment credentials: production refuses to start without them, and the one client factory uses them.

No broker or search server here speaks SASL or TLS, so these tests check what reaches each client's
own configuration (the objects that open the sockets), and that a production process stops before
it opens anything when a credential is missing.
"""

import os
import ssl
import subprocess
import sys

import certifi
import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from aduan.core import connections as connections_module
from aduan.core.connections import Connections, elasticsearch_security, kafka_security, stream_credentials
from aduan.core.settings import Settings
from aduan.processes import MissingSetting, run_api

SERVERS = dict(kafka_bootstrap="127.0.0.1:1", elasticsearch_url="https://127.0.0.1:1")
PRODUCTION = dict(
    SERVERS, environment="production", reporter_salt="a-long-random-production-salt",
    kafka_security_protocol="SASL_SSL", kafka_sasl_mechanism="SCRAM-SHA-512", kafka_sasl_plain_username="aduan",
    kafka_sasl_plain_password="kafka-secret", kafka_ssl_cafile=certifi.where(),
    elasticsearch_username="aduan", elasticsearch_password="es-secret", elasticsearch_ca_certs=certifi.where(),
    api_keys='{"k": {"role": "operator"}}',
)


def settings(**values) -> Settings:
    return Settings(_env_file=None, **values)


def test_development_asks_for_nothing_beyond_the_servers():
    local = settings(**dict(SERVERS, elasticsearch_url="http://127.0.0.1:1"))
    assert local.environment == "development"
    assert local.deployment_problems(api=True) == []
    local.require_servers()


def test_a_complete_production_configuration_starts():
    assert settings(**PRODUCTION).deployment_problems(api=True) == []
    api_key_only = {k: v for k, v in PRODUCTION.items() if not k.startswith("elasticsearch_") or k == "elasticsearch_url"}
    assert settings(**api_key_only, elasticsearch_api_key="ZW5jb2RlZA==").deployment_problems(api=True) == []


def test_production_names_every_missing_credential_on_a_line_of_its_own():
    bare = settings(**dict(SERVERS, environment="production", kafka_security_protocol="SASL_PLAINTEXT",
                           elasticsearch_url="http://elasticsearch:9200"))
    with pytest.raises(RuntimeError) as refused:
        bare.require_servers()
    lines = str(refused.value).splitlines()
    named = [line.split()[0] for line in lines]
    assert named == ["ADUAN_REPORTER_SALT", "ADUAN_KAFKA_SASL_PLAIN_USERNAME", "ADUAN_KAFKA_SASL_PLAIN_PASSWORD",
                     "ADUAN_ELASTICSEARCH_URL", "ADUAN_ELASTICSEARCH_USERNAME", "ADUAN_ELASTICSEARCH_PASSWORD"]
    assert bare.deployment_problems(api=True)[-1].startswith("ADUAN_API_KEYS ")
    assert settings(**dict(PRODUCTION, reporter_salt="")).deployment_problems()[0].startswith("ADUAN_REPORTER_SALT ")


@pytest.mark.parametrize("dropped", ["reporter_salt", "kafka_sasl_plain_username", "kafka_sasl_plain_password",
                                     "elasticsearch_username", "elasticsearch_password", "api_keys"])
def test_each_credential_alone_is_required_in_production(dropped):
    values = {k: v for k, v in PRODUCTION.items() if k != dropped}
    (problem,) = settings(**values).deployment_problems(api=True)
    assert problem.startswith(f"ADUAN_{dropped.upper()} ")


def test_production_refuses_an_unauthenticated_broker_and_a_plain_http_search_server():
    values = dict(PRODUCTION, kafka_security_protocol="PLAINTEXT", elasticsearch_url="http://es:9200")
    assert [p.split()[0] for p in settings(**values).deployment_problems()] == [
        "ADUAN_KAFKA_SECURITY_PROTOCOL", "ADUAN_ELASTICSEARCH_URL"]
    # Certificates without SASL (mutual TLS at the listener) are a deployment too.
    assert settings(**dict(PRODUCTION, kafka_security_protocol="SSL")).deployment_problems() == []


def test_a_process_only_checks_the_servers_it_uses():
    values = dict(PRODUCTION, elasticsearch_username="", elasticsearch_password="")
    settings(**values).require_servers(elasticsearch=False)  # the worker and the mail poller
    with pytest.raises(RuntimeError, match="ADUAN_ELASTICSEARCH_USERNAME"):
        settings(**values).require_servers()


def test_the_api_refuses_before_it_binds_a_port():
    with pytest.raises(MissingSetting, match="^ADUAN_API_KEYS "):
        run_api(settings(**dict(PRODUCTION, api_keys="")), port=1)


def test_the_cli_prints_one_line_per_missing_setting_and_exits_2():
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADUAN_")}
    env.update(ADUAN_ENVIRONMENT="production", ADUAN_KAFKA_BOOTSTRAP="127.0.0.1:1",
               ADUAN_ELASTICSEARCH_URL="https://127.0.0.1:1", ADUAN_DATA_DIR="/nonexistent/aduan")
    result = subprocess.run([sys.executable, "-m", "aduan", "indexer"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert [line.split()[0] for line in lines] == [
        "ADUAN_REPORTER_SALT", "ADUAN_KAFKA_SECURITY_PROTOCOL", "ADUAN_ELASTICSEARCH_USERNAME",
        "ADUAN_ELASTICSEARCH_PASSWORD"]


def test_kafka_options_carry_kafka_python_names_and_reach_every_client(monkeypatch):
    production = settings(**PRODUCTION)
    options = kafka_security(production)
    assert options == {"security_protocol": "SASL_SSL", "sasl_mechanism": "SCRAM-SHA-512",
                       "sasl_plain_username": "aduan", "sasl_plain_password": "kafka-secret",
                       "ssl_cafile": certifi.where()}
    for client in (KafkaProducer, KafkaConsumer, KafkaAdminClient):
        assert set(options) <= set(client.DEFAULT_CONFIG), client.__name__
    # kafka-python bootstraps in its constructors; record what the factory hands them instead.
    built = {}
    for name in ("KafkaProducer", "KafkaConsumer"):
        monkeypatch.setattr(connections_module, name, lambda *_, _name=name, **config: built.setdefault(_name, config))
    connections = Connections(production)
    connections.consumer(group="g")
    connections.reader("r")
    connections.publisher("p")._client()
    for name, config in built.items():
        assert {key: config[key] for key in options} == options, name
    assert len(built) == 2
    assert kafka_security(settings(**SERVERS)) == {"security_protocol": "PLAINTEXT"}


def test_the_stream_worker_gets_the_same_kafka_security_through_faust():
    auth = credentials_to_aiokafka_auth(stream_credentials(settings(**PRODUCTION)))
    assert (auth["security_protocol"], auth["sasl_mechanism"], auth["sasl_plain_username"],
            auth["sasl_plain_password"]) == ("SASL_SSL", "SCRAM-SHA-512", "aduan", "kafka-secret")
    context = auth["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname and context.get_ca_certs()
    plain_sasl = credentials_to_aiokafka_auth(stream_credentials(settings(**dict(PRODUCTION, kafka_security_protocol="SASL_PLAINTEXT"))))
    assert plain_sasl["security_protocol"] == "SASL_PLAINTEXT" and plain_sasl["ssl_context"] is None
    assert credentials_to_aiokafka_auth(stream_credentials(settings(**dict(PRODUCTION, kafka_security_protocol="SSL"))))[
        "security_protocol"] == "SSL"
    assert stream_credentials(settings(**SERVERS)) is None


def test_the_worker_hands_its_credentials_to_faust_before_the_transport_exists():
    from aduan.processes import worker_app

    app = worker_app(settings(**PRODUCTION))
    assert "transport" not in app.__dict__  # built lazily at start, from conf
    auth = credentials_to_aiokafka_auth(app.conf.broker_credentials)
    assert (auth["sasl_mechanism"], auth["sasl_plain_password"]) == ("SCRAM-SHA-512", "kafka-secret")


def test_elasticsearch_gets_basic_auth_or_an_api_key_and_the_ca():
    production = settings(**PRODUCTION)
    assert elasticsearch_security(production) == {"basic_auth": ("aduan", "es-secret"), "ca_certs": certifi.where()}
    with Connections(production).elasticsearch() as es:
        assert es._headers["authorization"].startswith("Basic ")
        (node,) = es.transport.node_pool.all()
        assert node.config.ca_certs == certifi.where() and node.config.scheme == "https"
    keyed = settings(**dict(PRODUCTION, elasticsearch_api_key="ZW5jb2RlZA=="))
    assert "basic_auth" not in elasticsearch_security(keyed)  # the key wins: one identity per process
    with Connections(keyed).elasticsearch() as es:
        assert es._headers["authorization"] == "ApiKey ZW5jb2RlZA=="
    assert elasticsearch_security(settings(**SERVERS)) == {}
