#!/usr/bin/env bash
# A real caching proxy (Varnish) in front of one S3 endpoint, for the tests and for trying the
# console's cache check by hand (issue 19): one varnishd in the foreground, run by this script
# with its own folder (config, work dir, log), with a listener on a free loopback port per setup
# of scripts/cache-proxy.vcl (five that poison CORS answers, five that are correct).
#
#   scripts/cache-proxy.sh start UPSTREAM [DIR]   start in front of UPSTREAM (http://HOST:PORT,
#                                                 path-style S3) in DIR (new or empty; default: a
#                                                 new temp folder); prints KEY=VALUE lines, also in
#                                                 DIR/proxy.env: CACHE_PROXY_DIR, CACHE_PROXY_PID,
#                                                 CACHE_PROXY_UPSTREAM and one
#                                                 CACHE_PROXY_<SETUP>=http://127.0.0.1:PORT a setup
#   scripts/cache-proxy.sh stop DIR               stop exactly the varnishd that start recorded in
#                                                 DIR, then remove DIR
#   scripts/cache-proxy.sh setups                 the setups' names, one a line
#
# CACHE_PROXY_SHORT_TTL (default 1s) is correct-short-ttl's TTL, in VCL duration syntax.
# CACHE_PROXY_WATCH_PID: stop the proxy (and remove DIR) once that process has ended (the tests
# pass their own PID).
# No system service, no /etc change, no admin port (-T none). Needs Debian's varnish (and the C
# compiler it depends on, for the VCL): apt-get install -y varnish
set -euo pipefail

readonly SETUPS=(
  poison-no-vary poison-origin-replay poison-preflight poison-duplicate-acao poison-stale
  correct-vary correct-origin-key correct-no-preflight-cache correct-no-cors-headers correct-short-ttl
)
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
readonly SELF
readonly TEMPLATE="${SELF%/*}/cache-proxy.vcl"
readonly INSTALL_HINT='apt-get update && apt-get install -y varnish'

