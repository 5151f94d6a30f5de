#!/usr/bin/env python3
"""Measures ior against its references, whole processes each, and reports medians and ratios.

Run through bench/run.sh, which builds ior and generates the national store first. Every
measurement starts a fresh process with posix_spawn and waits for it with wait4, which gives
the wall time and the child's peak resident set size (ru_maxrss) of that one process.
"""

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

TODAY = "2026-07-15"  # IOR_TODAY for every ior run, so `due` is the same on every run
SUMMARY_FY = 2025
REPLAY_COMMANDS = 10_000
REPLAY_BLOCK = 20  # one `open review` and 19 recording commands per review
TIME = "/usr/bin/time"


# ---------------------------------------------------------------- running processes


def spawn(argv, stdin=None, env=None):
    """Runs argv to completion; returns (seconds, ru_maxrss in KiB, exit status)."""
    program = argv[0] if os.path.isabs(argv[0]) else shutil.which(argv[0])
    if program is None:
        sys.exit(f"bench: cannot find {argv[0]}")
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    actions.append((os.POSIX_SPAWN_OPEN, 0, stdin or os.devnull, os.O_RDONLY, 0))
    start = time.perf_counter()
    pid = os.posix_spawn(program, argv, env or os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def peak_memory(argv, stdin=None, env=None, prepare=None):
    """The peak RSS in KiB of one run, from GNU time (which forks from its own small process:
    ru_maxrss of a child spawned from this Python would count Python's pages, shared until the
    exec, too)."""
    if not os.path.exists(TIME):
        return None
    if prepare:
        prepare()
    report = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-time-{os.getpid()}"
    _, _, code = spawn([TIME, "-f", "%M", "-o", str(report)] + argv, stdin=stdin, env=env)
    text = report.read_text().strip().splitlines()
    report.unlink()
    return int(text[-1]) if code == 0 and text else None


def measure(name, argv, runs, stdin=None, env=None, prepare=None, warmup=1, memory=True):
    """Times `runs` runs of argv after `warmup` untimed ones; `prepare` runs before each.
    With `memory`, one more run under GNU time gives the peak RSS."""
    times = []
    for index in range(warmup + runs):
        if prepare:
            prepare()
        elapsed, _, code = spawn(argv, stdin=stdin, env=env)
        if code != 0:
            sys.exit(f"bench: '{name}' exited with {code}: {' '.join(argv)}")
        if index >= warmup:
            times.append(elapsed)
    peak = peak_memory(argv, stdin, env, prepare) if memory else None
    return {
        "name": name,
        "command": " ".join(argv) + (f" < {stdin}" if stdin else ""),
        "runs": runs,
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "peak_rss_kib": peak,
    }


# ---------------------------------------------------------------- the machine


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kib = int(line.split()[1])
    system = platform.platform()
    release = Path("/etc/os-release")
    if release.exists():
        for line in release.read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kib / 1024 / 1024, 1),
        "os": system,
        "swift": (swift.stdout or swift.stderr).splitlines()[0],
        "sqlite3": sqlite.stdout.split()[0],
        "load_average_at_start": os.getloadavg(),
    }


# ---------------------------------------------------------------- references


def store_files(store):
    """Every regular file of the store, for `cat`."""
    return sorted(p for p in Path(store).rglob("*") if p.is_file() and ".tmp" not in p.parts)


def import_into_sqlite(store, database):
    """Loads every document into documents(collection, id, body) with body a JSON text column."""
    if database.exists():
        database.unlink()
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE documents (collection TEXT, id TEXT, body TEXT, "
                       "PRIMARY KEY (collection, id)) WITHOUT ROWID")
    rows = []
    for collection in ("partners", "reviews"):
        for path in sorted((Path(store) / collection).glob("*.json")):
            rows.append((collection, path.stem, path.read_text()))
    connection.executemany("INSERT INTO documents VALUES (?, ?, ?)", rows)
    connection.commit()
    connection.execute("VACUUM")
    connection.close()
    return len(rows)


