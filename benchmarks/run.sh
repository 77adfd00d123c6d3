#!/usr/bin/env bash
# Load benchmark of webhook ingestion: the service against a throwaway PostgreSQL, and a do-nothing endpoint on
# the same machine as the baseline, driven by the same load. Prints durable events/s and p50/p99 latency for
# both and their ratio, and checks the rows stored against the events the service acknowledged.
# Then it measures webhook-to-subscriber latency: deliveries at DELIVERY_RATE requests/s while an Orleans client
# (Conversations.Client) subscribed to every event partition notes when each new event arrives.
# See benchmarks/README.md. Knobs (environment): DURATION WARMUP CONNECTIONS LEADS CAMPAIGNS REDELIVERIES SEED
# DELIVERY_RATE PG_BIN READY_TIMEOUT RESULTS_DIR.
set -euo pipefail

DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
LEADS="${LEADS:-100000}"
CAMPAIGNS="${CAMPAIGNS:-20}"
REDELIVERIES="${REDELIVERIES:-0.1}"
SEED="${SEED:-1}"
DELIVERY_RATE="${DELIVERY_RATE:-2000}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
READY_TIMEOUT="${READY_TIMEOUT:-120}"
RESULTS_DIR="${RESULTS_DIR:-}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host_dir="$repo/src/Conversations.Host/bin/Release/net10.0"
loadtest="$repo/benchmarks/Conversations.LoadTest/bin/Release/net10.0/Conversations.LoadTest.dll"
work=""
service_pid=""
noop_pid=""
load_pid=""
pg_data=""

