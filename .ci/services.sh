#!/usr/bin/env bash
# Real PostgreSQL and RabbitMQ for the tests that want them (they skip when the variables below are unset).
#
#   .ci/services.sh start   # starts both under $RAMMEARKITEKTUR_SERVICES_DIR, writes services.env there
#   . "$RAMMEARKITEKTUR_SERVICES_DIR/services.env"   # then run the tests
#   .ci/services.sh stop    # stops exactly what start started and removes the folder
#   .ci/services.sh close-connections [folder]   # closes every client connection of the RabbitMQ node (tests)
#
# Folder: $RAMMEARKITEKTUR_SERVICES_DIR, default ${TMPDIR:-/tmp}/rammearkitektur-services. Nothing outside it is used:
# PostgreSQL runs its own cluster (trust auth, 127.0.0.1, socket in the folder; as user postgres when run as root),
# RabbitMQ its own node (private ports and a private epmd, so a node the Debian package may have started is left
# alone) with a plain AMQP listener (PLAIN) and an AMQPS listener that requires a client certificate (EXTERNAL, the
# certificate's CN is the user), vhost BF, certificates from a throw-away CA. Ports: the first free from 55432
# (PostgreSQL) and 35671.. (RabbitMQ). A service that cannot be installed or started gives a warning, not a failure:
# its variables are then left out and its tests skip.
set -uo pipefail

dir=${RAMMEARKITEKTUR_SERVICES_DIR:-${TMPDIR:-/tmp}/rammearkitektur-services}
env_file=$dir/services.env
rabbit_bin=/usr/lib/rabbitmq/bin
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")

warn() { echo "warning: $*" >&2; }
now_ms() { date +%s%3N; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# First port from $1 such that $1+offset is free for every offset given after it.
free_ports() {
  local base=$1; shift
  for ((p = base; p < base + 200; p += 10)); do
    local ok=1
    for o in "$@"; do port_in_use $((p + o)) && ok=0; done
    [ $ok = 1 ] && { echo "$p"; return 0; }
  done
  return 1
}
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq >/dev/null 2>&1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}
random() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_postgres() {
  local t0 bin port
  t0=$(now_ms)
  bin=$(pg_bin)
  if [ -z "$bin" ]; then
    apt_install postgresql # a failing postinst (e.g. starting the default cluster) may still leave the binaries
    bin=$(pg_bin)
    [ -n "$bin" ] || { warn "PostgreSQL is not installed and could not be; its tests will skip"; return 1; }
  fi
  port=$(free_ports 55432 0) || { warn "no free port for PostgreSQL"; return 1; }
  mkdir -p "$dir/pg" && chmod 755 "$dir" "$dir/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/pg"
  if ! as_postgres "$bin/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 -N >"$dir/pg/initdb.log" 2>&1; then
    warn "PostgreSQL initdb failed:"; tail -n 20 "$dir/pg/initdb.log" >&2; return 1
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/pg.log" -w -t 60 start \
      -o "-p $port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null 2>&1; then
    warn "PostgreSQL did not start:"; tail -n 20 "$dir/pg/pg.log" >&2; stop_postgres; return 1
  fi
  echo "$bin" >"$dir/pg/bin"
  {
    echo "export RAMMEARKITEKTUR_PG_URL='jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres'"
  } >>"$env_file"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, started in $(($(now_ms) - t0)) ms"
}