def summary_sql(fiscal_year):
    """The annual summary's figures per partner, as `summary fy N` computes them."""
    years = [fiscal_year - 2, fiscal_year - 1, fiscal_year]
    as_of = f"{fiscal_year}-09-30"
    first_day = f"{years[0] - 1}-10-01"

    def in_year(year):
        day = "json_extract(c.value, '$.date')"
        return f"{day} BETWEEN '{year - 1}-10-01' AND '{year}-09-30'"

    warrants = ",\n  ".join(
        f"json_extract(p.body, '$.warrantsServed.\"{year}\"') AS warrants_fy{year}"
        for year in years)
    def was_partner(year):
        # A year with no complaint counts 0 only when the partner was a partner during it.
        return (f"coalesce(json_extract(p.body, '$.moaSigned') <= '{year}-09-30', 1) "
                f"AND NOT coalesce(json_extract(p.body, '$.status') = 'terminated' "
                f"AND json_extract(p.body, '$.ended') < '{year - 1}-10-01', 0)")

    complaints = ",\n  ".join(
        f"(SELECT CASE WHEN count(*) > 0 OR ({was_partner(year)}) THEN count(*) END "
        f"FROM json_each(p.body, '$.complaints') c "
        f"WHERE {in_year(year)}) AS complaints_fy{year}"
        for year in years)
    return f"""
.mode csv
.headers on
WITH partner AS (
  SELECT id, body FROM documents WHERE collection = 'partners'
), review AS (
  SELECT json_extract(body, '$.partner') AS partner, id,
    json_extract(body, '$.type') AS type,
    json_extract(body, '$.inspection') AS inspection,
    json_extract(body, '$.closedOut') AS closed,
    (SELECT count(*) FROM json_each(body, '$.findings') f
      WHERE json_extract(f.value, '$.kind') = 'deficiency') AS deficiencies,
    (SELECT count(*) FROM json_each(body, '$.findings') f
      WHERE json_extract(f.value, '$.kind') = 'concern') AS concerns
  FROM documents WHERE collection = 'reviews'
), window AS (
  SELECT partner, count(*) AS reviews,
    group_concat(id || ' ' || type || ' D' || deficiencies || ' C' || concerns || ' '
      || CASE WHEN closed <= '{as_of}' THEN 'closed ' || closed ELSE 'open' END, '; ')
      AS review_list
  FROM (SELECT * FROM review WHERE inspection BETWEEN '{first_day}' AND '{as_of}'
        ORDER BY inspection, id)
  GROUP BY partner
)
SELECT p.id,
  json_extract(p.body, '$.name') AS name,
  json_extract(p.body, '$.fpm.name') AS fpm,
  json_extract(p.body, '$.fpm.title') AS fpm_title,
  json_extract(p.body, '$.sddo') AS sddo,
  (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE
     sum(json_extract(o.value, '$.authorized') <= '{as_of}'
       AND coalesce(json_extract(o.value, '$.ended') > '{as_of}', 1)) END
   FROM json_each(p.body, '$.officers') o) AS current_wsos,
  (SELECT max(json_extract(v.value, '$.date')) FROM json_each(p.body, '$.visits') v
   WHERE json_extract(v.value, '$.date') <= '{as_of}') AS last_visit,
  json_extract(p.body, '$.moaSigned') AS moa_signed,
  (SELECT max(json_extract(m.value, '$.date')) FROM json_each(p.body, '$.meetings') m
   WHERE json_extract(m.value, '$.date') <= '{as_of}') AS last_meeting,
  (SELECT min(day) FROM (
     SELECT value AS day FROM json_each(p.body, '$.scheduledMeetings')
     UNION ALL
     SELECT json_extract(value, '$.date') FROM json_each(p.body, '$.meetings'))
   WHERE day > '{as_of}') AS next_meeting,
  {warrants},
  coalesce(w.reviews, 0) AS reviews,
  w.review_list,
  {complaints}
FROM partner p LEFT JOIN window w ON w.partner = p.id
WHERE NOT (json_extract(p.body, '$.status') = 'terminated'
           AND json_extract(p.body, '$.ended') < '{first_day}')
  AND coalesce(json_extract(p.body, '$.moaSigned') <= '{as_of}', 1)
ORDER BY p.id;
"""


