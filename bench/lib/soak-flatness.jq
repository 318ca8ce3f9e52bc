# bench/fsi-soak.sh's per-interval table and flatness verdict, from the generator's JSON summary (jq -r, --argjson rate R).
# Flat: the last interval against the second (the first if there are fewer than three) —
#   settlement p99 (2207, 2304, 2102) at most 1.5 × + 5 ms; server RSS at most +10%; heap after GC at most +25% + 16 MB
#   (judged when both samples are above 0); every interval's settlements/s within 10% of the rate; the schedule kept.
def f: if . == null then "-" else tostring end;
def lat($k): (.latency_ms[$k] // {}) as $l | "\($l.p50 | f) / \($l.p99 | f)";
def p99($k): (.latency_ms[$k] // {}).p99;
. as $root
| .per_interval as $s
| ($s | length) as $n
| (if $n >= 3 then 1 else 0 end) as $b
| ($n - 1) as $e
| [ "2207", "2304", "2102" | . as $k
    | { what: "\($k) p99 ms", a: ($s[$b] | p99($k)), z: ($s[$e] | p99($k)) }
    | select(.a != null and .z != null) | .ok = (.z <= 1.5 * .a + 5) ] as $lat
| { what: "server RSS MB", a: $s[$b].rss_mb, z: $s[$e].rss_mb }
  | .ok = (.a == null or .z == null or .z <= 1.1 * .a) | . as $rss
| { what: "heap after GC MB", a: $s[$b].heap_after_gc_mb, z: $s[$e].heap_after_gc_mb }
  | .ok = ((.a // 0) <= 0 or (.z // 0) <= 0 or .z <= 1.25 * .a + 16) | . as $heap
| { what: "database MB", a: $s[$b].db_mb, z: $s[$e].db_mb, ok: true } as $dbsize
| { what: "3201 p99 ms", a: ($s[$b] | p99("3201")), z: ($s[$e] | p99("3201")), ok: true } as $rec
| ([ $s[] | .settlements_per_s >= 0.9 * $rate and .settlements_per_s <= 1.1 * $rate ] | all) as $steady
| (($root.open_loop.fell_behind // false) | not) as $kept
| ($lat + [ $rss, $heap ] | map(.ok) | all) as $flatok
| ( "| end of minute (s) | settlements/s | 2207 p50 / p99 ms | 2304 p50 / p99 | 2102 p50 / p99 | 2208 | 2305 | 2103 | 3201 | errors | server RSS MB | heap after GC MB (GCs) | database MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ( $s[] | "| \(.end_s) | \(.settlements_per_s) | \(lat("2207")) | \(lat("2304")) | \(lat("2102")) | \(lat("2208")) | \(lat("2305")) | \(lat("2103")) | \(lat("3201")) | \(.errors) | \(.rss_mb | f) | \(.heap_after_gc_mb | f) (\(.gcs | f)) | \(.db_mb | f) |" ),
    "",
    "interval \($b + 1) → interval \($e + 1):",
    ( $lat + [ $rss, $heap, $dbsize, $rec ] | .[] | "  \(.what): \(.a | f) → \(.z | f)\(if .ok then "" else "  NOT FLAT" end)\(if .what == "database MB" or .what == "3201 p99 ms" then "  (not judged)" else "" end)" ),
    "  settlements/s within 10% of \($rate) every interval: \(if $steady then "yes" else "NO" end)",
    "  the generator kept up with its schedule: \(if $kept then "yes" else "NO (\($root.open_loop))" end)",
    "  errors: \($root.errors) measured, \($root.warmup_errors) during warm-up; 3201: \($root.reconciliation_3201.agreed // 0) in agreement, \($root.reconciliation_3201.disagreed // 0) not (in flight; the last after the run must agree)",
    "flat: \(if $flatok and $steady and $kept then "yes" else "no" end)" )
