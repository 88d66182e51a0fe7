#!/bin/sh
# Makes sure headless Chromium is on this machine, for ReportHtmlBrowserIT (which opens
# report.html in it). CI calls this before `mvn verify`; it does nothing when chromium is present.
set -eu
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing and this script is not root: run 'sudo apt-get install -y chromium'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
command -v chromium