def due_sql(today):
    """The due list's items (DueList.items, 180 days ahead), most urgent first."""
    return f"""
.mode csv
.headers on
WITH partner AS MATERIALIZED (
  SELECT id, body FROM documents WHERE collection = 'partners'
    AND coalesce(json_extract(body, '$.status'), 'active') != 'terminated'
), any_review AS MATERIALIZED (
  SELECT d.id, json_extract(d.body, '$.partner') AS partner, d.body,
    json_extract(d.body, '$.inspection') AS inspection,
    json_extract(d.body, '$.requestSent') AS sent,
    json_extract(d.body, '$.reportIssued') AS report,
    json_extract(d.body, '$.planAccepted') AS plan,
    json_extract(d.body, '$.closedOut') AS closed
  FROM documents d WHERE d.collection = 'reviews'
), review AS (
  SELECT * FROM any_review WHERE partner IN (SELECT id FROM partner)
), last AS (
  SELECT partner, max(inspection) AS inspection FROM review
  WHERE inspection <= '{today}' GROUP BY partner
), planned AS (
  SELECT partner, min(inspection) AS inspection FROM review
  WHERE inspection > '{today}' AND report IS NULL AND plan IS NULL AND closed IS NULL
  GROUP BY partner
), biennial AS (
  SELECT p.id AS partner,
    date(coalesce(l.inspection, json_extract(p.body, '$.moaSigned')), '+2 years') AS due,
    n.inspection AS planned
  FROM partner p LEFT JOIN last l ON l.partner = p.id LEFT JOIN planned n ON n.partner = p.id
), item AS (
  SELECT CASE WHEN due < '{today}' THEN 'review-overdue' ELSE 'review-due' END AS kind,
    partner, NULL AS review, NULL AS subject, due AS day FROM biennial
  WHERE due IS NOT NULL AND julianday(due) - julianday('{today}') <= 180
    AND (planned IS NULL OR planned > due)
  UNION ALL
  SELECT CASE WHEN julianday(inspection) - julianday('{today}') BETWEEN 28 AND 42
    THEN 'request-window-open' ELSE 'request-missed' END,
    partner, id, NULL, date(inspection, '-28 days')
  FROM review WHERE sent IS NULL AND report IS NULL AND plan IS NULL AND closed IS NULL
    AND julianday(inspection) - julianday('{today}') <= 42
  UNION ALL
  SELECT 'report-late', partner, id, NULL, date(inspection, '+30 days')
  FROM review WHERE report IS NULL AND closed IS NULL
    AND date(inspection, '+30 days') < '{today}'
  UNION ALL
  SELECT 'action-overdue', r.partner, r.id, json_extract(a.value, '$.id'),
    json_extract(a.value, '$.due')
  FROM review r, json_each(r.body, '$.actions') a
  WHERE r.closed IS NULL AND json_extract(a.value, '$.completed') IS NULL
    AND json_extract(a.value, '$.due') < '{today}'
  UNION ALL
  SELECT 'training-lapsed', p.id, NULL, json_extract(o.value, '$.id'),
    date(coalesce(json_extract(o.value, '$.trained'), json_extract(o.value, '$.authorized')),
         '+365 days') AS day
  FROM partner p, json_each(p.body, '$.officers') o
  WHERE json_extract(o.value, '$.status') = 'active'
    AND json_extract(o.value, '$.authorized') <= '{today}'
    AND coalesce(json_extract(o.value, '$.ended') > '{today}', 1)
    AND date(coalesce(json_extract(o.value, '$.trained'),
                      json_extract(o.value, '$.authorized')), '+365 days') < '{today}'
  UNION ALL
  SELECT 'meeting-missed', p.id, NULL, NULL, s.value
  FROM partner p, json_each(p.body, '$.scheduledMeetings') s
  WHERE s.value < '{today}'
    AND NOT coalesce((SELECT max(json_extract(m.value, '$.date'))
                      FROM json_each(p.body, '$.meetings') m) >= date(s.value, '-30 days'), 0)
)
SELECT kind, partner, review, subject, day,
  CAST(julianday(day) - julianday('{today}') AS INTEGER) AS days_left
FROM item ORDER BY day, partner, kind, review, subject;
"""


# ---------------------------------------------------------------- the replay


def open_reviews(store):
    """Reviews not closed out (the ones `answer` and `add concern` accept), by id."""
    ids = []
    for path in sorted((Path(store) / "reviews").glob("*.json")):
        body = json.loads(path.read_text())
        if "closedOut" not in body:
            ids.append(path.stem)
    return ids


def replay_script(reviews):
    """10,000 commands: per review, `open review` then answers, concerns and deficiencies."""
    questions = [f"wso-{n}" for n in range(1, 10)] + [f"fpm-{n}" for n in range(1, 9)]
    citations = ["MOA Article V", "ICE Policy 11064.3", "MOA Appendix B"]
    lines = []
    step = 0
    block = 0
    while len(lines) < REPLAY_COMMANDS:
        lines.append(f"open review {reviews[block % len(reviews)]}")
        block += 1
        for _ in range(REPLAY_BLOCK - 1):
            if len(lines) >= REPLAY_COMMANDS:
                break
            step += 1
            if step % 10 in (1, 3, 5, 7, 9):
                question = questions[step % len(questions)]
                lines.append(f'answer {question} "Reviewed with the WSO on shift, note {step}."')
            elif step % 10 in (2, 4, 8):
                lines.append(f'add concern "Observed during the walk-through, item {step}"')
            else:
                cite = citations[step % len(citations)]
                lines.append(f'add deficiency "Warrant log gap, item {step}" cite="{cite}"')
    return "\n".join(lines) + "\n"


