#!/usr/bin/env bash
# Load comparison: wrk against one small backend three ways -- directly, through Pincer, and
# through nginx as a plain reverse proxy -- and a side-by-side table of requests/s, p50/p99
# latency, the p99 each proxy adds, and each proxy's CPU time per request.
#
#   bench/load-compare.sh                      # from the repo root or from bench/
#   CONNECTIONS=64 DURATION=30s bench/load-compare.sh
#
# Environment (defaults in brackets):
#   CONNECTIONS [32]  wrk connections     THREADS [2]   wrk threads
#   DURATION [15s]    each measured run   WARMUP [10s]  unmeasured JVM warm-up run against Pincer
#   SKIP_PINCER [0]   1: only the direct and nginx rows (no jar needed)
#   PINCER_JAR [proxy/target/pincer.jar]  built with ./mvnw -B -q -DskipTests package if missing
#   PINCER_JAVA_OPTS []  extra JVM flags for Pincer
#   NGINX_WORKERS [nproc]  nginx proxy workers; Pincer runs one event-loop thread per core
#   PACE_MS [5]       second, paced run per target: each connection waits this long between
#                     requests, so latency is measured below saturation (0: no paced runs)
#
# Two runs per target. "Saturated": wrk sends as fast as it can, which gives throughput and CPU per
# request, but its latency is mostly queueing on a busy machine. "Paced": the same connections each
# wait PACE_MS between requests; its p99 is what the latency target is judged on.
#
# Ports (loopback only): backend 18081, nginx 18082, Pincer 18080 (admin 19090).
# CPU per request = (utime + stime over all the proxy's processes, from /proc/PID/stat, after the
# run minus before) / requests wrk completed. Raw wrk output, configs and the table are kept under
# bench/results/<timestamp>/ (git-ignored).
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
SKIP_PINCER=${SKIP_PINCER:-0}
PINCER_JAVA_OPTS=${PINCER_JAVA_OPTS:-}
NGINX_WORKERS=${NGINX_WORKERS:-$(nproc)}
PACE_MS=${PACE_MS:-5}

readonly HOST=127.0.0.1
readonly BACKEND_PORT=18081 NGINX_PORT=18082 PINCER_PORT=18080 PINCER_ADMIN_PORT=19090

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
PINCER_JAR=${PINCER_JAR:-$repo_root/proxy/target/pincer.jar}

