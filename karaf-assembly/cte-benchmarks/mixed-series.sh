#!/bin/bash
# A series of mixed CTE-day runs in a row on the distribution the load benchmark left behind
# (./mvnw -Pbenchmarks -DskipTests install -pl karaf-assembly/cte-benchmarks -Dcte.bench.parts=load): its database
# is compacted (SHUTDOWN COMPACT), Karaf started with the given JVM options, one warm-up run of 15 s, then RUNS runs of
# 20 s at 64 connections. After each run: req/s, p99, the platform's CPU time per request, the full collections so far
# and the size of H2's file.
#
#   karaf-assembly/cte-benchmarks/mixed-series.sh RUNS ["EXTRA JVM OPTIONS"] ["SETTING = VALUE" for mx.cte.storage.h2]
#   e.g. mixed-series.sh 8 "" "h2CompactEveryMillis = 0"      (bin/setenv's defaults, the H2 upkeep off)
#        mixed-series.sh 3 "-Xms64m -Xmx160m -XX:+UseSerialGC"
#        CTE_MODE=write CTE_CONNECTIONS=4 mixed-series.sh 2   (only writes: what one costs)
#        CTE_BURSTS=1 CTE_NMT=1 mixed-series.sh 1   (then 20 s of reads and 20 s of the mixed load at 256 connections:
#                                                   resident memory and threads after them and 30 s later, and the
#                                                   JVM's own account of its memory by area)
# Needs wrk. Karaf is stopped at the end; the GC log stays in ${TMPDIR:-/tmp}.
set -u
runs=${1:-3}
options=${2:-}
upkeep=${3:-}
mode=${CTE_MODE:-mixed}
connections=${CTE_CONNECTIONS:-64}
load="$(cd "$(dirname "$0")" && pwd)/target/benchmarks/load"
home="$load/distribution/cte-distribution-0.1.0-SNAPSHOT"
[ -d "$home" ] || { echo "no distribution at $home: run the load benchmark first" >&2; exit 1; }
port=$(sed -n 's/^org.osgi.service.http.port *= *//p' "$home/etc/org.ops4j.pax.web.cfg")
h2=$(ls "$home"/system/com/h2database/h2/*/h2-*.jar | head -1)
gclog="${TMPDIR:-/tmp}/cte-mixed-series-gc-$$.log"
deadline=$(date -d "+1 month" +%F)
file_mb() { echo $(( $(stat -c %s "$home/data/cte/cte.mv.db") >> 20 )); }

cd "$home" || exit 1
bin/stop >/dev/null 2>&1
# Back to the shipped upkeep settings, then the one asked for.
sed -i 's/^h2CompactEveryMillis *=.*/h2CompactEveryMillis = 1000/' etc/mx.cte.storage.h2.cfg
if [ -n "$upkeep" ]; then
    key=${upkeep%%=*}
    key=$(echo "$key" | tr -d ' ')
    sed -i "s/^$key *=.*/$upkeep/" etc/mx.cte.storage.h2.cfg
fi
java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:./data/cte/cte" -user cte -password "" -sql "SHUTDOWN COMPACT" \
    >/dev/null 2>&1
echo "file compacted to $(file_mb) MB; options: ${options:-bin/setenv defaults}; ${upkeep:-upkeep as shipped}"
rm -f lock
if [ -n "$options" ]; then
    export EXTRA_JAVA_OPTS="$options -Xlog:gc:file=$gclog"
else
    # bin/setenv's defaults plus the GC log: read them as setenv would choose them.
    defaults=$(unset EXTRA_JAVA_OPTS; . bin/setenv >/dev/null 2>&1; echo "$EXTRA_JAVA_OPTS")
    export EXTRA_JAVA_OPTS="$defaults -Xlog:gc:file=$gclog"
fi
[ -n "${CTE_NMT:-}" ] && EXTRA_JAVA_OPTS="$EXTRA_JAVA_OPTS -XX:NativeMemoryTracking=summary"
(nohup bin/start >/dev/null 2>&1 &)
end=$((SECONDS + 120))
while [ $SECONDS -lt $end ]; do
    code=$(curl -s -o /dev/null -w "%{http_code}" \
        "http://localhost:$port/api/v1/guides/SEP:2016-2017:preescolar:ordinaria-3")
    [ "$code" = 401 ] || [ "$code" = 200 ] && break
    sleep 1
done
sleep 12
cd "$load" || exit 1
run() {
    timeout 60 wrk -t2 -c"$connections" -d"$1" -s wrk/cte-day.lua "http://localhost:$port" -- "$mode" sessions.txt \
        "$deadline" \
        | sed -n 's/^RESULT //p'
}
run 15s >/dev/null
full_before=$(grep -c "Pause Full" "$gclog")
pid=$(cat "$home/karaf.pid" 2>/dev/null)
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
for i in $(seq "$runs"); do
    before=$(ticks)
    result=$(run 20s)
    cpu_ms=$(( ($(ticks) - before) * 1000 / hz ))
    echo "$result" | awk -v cpu="$cpu_ms" '{for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "req/s %.0f  p99 %.0f ms  CPU %.2f ms per request  ", v["requests"] / (v["duration_us"] / 1e6),
            v["p99_us"] / 1000, cpu / v["requests"]}'
    echo "full collections $(( $(grep -c "Pause Full" "$gclog") - full_before ))  file $(file_mb) MB"
done
resident() {
    echo "resident $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MB," \
        "$(ls "/proc/$pid/task" | wc -l) threads"
}
[ -n "$pid" ] && echo "$(resident)"
if [ -n "${CTE_BURSTS:-}" ] && [ -n "$pid" ]; then
    mode=read connections=256 run 20s >/dev/null
    mode=mixed connections=256 run 20s >/dev/null
    echo "after 20 s of reads and 20 s of the mixed load at 256 connections: $(resident)"
    if [ -n "${CTE_NMT:-}" ]; then
        # Committed megabytes by area, as the harness's -Dcte.bench.nmt=true prints them (tracking costs ~8 MB).
        jcmd "$pid" VM.native_memory summary \
            | sed -n 's/^-  *\(.*\) (reserved=[0-9]*KB, committed=\([0-9]*\)KB).*/\1 \2/p' \
            | awk '$NF >= 1024 {$NF = int($NF / 1024) " MB;"; printf "%s ", $0} END {print ""}'
    fi
    sleep 30
    echo "30 s later: $(resident)"
fi
cd "$home" && bin/stop >/dev/null 2>&1
end=$((SECONDS + 60))
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 1; done
