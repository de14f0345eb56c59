#!/usr/bin/env python3
"""DuckDB peer of `roret keyfigures --unsuppressed`: the same key figures
(shared/spec/key-figures.md, default target group) computed in SQL from the
same CSV files, written as the same CSV. Used side by side in the benchmark
and as an independent cross-check of the engine (Benchmarks/run.sh diffs them).

usage: duckdb_peer.py EXTRACT_DIR [OUTPUT.csv]
"""
import os
import sys

import duckdb

SQL = r"""
CREATE TEMP TABLE spells AS
SELECT person_id AS p, municipality_code AS m, start_date AS s, coalesce(end_date, DATE '9999-12-31') AS e,
       CASE WHEN paragraph IN ('82a','82b','82c','82d') THEN 1 WHEN paragraph='85' THEN 2 WHEN paragraph='107' THEN 3
            WHEN paragraph='105' THEN 4 WHEN paragraph='108' THEN 5 ELSE 0 END AS k
FROM interventions WHERE reason = 'sindslidelse';
DELETE FROM spells WHERE k = 0;

CREATE TEMP TABLE years AS
SELECT y, make_date(y,1,1) AS ys, make_date(y,12,31) AS ye FROM range((SELECT min(year) FROM population), (SELECT max(year) FROM population)+1) t(y);
CREATE TEMP TABLE areas AS SELECT municipality_code AS a FROM municipalities UNION ALL SELECT 'national';
CREATE TEMP TABLE adults AS
SELECT municipality_code AS a, year AS y, adults FROM population
UNION ALL SELECT 'national', year, sum(adults) FROM population GROUP BY year;

-- Step and area at each year end.
CREATE TEMP TABLE ye AS
SELECT p, y, k, m FROM (
  SELECT sp.p, yr.y, sp.k, sp.m, row_number() OVER (PARTITION BY sp.p, yr.y ORDER BY sp.k DESC, sp.s DESC, sp.m ASC) AS rn
  FROM spells sp JOIN years yr ON sp.s <= yr.ye AND sp.e >= yr.ye) WHERE rn = 1;
CREATE TEMP TABLE ye_full AS
SELECT pp.p, yr.y, coalesce(ye.k, 0) AS k, ye.m FROM (SELECT DISTINCT p FROM spells) pp CROSS JOIN years yr
LEFT JOIN ye ON ye.p = pp.p AND ye.y = yr.y;

-- Recipients overlapping a year.
CREATE TEMP TABLE rec AS
SELECT DISTINCT sp.p, sp.m, yr.y, sp.k FROM spells sp JOIN years yr ON sp.s <= yr.ye AND sp.e >= yr.ys;

CREATE TEMP TABLE emp AS SELECT person_id AS p, year AS y, status,
  status IN ('employed','flexjob','education','parental_leave') AS ok FROM employment;
"""

# Each figure: SQL giving (a, y, breakdown, num, den) for the cells that exist; the grid fills zeros.
FIGURES = {}

def per_area(select_m, from_where, group_extra=""):
    """Counts per municipality and national from a query with columns p, m, y (+ extra)."""
    return f"""
    SELECT m AS a, y{group_extra and ', ' + group_extra}, {select_m} FROM ({from_where}) GROUP BY ALL
    UNION ALL
    SELECT 'national', y{group_extra and ', ' + group_extra}, {select_m} FROM ({from_where}) GROUP BY ALL"""

