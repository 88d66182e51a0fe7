#!/usr/bin/env bash
# Builds, without any container registry, the images that Tollgate's container environment
# and its tests use in CI:
#   $TOLLGATE_BASE_IMAGE      a minimal Debian bookworm (debootstrap minbase + docker import)
#   $TOLLGATE_JRE_IMAGE       the base plus openjdk-17-jre-headless; apps' Dockerfiles build FROM it
#   $TOLLGATE_POSTGRES_IMAGE  the base plus PostgreSQL 15, started like the official image
#                             (POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, port 5432, and
#                             "database system is ready to accept connections" logged twice)
#   $TOLLGATE_WIREMOCK_IMAGE  the JRE image plus wiremock-standalone, port 8080
# Packages go into the root file systems with chroot, because `docker build` cannot reach a
# package mirror from inside a container here. Idempotent: an image that exists is skipped.
# Needs root, debootstrap (installed when missing) and a running engine (start-docker.sh).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
wiremock_version="$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' "$repo_root/pom.xml" | head -n 1)"

base_image="${TOLLGATE_BASE_IMAGE:-tollgate/debian:bookworm}"
jre_image="${TOLLGATE_JRE_IMAGE:-tollgate/jre:17}"
postgres_image="${TOLLGATE_POSTGRES_IMAGE:-tollgate/postgres:15}"
wiremock_image="${TOLLGATE_WIREMOCK_IMAGE:-tollgate/wiremock:$wiremock_version}"
work_dir="${TOLLGATE_IMAGES_WORKDIR:-$repo_root/target/images}"

say() { echo "[build-images] $*"; }
has_image() { docker image inspect "$1" >/dev/null 2>&1; }
# The PostgreSQL image carries the checksum of its entrypoint, so a changed entrypoint rebuilds it.
pg_sig="$(sha256sum "$repo_root/ci/images/postgres-entrypoint.sh" | cut -c1-16)"
postgres_current() {
  [ "$(docker image inspect -f '{{ index .Config.Labels "tollgate.entrypoint" }}' "$postgres_image" 2>/dev/null)" = "$pg_sig" ]
}

if has_image "$base_image" && has_image "$jre_image" && postgres_current && has_image "$wiremock_image"; then
  say "all images present: $base_image $jre_image $postgres_image $wiremock_image"
  exit 0
fi

docker info >/dev/null 2>&1 || { say "no Docker engine answers: run ci/images/start-docker.sh first." >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { say "debootstrap and chroot need root." >&2; exit 1; }
if ! command -v debootstrap >/dev/null 2>&1; then
  say "installing debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

mkdir -p "$work_dir"
mounted=()
# Removes a folder only when nothing is mounted below it: a root file system with the host's
# /dev still bound into it must never be deleted recursively.
safe_rm() {
  local dir
  for dir in "$@"; do
    [ -e "$dir" ] || continue
    if awk -v d="$(realpath "$dir")/" 'index($2 "/", d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
      say "not removing $dir: something is still mounted below it" >&2
      continue
    fi
    rm -rf "$dir"
  done
}
cleanup() {
  local m
  for m in "${mounted[@]+"${mounted[@]}"}"; do umount -l "$m" 2>/dev/null || true; done
  safe_rm "$work_dir/rootfs-base" "$work_dir/rootfs-jre" "$work_dir/rootfs-postgres" "$work_dir/wiremock"
}
trap cleanup EXIT

base_rootfs="$work_dir/rootfs-base"
ensure_base_rootfs() {
  [ -d "$base_rootfs/etc" ] && return 0
  say "debootstrap minbase bookworm (about a minute and a half)"
  safe_rm "$base_rootfs"
  debootstrap --variant=minbase bookworm "$base_rootfs" >"$work_dir/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work_dir/debootstrap.log" >&2; exit 1; }
  # Keep the image small and quiet: no apt caches, no docs, services never started in a chroot.
  printf '#!/bin/sh\nexit 101\n' >"$base_rootfs/usr/sbin/policy-rc.d"
  chmod +x "$base_rootfs/usr/sbin/policy-rc.d"
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n' \
    >"$base_rootfs/etc/dpkg/dpkg.cfg.d/01-nodoc"
  rm -rf "$base_rootfs/var/cache/apt/archives/"*.deb "$base_rootfs/var/lib/apt/lists/"*
}

