# The aduan application image: one image, one process per container (api, worker, indexer, mail).
FROM python:3.11.10-slim-bookworm

ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 ADUAN_DATA_DIR=/data
WORKDIR /app
COPY pyproject.toml README.md ./
COPY aduan ./aduan
COPY schemas ./schemas
COPY producers ./producers
COPY streams ./streams
COPY consumers ./consumers
RUN pip install . && useradd --system --home /data aduan && mkdir -p /data && chown aduan /data
USER aduan
VOLUME /data
ENTRYPOINT ["aduan"]
