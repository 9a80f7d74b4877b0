# What ready-time.sh and catch-up.sh share: the standalone's arguments on ports from $base, and a stop that
# also stops a PostgreSQL the JVM left behind in its data directory. Sourced; sets nothing else.

arguments() {
  echo "--catalogue.standalone.data-directory=$1" \
    "--catalogue.standalone.ports.projections=$base" \
    "--catalogue.standalone.ports.registry=$((base + 1))" \
    "--catalogue.standalone.ports.ingest=$((base + 2))" \
    "--catalogue.standalone.ports.notifier=$((base + 3))" \
    "--catalogue.standalone.ports.audit=$((base + 4))" \
    "--catalogue.standalone.ports.postgres=$((base + 5))" \
    "--catalogue.standalone.kafka.port=$((base + 6))" \
    "--catalogue.standalone.kafka.controller-port=$((base + 7))"
}

# stops the JVM we started, and a PostgreSQL it may have left behind in its data directory
stop() {
  local data=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  pid=
  if [ -f "$data/postgres/postmaster.pid" ]; then
    local postmaster
    postmaster=$(head -1 "$data/postgres/postmaster.pid")
    if kill -0 "$postmaster" 2>/dev/null; then
      echo "stopping PostgreSQL $postmaster left in $data/postgres" >&2
      kill -INT "$postmaster" || true
    fi
  fi
}
