#!/usr/bin/env bash
# Load comparison: wrk against one small backend, directly and through each proxy, in one run:
#   direct         the backend alone
#   nginx          nginx as a plain reverse proxy
#   nginx+modsec   nginx with the ModSecurity v3 module and Debian's CRS 3.3 at paranoia level 1
#   pincer         Pincer as a plain reverse proxy
#   pincer+crs33   Pincer, mode edge, with the same Debian CRS 3.3
#   pincer+crs4    Pincer, mode edge, with CRS v4.28 (../shared/crs)
# and a table per workload of requests/s, p50/p99 latency, the p99 each proxy adds, CPU time per
# request, peak RSS, and each row's CPU per request as a ratio to nginx+modsec's.
#
#   bench/load-compare.sh                      # from the repo root or from bench/
#   CONNECTIONS=64 DURATION=30s bench/load-compare.sh
#   DURATION=5s WARMUP=5s bench/load-compare.sh   # a short run that proves it works
#
# Before a WAF row is measured it must block an SQL injection (/?id=1'%20OR%20'1'='1 gets 403) and
# pass every workload's request (200 and the backend's body). A row that fails is reported as
# failed and not measured; a Pincer row whose rules check-config refuses is reported as "does not
# load" with the first error. Either makes the script exit 1 once the table is written.
#
# Workloads (bench/load/*.http, sent by bench/load/request.lua): "get", a GET with 5 query
# arguments and 12 headers; "form", a 4 KiB urlencoded POST with the same headers.
#
# Environment (defaults in brackets):
#   CONNECTIONS [32]  wrk connections     THREADS [2]   wrk threads
#   DURATION [15s]    each measured run   WARMUP [10s]  unmeasured warm-up per workload, Pincer rows
#   WORKLOADS [get form]  which of bench/load/*.http to run
#   SKIP_PINCER [0]   1: no Pincer rows (no jar or JDK needed)
#   SKIP_WAF [0]      1: no WAF rows (only direct, nginx, pincer)
#   PINCER_JAR [proxy/target/pincer.jar]  built with ./mvnw -B -q -DskipTests package if missing
#   PINCER_JAVA_OPTS []  extra JVM flags for Pincer
#   JAVA [the JDK 21+ that ./pincer java-home picks]/bin/java
#   CRS4_DIR [../shared/crs]  CRS v4 (crs-setup.conf.example and rules/)
#   NGINX_WORKERS [nproc]  workers of both nginx proxies; Pincer runs one event-loop thread per core
#   PACE_MS [5]       second, paced run per target and workload: each connection waits this long
#                     between requests, so latency is measured below saturation (0: no paced runs);
#                     a WAF row waits long enough to be offered half its saturated req/s, if longer
#   WRK_TIMEOUT [10s] wrk's per-request timeout (a timed-out request is an error, not a latency)
#
# Two runs per target and workload. "Saturated": wrk sends as fast as it can, which gives
# throughput and CPU per request, but its latency is mostly queueing on a busy machine. "Paced":
# the same connections each wait PACE_MS between requests; its p99 is what the latency target is
# judged on. A WAF row serves far fewer requests per second than PACE_MS offers, so its connections
# wait long enough to offer half of what its saturated run served.
#
# Ports (loopback only): backend 18081, nginx 18082, pincer 18080 (admin 19090), pincer+crs33
# 18083 (admin 19093), pincer+crs4 18084 (admin 19094), nginx+modsec 18085. Each proxy is stopped
# once its row is measured, so no idle proxy shares the machine with the next.
# CPU per request = (utime + stime over all the proxy's processes, from /proc/PID/stat, after the
# run minus before) / requests wrk completed. Peak RSS = VmHWM summed over the proxy's processes,
# reset before each run (/proc/PID/clear_refs); PSS = their proportional set size at the run's end.
# Raw wrk output, configs and the table are kept under bench/results/<timestamp>/ (git-ignored).
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
WORKLOADS=${WORKLOADS:-get form}
SKIP_PINCER=${SKIP_PINCER:-0}
SKIP_WAF=${SKIP_WAF:-0}
PINCER_JAVA_OPTS=${PINCER_JAVA_OPTS:-}
NGINX_WORKERS=${NGINX_WORKERS:-$(nproc)}
PACE_MS=${PACE_MS:-5}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}