FIGURES["NT01"] = f"""
WITH x AS ({per_area('count(DISTINCT p) AS n', 'SELECT p, m, y, k FROM rec', 'k')})
SELECT x.a, x.y, 'step=' || x.k AS b, n, adults AS d FROM x JOIN adults USING (a, y)"""
FIGURES["NT02"] = f"""
WITH x AS ({per_area('count(DISTINCT p) AS n', 'SELECT p, m, y FROM rec')})
SELECT x.a, x.y, '' AS b, n, adults AS d FROM x JOIN adults USING (a, y)"""
FIGURES["NT03"] = per_area("count(*) FILTER (WHERE k <= 2) AS n, count(*) AS d", "SELECT p, m, y, k FROM ye").replace("SELECT m AS a, y,", "SELECT m AS a, y, '' AS b,").replace("SELECT 'national', y,", "SELECT 'national', y, '' AS b,")
FIGURES["NT04"] = f"""
WITH new AS (
  SELECT DISTINCT a.p, a.m, year(a.s) AS y FROM spells a
  WHERE NOT EXISTS (SELECT 1 FROM spells b WHERE b.p = a.p AND b.s < a.s AND b.e >= a.s - INTERVAL 365 DAY)),
x AS ({per_area('count(DISTINCT p) AS n', 'SELECT p, m, y FROM new')})
SELECT x.a, x.y, '' AS b, n, adults AS d FROM x JOIN adults USING (a, y)"""
FIGURES["NT05"] = """
SELECT a, y, '' AS b, count(*) FILTER (WHERE k1 = 0) AS n, count(*) AS d FROM (
  SELECT p0.m AS a, p0.y + 1 AS y, p1.k AS k1 FROM ye p0 JOIN ye_full p1 ON p1.p = p0.p AND p1.y = p0.y + 1
  UNION ALL SELECT 'national', p0.y + 1, p1.k FROM ye p0 JOIN ye_full p1 ON p1.p = p0.p AND p1.y = p0.y + 1) GROUP BY ALL"""
FIGURES["NT06"] = """
WITH c AS (SELECT p0.m, p0.y + 2 AS y, p0.k AS f, p2.k AS t,
   CASE WHEN p2.k = 0 THEN 'none' WHEN p2.k < p0.k THEN 'lower' WHEN p2.k = p0.k THEN 'same' ELSE 'higher' END AS o
   FROM ye p0 JOIN ye_full p2 ON p2.p = p0.p AND p2.y = p0.y + 2),
cc AS (SELECT m AS a, y, f::VARCHAR AS f, o FROM c UNION ALL SELECT m, y, 'all', o FROM c
       UNION ALL SELECT 'national', y, f::VARCHAR, o FROM c UNION ALL SELECT 'national', y, 'all', o FROM c)
SELECT a, y, 'from=' || f || ';to=' || o AS b, count(*) AS n, sum(count(*)) OVER (PARTITION BY a, y, f) AS d FROM cc GROUP BY a, y, f, o"""
FIGURES["NT07"] = """
WITH c AS (SELECT p0.m, p0.y + 1 AS y, p0.k AS f, p1.k AS t FROM ye p0 JOIN ye_full p1 ON p1.p = p0.p AND p1.y = p0.y + 1),
cc AS (SELECT m AS a, y, f, t FROM c UNION ALL SELECT 'national', y, f, t FROM c)
SELECT a, y, 'from=' || f || ';to=' || t AS b, count(*) AS n, sum(count(*)) OVER (PARTITION BY a, y, f) AS d FROM cc GROUP BY a, y, f, t"""
FIGURES["NT08"] = """
WITH o AS (SELECT p, s, e, max(e) OVER (PARTITION BY p ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM spells),
g AS (SELECT p, s, e, sum(CASE WHEN prev IS NULL OR s > prev + INTERVAL 1 DAY THEN 1 ELSE 0 END) OVER (PARTITION BY p ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS blk FROM o),
blocks AS (SELECT p, blk, min(s) AS bs, max(e) AS be FROM g GROUP BY p, blk),
ex AS (SELECT b.p, b.be, (b.be + INTERVAL 1 DAY)::DATE AS x,
        (SELECT min(n.bs) FROM blocks n WHERE n.p = b.p AND n.blk > b.blk) AS nxt FROM blocks b WHERE b.be < DATE '9999-12-31'),
area AS (SELECT ex.p, ex.x, ex.nxt, (SELECT sp.m FROM spells sp WHERE sp.p = ex.p AND sp.s <= ex.be AND sp.e >= ex.be ORDER BY sp.k DESC, sp.s DESC, sp.m ASC LIMIT 1) AS m FROM ex),
firsts AS (
  SELECT m AS a, year(x) + 1 AS y, p, arg_min(nxt, x) AS nxt, min(x) AS x FROM area GROUP BY ALL
  UNION ALL SELECT 'national', year(x) + 1, p, arg_min(nxt, x), min(x) FROM area GROUP BY ALL)
SELECT a, y, '' AS b, count(*) FILTER (WHERE nxt IS NOT NULL AND nxt <= x + INTERVAL 364 DAY) AS n, count(*) AS d FROM firsts GROUP BY a, y"""
FIGURES["NT09"] = per_area("count(*) FILTER (WHERE ok) AS n, count(*) AS d", "SELECT ye.p, ye.m, ye.y, coalesce(emp.ok, false) AS ok FROM ye LEFT JOIN emp ON emp.p = ye.p AND emp.y = ye.y").replace("SELECT m AS a, y,", "SELECT m AS a, y, '' AS b,").replace("SELECT 'national', y,", "SELECT 'national', y, '' AS b,")
FIGURES["NT10"] = FIGURES["NT09"].replace("WHERE ok", "WHERE st = 'disability_pension'").replace("coalesce(emp.ok, false) AS ok", "emp.status AS st")
FIGURES["NT11"] = per_area("count(*) FILTER (WHERE ok1) AS n, count(*) AS d",
  "SELECT ye.p, ye.m, ye.y + 1 AS y, coalesce(e1.ok, false) AS ok1 FROM ye LEFT JOIN emp e0 ON e0.p = ye.p AND e0.y = ye.y LEFT JOIN emp e1 ON e1.p = ye.p AND e1.y = ye.y + 1 WHERE NOT coalesce(e0.ok, false)").replace("SELECT m AS a, y,", "SELECT m AS a, y, '' AS b,").replace("SELECT 'national', y,", "SELECT 'national', y, '' AS b,")
