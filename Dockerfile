# The aduan application image: one image, one process per container (api, worker, indexer, mail, webhooks).
# [rocksdb]: the worker's rocksdb:// table store (Kubernetes StatefulSet).
FROM python:3.11.10-slim-bookworm

ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 ADUAN_DATA_DIR=/data
WORKDIR /app
COPY pyproject.toml README.md ./
COPY aduan ./aduan
COPY schemas ./schemas
COPY producers ./producers
COPY streams ./streams
COPY consumers ./consumers
# /data/blobs exists owned by aduan, so a named volume mounted there (compose) starts writable.
RUN pip install '.[rocksdb]' && useradd --system --uid 10001 --home /data aduan && mkdir -p /data/blobs && chown -R aduan /data
# Numeric, so Kubernetes can verify runAsNonRoot (deploy/kubernetes runs it as 10001).
USER 10001
VOLUME /data
ENTRYPOINT ["aduan"]
