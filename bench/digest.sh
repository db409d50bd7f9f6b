#!/usr/bin/env bash
# Digest sending benchmark: 100,000 active subscribers, Postfix's smtp-sink on loopback, the two
# ceilings measured in the same run (smtp-source against the sink with connection reuse; RSA-2048
# signatures per second on all cores), then a full `tamizdat digest send` with DKIM off and on.
# Prints `name value unit` lines and the ratios. See bench/README.md. Needs root only to install
# postfix (its service is never started: only the smtp-sink/smtp-source tools are used).
#
# Settings: BENCH_SUBSCRIBERS (100000), BENCH_SINK_PORT (12525), BENCH_SOURCE_SESSIONS (8),
#           TAMIZDAT_MAIL_CONCURRENCY (the app's default), JAVA_OPTS (as for ./tamizdat)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
subscribers=${BENCH_SUBSCRIBERS:-100000}
port=${BENCH_SINK_PORT:-12525}
sessions=${BENCH_SOURCE_SESSIONS:-8}
cores=$(nproc)
die() { echo "bench: $*" >&2; exit 1; }
note() { echo "# $*" >&2; }

if ! command -v smtp-sink >/dev/null || ! command -v smtp-source >/dev/null; then
  note "installing postfix (for smtp-sink and smtp-source; the service is not started)"
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix sqlite3 openssl >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
  note "installing time (to read smtp-source's CPU)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
command -v sqlite3 >/dev/null || die "needs sqlite3"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tamizdat-digest-bench.XXXXXX")
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# Only the settings given here (an inherited TAMIZDAT_DB_URL would point the app elsewhere).
for name in $(env | sed -n 's/^\(TAMIZDAT_[A-Z0-9_]*\)=.*/\1/p'); do
  [ "$name" = TAMIZDAT_MAIL_CONCURRENCY ] || unset "$name"
done
export TAMIZDAT_DATA_DIR="$tmp/data" TAMIZDAT_BASE_URL=https://lantern.example
export TAMIZDAT_SMTP_URL="smtp://127.0.0.1:$port" TAMIZDAT_MAIL_FROM="Lantern <digest@lantern.example>"
db="$tmp/data/tamizdat.db"
mkdir -p "$tmp/data"

note "building and migrating"
"$root/tamizdat" digest preview --edition en >/dev/null 2>&1 || true # empty week: exit 3
[ -f "$db" ] || die "no database at $db"
now_ms=$(($(date +%s) * 1000))
note "creating 10 articles of this week and $subscribers active subscribers"
sqlite3 "$db" <<SQL
.timeout 5000
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO article (lang, slug, title, dek, body_md, body_html, body_html_version, status,
                     published_at, updated_at, created_at)
SELECT 'en', 'story-' || i, 'Story number ' || i || ' of the week',
       'What happened, in one sentence that editors wrote for the digest ' || i, 'Body.',
       '<p>Body.</p>', 0, 'published', $now_ms - i * 3600000 * 12, $now_ms, $now_ms FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $subscribers)
INSERT INTO subscriber (email, email_key, lang, state, unsubscribe_token, created_at, updated_at)
SELECT 'reader' || i || '@example.org', 'reader' || i || '@example.org', 'en', 'active',
       lower(hex(randomblob(16))), $now_ms, $now_ms FROM n;
SQL
size=$("$root/tamizdat" digest preview --edition en 2>/dev/null | wc -c)
note "one digest message: $size bytes"

echo "load_before $(cut -d' ' -f1 /proc/loadavg) (cpus $cores)"
# Another server on the port (a sink left from an earlier run) would take some of the connections.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "something already listens on 127.0.0.1:$port; stop it or set BENCH_SINK_PORT"
fi
smtp-sink -u postfix "127.0.0.1:$port" 1024 &
sink_pid=$!
sleep 0.5
kill -0 "$sink_pid" 2>/dev/null || die "smtp-sink did not start on port $port"

seconds() { date +%s.%N; }
note "ceiling 1: smtp-source, $sessions sessions, connections reused (-d), $subscribers messages of $size bytes"
start=$(seconds)
/usr/bin/time -f '%U %S' -o "$tmp/source.time" \
  smtp-source -d -s "$sessions" -m "$subscribers" -l "$size" -f digest@lantern.example \
  -t reader@example.org "127.0.0.1:$port"