log() { printf '[load-compare] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- processes we start, and cleanup ----------------------------------------------------------

started_pids=()   # every process this script started (nginx masters, the JVM, wrk)
work=""

# Children of a process (one level), read from /proc so nothing beyond bash is needed.
children_of() {
    local parent=$1 stat rest fields
    for stat in /proc/[0-9]*/stat; do
        [[ -r $stat ]] || continue
        rest=$(<"$stat") 2>/dev/null || continue
        rest=${rest##*) }
        read -ra fields <<<"$rest"
        [[ ${fields[1]} == "$parent" ]] && { stat=${stat#/proc/}; echo "${stat%/stat}"; }
    done
    return 0
}

cleanup() {
    local rc=$? pid victims=() i
    trap - EXIT INT TERM
    for pid in "${started_pids[@]}"; do
        kill -0 "$pid" 2>/dev/null || continue
        victims+=("$pid")
        # nginx workers, so that none outlives its master if the master has to be killed hard.
        while read -r i; do [[ -n $i ]] && victims+=("$i"); done < <(children_of "$pid")
    done
    if ((${#victims[@]})); then
        kill -TERM "${victims[@]}" 2>/dev/null || true
        for i in $(seq 50); do
            kill -0 "${victims[@]}" 2>/dev/null || break
            sleep 0.1
        done
        for pid in "${victims[@]}"; do
            if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
        done
    fi
    wait 2>/dev/null || true
    [[ -n $work && -d $work ]] && rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- prerequisites ----------------------------------------------------------------------------

ensure_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || missing+=(nginx)
    command -v curl >/dev/null || missing+=(curl)
    ((${#missing[@]})) || return 0
    log "installing ${missing[*]} from Debian packages"
    ((EUID == 0)) || die "need root to install ${missing[*]} (or install them first)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian starts the packaged nginx service on install where an init system runs; we use our
    # own instances on our own ports, so that one does not matter, but say so if it is there.
    if [[ " ${missing[*]} " == *" nginx "* ]] && pgrep -x nginx >/dev/null 2>&1; then
        log "note: the distribution's nginx service is running (port 80); it is not used here"
    fi
}

port_free() { ! (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

wait_for_port() { # port, what, pid
    local i
    for i in $(seq 150); do
        port_free "$1" || return 0
        kill -0 "$3" 2>/dev/null || die "$2 exited during start-up"
        sleep 0.2
    done
    die "$2 did not listen on $HOST:$1 within 30s"
}

# Seconds in a wrk duration (15s, 2m, 1h, or a bare number of seconds).
duration_seconds() {
    local d=$1
    case $d in
        *h) echo $((${d%h} * 3600)) ;;
        *m) echo $((${d%m} * 60)) ;;
        *s) echo "${d%s}" ;;
        *) echo "$d" ;;
    esac
}

# --- CPU accounting ---------------------------------------------------------------------------

CLK_TCK=$(getconf CLK_TCK)

# utime + stime, in clock ticks, of one process (all its threads).
cpu_ticks_of() {
    local rest fields
    rest=$(<"/proc/$1/stat") || return 1
    rest=${rest##*) }            # the command name may hold spaces and parentheses
    read -ra fields <<<"$rest"   # fields[0] is field 3 (state): utime is field 14, stime 15
    echo $((fields[11] + fields[12]))
}

# Summed over a process and its children (nginx master + workers; the JVM is one process).
cpu_ticks_tree() {
    local total=0 pid t
    for pid in "$1" $(children_of "$1"); do
        t=$(cpu_ticks_of "$pid" 2>/dev/null) || continue
        total=$((total + t))
    done
    echo "$total"
}

# --- wrk runs ---------------------------------------------------------------------------------

# bounded SECONDS OUT CMD...: runs CMD in the background with a time limit and waits for it, so a
# TERM or INT sent to this script interrupts the wait and the trap cleans up at once.
bounded() {
    local limit=$1 out=$2 pid rc=0
    shift 2
    timeout "$limit" "$@" >"$out" 2>&1 &
    pid=$!
    started_pids+=("$pid")
    wait "$pid" || rc=$?
    return "$rc"
}

# Latency as wrk prints it (812.00us, 1.23ms, 2.01s) in microseconds.
to_us() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") m = 1; else if (u == "ms") m = 1000; else if (u == "s") m = 1000000;
        else if (u == "m") m = 60000000; else { print "nan"; exit }
        printf "%.1f", n * m }'
}

# run_wrk NAME URL [PID [SCRIPT]]: measured run; sets R_* globals and writes $work/NAME.wrk.
run_wrk() {
    local name=$1 url=$2 pid=${3:-} script=${4:-} out="$work/$1.wrk" before=0 after=0 limit
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
    [[ -n $script ]] && args+=(-s "$script")
    limit=$(($(duration_seconds "$DURATION") + 60))
    log "$name: wrk ${args[*]} $url"
    [[ -n $pid ]] && before=$(cpu_ticks_tree "$pid")
    bounded "$limit" "$out" wrk "${args[@]}" "$url" \
        || die "$name: wrk failed: $(tail -n 5 "$out")"
    [[ -n $pid ]] && after=$(cpu_ticks_tree "$pid")

    R_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    R_P50=$(to_us "$(awk '$1 == "50%" {print $2}' "$out")")
    R_P99=$(to_us "$(awk '$1 == "99%" {print $2}' "$out")")
    R_REQ=$(awk '/ requests in / {print $1}' "$out")
    [[ -n $R_RPS && -n $R_REQ && $R_REQ -gt 0 ]] || die "$name: could not parse wrk output: $(cat "$out")"
    # Errors make the other figures meaningless (e.g. a proxy answering 502 quickly).
    R_ERR=$(awk '/^  Socket errors:/ {gsub(",", ""); e += $4 + $6 + $8 + $10}
                 /^  Non-2xx or 3xx responses:/ {e += $5}
                 END {print e + 0}' "$out")
    if [[ -n $pid ]]; then
        R_CPU=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$R_REQ" \
            'BEGIN {printf "%.2f", t * 1000000 / hz / n}')
    else
        R_CPU="-"
    fi
    ((R_ERR == 0)) || log "$name: $R_ERR errors or non-2xx responses (see $name.wrk)"
}

warm_up() { # name url
    log "$1: warm-up wrk -t$THREADS -c$CONNECTIONS -d$WARMUP (not measured)"
    bounded $(($(duration_seconds "$WARMUP") + 60)) "$work/$1.warmup.wrk" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$2" \
        || die "$1: warm-up failed: $(tail -n 5 "$work/$1.warmup.wrk")"
}

check_ok() { # name url: one request must come back 200 "ok"
    local body
    body=$(curl -fsS --max-time 5 "$2") || die "$1: $2 did not answer 200"
    [[ $body == ok ]] || die "$1: $2 answered '$body', expected 'ok' from the backend"
}

# --- the three targets ------------------------------------------------------------------------

nginx_common() { # dir: settings both nginx instances share
    cat <<EOF
daemon off;
master_process on;
pid $1/nginx.pid;
error_log $1/error.log warn;
events { worker_connections 4096; }
EOF
}

nginx_temp_paths() { # dir
    local t
    for t in client_body proxy fastcgi uwsgi scgi; do
        echo "    ${t}_temp_path $1/tmp/$t;"
    done
}

start_nginx() { # name dir: starts nginx on $dir/nginx.conf; sets R_PID
    mkdir -p "$2/tmp"
    nginx -t -q -p "$2" -e "$2/error.log" -c "$2/nginx.conf" || die "$1: bad nginx config"
    nginx -p "$2" -e "$2/error.log" -c "$2/nginx.conf" &
    R_PID=$!
    started_pids+=("$R_PID")
}

start_backend() {
    local dir="$work/backend"
    mkdir -p "$dir"
    {
        nginx_common "$dir"
        cat <<EOF
worker_processes 1;
http {
    access_log off;
$(nginx_temp_paths "$dir")
    keepalive_requests 1000000;   # no reconnects mid-run (default 1000)
    server {
        listen $HOST:$BACKEND_PORT backlog=4096;
        location / {
            default_type text/plain;
            return 200 "ok\n";
        }
    }
}
EOF
    } >"$dir/nginx.conf"
    start_nginx backend "$dir"
    BACKEND_PID=$R_PID
    wait_for_port "$BACKEND_PORT" backend "$BACKEND_PID"
}

start_nginx_proxy() {
    local dir="$work/nginx"
    mkdir -p "$dir"
    {
        nginx_common "$dir"
        cat <<EOF
worker_processes $NGINX_WORKERS;  # Pincer runs one event-loop thread per core: same count
http {
    access_log off;
$(nginx_temp_paths "$dir")
    keepalive_requests 1000000;
    upstream backend {
        server $HOST:$BACKEND_PORT;
        keepalive 64;
        keepalive_requests 1000000;
    }
    server {
        listen $HOST:$NGINX_PORT backlog=4096;
        location / {
            proxy_pass http://backend;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
EOF
    } >"$dir/nginx.conf"
    start_nginx nginx "$dir"
    NGINX_PID=$R_PID
    wait_for_port "$NGINX_PORT" nginx "$NGINX_PID"
}

ensure_jar() {
    [[ -f $PINCER_JAR ]] && return 0
    log "building $PINCER_JAR (./mvnw -B -q -DskipTests package)"
    (cd "$repo_root" && ./mvnw -B -q -DskipTests package) || die "build failed; SKIP_PINCER=1 runs the other rows"
    [[ -f $PINCER_JAR ]] || die "the build did not produce $PINCER_JAR"
}

start_pincer() {
    local conf="$work/pincer.yaml" i code
    cat >"$conf" <<EOF
listen: $HOST:$PINCER_PORT
admin: $HOST:$PINCER_ADMIN_PORT
upstreams:
  backend:
    servers: [$HOST:$BACKEND_PORT]
routes:
  - match: { path_prefix: / }
    upstream: backend
access_log: false
EOF
    java -jar "$PINCER_JAR" check-config "$conf" >"$work/check-config.log" 2>&1 \
        || die "pincer check-config rejected the generated config: $(cat "$work/check-config.log")"
    # shellcheck disable=SC2086 # PINCER_JAVA_OPTS is a list of flags
    java $PINCER_JAVA_OPTS -jar "$PINCER_JAR" run --config "$conf" >"$work/pincer.log" 2>&1 &
    PINCER_PID=$!
    started_pids+=("$PINCER_PID")
    for i in $(seq 150); do
        kill -0 "$PINCER_PID" 2>/dev/null || die "pincer exited during start-up: $(tail -n 20 "$work/pincer.log")"
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$HOST:$PINCER_ADMIN_PORT/readyz" || true)
        [[ $code == 200 ]] && return 0
        sleep 0.2
    done
    die "pincer not ready (admin /readyz) within 30s: $(tail -n 20 "$work/pincer.log")"
}

# --- report -----------------------------------------------------------------------------------

declare -A RPS P50 P99 CPU REQ ERR

# measure NAME URL [PID]: the saturated run, then (PACE_MS > 0) the paced one as NAME-paced.
measure() {
    run_wrk "$1" "$2" "${3:-}"
    record "$1"
    ((PACE_MS > 0)) || return 0
    run_wrk "$1-paced" "$2" "${3:-}" "$work/paced.lua"
    record "$1-paced"
}

record() { RPS[$1]=$R_RPS P50[$1]=$R_P50 P99[$1]=$R_P99 CPU[$1]=$R_CPU REQ[$1]=$R_REQ ERR[$1]=$R_ERR; }

fmt_lat() { awk -v u="$1" 'BEGIN { if (u >= 1000) printf "%.2fms", u / 1000; else printf "%.0fus", u }'; }

print_table() { # [SUFFIX]: "" for the saturated runs, -paced for the paced ones
    local sfx=${1:-} t name added
    printf '%-8s %12s %10s %10s %14s %12s %11s %7s\n' \
        target 'req/s' p50 p99 'p99 added' 'CPU us/req' requests errors
    for t in direct pincer nginx; do
        name=$t$sfx
        if [[ -z ${RPS[$name]:-} ]]; then
            printf '%-8s %12s %10s %10s %14s %12s %11s %7s\n' "$t" - - - - - - -
            continue
        fi
        added=-
        [[ $t != direct ]] && added=$(awk -v a="${P99[$name]}" -v d="${P99[direct$sfx]}" \
            'BEGIN { x = a - d; s = x < 0 ? "-" : "+"; x = x < 0 ? -x : x;
                     if (x >= 1000) printf "%s%.2fms", s, x / 1000; else printf "%s%.0fus", s, x }')
        printf '%-8s %12s %10s %10s %14s %12s %11s %7s\n' "$t" "${RPS[$name]}" \
            "$(fmt_lat "${P50[$name]}")" "$(fmt_lat "${P99[$name]}")" "$added" "${CPU[$name]}" \
            "${REQ[$name]}" "${ERR[$name]}"
    done
}

print_targets() {
    echo
    echo "Targets"
    if [[ -z ${RPS[pincer]:-} ]]; then
        echo "  (no Pincer row: SKIP_PINCER=1)"
        return
    fi
    awk -v p="${CPU[pincer]}" -v n="${CPU[nginx]}" 'BEGIN {
        r = n > 0 ? p / n : 0
        printf "  Pincer CPU/request within 1.5x of nginx:  %s us vs %s us = %.2fx  %s\n",
            p, n, r, (n > 0 && r <= 1.5) ? "PASS" : "FAIL" }'
    local lat=""
    ((PACE_MS > 0)) && lat=-paced
    awk -v a="${P99[pincer$lat]}" -v d="${P99[direct$lat]}" -v c="$CONNECTIONS" -v run="${lat:-saturated}" 'BEGIN {
        x = (a - d) / 1000
        # A proxied p99 below the direct one means the tail came from something else (other load
        # on the machine): the figure says nothing about Pincer.
        v = x < 0 ? "INCONCLUSIVE (direct p99 above proxied: rerun on a quiet machine)" : (x < 1 ? "PASS" : "FAIL")
        sub(/^-/, "", run)
        printf "  Pincer added p99 under 1 ms at 32 conns:  %.3f ms (%s run)  %s%s\n", x, run, v,
            c == 32 ? "" : "  (this run: " c " connections)" }'
    local e=0 k
    for k in "${!ERR[@]}"; do e=$((e + ERR[$k])); done
    if ((e > 0)); then
        echo "  WARNING: some runs had errors or non-2xx responses; their figures are not comparable"
    fi
}

machine_info() {
    echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu:      $(nproc) x $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "kernel:   $(uname -r)"
    echo "load:     $LOAD_BEFORE (1/5/15-min load average before the runs)"
    echo "nginx:    $(nginx -v 2>&1 | sed 's/^nginx version: //') (backend: 1 worker; proxy: $NGINX_WORKERS workers, upstream keepalive 64)"
    echo "wrk:      $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
    if [[ -n ${RPS[pincer]:-} ]]; then
        echo "java:     $(java -version 2>&1 | head -n 1)"
        echo "pincer:   $PINCER_JAR${PINCER_JAVA_OPTS:+ (JVM flags: $PINCER_JAVA_OPTS)}"
    fi
    echo "wrk args: -t$THREADS -c$CONNECTIONS -d$DURATION --latency (Pincer warm-up $WARMUP)"
    echo "CPU time: utime+stime from /proc/PID/stat, CLK_TCK=$CLK_TCK (one tick = $((1000000 / CLK_TCK)) us)"
}

# --- main -------------------------------------------------------------------------------------

main() {
    ensure_tools
    [[ $SKIP_PINCER == 1 ]] || ensure_jar
    for p in $BACKEND_PORT $NGINX_PORT $PINCER_PORT $PINCER_ADMIN_PORT; do
        port_free "$p" || die "$HOST:$p is already in use"
    done
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 0.5) }'; then
        log "warning: load average is $LOAD_BEFORE; other work on this machine will skew the figures"
    fi
    work=$(mktemp -d "${TMPDIR:-/tmp}/pincer-load.XXXXXX")
    chmod 755 "$work"   # nginx workers run as an unprivileged user when we are root

    start_backend
    check_ok direct "http://$HOST:$BACKEND_PORT/"
    printf 'function delay() return %d end\n' "$PACE_MS" >"$work/paced.lua"
    measure direct "http://$HOST:$BACKEND_PORT/"

    start_nginx_proxy
    check_ok nginx "http://$HOST:$NGINX_PORT/"
    measure nginx "http://$HOST:$NGINX_PORT/" "$NGINX_PID"

    if [[ $SKIP_PINCER != 1 ]]; then
        start_pincer
        check_ok pincer "http://$HOST:$PINCER_PORT/"
        warm_up pincer "http://$HOST:$PINCER_PORT/"
        measure pincer "http://$HOST:$PINCER_PORT/" "$PINCER_PID"
    fi

    local results
    results="$script_dir/results/$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$results"
    {
        machine_info
        echo
        echo "Saturated: wrk sends as fast as responses come back"
        print_table
        if ((PACE_MS > 0)); then
            echo
            echo "Paced: each connection waits ${PACE_MS} ms between requests" \
                "(at most $((CONNECTIONS * 1000 / PACE_MS)) req/s offered)"
            print_table -paced
        fi
        print_targets
    } | tee "$results/summary.txt"
    cp "$work"/*.wrk "$results/"
    cp "$work"/*.yaml "$work"/*.log "$results/" 2>/dev/null || true
    for f in "$work"/backend/*.conf "$work"/backend/*.log "$work"/nginx/*.conf "$work"/nginx/*.log; do
        [[ -f $f ]] && cp "$f" "$results/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    log "raw output in ${results#"$repo_root"/}/"
}

main "$@"
