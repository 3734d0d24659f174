#!/usr/bin/env bash
# Quick local latency check of the search index's query shape (docs/search.md): a throw-away PostgreSQL,
# a table shaped like Marten's mt_doc_searchentry (jsonb data, text[] bigrams with a GIN index), ROWS rows of
# Japanese and English text, then pgbench running the search query for a two-character Japanese term.
# Not the benchmark program: one client, one machine, synthetic rows. Usage: measure.sh [ROWS] [QUERY]
set -euo pipefail
ROWS=${1:-100000}
QUERY=${2:-港湾}
PORT=${PORT:-55499}
DIR=$(mktemp -d)
chown postgres "$DIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg initdb -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >/dev/null
as_pg pg_ctl -D "$DIR/data" -o "-p $PORT -k $DIR -c fsync=off" -l "$DIR/log" -w start >/dev/null
trap 'as_pg pg_ctl -D "$DIR/data" -m immediate stop >/dev/null; rm -rf "$DIR"' EXIT
PSQL=(psql -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)

"${PSQL[@]}" <<SQL
create table search (id uuid primary key, data jsonb not null, kind varchar, company varchar, title varchar, grams text[], company_grams text[]);
-- Marten's index on the duplicated title: the order of the hits.
create index search_title on search (title);
create index search_grams on search using gin (grams);
create index search_company_grams on search using gin (company_grams);
-- Text made of words from the seed documents' vocabulary, so that bigram frequencies look like real ones.
create temp table words(w text);
insert into words values ('鉄道'),('港湾'),('空港'),('道路'),('橋梁'),('都市'),('開発'),('整備'),('事業'),('運営'),('建設'),('高速'),('新幹線'),
  ('下水道'),('上水道'),('防災'),('ダム'),('物流'),('情報通信'),('海底ケーブル'),('ジャカルタ'),('マニラ'),('ハノイ'),('バンコク'),('インド'),
  ('ベトナム'),('フィリピン'),('インドネシア'),('協議'),('セミナー'),('トップセールス'),('入札'),('受注'),('支援'),('調査'),('国際'),('会議'),
  ('Metro'),('Port'),('Airport'),('Rail'),('Bridge'),('Water'),('Development'),('Project'),('Line');
create temp table w as select row_number() over () as n, w from words;
insert into search (id, data, kind, title, grams, company_grams)
select gen_random_uuid(), jsonb_build_object('haystack', t), case i % 3 when 0 then 'Project' when 1 then 'Touchpoint' else 'Trouble' end, substr(t, 1, 20), g, g
from (
  select i, string_agg(w.w, '' order by k) as t
  from generate_series(1, $ROWS) i
  cross join lateral generate_series(1, 12) k
  join w on w.n = 1 + ((hashint4(i * 31 + k) & 2147483647) % (select count(*) from w))
  group by i) texts
cross join lateral (select array_agg(distinct substr(lower(normalize(t, NFKC)), p, 2)) as g
                    from generate_series(1, length(t) - 1) p) grams;
vacuum analyze search;
SQL
echo "rows: $("${PSQL[@]}" -tAc 'select count(*) from search')"
echo "rows matching '$QUERY': $("${PSQL[@]}" -tAc "select count(*) from search where grams @> array['$QUERY'] and data ->> 'haystack' like '%$QUERY%'")"

# The statements the endpoint sends for a two-character query (one bigram, so no LIKE to confirm it): the first
# page of 50 in title order, and the matches counted up to 1,001 (docs/search.md).
cat > "$DIR/search.sql" <<SQL
select id, data from search where kind = any(array['Project','Touchpoint']) and grams @> array['$QUERY'] order by title, id limit 50;
select id from search where kind = any(array['Project','Touchpoint']) and grams @> array['$QUERY'] limit 1001;
SQL
chmod 644 "$DIR/search.sql"
pgbench -h "$DIR" -p "$PORT" -U postgres -n -c 1 -T 20 -f "$DIR/search.sql" -l --log-prefix="$DIR/lat" postgres >"$DIR/pgbench.out"
grep -E "latency average|tps" "$DIR/pgbench.out"
cat "$DIR"/lat* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "transactions: %d  p50: %.2f ms  p99: %.2f ms  max: %.2f ms\n", NR, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000}'
