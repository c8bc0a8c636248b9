#!/usr/bin/env bash
# Installs what aduan needs on a fresh Debian/Ubuntu machine: a virtualenv in .venv with the
# package and the extras named in $1 (local | test), plus Debian packages for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-local}"

need_apt=()
if [[ "$extras" == "test" ]]; then
  command -v dovecot >/dev/null 2>&1 || need_apt+=(dovecot-imapd)
  [[ -x /usr/bin/chromium ]] || need_apt+=(chromium)
  # tests/test_compose.py validates the reverse proxy's Caddyfile with Caddy itself.
  command -v caddy >/dev/null 2>&1 || need_apt+=(caddy)
fi
if ((${#need_apt[@]})); then
  sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  echo "installing Debian packages: ${need_apt[*]}" >&2
  $sudo_cmd apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # The package starts a system Dovecot on the standard ports; tests run their own on free ports.
  $sudo_cmd systemctl disable --now dovecot >/dev/null 2>&1 || $sudo_cmd service dovecot stop >/dev/null 2>&1 || true
  $sudo_cmd systemctl disable --now caddy >/dev/null 2>&1 || $sudo_cmd service caddy stop >/dev/null 2>&1 || true
fi

python=${PYTHON:-python3}
[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[$extras]"