readonly HOST=127.0.0.1
readonly BACKEND_PORT=18081 NGINX_PORT=18082 MODSEC_PORT=18085
readonly PINCER_PORT=18080 PINCER_ADMIN_PORT=19090
readonly CRS33_PORT=18083 CRS33_ADMIN_PORT=19093 CRS4_PORT=18084 CRS4_ADMIN_PORT=19094

# Debian's packages: the module libnginx-mod-http-modsecurity installs, and modsecurity-crs (3.3).
readonly MODSEC_MODULE=/usr/lib/nginx/modules/ngx_http_modsecurity_module.so
readonly CRS33_SETUP=/etc/modsecurity/crs/crs-setup.conf
readonly CRS33_RULES=/usr/share/modsecurity-crs/rules
readonly CRS33_LOAD=/usr/share/modsecurity-crs/owasp-crs.load

# The request every WAF row must block, with 403, before it is measured.
readonly SQLI_PROBE="/?id=1'%20OR%20'1'='1"

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
PINCER_JAR=${PINCER_JAR:-$repo_root/proxy/target/pincer.jar}
CRS4_DIR=${CRS4_DIR:-$repo_root/../shared/crs}
JAVA=${JAVA:-}
load_dir=$script_dir/load

ROWS=(direct nginx nginx+modsec pincer pincer+crs33 pincer+crs4)
WAF_ROWS=" nginx+modsec pincer+crs33 pincer+crs4 "
declare -A STATUS   # row -> measured, skipped (...), failed: ..., does not load: ...

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

