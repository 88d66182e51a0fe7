#!/usr/bin/env bash
# Makes a Docker engine answer on this machine: installs docker.io when dockerd is missing,
# starts dockerd in the background when it is not running, and waits (bounded) until
# `docker info` answers. Safe to run again: each step is skipped when already done.
#
# Environment:
#   DOCKER_START_TIMEOUT  seconds to wait for the engine (default 60)
#   DOCKERD_LOG           where dockerd's output goes (default: target/dockerd.log under the repo)
set -euo pipefail

timeout_s="${DOCKER_START_TIMEOUT:-60}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log_file="${DOCKERD_LOG:-$repo_root/target/dockerd.log}"

say() { echo "[start-docker] $*"; }

if docker info >/dev/null 2>&1; then
  say "Docker engine already answers; nothing to do."
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    say "dockerd is missing and this is not root: install docker.io (sudo apt-get install -y docker.io) and run again." >&2
    exit 1
  fi
  say "dockerd is missing: installing docker.io"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  mkdir -p "$(dirname "$log_file")"
  say "starting dockerd in the background (log: $log_file)"
  # setsid: the engine must outlive this script and must not get the caller's signals.
  setsid dockerd >"$log_file" 2>&1 < /dev/null &
fi

deadline=$(( $(date +%s) + timeout_s ))
until docker info >/dev/null 2>&1; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    say "Docker engine did not answer within ${timeout_s}s. Last lines of $log_file:" >&2
    tail -n 20 "$log_file" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 1
done
say "Docker engine answers: $(docker version --format '{{.Server.Version}}') (API $(docker version --format '{{.Server.APIVersion}}'))"