say() { printf 'cache-proxy: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# free_port, wait_for
# shellcheck source=scripts/peer-helpers.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/peer-helpers.sh"

# The PID in DIR/NAME.pid, if that process is still the one we started (its command line holds
# MARKER, which names our folder): a PID reused by another process is never signalled.
live_pid() {
  local dir=$1 name=$2 marker=$3 pid
  [ -f "$dir/$name.pid" ] || return 1
  pid=$(cat "$dir/$name.pid")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  echo "$pid"
}

stop_proxy() {
  local dir=$1 pid
  [ -f "$dir/cache-proxy.vcl" ] || die "$dir is not a folder made by 'cache-proxy.sh start' (no cache-proxy.vcl)"
  # The watchdog first (unless it is the one stopping), so it does not race this stop.
  if [ -z "${CACHE_PROXY_FROM_WATCHDOG:-}" ] && pid=$(live_pid "$dir" watchdog "cache-proxy-watchdog $dir"); then
    kill -TERM "$pid" 2>/dev/null || true
  fi
  if pid=$(live_pid "$dir" varnishd "$dir/cache-proxy.vcl"); then
    # The manager stops its cache child before it exits.
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_for 100 bash -c "! kill -0 $pid"; then
      say "varnishd (pid $pid) did not stop after 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait_for 50 bash -c "! kill -0 $pid" || true
    fi
  fi
  rm -rf -- "$dir"
}

# Upper case, dashes to underscores: the setup's KEY in proxy.env.
env_key() { local s=${1^^}; printf 'CACHE_PROXY_%s' "${s//-/_}"; }

start_proxy() {
  local upstream=${1:-} dir=${2:-}
  [[ $upstream =~ ^http://([^/:]+):([0-9]+)/?$ ]] || die "usage: $0 start http://HOST:PORT [DIR] (got '$upstream')"
  local host=${BASH_REMATCH[1]} port=${BASH_REMATCH[2]}
  # /usr/sbin is not on every user's PATH.
  local varnishd
  varnishd=$(command -v varnishd || echo /usr/sbin/varnishd)
  [ -x "$varnishd" ] || die "missing varnishd; install it with: $INSTALL_HINT"
  local short_ttl=${CACHE_PROXY_SHORT_TTL:-1s}
  [[ $short_ttl =~ ^[0-9.]+(ms|s|m)$ ]] || die "CACHE_PROXY_SHORT_TTL must be a VCL duration such as 1s (got '$short_ttl')"
  [[ ${CACHE_PROXY_WATCH_PID:-0} =~ ^[0-9]+$ ]] || die "CACHE_PROXY_WATCH_PID must be a PID (got '$CACHE_PROXY_WATCH_PID')"

  if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/cors-console-cache-proxy.XXXXXX"); fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ! -e "$dir/cache-proxy.vcl" ] || die "$dir already holds a proxy; stop it first"
  # stop removes DIR whole: only a new or empty folder is taken.
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty; give a new or empty folder (stop removes it)"
  trap 'say "start failed; log:"; tail -n 30 "$dir/varnishd.log" >&2 2>/dev/null || true; stop_proxy "$dir"' ERR

  sed -e "s|@UPSTREAM_HOST@|$host|g" -e "s|@UPSTREAM_PORT@|$port|g" -e "s|@SHORT_TTL@|$short_ttl|g" \
    "$TEMPLATE" >"$dir/cache-proxy.vcl"

  local listen=() lines=() setup p first_port=''
  for setup in "${SETUPS[@]}"; do
    p=$(free_port)
    first_port=${first_port:-$p}
    listen+=(-a "$setup=127.0.0.1:$p")
    lines+=("$(env_key "$setup")=http://127.0.0.1:$p")
  done

  # -F foreground, -j none (no privilege drop: everything stays in DIR, owned by the caller),
  # -T none (no admin port), small memory and thread pools: a test fixture, not a server.
  "$varnishd" -F -j none -T none -n "$dir/work" -f "$dir/cache-proxy.vcl" "${listen[@]}" \
    -s malloc,32m -p vsl_space=1M -p thread_pools=1 -p thread_pool_min=10 -p thread_pool_max=100 \
    >"$dir/varnishd.log" 2>&1 &
  echo $! >"$dir/varnishd.pid"
  local vpid ready=''
  vpid=$(cat "$dir/varnishd.pid")
  # Up to 30 s, but no longer than varnishd lives (a VCL that does not compile ends it at once).
  for ((i = 0; i < 300; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$first_port/__cache-proxy/ready" 2>/dev/null; then ready=1; break; fi
    kill -0 "$vpid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$ready" ]; then
    # Not die: exit skips the ERR trap, and what was started here must stop.
    say "varnishd did not answer on 127.0.0.1:$first_port; log:"
    tail -n 30 "$dir/varnishd.log" >&2 2>/dev/null || true
    stop_proxy "$dir"
    exit 1
  fi
  trap - ERR

  # With CACHE_PROXY_WATCH_PID (the test runner's PID), a watchdog stops the proxy once that
  # process is gone, so a killed test run leaves nothing behind. Its stdio is /dev/null: a caller
  # that reads this script's output to its end is not held open.
  if [ -n "${CACHE_PROXY_WATCH_PID:-}" ]; then
    bash -c 'while kill -0 "$2" 2>/dev/null && [ -e "$1/cache-proxy.vcl" ]; do sleep 1; done
             [ -e "$1/cache-proxy.vcl" ] && exec env CACHE_PROXY_FROM_WATCHDOG=1 bash "$3" stop "$1"' \
      cache-proxy-watchdog "$dir" "$CACHE_PROXY_WATCH_PID" "$SELF" </dev/null >/dev/null 2>&1 &
    echo $! >"$dir/watchdog.pid"
  fi

  {
    echo "CACHE_PROXY_DIR=$dir"
    echo "CACHE_PROXY_PID=$(cat "$dir/varnishd.pid")"
    echo "CACHE_PROXY_UPSTREAM=http://$host:$port"
    printf '%s\n' "${lines[@]}"
  } >"$dir/proxy.env"
  cat "$dir/proxy.env"
  say "ready in front of http://$host:$port; stop it with: scripts/cache-proxy.sh stop $dir"
}

case "${1:-}" in
  start) start_proxy "${2:-}" "${3:-}" ;;
  stop) [ -n "${2:-${CACHE_PROXY_DIR:-}}" ] || die "usage: $0 stop DIR"; stop_proxy "${2:-$CACHE_PROXY_DIR}" ;;
  setups) printf '%s\n' "${SETUPS[@]}" ;;
  *) die "usage: $0 start http://HOST:PORT [DIR] | stop DIR | setups" ;;
esac