def sqlite_inserts(one_transaction):
    lines = ["CREATE TABLE finding (review TEXT, kind TEXT, text TEXT);"]
    if one_transaction:
        lines.append("BEGIN;")
    for step in range(REPLAY_COMMANDS):
        lines.append(f"INSERT INTO finding VALUES ('review-{step // REPLAY_BLOCK}', 'concern', "
                     f"'Observed during the walk-through, item {step}');")
    if one_transaction:
        lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the run


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ior", required=True, help="the ior binary")
    parser.add_argument("--store", required=True, help="the national store")
    parser.add_argument("--out", required=True, help="where results and scratch files go")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    ior = str(Path(options.ior).resolve())
    store = str(Path(options.store).resolve())
    runs = options.runs
    env = dict(os.environ, IOR_TODAY=TODAY, IOR_USER="bench", NO_COLOR="1")
    results = {"machine": machine(), "runs": runs, "today": TODAY, "measurements": {}}
    m = results["measurements"]
    print(f"bench: {results['machine']['cpu']}, {results['machine']['cores']} cores", flush=True)

    # The references' inputs: a file list for cat, the documents in sqlite, the SQL.
    files = store_files(store)
    file_list = out / "files.list"
    file_list.write_bytes(b"\0".join(str(f).encode() for f in files) + b"\0")
    database = out / "national.sqlite"
    documents = import_into_sqlite(store, database)
    (out / "summary.sql").write_text(summary_sql(SUMMARY_FY))
    (out / "due.sql").write_text(due_sql(TODAY))
    results["store"] = {
        "path": store, "files": len(files), "documents": documents,
        "bytes": sum(f.stat().st_size for f in files),
    }
    print(f"bench: store of {len(files)} files, {results['store']['bytes'] >> 20} MiB", flush=True)

    # (1) start-up.
    startup_runs = max(20, runs * 4)
    m["startup_ior"] = measure("ior -c version", [ior, "-c", "version"], startup_runs, env=env)
    m["startup_sqlite"] = measure(
        "sqlite3 :memory: 'select 1'", ["sqlite3", ":memory:", "select 1"], startup_runs)

    # (2) and (3): summary and due over the national store, and their references.
    m["cat_store"] = measure("cat every file", ["xargs", "-0", "-a", str(file_list), "cat"], runs)
    m["summary_ior"] = measure(
        "ior summary fy 2025 format=csv",
        [ior, "--store", store, "-c", f"summary fy {SUMMARY_FY} format=csv"], runs, env=env)
    m["summary_sqlite"] = measure(
        "sqlite3 summary query", ["sqlite3", str(database)], runs, stdin=str(out / "summary.sql"))
    m["due_ior"] = measure("ior due", [ior, "--store", store, "-c", "due"], runs, env=env)
    m["due_sqlite"] = measure(
        "sqlite3 due query", ["sqlite3", str(database)], runs, stdin=str(out / "due.sql"))

    # (4) the replay, each run on a fresh copy of the store.
    reviews = open_reviews(store)
    script = out / "replay.ior"
    script.write_text(replay_script(reviews))
    copy = out / "replay-store"

    def fresh_copy():
        shutil.rmtree(copy, ignore_errors=True)
        subprocess.run(["cp", "-a", store, str(copy)], check=True)
        os.sync()  # leave no dirty pages of the copy for ior's first fsync to write

    replay_runs = max(1, min(runs, 3))
    m["replay_durable"] = measure(
        "ior replay, each command committed", [ior, "--store", str(copy), str(script)],
        replay_runs, env=env, prepare=fresh_copy, warmup=0)
    m["replay_atomic"] = measure(
        "ior --atomic replay", [ior, "--atomic", "--store", str(copy), str(script)],
        replay_runs, env=env, prepare=fresh_copy, warmup=0)
    shutil.rmtree(copy, ignore_errors=True)
    inserts_db = out / "inserts.sqlite"

    def fresh_database():
        inserts_db.unlink(missing_ok=True)
        os.sync()

    for key, one in (("replay_sqlite_autocommit", False), ("replay_sqlite_transaction", True)):
        path = out / (key + ".sql")
        path.write_text(sqlite_inserts(one))
        label = "sqlite3 10,000 inserts " + ("in one transaction" if one else "autocommit")
        m[key] = measure(label, ["sqlite3", str(inserts_db)], replay_runs, stdin=str(path),
                         prepare=fresh_database, warmup=0)

    # Ratios and targets.
    def ratio(a, b):
        return m[a]["median_s"] / m[b]["median_s"]

    atomic_rate = REPLAY_COMMANDS / m["replay_atomic"]["median_s"]
    durable_rate = REPLAY_COMMANDS / m["replay_durable"]["median_s"]
    summary_mib = (m["summary_ior"]["peak_rss_kib"] or 0) / 1024
    targets = [
        ("start-up vs sqlite3", ratio("startup_ior", "startup_sqlite"), "<= 1.5x",
         ratio("startup_ior", "startup_sqlite") <= 1.5),
        ("summary vs sqlite3 query", ratio("summary_ior", "summary_sqlite"), "<= 1.0x",
         ratio("summary_ior", "summary_sqlite") <= 1.0),
        ("due vs sqlite3 query", ratio("due_ior", "due_sqlite"), "<= 1.0x",
         ratio("due_ior", "due_sqlite") <= 1.0),
        ("--atomic replay, commands/s", atomic_rate, ">= 20000", atomic_rate >= 20000),
        ("durable replay vs sqlite3 autocommit",
         ratio("replay_durable", "replay_sqlite_autocommit"), "<= 1.0x",
         ratio("replay_durable", "replay_sqlite_autocommit") <= 1.0),
        ("summary peak memory, MiB", summary_mib, "< 64", summary_mib < 64),
    ]
    results["ratios"] = {
        "startup_vs_sqlite": ratio("startup_ior", "startup_sqlite"),
        "summary_vs_cat": ratio("summary_ior", "cat_store"),
        "summary_vs_sqlite": ratio("summary_ior", "summary_sqlite"),
        "due_vs_cat": ratio("due_ior", "cat_store"),
        "due_vs_sqlite": ratio("due_ior", "due_sqlite"),
        "durable_vs_sqlite_autocommit": ratio("replay_durable", "replay_sqlite_autocommit"),
        "atomic_vs_sqlite_transaction": ratio("replay_atomic", "replay_sqlite_transaction"),
        "atomic_commands_per_s": atomic_rate,
        "durable_commands_per_s": durable_rate,
    }
    results["targets"] = [
        {"target": name, "measured": value, "wanted": wanted, "met": met}
        for name, value, wanted, met in targets
    ]
    results["replay"] = {"commands": REPLAY_COMMANDS, "open_reviews_available": len(reviews)}
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)