ANY_REC = "(SELECT DISTINCT p, m, y FROM rec)"
ANY_REC_NAT = "(SELECT DISTINCT p, y FROM rec)"
FIGURES["NT12"] = f"""
WITH adm AS (SELECT DISTINCT person_id AS p, year(admission_date) AS y FROM admissions),
r AS (SELECT r.m AS a, r.y, r.p, adm.p IS NOT NULL AS hit FROM {ANY_REC} r LEFT JOIN adm ON adm.p = r.p AND adm.y = r.y
      UNION ALL SELECT 'national', r.y, r.p, adm.p IS NOT NULL FROM {ANY_REC_NAT} r LEFT JOIN adm ON adm.p = r.p AND adm.y = r.y)
SELECT a, y, '' AS b, count(*) FILTER (WHERE hit) AS n, count(*) AS d FROM r GROUP BY a, y"""
FIGURES["NT13"] = f"""
WITH ad AS (SELECT person_id AS p, admission_date AS s, coalesce(discharge_date, DATE '9999-12-31') AS e FROM admissions),
o AS (SELECT p, s, e, max(e) OVER (PARTITION BY p ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM ad),
g AS (SELECT p, s, e, sum(CASE WHEN prev IS NULL OR s > prev THEN 1 ELSE 0 END) OVER (PARTITION BY p ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS st FROM o),
stays AS (SELECT p, st, min(s) AS ss, max(e) AS se FROM g GROUP BY p, st),
fol AS (SELECT a.p, a.se, year(a.se) AS y, EXISTS (SELECT 1 FROM stays b WHERE b.p = a.p AND b.ss > a.se AND b.ss <= a.se + INTERVAL 30 DAY) AS re
        FROM stays a WHERE a.se < DATE '9999-12-31'),
r AS (SELECT r.m AS a, f.y, f.re FROM fol f JOIN {ANY_REC} r ON r.p = f.p AND r.y = f.y
      UNION ALL SELECT 'national', f.y, f.re FROM fol f JOIN {ANY_REC_NAT} r ON r.p = f.p AND r.y = f.y)
SELECT a, y, '' AS b, count(*) FILTER (WHERE re) AS n, count(*) AS d FROM r GROUP BY a, y"""
EXP = """(SELECT municipality_code AS a, year AS y, k, sum(amount_dkk) AS amt FROM (
   SELECT *, CASE WHEN paragraph IN ('82a','82b','82c','82d') THEN 1 WHEN paragraph='85' THEN 2 WHEN paragraph='107' THEN 3
   WHEN paragraph='105' THEN 4 WHEN paragraph='108' THEN 5 ELSE 0 END AS k FROM expenditures) WHERE k > 0 GROUP BY ALL
   UNION ALL SELECT 'national', year, k, sum(amount_dkk) FROM (
   SELECT *, CASE WHEN paragraph IN ('82a','82b','82c','82d') THEN 1 WHEN paragraph='85' THEN 2 WHEN paragraph='107' THEN 3
   WHEN paragraph='105' THEN 4 WHEN paragraph='108' THEN 5 ELSE 0 END AS k FROM expenditures) WHERE k > 0 GROUP BY ALL)"""