log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# PostgreSQL refuses to run as root: as root, run its tools as the postgres OS user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_process() { # pid name
  local pid="$1" name="$2"
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_process "$load_pid" "load generator"
  stop_process "$service_pid" "service"
  stop_process "$noop_pid" "no-op endpoint"
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    as_postgres "$PG_BIN/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1 || log "pg_ctl stop failed"
  fi
  if [ -n "$RESULTS_DIR" ] && [ -n "$work" ] && [ -d "$work" ]; then
    mkdir -p "$RESULTS_DIR"
    cp "$work"/*.json "$work"/*.log "$RESULTS_DIR"/ 2>/dev/null || true
    cp "$work/pg/postgres.log" "$RESULTS_DIR"/ 2>/dev/null || true
    log "summaries and logs kept in $RESULTS_DIR"
  fi
  [ -n "$work" ] && rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_ready() { # name url pid logfile
  local name="$1" url="$2" pid="$3" logfile="$4" deadline=$((SECONDS + READY_TIMEOUT))
  log "waiting for $name at $url (up to ${READY_TIMEOUT}s)"
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited before it was ready; the end of its log:"
      tail -n 40 "$logfile" >&2 || true
      return 1
    fi
    if curl -fsS --max-time 2 -o /dev/null "$url" 2>/dev/null; then
      log "$name is ready"
      return 0
    fi
    sleep 0.5
  done
  log "$name was not ready after ${READY_TIMEOUT}s; the end of its log:"
  tail -n 40 "$logfile" >&2 || true
  return 1
}

run_load() { # label url
  # Bounded: the load ends by itself after warm-up + duration (+ the in-flight requests' timeout); timeout is
  # the backstop. Run in the background and waited for, so that a signal reaches the trap at once.
  timeout --kill-after=10 $((WARMUP + DURATION + 120)) dotnet "$loadtest" load --url "$2" --label "$1" \
    --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" --leads "$LEADS" \
    --campaigns "$CAMPAIGNS" --redeliveries "$REDELIVERIES" --seed "$SEED" --json "$work/$1.json" --token "$webhook_token" &
  load_pid=$!
  wait "$load_pid"
  load_pid=""
}

for tool in initdb pg_ctl createdb psql; do
  [ -x "$PG_BIN/$tool" ] || { log "missing $PG_BIN/$tool (set PG_BIN to PostgreSQL's bin directory)"; exit 1; }
done
command -v curl >/dev/null || { log "curl is required"; exit 1; }

log "building Release (service and load generator)"
dotnet build -c Release -nologo -v q "$repo/src/Conversations.Host/Conversations.Host.csproj"
dotnet build -c Release -nologo -v q "$repo/benchmarks/Conversations.LoadTest/Conversations.LoadTest.csproj"

work="$(mktemp -d /tmp/conversations-bench.XXXXXX)"
chmod 755 "$work"
mapfile -t ports < <(dotnet "$loadtest" free-ports --count 5)
pg_port="${ports[0]}"; service_port="${ports[1]}"; silo_port="${ports[2]}"; gateway_port="${ports[3]}"; noop_port="${ports[4]}"
log "work dir $work; ports: postgres $pg_port, service $service_port (silo $silo_port, gateway $gateway_port), no-op $noop_port"

log "starting a throwaway PostgreSQL ($("$PG_BIN/postgres" --version)) with fsync=on, synchronous_commit=on"
mkdir -p "$work/pg"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$work/pg"; fi
pg_data="$work/pg/data"
as_postgres "$PG_BIN/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --no-locale >"$work/pg/initdb.log" 2>&1 \
  || { cat "$work/pg/initdb.log" >&2; exit 1; }
as_postgres "$PG_BIN/pg_ctl" -D "$pg_data" -l "$work/pg/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$work/pg -c fsync=on -c synchronous_commit=on -c shared_buffers=256MB -c max_connections=200" \
  start >/dev/null || { tail -n 40 "$work/pg/postgres.log" >&2; exit 1; }
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres conversations_bench

webhook_token="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
log "starting the service against PostgreSQL"
(
  cd "$host_dir"
  export ConnectionStrings__PostgreSql="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=conversations_bench"
  export Urls="http://127.0.0.1:$service_port"
  export Conversations__Cluster__SiloPort="$silo_port"
  export Conversations__Cluster__GatewayPort="$gateway_port"
  export Logging__LogLevel__Default=Warning
  # Production settings: Salesforge deliveries must carry the configured secret token.
  export Conversations__Providers__Salesforge__Enabled=true
  export Conversations__Providers__Salesforge__Token="$webhook_token"
  exec dotnet Conversations.Host.dll
) >"$work/service.log" 2>&1 &
service_pid=$!

log "starting the no-op endpoint"
dotnet "$loadtest" noop --urls "http://127.0.0.1:$noop_port" >"$work/noop.log" 2>&1 &
noop_pid=$!

wait_ready "no-op endpoint" "http://127.0.0.1:$noop_port/health/ready" "$noop_pid" "$work/noop.log"
wait_ready "service" "http://127.0.0.1:$service_port/health/ready" "$service_pid" "$work/service.log"

log "load 1/2: no-op endpoint (baseline)"
run_load noop "http://127.0.0.1:$noop_port"
log "load 2/2: service (PostgreSQL)"
run_load service "http://127.0.0.1:$service_port"

rows="$("$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d conversations_bench -tAc "SELECT count(*) FROM conversation_events")"
log "conversation_events holds $rows rows"

problems="$(grep -ciE 'fail|error|exception' "$work/service.log" || true)"
if [ "${problems:-0}" -gt 0 ]; then
  log "the service logged $problems line(s) mentioning failures; the last of them:"
  grep -iE 'fail|error|exception' "$work/service.log" | tail -n 10 >&2
fi

echo
echo "Results: ${DURATION}s measured after ${WARMUP}s warm-up, $CONNECTIONS connections, $LEADS leads, $CAMPAIGNS campaigns, redeliveries $REDELIVERIES"
echo "Machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (other busy processes skew the figures)"
status=0
dotnet "$loadtest" compare --baseline "$work/noop.json" --target "$work/service.json" --stored "$rows" || status=$?

# After the row count: these deliveries add rows of their own.
echo
log "load 3/3: webhook to subscriber at $DELIVERY_RATE requests/s"
timeout --kill-after=10 $((DURATION + 120)) dotnet "$loadtest" delivery --url "http://127.0.0.1:$service_port" \
  --rate "$DELIVERY_RATE" --duration "$DURATION" --warmup 5 --connections "$CONNECTIONS" --leads "$LEADS" --seed "$((SEED + 1))" \
  --token "$webhook_token" --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=conversations_bench" || status=$?
exit "$status"