# Drops a PID we waited for from started_pids, so the exit trap cannot signal a process that
# reuses it.
forget() {
    local i kept=()
    for i in "${started_pids[@]}"; do [[ $i == "$1" ]] || kept+=("$i"); done
    started_pids=("${kept[@]}")
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
    if [[ $SKIP_WAF != 1 ]]; then
        [[ -f $MODSEC_MODULE ]] || missing+=(libnginx-mod-http-modsecurity)
        [[ -f $CRS33_LOAD && -f $CRS33_SETUP ]] || missing+=(modsecurity-crs)
    fi
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

# The java that runs Pincer: $JAVA, else the JDK 21+ the launcher picks (JAVA_HOME, PATH or
# /usr/lib/jvm), so that an older java first on PATH does not refuse the jar.
ensure_java() {
    if [[ -z $JAVA ]]; then
        local home
        home=$("$repo_root/pincer" java-home) || die "no JDK 21 or newer found (set JAVA or JAVA_HOME)"
        JAVA=$home/bin/java
    fi
    [[ -x $JAVA ]] || die "JAVA=$JAVA is not an executable"
}

port_free() { ! (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

wait_for_port() { # port, what, pid: 0 once it listens, else 1 with the reason in R_FAIL
    local i
    for i in $(seq 150); do
        port_free "$1" || return 0
        if ! kill -0 "$3" 2>/dev/null; then R_FAIL="$2 exited during start-up"; return 1; fi
        sleep 0.2
    done
    R_FAIL="$2 did not listen on $HOST:$1 within 30s"
    return 1
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

# --- memory ---------------------------------------------------------------------------------

PEAK_RESET=1   # 0 once a peak could not be reset: peaks then run from the process's start

# Resets the peak RSS (VmHWM) of a process and its children to their current RSS.
reset_peak_rss() {
    local pid
    for pid in "$1" $(children_of "$1"); do
        { echo 5 >"/proc/$pid/clear_refs"; } 2>/dev/null || PEAK_RESET=0
    done
}

# KiB summed over a process and its children: FIELD of /proc/PID/FILE (VmHWM of status, Pss of
# smaps_rollup). Shared pages (nginx's rule set, loaded by the master before it forks) count once
# per process in VmHWM, and are divided among the processes that share them in Pss.
mem_kib_tree() { # pid file field
    local total=0 pid v
    for pid in "$1" $(children_of "$1"); do
        v=$(awk -v f="$3:" '$1 == f {print $2; exit}' "/proc/$pid/$2" 2>/dev/null) || continue
        total=$((total + ${v:-0}))
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
    forget "$pid"
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

# run_wrk LABEL URL PID WORKLOAD PACE: one measured run of bench/load/WORKLOAD.http; PID is the
# proxy's ("" for none). Sets the R_* globals and writes $work/LABEL.wrk.
run_wrk() {
    local label=$1 url=$2 pid=$3 workload=$4 pace=$5 out="$work/$1.wrk" before=0 after=0 limit
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency
        -s "$load_dir/request.lua")
    limit=$(($(duration_seconds "$DURATION") + 60))
    log "$label: wrk ${args[*]} $url -- $workload.http${pace:+ $pace}"
    if [[ -n $pid ]]; then
        reset_peak_rss "$pid"
        before=$(cpu_ticks_tree "$pid")
    fi
    bounded "$limit" "$out" wrk "${args[@]}" "$url" -- "$load_dir/$workload.http" ${pace:+"$pace"} \
        || die "$label: wrk failed: $(tail -n 5 "$out")"
    if [[ -n $pid ]]; then
        after=$(cpu_ticks_tree "$pid")
        R_PSS=$(mem_kib_tree "$pid" smaps_rollup Pss)
        R_RSS=$(mem_kib_tree "$pid" status VmHWM)
    else
        R_PSS="" R_RSS=""
    fi

    R_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    R_P50=$(to_us "$(awk '$1 == "50%" {print $2}' "$out")")
    R_P99=$(to_us "$(awk '$1 == "99%" {print $2}' "$out")")
    R_REQ=$(awk '/ requests in / {print $1}' "$out")
    [[ -n $R_RPS && -n $R_REQ && $R_REQ -gt 0 ]] || die "$label: could not parse wrk output: $(cat "$out")"
    # Errors make the other figures meaningless (e.g. a proxy answering 502 or 403 quickly).
    R_ERR=$(awk '/^  Socket errors:/ {gsub(",", ""); e += $4 + $6 + $8 + $10}
                 /^  Non-2xx or 3xx responses:/ {e += $5}
                 END {print e + 0}' "$out")
    if [[ -n $pid ]]; then
        R_CPU=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$R_REQ" \
            'BEGIN {printf "%.2f", t * 1000000 / hz / n}')
    else
        R_CPU="-"
    fi
    ((R_ERR == 0)) || log "$label: $R_ERR errors or non-2xx responses (see $label.wrk)"
}

warm_up() { # row url: an unmeasured run of each workload (the JIT, and the rule engine's caches)
    local w
    for w in $WORKLOADS; do
        log "$1: warm-up wrk -t$THREADS -c$CONNECTIONS -d$WARMUP -- $w.http (not measured)"
        bounded $(($(duration_seconds "$WARMUP") + 60)) "$work/$1.$w.warmup.wrk" \
            wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$load_dir/request.lua" "$2" \
            -- "$load_dir/$w.http" \
            || die "$1: warm-up failed: $(tail -n 5 "$work/$1.$w.warmup.wrk")"
    done
}

# --- the checks before a row is measured ------------------------------------------------------

# send FILE URL: sends the request of a bench/load/*.http file (the same one wrk sends) with curl;
# sets C_CODE (000 when there was no answer) and C_BODY.
send() {
    local file=$1 url=$2 line method target headers=() body="" args=()
    {
        while IFS= read -r line && [[ $line == '#'* ]]; do :; done
        read -r method target <<<"$line"
        while IFS= read -r line && [[ -n $line ]]; do headers+=(-H "$line"); done
        body=$(cat)
    } <"$file"
    [[ -n $body ]] && args+=(--data-binary "$body")
    rm -f "$work/response"
    C_CODE=$(curl -s -g --max-time 10 -X "$method" "${headers[@]}" "${args[@]}" \
        -o "$work/response" -w '%{http_code}' "$url$target") || true
    [[ $C_CODE =~ ^[0-9]{3}$ ]] || C_CODE=000
    C_BODY=$(cat "$work/response" 2>/dev/null || true)
}

# check_passes ROW URL: every workload's request must come back 200 with the backend's "ok".
# 1 with the reason in R_FAIL otherwise.
check_passes() {
    local w
    for w in $WORKLOADS; do
        send "$load_dir/$w.http" "$2"
        if [[ $C_CODE != 200 || $C_BODY != ok ]]; then
            R_FAIL="benign $w.http got $C_CODE '$(head -c 80 <<<"$C_BODY" | tr '\n' ' ')', expected 200 'ok'"
            return 1
        fi
    done
    log "$1: every workload's request passes (200 ok)"
}

# check_blocks ROW URL: the SQL injection probe must get 403. 1 with the reason in R_FAIL otherwise.
check_blocks() {
    local code
    code=$(curl -s -g --max-time 10 -o /dev/null -w '%{http_code}' -H 'Host: shop.example.com' \
        -A 'Mozilla/5.0 (X11; Linux x86_64)' "$2$SQLI_PROBE") || true
    if [[ $code != 403 ]]; then
        R_FAIL="the SQL injection probe $SQLI_PROBE got ${code:-no answer}, expected 403"
        return 1
    fi
    log "$1: the SQL injection probe is blocked (403)"
}

# --- the targets ------------------------------------------------------------------------------

nginx_common() { # dir: settings every nginx instance shares
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

# start_nginx NAME DIR: starts nginx on DIR/nginx.conf; sets R_PID, or returns 1 with the first
# line nginx -t printed in R_FAIL.
start_nginx() {
    R_PID=""
    mkdir -p "$2/tmp"
    if ! nginx -t -q -p "$2" -e "$2/error.log" -c "$2/nginx.conf" >"$2/check.log" 2>&1; then
        R_FAIL=$(grep -m 1 . "$2/check.log" || echo "nginx -t failed")
        return 1
    fi
    nginx -p "$2" -e "$2/error.log" -c "$2/nginx.conf" &
    R_PID=$!
    started_pids+=("$R_PID")
}

# stop PID: stops a process we started and its children, waits for them, and forgets the PID so
# that the exit trap cannot signal whatever process reuses it.
stop() {
    local victims=("$1") i
    while read -r i; do [[ -n $i ]] && victims+=("$i"); done < <(children_of "$1")
    kill -TERM "${victims[@]}" 2>/dev/null || true
    for i in $(seq 100); do
        kill -0 "${victims[@]}" 2>/dev/null || break
        sleep 0.1
    done
    for i in "${victims[@]}"; do
        if kill -0 "$i" 2>/dev/null; then kill -KILL "$i" 2>/dev/null || true; fi
    done
    wait "$1" 2>/dev/null || true
    forget "$1"
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
    start_nginx backend "$dir" || die "backend: bad nginx config: $R_FAIL"
    BACKEND_PID=$R_PID
    wait_for_port "$BACKEND_PORT" backend "$BACKEND_PID" || die "$R_FAIL"
}

# start_nginx_proxy ROW PORT MODSEC: nginx as a reverse proxy to the backend; MODSEC=1 adds the
# ModSecurity module with bench/load/modsecurity.conf (Debian's CRS 3.3). Sets R_PID, or returns 1
# with the reason in R_FAIL.
start_nginx_proxy() {
    local row=$1 port=$2 modsec=$3 dir="$work/$1"
    mkdir -p "$dir"
    {
        ((modsec)) && echo "load_module $MODSEC_MODULE;"
        nginx_common "$dir"
        cat <<EOF
worker_processes $NGINX_WORKERS;  # Pincer runs one event-loop thread per core: same count
http {
    access_log off;
$(nginx_temp_paths "$dir")
    keepalive_requests 1000000;
EOF
        ((modsec)) && cat <<EOF
    modsecurity on;
    modsecurity_rules_file $load_dir/modsecurity.conf;
EOF
        cat <<EOF
    upstream backend {
        server $HOST:$BACKEND_PORT;
        keepalive 64;
        keepalive_requests 1000000;
    }
    server {
        listen $HOST:$port backlog=4096;
        location / {
            proxy_pass http://backend;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
EOF
    } >"$dir/nginx.conf"
    start_nginx "$row" "$dir" || return 1
    wait_for_port "$port" "$row" "$R_PID"
}

ensure_jar() {
    [[ -f $PINCER_JAR ]] && return 0
    log "building $PINCER_JAR (./mvnw -B -q -DskipTests package)"
    (cd "$repo_root" && JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -B -q -DskipTests package) \
        || die "build failed; SKIP_PINCER=1 runs the other rows"
    [[ -f $PINCER_JAR ]] || die "the build did not produce $PINCER_JAR"
}

# start_pincer ROW PORT ADMIN_PORT [RULE_FILE...]: Pincer to the backend; with rule files, mode
# edge with those as protection.rules. Sets R_PID; returns 2 with "does not load: <first error>" in
# R_FAIL when check-config refuses the config, 1 with the reason when it does not come up.
start_pincer() {
    local row=$1 port=$2 admin=$3 conf="$work/$1.yaml" i code f
    shift 3
    R_PID=""
    {
        cat <<EOF
listen: $HOST:$port
admin: $HOST:$admin
upstreams:
  backend:
    servers: [$HOST:$BACKEND_PORT]
routes:
  - match: { path_prefix: / }
    upstream: backend
access_log: false
EOF
        if (($#)); then
            printf 'protection:\n  mode: edge\n  rules:\n'
            for f in "$@"; do printf '    - "%s"\n' "$f"; done
        fi
    } >"$conf"
    if ! "$JAVA" -jar "$PINCER_JAR" check-config "$conf" >"$work/$row.check-config.log" 2>&1; then
        R_FAIL="does not load: $(grep -v -m 1 -e '^WARNING' -e '^[[:space:]]*$' "$work/$row.check-config.log" || echo "check-config failed")"
        return 2
    fi
    # shellcheck disable=SC2086 # PINCER_JAVA_OPTS is a list of flags
    "$JAVA" $PINCER_JAVA_OPTS -jar "$PINCER_JAR" run --config "$conf" >"$work/$row.log" 2>&1 &
    R_PID=$!
    started_pids+=("$R_PID")
    # A rule set loads and warms up before /readyz answers 200: allow for that on a busy machine.
    for i in $(seq 450); do
        if ! kill -0 "$R_PID" 2>/dev/null; then
            R_FAIL="exited during start-up: $(tail -n 3 "$work/$row.log" | tr '\n' ' ')"
            return 1
        fi
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$HOST:$admin/readyz" || true)
        [[ $code == 200 ]] && return 0
        sleep 0.2
    done
    R_FAIL="not ready (admin /readyz) within 90s: $(tail -n 3 "$work/$row.log" | tr '\n' ' ')"
    return 1
}

# --- rows -------------------------------------------------------------------------------------

# measure ROW URL PID: per workload, the saturated run, then (PACE_MS > 0) the paced one.
measure() {
    local w pace
    for w in $WORKLOADS; do
        run_wrk "$1.$w" "$2" "$3" "$w" ""
        record "$1 $w"
        ((PACE_MS > 0)) || continue
        pace=$PACE_MS
        if [[ $WAF_ROWS == *" $1 "* ]]; then
            # Half the saturated throughput (CONNECTIONS requests every pace ms), but at least four
            # requests per connection in the run.
            pace=$(awk -v c="$CONNECTIONS" -v r="$R_RPS" -v p="$PACE_MS" \
                -v d=$(($(duration_seconds "$DURATION") * 1000 / 4)) \
                'BEGIN { x = int(c * 1000 * 2 / r + 0.999); x = x > d ? d : x; print (x > p ? x : p) }')
        fi
        run_wrk "$1.$w-paced" "$2" "$3" "$w" "$pace"
        record "$1 $w-paced"
        PACE["$1 $w"]=$pace
    done
    STATUS[$1]=measured
}

declare -A RPS P50 P99 CPU REQ ERR RSS PSS PACE

record() {
    RPS[$1]=$R_RPS P50[$1]=$R_P50 P99[$1]=$R_P99 CPU[$1]=$R_CPU REQ[$1]=$R_REQ ERR[$1]=$R_ERR
    RSS[$1]=$R_RSS PSS[$1]=$R_PSS
}

# not_measured ROW REASON: a WAF row that failed its start or its checks.
not_measured() {
    STATUS[$1]=$2
    log "$1: NOT MEASURED: $2"
}

# A plain proxy row: it must pass the workloads' requests, or the run is broken.
plain_row() { # row url pid
    check_passes "$1" "$2" || die "$1: $R_FAIL"
    measure "$@"
}

# A WAF row: it must block the probe and pass the workloads' requests, or it is not measured.
waf_row() { # row url pid
    if check_blocks "$1" "$2" && check_passes "$1" "$2"; then
        measure "$@"
    else
        not_measured "$1" "failed: $R_FAIL"
    fi
}

row_nginx_modsec() {
    if ! start_nginx_proxy nginx+modsec "$MODSEC_PORT" 1; then
        if [[ -z $R_PID ]]; then   # nginx -t refused the module or the rules
            not_measured nginx+modsec "does not load: $R_FAIL"
        else
            not_measured nginx+modsec "failed: $R_FAIL"
            stop "$R_PID"
        fi
        return 0
    fi
    local pid=$R_PID
    waf_row nginx+modsec "http://$HOST:$MODSEC_PORT" "$pid"
    stop "$pid"
}

row_pincer() { # row port admin [rule files...]
    local row=$1 port=$2 rc=0
    start_pincer "$@" || rc=$?
    if ((rc == 2)); then
        not_measured "$row" "$R_FAIL"   # "does not load: ..."
        return 0
    fi
    if ((rc)); then
        not_measured "$row" "failed: $R_FAIL"
        [[ -n $R_PID ]] && stop "$R_PID"
        return 0
    fi
    local pid=$R_PID url="http://$HOST:$port"
    if [[ $row == pincer ]]; then
        check_passes "$row" "$url" || die "$row: $R_FAIL"
    elif ! { check_blocks "$row" "$url" && check_passes "$row" "$url"; }; then
        not_measured "$row" "failed: $R_FAIL"
        stop "$pid"
        return 0
    fi
    warm_up "$row" "$url"
    measure "$row" "$url" "$pid"
    stop "$pid"
}

# --- report -----------------------------------------------------------------------------------

fmt_lat() { awk -v u="$1" 'BEGIN { if (u >= 1000) printf "%.2fms", u / 1000; else printf "%.0fus", u }'; }
fmt_mib() { [[ -n $1 ]] && awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }' || echo -; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b + 0 <= 0) print "-"; else printf "%.2fx", a / b }'; }

readonly TABLE_FMT='%-13s %-9s %10s %9s %9s %10s %10s %8s %9s %8s %9s %6s\n'

print_table() { # [SUFFIX]: "" for the saturated runs, -paced for the paced ones
    local sfx=${1:-} w row key added
    # shellcheck disable=SC2059 # the format is a constant
    printf "$TABLE_FMT" target workload 'req/s' p50 p99 'p99 added' 'CPU us/req' 'x modsec' \
        'RSS MiB' 'PSS MiB' requests errors
    for w in $WORKLOADS; do
        for row in "${ROWS[@]}"; do
            key="$row $w$sfx"
            if [[ ${STATUS[$row]:-} != measured ]]; then
                printf '%-13s %-9s %s\n' "$row" "$w" "${STATUS[$row]%%:*}"
                continue
            fi
            added=-
            [[ $row != direct ]] && added=$(awk -v a="${P99[$key]}" -v d="${P99[direct $w$sfx]}" \
                'BEGIN { x = a - d; s = x < 0 ? "-" : "+"; x = x < 0 ? -x : x;
                         if (x >= 1000) printf "%s%.2fms", s, x / 1000; else printf "%s%.0fus", s, x }')
            # shellcheck disable=SC2059
            printf "$TABLE_FMT" "$row" "$w" "${RPS[$key]}" "$(fmt_lat "${P50[$key]}")" \
                "$(fmt_lat "${P99[$key]}")" "$added" "${CPU[$key]}" \
                "$(ratio "${CPU[$key]}" "${CPU[nginx+modsec $w$sfx]:-}")" \
                "$(fmt_mib "${RSS[$key]}")" "$(fmt_mib "${PSS[$key]}")" "${REQ[$key]}" "${ERR[$key]}"
        done
    done
}

print_paces() {
    local row w line=""
    for row in "${ROWS[@]}"; do
        [[ $WAF_ROWS == *" $row "* && ${STATUS[$row]:-} == measured ]] || continue
        for w in $WORKLOADS; do line+=" $row $w ${PACE[$row $w]} ms,"; done
    done
    [[ -n $line ]] && echo "WAF rows' pause per connection (half their saturated req/s):${line%,}"
    return 0
}

print_not_measured() {
    local row any=0
    for row in "${ROWS[@]}"; do
        [[ ${STATUS[$row]:-} == measured || ${STATUS[$row]:-} == skipped* ]] && continue
        ((any)) || { echo; echo "Not measured"; any=1; }
        echo "  $row: ${STATUS[$row]:-not run}"
    done
    return 0
}

# Each Pincer WAF row against nginx+modsec, saturated runs: below 1x is better, except req/s.
print_ratios() {
    echo
    echo "Against nginx+modsec (saturated runs; CPU, latency and RSS: lower is better; req/s: higher)"
    if [[ ${STATUS[nginx+modsec]:-} != measured ]]; then
        echo "  (nginx+modsec was not measured)"
        return
    fi
    local row w k m any=0
    for row in pincer+crs33 pincer+crs4; do
        [[ ${STATUS[$row]:-} == measured ]] || continue
        any=1
        for w in $WORKLOADS; do
            k="$row $w" m="nginx+modsec $w"
            printf '  %-13s %-5s CPU/req %s  req/s %s  p50 %s  p99 %s  peak RSS %s  PSS %s\n' "$row" "$w" \
                "$(ratio "${CPU[$k]}" "${CPU[$m]}")" "$(ratio "${RPS[$k]}" "${RPS[$m]}")" \
                "$(ratio "${P50[$k]}" "${P50[$m]}")" "$(ratio "${P99[$k]}" "${P99[$m]}")" \
                "$(ratio "${RSS[$k]}" "${RSS[$m]}")" "$(ratio "${PSS[$k]}" "${PSS[$m]}")"
        done
    done
    ((any)) || echo "  (no Pincer WAF row was measured)"
}

print_targets() {
    local w=${WORKLOADS%% *}
    echo
    echo "Targets (plain proxies, workload $w)"
    if [[ ${STATUS[pincer]:-} != measured ]]; then
        echo "  (no Pincer row: ${STATUS[pincer]:-not run})"
        return
    fi
    awk -v p="${CPU[pincer $w]}" -v n="${CPU[nginx $w]}" 'BEGIN {
        r = n > 0 ? p / n : 0
        printf "  Pincer CPU/request within 1.5x of nginx:  %s us vs %s us = %.2fx  %s\n",
            p, n, r, (n > 0 && r <= 1.5) ? "PASS" : "FAIL" }'
    local lat=""
    ((PACE_MS > 0)) && lat=-paced
    awk -v a="${P99[pincer $w$lat]}" -v d="${P99[direct $w$lat]}" -v c="$CONNECTIONS" -v run="${lat:-saturated}" 'BEGIN {
        x = (a - d) / 1000
        # A proxied p99 below the direct one means the tail came from something else (other load
        # on the machine): the figure says nothing about Pincer.
        v = x < 0 ? "INCONCLUSIVE (direct p99 above proxied: rerun on a quiet machine)" : (x < 1 ? "PASS" : "FAIL")
        sub(/^-/, "", run)
        printf "  Pincer added p99 under 1 ms at 32 conns:  %.3f ms (%s run)  %s%s\n", x, run, v,
            c == 32 ? "" : "  (this run: " c " connections)" }'
}

print_warnings() {
    local e=0 k
    for k in "${!ERR[@]}"; do e=$((e + ERR[$k])); done
    if ((e > 0)); then
        echo "  WARNING: some runs had errors or non-2xx responses; their figures are not comparable"
    fi
    ((PEAK_RESET)) || echo "  NOTE: peak RSS could not be reset per run: it is the peak since each proxy started"
}

pkg_version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo "not installed"; }

machine_info() {
    echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu:      $(nproc) x $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "kernel:   $(uname -r)"
    echo "load:     $LOAD_BEFORE (1/5/15-min load average before the runs)"
    echo "nginx:    $(nginx -v 2>&1 | sed 's/^nginx version: //') (backend: 1 worker; proxies: $NGINX_WORKERS workers, upstream keepalive 64)"
    if [[ $SKIP_WAF != 1 ]]; then
        echo "modsec:   libmodsecurity3 $(pkg_version libmodsecurity3), libnginx-mod-http-modsecurity $(pkg_version libnginx-mod-http-modsecurity), bench/load/modsecurity.conf"
        echo "CRS 3.3:  modsecurity-crs $(pkg_version modsecurity-crs) ($CRS33_SETUP, $CRS33_RULES/*.conf; paranoia level 1)"
        echo "CRS v4:   $CRS4_DIR ($(sed -n '1s/^# //p' "$CRS4_DIR/SOURCE.md" 2>/dev/null || echo "?"))"
    fi
    echo "wrk:      $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
    if [[ $SKIP_PINCER != 1 ]]; then
        echo "java:     $JAVA: $("$JAVA" -version 2>&1 | head -n 1)"
        echo "pincer:   $PINCER_JAR${PINCER_JAVA_OPTS:+ (JVM flags: $PINCER_JAVA_OPTS)}"
    fi
    echo "wrk args: -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $WRK_TIMEOUT --latency -s bench/load/request.lua (Pincer warm-up $WARMUP per workload)"
    echo "CPU time: utime+stime from /proc/PID/stat, CLK_TCK=$CLK_TCK (one tick = $((1000000 / CLK_TCK)) us)"
    echo "memory:   RSS = peak (VmHWM) of the run, PSS = at the run's end; both summed over the proxy's processes"
}

# --- main -------------------------------------------------------------------------------------

main() {
    local w row p
    for w in $WORKLOADS; do
        [[ -f $load_dir/$w.http ]] || die "WORKLOADS: no $load_dir/$w.http"
    done
    ensure_tools
    if [[ $SKIP_PINCER != 1 ]]; then
        ensure_java
        ensure_jar
    fi
    for p in $BACKEND_PORT $NGINX_PORT $MODSEC_PORT $PINCER_PORT $PINCER_ADMIN_PORT \
        $CRS33_PORT $CRS33_ADMIN_PORT $CRS4_PORT $CRS4_ADMIN_PORT; do
        port_free "$p" || die "$HOST:$p is already in use"
    done
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 0.5) }'; then
        log "warning: load average is $LOAD_BEFORE; other work on this machine will skew the figures"
    fi
    work=$(mktemp -d "${TMPDIR:-/tmp}/pincer-load.XXXXXX")
    chmod 755 "$work"   # nginx workers run as an unprivileged user when we are root

    start_backend
    plain_row direct "http://$HOST:$BACKEND_PORT" ""

    start_nginx_proxy nginx "$NGINX_PORT" 0 || die "nginx: $R_FAIL"
    p=$R_PID
    plain_row nginx "http://$HOST:$NGINX_PORT" "$p"
    stop "$p"

    if [[ $SKIP_WAF == 1 ]]; then
        STATUS[nginx+modsec]="skipped (SKIP_WAF=1)"
    else
        row_nginx_modsec
    fi

    if [[ $SKIP_PINCER == 1 ]]; then
        for row in pincer pincer+crs33 pincer+crs4; do STATUS[$row]="skipped (SKIP_PINCER=1)"; done
    else
        row_pincer pincer "$PINCER_PORT" "$PINCER_ADMIN_PORT"
        [[ ${STATUS[pincer]} == measured ]] || die "pincer: ${STATUS[pincer]}"
        if [[ $SKIP_WAF == 1 ]]; then
            STATUS[pincer+crs33]="skipped (SKIP_WAF=1)" STATUS[pincer+crs4]="skipped (SKIP_WAF=1)"
        else
            row_pincer pincer+crs33 "$CRS33_PORT" "$CRS33_ADMIN_PORT" "$CRS33_SETUP" "$CRS33_RULES/*.conf"
            if [[ -f $CRS4_DIR/crs-setup.conf.example ]]; then
                row_pincer pincer+crs4 "$CRS4_PORT" "$CRS4_ADMIN_PORT" \
                    "$CRS4_DIR/crs-setup.conf.example" "$CRS4_DIR/rules/*.conf"
            else
                not_measured pincer+crs4 "failed: no CRS v4 at $CRS4_DIR (set CRS4_DIR)"
            fi
        fi
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
                "(at most $((CONNECTIONS * 1000 / PACE_MS)) req/s offered), WAF rows longer (below)"
            print_table -paced
            print_paces
        fi
        print_not_measured
        print_ratios
        print_targets
        print_warnings
    } | tee "$results/summary.txt"
    cp "$work"/*.wrk "$results/"
    cp "$work"/*.yaml "$work"/*.log "$results/" 2>/dev/null || true
    for f in "$work"/*/*.conf "$work"/*/*.log; do
        [[ -f $f ]] && cp "$f" "$results/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    log "raw output in ${results#"$repo_root"/}/"

    local failed=()
    for row in "${ROWS[@]}"; do
        [[ $WAF_ROWS == *" $row "* && ${STATUS[$row]} != measured && ${STATUS[$row]} != skipped* ]] \
            && failed+=("$row")
    done
    if ((${#failed[@]})); then
        log "not measured: ${failed[*]} (see the table); exiting 1"
        exit 1
    fi
}

main "$@"