FIGURES["NT14"] = f"SELECT a, y, 'step=' || k AS b, amt AS n, sum(amt) OVER (PARTITION BY a, y) AS d FROM {EXP}"
FIGURES["NT15"] = f"""
WITH r AS ({per_area('count(DISTINCT p) AS d', 'SELECT p, m, y, k FROM rec', 'k')})
SELECT x.a, x.y, 'step=' || x.k AS b, x.amt AS n, coalesce(r.d, 0) AS d FROM {EXP} x LEFT JOIN r ON r.a = x.a AND r.y = x.y AND r.k = x.k
UNION ALL SELECT r.a, r.y, 'step=' || r.k, 0, r.d FROM r WHERE NOT EXISTS (SELECT 1 FROM {EXP} x WHERE x.a = r.a AND x.y = r.y AND x.k = r.k)"""
MEAS = """
WITH m AS (SELECT person_id AS p, municipality_code AS mu, instrument AS i, date AS dt,
            (item1+item2+item3+item4+item5) * CASE WHEN instrument = 'WHO-5' THEN 4 ELSE 5 END AS sc
           FROM measurements WHERE item1 IS NOT NULL AND item2 IS NOT NULL AND item3 IS NOT NULL AND item4 IS NOT NULL AND item5 IS NOT NULL),
base AS (SELECT p, i, arg_max(sc, sc) AS bsc, min(dt) AS bdt FROM (SELECT *, rank() OVER (PARTITION BY p, i ORDER BY dt) AS rk FROM m) WHERE rk = 1 GROUP BY p, i),
tg AS (SELECT DISTINCT p, y FROM rec),
inm AS (SELECT m.*, year(dt) AS y FROM m JOIN tg ON tg.p = m.p AND tg.y = year(m.dt)),
lat AS (SELECT mu AS a, y, p, i, arg_max(sc, (dt, sc)) AS sc, max(dt) AS dt FROM inm GROUP BY ALL
        UNION ALL SELECT 'national', y, p, i, arg_max(sc, (dt, sc)), max(dt) FROM inm GROUP BY ALL),
ch AS (SELECT lat.*, CASE WHEN lat.sc - base.bsc >= {T} THEN 'improved' WHEN lat.sc - base.bsc <= -{T} THEN 'worsened' ELSE 'unchanged' END AS c
       FROM lat JOIN base ON base.p = lat.p AND base.i = lat.i WHERE base.bdt <= lat.dt - INTERVAL 90 DAY)
"""
FIGURES["NT16"] = MEAS + "SELECT a, y, '' AS b, sum(sc) AS n, count(*) AS d FROM lat WHERE i = 'WHO-5' GROUP BY a, y"
FIGURES["NT17"] = MEAS + """SELECT a, y, 'band=' || CASE WHEN sc <= 35 THEN '0-35' WHEN sc <= 50 THEN '36-50' ELSE '51-100' END AS b,
  count(*) AS n, sum(count(*)) OVER (PARTITION BY a, y) AS d FROM lat WHERE i = 'WHO-5' GROUP BY 1, 2, 3"""