# import ROOTFS IMAGE [docker import --change ...]
import_rootfs() {
  local rootfs="$1" image="$2"; shift 2
  say "importing $image"
  tar -C "$rootfs" --numeric-owner -c . | docker import "$@" - "$image" >/dev/null
}

# chroot_install ROOTFS PACKAGES... : installs packages into a copy of the base root file system.
chroot_install() {
  local rootfs="$1"; shift
  safe_rm "$rootfs"
  cp -a "$base_rootfs" "$rootfs"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  for fs in proc sys dev dev/pts; do mount --bind "/$fs" "$rootfs/$fs"; mounted+=("$rootfs/$fs"); done
  chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends $* >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/*"
  for fs in dev/pts dev sys proc; do umount -l "$rootfs/$fs"; done
  mounted=()
  : >"$rootfs/etc/resolv.conf"
}

if ! has_image "$base_image"; then
  ensure_base_rootfs
  import_rootfs "$base_rootfs" "$base_image" --change 'CMD ["/bin/bash"]'
fi

if ! has_image "$jre_image"; then
  ensure_base_rootfs
  say "installing openjdk-17-jre-headless"
  chroot_install "$work_dir/rootfs-jre" openjdk-17-jre-headless ca-certificates-java
  import_rootfs "$work_dir/rootfs-jre" "$jre_image" \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' --change 'CMD ["java","-version"]'
  safe_rm "$work_dir/rootfs-jre"
fi

if ! postgres_current; then
  ensure_base_rootfs
  say "installing postgresql-15"
  rootfs="$work_dir/rootfs-postgres"
  # The official image has no cluster of Debian's own; ours is made by the entrypoint.
  mkdir -p "$base_rootfs/etc/postgresql-common"
  echo 'create_main_cluster = false' >"$base_rootfs/etc/postgresql-common/createcluster.conf"
  chroot_install "$rootfs" postgresql-15
  rm -f "$base_rootfs/etc/postgresql-common/createcluster.conf"
  install -m 0755 "$repo_root/ci/images/postgres-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$rootfs/var/lib/postgresql/data"
  chroot "$rootfs" chown -R postgres:postgres /var/lib/postgresql
  chmod 0700 "$rootfs/var/lib/postgresql/data"
  import_rootfs "$rootfs" "$postgres_image" \
    --change 'USER postgres' \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'EXPOSE 5432' \
    --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
    --change 'CMD ["postgres"]' \
    --change "LABEL tollgate.entrypoint=$pg_sig"
  safe_rm "$rootfs"
fi

if ! has_image "$wiremock_image"; then
  has_image "$jre_image" || { say "missing $jre_image" >&2; exit 1; }
  say "building $wiremock_image"
  ctx="$work_dir/wiremock"
  rm -rf "$ctx" && mkdir -p "$ctx"
  # From the local Maven repository, downloaded there through Maven when missing.
  (cd "$repo_root" && mvn -B -q -N dependency:copy \
      -Dartifact="org.wiremock:wiremock-standalone:$wiremock_version" \
      -DoutputDirectory="$ctx" -Dmdep.stripVersion=true)
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $jre_image
COPY wiremock-standalone.jar /opt/wiremock/wiremock-standalone.jar
WORKDIR /home/wiremock
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/wiremock/wiremock-standalone.jar"]
CMD ["--port", "8080", "--disable-banner"]
DOCKERFILE
  docker build -q -t "$wiremock_image" "$ctx" >/dev/null
fi

say "images ready: $base_image $jre_image $postgres_image $wiremock_image"
