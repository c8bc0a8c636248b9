#!/usr/bin/env bash
# One shot (docker-compose.yml `certs`): a CA and the Elasticsearch certificate, made once, kept on
# the es-certs volume. Elastic's own compose recipe, with the CA certificate world-readable (the aduan
# and Kibana containers verify with it) and the keys readable by the Elasticsearch group only.
set -euo pipefail
cd /usr/share/elasticsearch
certs=config/certs
if [[ ! -f $certs/ca/ca.crt ]]; then
  bin/elasticsearch-certutil ca --silent --pem --out $certs/ca.zip
  unzip -o -q $certs/ca.zip -d $certs
fi
if [[ ! -f $certs/elasticsearch/elasticsearch.crt ]]; then
  cat > $certs/instances.yml <<'YAML'
instances:
  - name: elasticsearch
    dns: [elasticsearch, localhost]
    ip: [127.0.0.1]
YAML
  bin/elasticsearch-certutil cert --silent --pem --in $certs/instances.yml --out $certs/certs.zip \
    --ca-cert $certs/ca/ca.crt --ca-key $certs/ca/ca.key
  unzip -o -q $certs/certs.zip -d $certs
fi
rm -f $certs/*.zip
chown -R root:root $certs
chmod 755 $certs $certs/ca
chmod 644 $certs/ca/ca.crt
chmod 600 $certs/ca/ca.key
chmod 750 $certs/elasticsearch
chmod 640 $certs/elasticsearch/*
echo "certificates ready"