FIGURES["NT18"] = MEAS + "SELECT a, y, 'change=' || c AS b, count(*) AS n, sum(count(*)) OVER (PARTITION BY a, y) AS d FROM ch WHERE i = 'WHO-5' GROUP BY 1, 2, 3"
FIGURES["NT19"] = MEAS + "SELECT a, y, '' AS b, sum(sc) AS n, count(*) AS d FROM lat WHERE i = 'BRIEF-INSPIRE-O' GROUP BY a, y"
FIGURES["NT20"] = MEAS + "SELECT a, y, 'change=' || c AS b, count(*) AS n, sum(count(*)) OVER (PARTITION BY a, y) AS d FROM ch WHERE i = 'BRIEF-INSPIRE-O' GROUP BY 1, 2, 3"
FIGURES["Q01"] = """
WITH m AS (SELECT DISTINCT person_id AS p, municipality_code AS mu, year(date) AS y FROM measurements
           WHERE item1 IS NOT NULL AND item2 IS NOT NULL AND item3 IS NOT NULL AND item4 IS NOT NULL AND item5 IS NOT NULL)
SELECT ye.m AS a, ye.y, '' AS b, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM m WHERE m.p = ye.p AND m.mu = ye.m AND m.y = ye.y)) AS n, count(*) AS d FROM ye GROUP BY ALL
UNION ALL SELECT 'national', ye.y, '', count(*) FILTER (WHERE EXISTS (SELECT 1 FROM m WHERE m.p = ye.p AND m.y = ye.y)), count(*) FROM ye GROUP BY ALL"""

NEEDS = {"NT04": (-1, 0), "NT05": (-1, 0), "NT07": (-1, 0), "NT08": (-1, 0), "NT11": (-1, 0), "NT06": (-2, 0), "NT13": (0, 1)}
SOURCE = {"NT09": "employment", "NT10": "employment", "NT11": "employment", "NT12": "admissions", "NT13": "admissions",
          "NT14": "expenditures", "NT15": "expenditures", "NT16": "measurements", "NT17": "measurements",
          "NT18": "measurements", "NT19": "measurements", "NT20": "measurements", "Q01": "measurements"}


def breakdowns(code):
    if code in ("NT01", "NT14", "NT15"):
        return [f"step={k}" for k in range(1, 6)]
    if code == "NT06":
        return [f"from={f};to={o}" for f in ["1", "2", "3", "4", "5", "all"] for o in ["higher", "lower", "none", "same"]]
    if code == "NT07":
        return [f"from={s};to={t}" for s in range(1, 6) for t in range(0, 6)]
    if code == "NT17":
        return ["band=0-35", "band=36-50", "band=51-100"]
    if code in ("NT18", "NT20"):
        return ["change=improved", "change=unchanged", "change=worsened"]
    return [""]


def plain(v):
    text = repr(v)
    if "e" in text:
        text = format(v, ".20f").rstrip("0").rstrip(".") if abs(v) < 1 else format(v, "f")
    if text.endswith(".0"):
        text = text[:-2]
    return text