stop_postgres() {
  [ -d "$dir/pg/data" ] || return 0
  local bin
  bin=$(cat "$dir/pg/bin" 2>/dev/null || pg_bin)
  if [ -f "$dir/pg/data/postmaster.pid" ]; then
    if ! as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      local pid
      pid=$(head -n 1 "$dir/pg/data/postmaster.pid" 2>/dev/null)
      [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
      warn "PostgreSQL did not stop cleanly; killed its postmaster $pid"
    fi
  fi
}

rabbit_env() {
  local r=$dir/rabbitmq base
  base=$(cat "$r/ports")
  export HOME=$r
  export RABBITMQ_NODENAME=rammearkitektur@localhost
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$((base + 1))
  export RABBITMQ_DIST_PORT=$((base + 2))
  export RABBITMQ_CTL_DIST_PORT_MIN=$((base + 3)) RABBITMQ_CTL_DIST_PORT_MAX=$((base + 8))
  export ERL_EPMD_PORT=$((base + 9))
  export RABBITMQ_CONF_ENV_FILE=$r/rabbitmq-env.conf
  export RABBITMQ_CONFIG_FILE=$r/rabbitmq.conf
  export RABBITMQ_ADVANCED_CONFIG_FILE=$r/advanced.config
  export RABBITMQ_ENABLED_PLUGINS_FILE=$r/enabled_plugins
  export RABBITMQ_MNESIA_BASE=$r/mnesia
  export RABBITMQ_LOG_BASE=$r/log
  export RABBITMQ_PID_FILE=$r/rabbit.pid
  amqps_port=$base
}

make_certificates() {
  local c=$1 cn=$2 p12_password=$3
  (
    cd "$c" || exit 1
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3 -subj "/CN=rammearkitektur CI CA" \
      -keyout ca.key -out ca.pem &&
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr &&
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' >server.ext &&
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3 -extfile server.ext -out server.pem &&
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/O=Kommune/CN=$cn" -keyout client.key -out client.csr &&
    printf 'keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n' >client.ext &&
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3 -extfile client.ext -out client.pem &&
    openssl pkcs12 -export -inkey client.key -in client.pem -certfile ca.pem -name client -passout "pass:$p12_password" -out client.p12
  ) >"$c/openssl.log" 2>&1
}

start_rabbitmq() {
  local t0 r=$dir/rabbitmq base user password cert_user p12_password hash
  t0=$(now_ms)
  if [ ! -x "$rabbit_bin/rabbitmq-server" ]; then
    # The package's postinst may start a default node (unless policy-rc.d forbids it); that node is left alone.
    apt_install rabbitmq-server # a failing postinst (starting the default node) may still leave the binaries
    [ -x "$rabbit_bin/rabbitmq-server" ] || { warn "RabbitMQ is not installed and could not be; its tests will skip"; return 1; }
  fi
  base=$(free_ports 35671 0 1 2 3 4 5 6 7 8 9) || { warn "no free ports for RabbitMQ"; return 1; }
  mkdir -p "$r/certs" "$r/log" "$r/mnesia" && chmod 700 "$r"
  echo "$base" >"$r/ports"
  rabbit_env
  user=ci-$(random | head -c 6) password=$(random) cert_user=rammearkitektur-ci-client p12_password=$(random)
  make_certificates "$r/certs" "$cert_user" "$p12_password" || { warn "could not make the RabbitMQ certificates:"; tail -n 20 "$r/certs/openssl.log" >&2; return 1; }
  : >"$r/rabbitmq-env.conf"
  echo '[rabbitmq_auth_mechanism_ssl].' >"$r/enabled_plugins"
  cat >"$r/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$RABBITMQ_NODE_PORT
listeners.ssl.1 = 127.0.0.1:$amqps_port
ssl_options.cacertfile = $r/certs/ca.pem
ssl_options.certfile = $r/certs/server.pem
ssl_options.keyfile = $r/certs/server.key
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = true
auth_mechanisms.1 = EXTERNAL
auth_mechanisms.2 = PLAIN
ssl_cert_login_from = common_name
initial_frame_max = 65536
load_definitions = $r/definitions.json
EOF
  # initial_frame_max: the Beskedfordeler's clients send an STS token (6-8 KB) as the SASL response in
  # connection.start-ok, before frame sizes are tuned; RabbitMQ's default (4096) closes such a connection with
  # frame_too_large, so a broker that takes tokens so must raise it.
  # Users, vhost and permissions are loaded at boot (no rabbitmqctl round trips): the PLAIN user with a salted
  # SHA-256 hash of its password, and the user named as the certificate's CN without a password (EXTERNAL only).
  head -c 4 /dev/urandom >"$r/salt"
  hash=$({ cat "$r/salt"; printf %s "$password"; } | openssl dgst -sha256 -binary | cat "$r/salt" - | base64 -w0)
  cat >"$r/definitions.json" <<EOF
{"users": [
  {"name": "$user", "password_hash": "$hash", "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": []},
  {"name": "$cert_user", "password_hash": "", "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": []}],
 "vhosts": [{"name": "BF"}],
 "permissions": [
  {"user": "$user", "vhost": "BF", "configure": ".*", "write": ".*", "read": ".*"},
  {"user": "$cert_user", "vhost": "BF", "configure": ".*", "write": ".*", "read": ".*"}]}
EOF
  "$rabbit_bin/rabbitmq-server" -detached >"$r/log/start.out" 2>&1
  # The node boots in the background (10-20 s): PostgreSQL starts meanwhile; rabbitmq_ready finishes the job.
  rabbit_started_ms=$t0
  rabbit_facts=("$user" "$password" "$cert_user" "$p12_password")
}

rabbitmq_ready() {
  local r=$dir/rabbitmq user=${rabbit_facts[0]} password=${rabbit_facts[1]} cert_user=${rabbit_facts[2]} p12_password=${rabbit_facts[3]}
  rabbit_env
  if ! "$rabbit_bin/rabbitmqctl" wait "$RABBITMQ_PID_FILE" --timeout 120 >"$r/log/wait.out" 2>&1; then
    warn "RabbitMQ did not start:"; tail -n 20 "$r/log/wait.out" "$r/log/start.out" >&2; stop_rabbitmq; return 1
  fi
  cat >>"$env_file" <<EOF
export RAMMEARKITEKTUR_RABBITMQ_HOST=127.0.0.1
export RAMMEARKITEKTUR_RABBITMQ_AMQP_PORT=$RABBITMQ_NODE_PORT
export RAMMEARKITEKTUR_RABBITMQ_AMQPS_PORT=$amqps_port
export RAMMEARKITEKTUR_RABBITMQ_VHOST=BF
export RAMMEARKITEKTUR_RABBITMQ_USER=$user
export RAMMEARKITEKTUR_RABBITMQ_PASSWORD=$password
export RAMMEARKITEKTUR_RABBITMQ_CLIENT_CN=$cert_user
export RAMMEARKITEKTUR_RABBITMQ_CA_PEM=$r/certs/ca.pem
export RAMMEARKITEKTUR_RABBITMQ_CLIENT_P12=$r/certs/client.p12
export RAMMEARKITEKTUR_RABBITMQ_CLIENT_P12_PASSWORD=$p12_password
export RAMMEARKITEKTUR_RABBITMQ_CLOSE_CONNECTIONS='$script close-connections $dir'
EOF
  echo "RabbitMQ node $RABBITMQ_NODENAME: AMQP 127.0.0.1:$RABBITMQ_NODE_PORT, AMQPS 127.0.0.1:$amqps_port, ready $(($(now_ms) - rabbit_started_ms)) ms after its start began"
}

stop_rabbitmq() {
  local r=$dir/rabbitmq pid
  [ -f "$r/ports" ] || return 0
  ( # in a subshell: rabbit_env exports HOME and friends
    rabbit_env
    pid=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      if ! timeout 60 "$rabbit_bin/rabbitmqctl" stop "$RABBITMQ_PID_FILE" >"$r/log/stop.out" 2>&1; then
        kill -TERM "$pid" 2>/dev/null; sleep 2; kill -KILL "$pid" 2>/dev/null
        warn "RabbitMQ did not stop cleanly; killed its node $pid"
      fi
    fi
    # -detached started an epmd on our private port; stop exactly that one.
    epmd -kill >/dev/null 2>&1 || true
  )
}

case "${1:-}" in
  start)
    t_all=$(now_ms)
    [ -e "$dir" ] && "$0" stop
    mkdir -p "$dir" && chmod 755 "$dir"
    : >"$env_file" && chmod 600 "$env_file" # holds the broker password
    rabbit_launched=0
    start_rabbitmq && rabbit_launched=1
    start_postgres
    [ $rabbit_launched = 1 ] && rabbitmq_ready
    echo "services started in $(($(now_ms) - t_all)) ms; variables in $env_file"
    ;;
  stop)
    t_all=$(now_ms)
    stop_rabbitmq
    stop_postgres
    case "$dir" in /|"") ;; *) rm -rf "$dir" ;; esac
    echo "services stopped in $(($(now_ms) - t_all)) ms"
    ;;
  close-connections)
    # Closes every client connection of the node, as a broker restart would (for reconnection tests). The folder
    # may be given as $2 (services.env names it so), else it is $RAMMEARKITEKTUR_SERVICES_DIR as for start.
    [ -n "${2:-}" ] && dir=$2
    [ -f "$dir/rabbitmq/ports" ] || { echo "no RabbitMQ node in $dir" >&2; exit 1; }
    rabbit_env
    "$rabbit_bin/rabbitmqctl" close_all_connections --global "closed by a test" >/dev/null || exit 1
    ;;
  *)
    echo "usage: $0 start|stop|close-connections   (folder: \$RAMMEARKITEKTUR_SERVICES_DIR, default \${TMPDIR:-/tmp}/rammearkitektur-services)" >&2
    exit 2
    ;;
esac
exit 0
