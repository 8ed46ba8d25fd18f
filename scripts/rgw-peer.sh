#!/usr/bin/env bash
# A throwaway single-node Ceph cluster with a RADOS Gateway, for the tests and for trying the
# console on real Ceph: one monitor, one OSD on memstore (RAM, nothing on disk but a temp
# folder), no manager, radosgw (beast) on a free loopback port and an S3 user with test keys.
#
#   scripts/rgw-peer.sh start [DIR]   start in DIR (default: a new temp folder); prints the
#                                     endpoint and keys as KEY=VALUE lines, also in DIR/peer.env
#   scripts/rgw-peer.sh stop DIR      stop exactly the processes that start recorded in DIR,
#                                     then remove DIR
#   scripts/rgw-peer.sh run CMD...    start, run CMD with the peer's KEY=VALUE lines in its
#                                     environment, stop; exits with CMD's status (npm test)
#
# Needs Debian's packages: apt-get install -y ceph-mon ceph-osd radosgw ceph-common
set -euo pipefail

# Test keys, known to the tests; they open nothing but this throwaway cluster.
readonly ACCESS_KEY='CORSCONSOLETESTKEY01'
readonly SECRET_KEY='cors-console-rgw-test-secret-not-a-secret'
readonly USER_ID='cors-console-test'
readonly REQUIRED=(ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool ceph-authtool)
readonly INSTALL_HINT='apt-get update && apt-get install -y ceph-mon ceph-osd radosgw ceph-common'

say() { printf 'rgw-peer: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# free_port, wait_for
# shellcheck source=scripts/peer-helpers.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/peer-helpers.sh"

# The PID in DIR/pids/NAME, if that process is still the daemon we started (its command line
# names our folder): a PID reused by another process is never signalled.
live_pid() {
  local dir=$1 name=$2 pid
  [ -f "$dir/pids/$name" ] || return 1
  pid=$(cat "$dir/pids/$name")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$dir/ceph.conf" || return 1
  echo "$pid"
}

stop_daemon() {
  local dir=$1 name=$2 pid
  pid=$(live_pid "$dir" "$name") || return 0
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_for 100 bash -c "! kill -0 $pid"; then
    say "$name (pid $pid) did not stop after 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_for 50 bash -c "! kill -0 $pid" || true
  fi
}

stop_peer() {
  local dir=$1
  [ -f "$dir/ceph.conf" ] || die "$dir is not a folder made by 'rgw-peer.sh start' (no ceph.conf)"
  # Clients first, then the data, then the map that describes both.
  stop_daemon "$dir" radosgw
  stop_daemon "$dir" osd
  stop_daemon "$dir" mon
  rm -rf -- "$dir"
}

write_config() {
  local dir=$1 fsid=$2 mon_port=$3 rgw_port=$4
  cat >"$dir/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
# Loopback only: nothing binds to another interface.
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
ms bind msgr1 = false
# No cephx: a private throwaway cluster. With auth off, clients must ask for crc mode or
# radosgw waits forever for the monitor.
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
keyring = $dir/keyring
# Everything under this folder: data, sockets, logs, no system folders.
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
crash dir = $dir/crash
mon cluster log to file = false
mon data avail crit = 0
# One OSD: one copy, small pools, no warnings about either.
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
# Cuts the start-up from about 13 s to about 2 s.
paxos propose interval = 0.1

[mon]
mon data = $dir/mon.\$id

[osd]
osd objectstore = memstore
osd data = $dir/osd.\$id
memstore device bytes = 1073741824

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
rgw data = $dir/rgw
EOF
}

start_peer() {
  local dir=${1:-}
  local missing=()
  for tool in "${REQUIRED[@]}"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}; install them with: $INSTALL_HINT"

  if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/cors-console-rgw.XXXXXX"); fi
  mkdir -p "$dir"/{pids,run,log,crash,rgw,osd.0}
  dir=$(cd "$dir" && pwd)
  [ ! -e "$dir/ceph.conf" ] || die "$dir already holds a peer; stop it first"
  local started=$EPOCHREALTIME
  # A failed start stops whatever it had started.
  trap 'say "start failed; logs were in $dir/log"; tail -n 20 "$dir"/log/*.log >&2 2>/dev/null || true; stop_peer "$dir"' ERR

  local fsid mon_port rgw_port
  fsid=$(cat /proc/sys/kernel/random/uuid)
  mon_port=$(free_port)
  rgw_port=$(free_port)
  write_config "$dir" "$fsid" "$mon_port" "$rgw_port"
  local conf=(-c "$dir/ceph.conf")

  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon "${conf[@]}" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/keyring"
  ceph-mon "${conf[@]}" -f -i a >"$dir/log/mon.out" 2>&1 &
  echo $! >"$dir/pids/mon"

  local osd_uuid osd_id
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  osd_id=$(ceph "${conf[@]}" --connect-timeout 20 osd new "$osd_uuid")
  [ "$osd_id" = 0 ] || die "expected OSD id 0, got '$osd_id'"
  ceph-osd "${conf[@]}" -i 0 --mkfs --osd-uuid "$osd_uuid" >"$dir/log/osd-mkfs.out" 2>&1
  ceph-osd "${conf[@]}" -f -i 0 >"$dir/log/osd.out" 2>&1 &
  echo $! >"$dir/pids/osd"

  radosgw "${conf[@]}" -f -n client.rgw >"$dir/log/radosgw.out" 2>&1 &
  echo $! >"$dir/pids/radosgw"
  local endpoint="http://127.0.0.1:$rgw_port"
  wait_for 600 node -e "fetch('$endpoint').then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))" \
    || die "radosgw did not answer on $endpoint within 60 s"

  radosgw-admin "${conf[@]}" user create --uid "$USER_ID" --display-name 'cors-console tests' \
    --access-key "$ACCESS_KEY" --secret "$SECRET_KEY" >/dev/null
  trap - ERR

  cat >"$dir/peer.env" <<EOF
RGW_PEER_DIR=$dir
RGW_ENDPOINT=$endpoint
RGW_ACCESS_KEY=$ACCESS_KEY
RGW_SECRET_KEY=$SECRET_KEY
RGW_START_SECONDS=$(LC_ALL=C awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f\n", b - a }')
EOF
  cat "$dir/peer.env"
  say "ready on $endpoint; stop it with: scripts/rgw-peer.sh stop $dir"
}


run_with_peer() {
  # Global, not local: the EXIT trap reads it after this function has returned.
  RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cors-console-rgw.XXXXXX")
  start_peer "$RUN_DIR" >/dev/null
  trap 'stop_peer "$RUN_DIR"' EXIT
  set -a
  # shellcheck source=/dev/null
  . "$RUN_DIR/peer.env"
  set +a
  say "started in ${RGW_START_SECONDS} s; running: $*"
  local status=0
  "$@" || status=$?
  return "$status"
}

case "${1:-}" in
  start) start_peer "${2:-}" ;;
  run) shift; [ $# -gt 0 ] || die "usage: $0 run CMD..."; run_with_peer "$@" ;;
  stop) [ -n "${2:-${RGW_PEER_DIR:-}}" ] || die "usage: $0 stop DIR"; stop_peer "${2:-$RGW_PEER_DIR}" ;;
  *) die "usage: $0 start [DIR] | stop DIR | run CMD..." ;;
esac