def amount(v):
    text = format(v, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def main():
    folder = sys.argv[1]
    con = duckdb.connect()
    types = {
        "municipalities": {"municipality_code": "VARCHAR", "name": "VARCHAR"},
        "population": {"municipality_code": "VARCHAR", "year": "INTEGER", "adults": "BIGINT"},
        "interventions": {"person_id": "VARCHAR", "municipality_code": "VARCHAR", "paragraph": "VARCHAR", "start_date": "DATE", "end_date": "DATE", "reason": "VARCHAR"},
        "employment": {"person_id": "VARCHAR", "year": "INTEGER", "status": "VARCHAR"},
        "admissions": {"person_id": "VARCHAR", "admission_date": "DATE", "discharge_date": "DATE"},
        "expenditures": {"municipality_code": "VARCHAR", "year": "INTEGER", "paragraph": "VARCHAR", "amount_dkk": "DECIMAL(18,2)"},
        "measurements": {"person_id": "VARCHAR", "municipality_code": "VARCHAR", "instrument": "VARCHAR", "date": "DATE",
                         "item1": "INTEGER", "item2": "INTEGER", "item3": "INTEGER", "item4": "INTEGER", "item5": "INTEGER"},
    }
    present = set()
    for name, cols in types.items():
        path = os.path.join(folder, name + ".csv")
        if not os.path.exists(path):
            continue
        present.add(name)
        # Columns by header name, whatever their order; empty (also quoted empty) is NULL.
        select = ", ".join(f"CAST(NULLIF({c}, '') AS {t}) AS {c}" for c, t in cols.items())
        con.execute(f"CREATE TABLE {name} AS SELECT {select} FROM read_csv(?, header=true, all_varchar=true)", [path])
    con.execute(SQL)
    first, last = con.execute("SELECT min(year), max(year) FROM population").fetchone()
    areas = [r[0] for r in con.execute("SELECT municipality_code FROM municipalities").fetchall()]
    areas = sorted(areas, key=lambda c: c.encode()) + ["national"]
    cells = {}
    for code, query in FIGURES.items():
        if code in SOURCE and SOURCE[code] not in present:
            continue
        for a, y, b, n, d in con.execute(query.replace("{T}", "10")).fetchall():
            cells[(a, int(y), code, b)] = (n, d)
    out = ["area,year,figure,breakdown,numerator,denominator,value,suppressed"]
    adults = {(a, int(y)): n for a, y, n in con.execute("SELECT a, y, adults FROM adults").fetchall()}
    recs = {}
    for a, y, k, d in con.execute(f"SELECT a, y, k, d FROM ({FIGURES['NT15'].split('SELECT x.a')[0]} SELECT a, y, k, d FROM r)").fetchall():
        recs[(a, int(y), f"step={k}")] = d
    # Denominators of groups with no row of their own (empty cells), by lookup.
    group_den = {}
    for (a, y, code, b), (n, d) in cells.items():
        if code in ("NT06", "NT07"):
            group_den[(a, y, code, b.split(";")[0])] = d
        elif code in ("NT14", "NT17", "NT18", "NT20"):
            group_den[(a, y, code, "")] = d
    ye_count = {}
    for a, y, k, c in con.execute("""SELECT m, y, k, count(*) FROM ye GROUP BY ALL
                                      UNION ALL SELECT 'national', y, k, count(*) FROM ye GROUP BY ALL""").fetchall():
        ye_count[(a, int(y), k)] = c
        ye_count[(a, int(y), None)] = ye_count.get((a, int(y), None), 0) + c
    for a in areas:
        for y in range(first, last + 1):
            for code in sorted(FIGURES):
                if code in SOURCE and SOURCE[code] not in present:
                    continue
                lo, hi = NEEDS.get(code, (0, 0))
                if y + lo < first or y + hi > last:
                    continue
                for b in breakdowns(code):
                    n, d = cells.get((a, y, code, b), (0, None))
                    if d is None:
                        if code in ("NT01", "NT02", "NT04"):
                            d = adults[(a, y)]
                        elif code == "NT15":
                            d = recs.get((a, y, b), 0)
                        elif code == "NT07":
                            d = ye_count.get((a, y - 1, int(b.split(";")[0].split("=")[1])), 0)
                        elif code == "NT06":
                            d = group_den.get((a, y, code, b.split(";")[0]), 0)
                        elif code in ("NT14", "NT17", "NT18", "NT20"):
                            d = group_den.get((a, y, code, ""), 0)
                        elif code == "NT05":
                            d = ye_count.get((a, y - 1, None), 0)
                        else:
                            d = 0
                    if code in ("NT14", "NT15"):
                        ns = amount(n)
                        ds = amount(d) if code == "NT14" else str(d)
                        value = "" if d == 0 else plain((float(n * 100) / 100) / (float(d * 100) / 100 if code == "NT14" else float(d)))
                    else:
                        ns, ds = str(int(n)), str(int(d))
                        scale = 10000 if code in ("NT01", "NT02", "NT04") else 1
                        value = "" if d == 0 else plain(float(n) / float(d) * scale)
                    out.append(f"{a},{y},{code},{b},{ns},{ds},{value},false")
    text = "\n".join(out) + "\n"
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