source_rate=$(echo "$subscribers / ($(seconds) - $start)" | bc -l)
printf 'smtp_source_ceiling %.0f msgs/s\n' "$source_rate"
# CPU of the leanest SMTP client there is here: no database, no rendering, no hashing.
source_cpu=$(awk '{ print $1 + $2 }' "$tmp/source.time")
printf 'smtp_source_cpu %.2f s\n' "$source_cpu"

note "ceiling 2: openssl speed rsa2048 on $cores cores"
sign_rate=$(openssl speed -seconds 5 -multi "$cores" rsa2048 2>/dev/null |
  awk '/^rsa +2048 bits/ { v = $(NF-1) } END { print v }')
[ -n "$sign_rate" ] || die "cannot read openssl's rsa2048 sign/s"
printf 'rsa2048_sign_ceiling %.0f signs/s\n' "$sign_rate"

# CPU seconds smtp-sink has used so far (it shares the two cores with the send it receives).
sink_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$sink_pid/stat"; }
send() { # label; prints the app's send rate
  out=$("$root/tamizdat" digest send --edition en 2>"$tmp/$1.err") || {
    cat "$tmp/$1.err" >&2
    die "digest send failed"
  }
  echo "$out" | grep '^done:' >&2
  echo "$out" | sed -n 's/.*sent \([0-9]*\),.* (\([0-9]*\) messages\/s).*/\1 \2/p'
}
note "full send, DKIM off (as when a relay signs)"
sink_before=$(sink_cpu)
read -r sent_off rate_off < <(send unsigned)
printf 'sink_cpu_unsigned %.2f s\n' "$(echo "$(sink_cpu) - $sink_before" | bc -l)"
[ "$sent_off" = "$subscribers" ] || die "sent $sent_off of $subscribers"
printf 'digest_send_unsigned %s msgs/s\n' "$rate_off"

note "full send again, DKIM on (rsa-sha256, 2048-bit key, in process)"
sqlite3 "$db" "UPDATE digest_outbox SET state = 'queued', attempts = 0, claimed_until = 0, sent_at = NULL;"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/dkim.pem" 2>/dev/null
export TAMIZDAT_DKIM_KEY_FILE="$tmp/dkim.pem" TAMIZDAT_DKIM_SELECTOR=bench TAMIZDAT_DKIM_DOMAIN=lantern.example
sink_before=$(sink_cpu)
read -r sent_on rate_on < <(send signed)
sink_signed=$(echo "$(sink_cpu) - $sink_before" | bc -l)
printf 'sink_cpu_signed %.2f s\n' "$sink_signed"
[ "$sent_on" = "$subscribers" ] || die "sent $sent_on of $subscribers"
printf 'digest_send_signed %s msgs/s\n' "$rate_on"

ratio_off=$(echo "$rate_off / $source_rate" | bc -l)
ratio_on=$(echo "$rate_on / $sign_rate" | bc -l)
printf 'ratio_unsigned_over_smtp_source %.2f (target >= 0.5)\n' "$ratio_off"
printf 'ratio_signed_over_rsa_ceiling %.2f (target >= 0.8)\n' "$ratio_on"
# The best any sender could do here: signing at the ceiling on every core, plus the CPU the sink
# itself took from those cores, and nothing else (no SMTP client, no database, no rendering).
sign_wall=$(echo "$subscribers / $sign_rate" | bc -l)
printf 'ratio_signed_bound_with_sink %.2f (signing at the ceiling + the sink'"'"'s CPU, nothing else)\n' \
  "$(echo "$sign_wall / ($sign_wall + $sink_signed / $cores)" | bc -l)"
# ... and a client that costs no more CPU than smtp-source: the most any sender could reach here.
printf 'ratio_signed_bound_with_sink_and_smtp_source %.2f\n' \
  "$(echo "$sign_wall / ($sign_wall + ($sink_signed + $source_cpu) / $cores)" | bc -l)"
echo "load_after $(cut -d' ' -f1 /proc/loadavg)"
