#!/bin/sh
# One shot (docker-compose.yml `es-setup`), safe to re-run: the roles in deploy/elasticsearch/roles,
# aduan's own user (password from .env, so rotating it is: edit .env, `docker compose up -d`), and
# Kibana's service account token on the kibana-token volume (kept while it still authenticates).
set -eu
ES=https://elasticsearch:9200
CA=/certs/ca/ca.crt
TOKEN_FILE=/run/kibana-token/token
ELASTIC="elastic:$(cat /run/secrets/elastic_password)"

es() {
  method=$1 path=$2
  shift 2
  curl -fsS --cacert "$CA" -u "$ELASTIC" -X "$method" "$ES$path" -H 'Content-Type: application/json' "$@"
}

# The password goes into a JSON body unescaped: allow only characters that need no escaping.
case "$ADUAN_ELASTICSEARCH_PASSWORD" in
  *[!A-Za-z0-9._~-]*) echo "ADUAN_ELASTICSEARCH_PASSWORD: use letters, digits and ._~- only (openssl rand -hex 24)" >&2; exit 1 ;;
esac

for role in /roles/*.json; do
  name=$(basename "$role" .json)
  es PUT "/_security/role/$name" --data-binary "@$role" >/dev/null
  echo "role $name"
done
printf '{"password": "%s", "roles": ["aduan_writer"], "full_name": "aduan processes"}' "$ADUAN_ELASTICSEARCH_PASSWORD" |
  es PUT /_security/user/aduan --data-binary @- >/dev/null
echo "user aduan"

if [ -s "$TOKEN_FILE" ] && curl -fsS --cacert "$CA" -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
     "$ES/_security/_authenticate" >/dev/null 2>&1; then
  echo "kibana service token still valid"
  exit 0
fi
curl -sS --cacert "$CA" -u "$ELASTIC" -X DELETE "$ES/_security/service/elastic/kibana/credential/token/compose" >/dev/null
reply=$(es POST /_security/service/elastic/kibana/credential/token/compose)
value=$(printf '%s' "$reply" | sed -n 's/.*"value" *: *"\([^"]*\)".*/\1/p')
[ -n "$value" ] || { echo "no token in the reply: $reply" >&2; exit 1; }
umask 077
printf '%s' "$value" > "$TOKEN_FILE"
chown 1000:0 "$TOKEN_FILE"  # Kibana's user
echo "kibana service token created"
