#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: chromium (browser tests),
# redis-server (Socket.IO across nodes, chaos), docker-compose (compose validation) and python3 with
# venv (the contract stage installs schemathesis into .tools/schemathesis). Used by
# `npm test` (scripts/test.sh) and by .ci/run, so a fresh machine needs nothing installed by hand.
# As root it runs apt-get itself, otherwise through sudo when that works without a password;
# failing both it prints the one command to run and returns 1 (the stages that need the package
# then fail and say so). The embedded FerretDB and Mailpit are built with Go on first use.
set -uo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
{ command -v python3 >/dev/null 2>&1 && python3 -c 'import ensurepip, venv' >/dev/null 2>&1; } || missing+=(python3 python3-venv)
command -v go >/dev/null 2>&1 || echo "ensure-system: warning: Go is not installed; the embedded FerretDB cannot be built" >&2

[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "ensure-system: missing ${missing[*]}; install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "==> ensure-system: apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q "${missing[@]}"