def print_table(results):
    m = results["measurements"]
    pairs = [
        ("startup_ior", "startup_sqlite"),
        ("startup_sqlite", None),
        ("summary_ior", "summary_sqlite"),
        ("summary_ior", "cat_store"),
        ("summary_sqlite", None),
        ("due_ior", "due_sqlite"),
        ("due_ior", "cat_store"),
        ("due_sqlite", None),
        ("cat_store", None),
        ("replay_durable", "replay_sqlite_autocommit"),
        ("replay_atomic", "replay_sqlite_transaction"),
        ("replay_sqlite_autocommit", None),
        ("replay_sqlite_transaction", None),
    ]
    print()
    print(f"{'measurement':<42} {'median':>10} {'peak RSS':>10}  {'ratio':>7}  reference")
    for key, reference in pairs:
        row = m[key]
        ratio = f"{row['median_s'] / m[reference]['median_s']:6.2f}x" if reference else ""
        peak = f"{row['peak_rss_kib'] / 1024:8.1f}Mi" if row["peak_rss_kib"] else f"{'-':>10}"
        against = m[reference]["name"] if reference else ""
        print(f"{row['name']:<42} {row['median_s'] * 1000:8.1f}ms {peak}  {ratio:>7}  {against}")
    print()
    for target in results["targets"]:
        mark = "met" if target["met"] else "MISSED"
        print(f"{target['target']:<42} {target['measured']:10.2f}  "
              f"want {target['wanted']:<9} {mark}")
    machine = results["machine"]
    print(f"\n{machine['cpu']}, {machine['cores']} cores, {machine['memory_gib']} GiB, "
          f"{machine['os']}, {machine['swift']}, sqlite3 {machine['sqlite3']}")


if __name__ == "__main__":
    main()
