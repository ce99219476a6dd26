#!/usr/bin/env python3
"""Two Samskab instances on one PostgreSQL behind nginx: the checks of issue 12 (deploy/two-instances.sh runs this).

1. Both instances start at the same moment on an empty database: every migration is applied once, both get ready.
2. A sign-in on instance A is valid on instance B; an antiforgery token from A is accepted by B.
3. Through nginx, the anchor person sends a newsletter while both instances deliver; one instance is killed with
   kill -9 in the middle. Every recipient gets the mail, and exactly once (the accepted window, if hit, is reported).
4. nginx's request id is the app's correlation id.
5. A backup (deploy/backup.sh) restored into a fresh database (deploy/restore.sh) starts and holds the same data,
   and the sign-in from before the backup is still valid on it.
"""
import argparse, email, email.policy, json, os, re, signal, subprocess, sys, time, urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import measure  # noqa: E402  (the Session and sign-in of the load harness)

p = argparse.ArgumentParser()
for name in ("work", "app", "generator", "pg-bin"):
    p.add_argument("--" + name, required=True)
for name in ("pg-port", "smtp-port"):
    p.add_argument("--" + name, required=True, type=int)
args = p.parse_args()
WORK, APP = Path(args.work), Path(args.app)
failures = []
processes = {}


def say(*a):
    print(*a, flush=True)


def check(ok, what):
    say(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        failures.append(what)
    return ok


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def psql(sql, db="samskab"):
    out = subprocess.run([f"{args.pg_bin}/psql", "-X", "-At", "-h", "127.0.0.1", "-p", str(args.pg_port), "-U", "postgres", "-d", db, "-c", sql],
                         capture_output=True, text=True, check=True).stdout
    return out.strip()


def conninfo(db=None):
    return f"host=127.0.0.1 port={args.pg_port} user=postgres" + (f" dbname={db}" if db else "")


NGINX_PORT, SMTP_PORT = free_port(), args.smtp_port
PUBLIC = f"http://127.0.0.1:{NGINX_PORT}"


def environment(db):
    return {
        "ASPNETCORE_ENVIRONMENT": "Production",
        "Database__Provider": "Postgres",
        "Database__ConnectionString": f"Host=127.0.0.1;Port={args.pg_port};Username=postgres;Database={db};Maximum Pool Size=40",
        "Samskab__BaseUrl": PUBLIC,
        "AllowedHosts": "127.0.0.1;localhost",
        "Samskab__RequireHttps": "false",
        "Mail__Host": "127.0.0.1",
        "Mail__Port": str(SMTP_PORT),
        "Mail__Security": "None",
        "Mail__FromAddress": "samskab@two-instances.test",
        # A short lease, so that the killed instance's mail in flight is taken over within seconds, and a small pause
        # between mails, so that the send lasts long enough to be interrupted.
        "Mail__Lease": "00:00:05",
        "Mail__SendDelay": "00:00:00.040",
        "Mail__PollInterval": "00:00:00.500",
        "Newsletters__PollInterval": "00:00:00.500",
        "RateLimits__SignInPerMinute": "1000",
        "Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations": "Information",
    }


def start_instance(name, port, db="samskab"):
    log = open(WORK / f"{name}.log", "w")
    proc = subprocess.Popen(["dotnet", str(APP), "--urls", f"http://127.0.0.1:{port}"], cwd=APP.parent,
                            env={**os.environ, **environment(db)}, stdout=log, stderr=subprocess.STDOUT)
    processes[name] = proc
    return proc


def ready(port, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/ready", timeout=2) as r:
                if r.status == 200:
                    return True
        except Exception:
            time.sleep(0.3)
    return False


def stop(name, sig=signal.SIGTERM):
    proc = processes.pop(name, None)
    if proc and proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def nginx_config(ports):
    upstream = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in ports)
    (WORK / "nginx").mkdir(exist_ok=True)
    conf = WORK / "nginx" / "nginx.conf"
    conf.write_text(f"""
worker_processes 1;
error_log {WORK}/nginx/error.log;
pid {WORK}/nginx/nginx.pid;
events {{ worker_connections 256; }}
http {{
    log_format samskab '$remote_addr "$request" $status $request_id';
    access_log {WORK}/nginx/access.log samskab;
    client_body_temp_path {WORK}/nginx/body;
    proxy_temp_path {WORK}/nginx/proxy;
    fastcgi_temp_path {WORK}/nginx/fastcgi;
    uwsgi_temp_path {WORK}/nginx/uwsgi;
    scgi_temp_path {WORK}/nginx/scgi;
    map $http_upgrade $samskab_connection {{ default upgrade; '' ''; }}
    upstream samskab {{
{upstream}
        keepalive 8;
    }}
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        include {ROOT}/deploy/nginx/samskab-proxy.conf;
    }}
}}
""")
    return conf


def maildir_messages():
    found = []
    for folder in ("new", "cur"):
        d = WORK / "maildir" / folder
        if d.is_dir():
            for f in d.iterdir():
                with open(f, "rb") as fh:
                    m = email.message_from_binary_file(fh, policy=email.policy.compat32)
                found.append(((m.get("Message-ID") or "").strip().strip("<>"), (m.get("To") or "")))
    return found


def count_files():
    d = WORK / "maildir" / "new"
    return sum(1 for _ in d.iterdir()) if d.is_dir() else 0


try:
    port_a, port_b, port_c = free_port(), free_port(), free_port()

    say("== 1. Two instances start at the same moment on an empty database")
    start_instance("a", port_a)
    start_instance("b", port_b)
    both = ready(port_a) and ready(port_b)
    check(both, "both instances are ready (/healthz/ready)")
    if not both:
        raise SystemExit(1)
    applied = Counter()
    per_instance = {}
    for name in ("a", "b"):
        lines = [json.loads(l) for l in (WORK / f"{name}.log").read_text().splitlines() if l.startswith("{")]
        names = [l["State"]["migration"] for l in lines if l.get("EventId") == 20402 and l.get("Category") == "Microsoft.EntityFrameworkCore.Migrations"]
        per_instance[name] = len(names)
        applied.update(names)
    history = psql('SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1').splitlines()
    check(len(history) > 0 and sorted(applied) == history and all(n == 1 for n in applied.values()),
          f"each of the {len(history)} migrations applied once (instance a: {per_instance['a']}, b: {per_instance['b']})")
    json_lines = [json.loads(l) for l in (WORK / "a.log").read_text().splitlines() if l.startswith("{")]
    check(len(json_lines) > 0 and all("Category" in j and "LogLevel" in j for j in json_lines), "the log is structured (one JSON object a line)")

    say("== Generating the small profile into the shared database")
    subprocess.run(["dotnet", args.generator, "generate", "--profile", "small", "--seed", "1", "--provider", "Postgres",
                    "--connection", environment("samskab")["Database__ConnectionString"]], check=True, stdout=subprocess.DEVNULL)
    conf = nginx_config([port_a, port_b])
    subprocess.run(["nginx", "-p", str(WORK / "nginx"), "-c", str(conf), "-e", str(WORK / "nginx" / "error.log")], check=True)

    say("== 2. A sign-in and an antiforgery token from one instance, used on the other")
    A, B = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
    anchor = measure.sign_in(measure.ROLES["anchor"], base=A)
    anchor.base = B
    status, page, url = anchor.get("/start")
    check(status == 200 and url.endswith("/start") and "Anne Ankerperson" in page, "signed in on A, the start page on B knows the anchor person")
    actor = measure.sign_in(measure.ROLES["actor"], base=A)
    initiative = int(psql('SELECT "Id" FROM "Initiatives" ORDER BY "Id" LIMIT 1'))
    platform = int(psql('SELECT p."Id" FROM "Platforms" p JOIN "PlatformMembers" m ON m."PlatformId" = p."Id" JOIN "People" x ON x."Id" = m."PersonId" '
                        "WHERE x.\"Email\" = 'aktoer@bench.samskab.dk' ORDER BY p.\"Id\" LIMIT 1"))
    path = f"/initiativer/{initiative}/ringe/ny"
    _, form, _ = actor.get(path)
    actor.base = B
    what = f"Krusning fra to instanser {time.time():.0f}"
    status, _, url = actor.post_form(path, form, {"Input.HappenedOn": time.strftime("%Y-%m-%d"), "Input.What": what, "Input.Category": "NewRelations",
                                                  "Input.Beneficiary": "Ourselves", "Input.PlatformIds": str(platform)})
    stored = psql(f"SELECT COUNT(*) FROM \"Ripples\" WHERE \"What\" = '{what}'")
    check(status == 200 and not url.endswith("/ny") and stored == "1", "a form from A posted to B is accepted (the ripple is stored once)")

    say("== 3. A newsletter sent through nginx while both instances deliver; instance a killed (kill -9) mid-send")
    public = measure.Session(PUBLIC)
    public.jar, public.opener = anchor.jar, anchor.opener
    edition = int(psql(f'SELECT "Id" FROM "Newsletters" WHERE "InitiativeId" = {initiative} AND "Status" = 1'))
    _, send_page, _ = public.get(f"/nyhedsbreve/{edition}/send")
    status, answer, _ = public.post_form(f"/nyhedsbreve/{edition}/send", send_page, {"ConfirmMissing": "true"})
    m = re.search(r"sendes nu til (\d+) modtagere", answer)
    check(status == 200 and m is not None, "the anchor person's send is accepted")
    expected = int(m.group(1)) if m else 0
    key = f"newsletter:{edition}:%"
    deadline = time.time() + 120
    while count_files() < max(5, expected // 3) and time.time() < deadline:
        time.sleep(0.05)
    before_kill = count_files()
    pid_a = processes["a"].pid
    stop("a", signal.SIGKILL)
    in_flight = psql(f"SELECT \"MessageIdHeader\" FROM \"OutboxMessages\" WHERE \"DedupeKey\" LIKE '{key}' AND \"Status\" = 2 AND \"LeaseOwner\" LIKE '{pid_a}:%'").splitlines()
    say(f"  killed instance a after {before_kill} of {expected} mails; its mails in flight: {len(in_flight)}")
    deadline = time.time() + 180
    while time.time() < deadline:
        open_rows = int(psql(f"SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"DedupeKey\" LIKE '{key}' AND \"Status\" IN (1, 2)"))
        queued = int(psql(f"SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"DedupeKey\" LIKE '{key}'"))
        if open_rows == 0 and queued == expected:
            break
        time.sleep(0.3)
    rows = [r.split("|") for r in psql(f"SELECT \"MessageIdHeader\", \"ToAddress\", \"Status\" FROM \"OutboxMessages\" WHERE \"DedupeKey\" LIKE '{key}'").splitlines()]
    check(len(rows) == expected, f"one outbox mail per recipient ({len(rows)} of {expected})")
    check(all(r[2] == "3" for r in rows), "every mail of the edition is recorded as sent")
    ids = {r[0]: r[1] for r in rows}
    received = Counter(mid for mid, _ in maildir_messages() if mid in ids)
    missing = [mid for mid in ids if received[mid] == 0]
    twice = [mid for mid, n in received.items() if n > 1]
    check(not missing, f"no recipient lost ({len(missing)} missing of {len(ids)})")
    outside_window = [mid for mid in twice if mid not in in_flight]
    check(not outside_window, f"no mail sent twice outside the accepted window ({len(twice)} twice, {len(outside_window)} of them not in flight at the kill)")
    if twice:
        say(f"  note: {len(twice)} mail in flight at the kill was delivered twice: the server had said 250 OK, the instance died before recording it")
    start_instance("a", port_a)
    check(ready(port_a), "instance a restarts and is ready again")

    say("== 4. nginx's request id is the app's correlation id")
    with urllib.request.urlopen(PUBLIC + "/", timeout=10) as r:
        correlation = r.headers.get("X-Correlation-Id", "")
    # nginx writes the access log line once the response is sent: wait for it.
    deadline = time.time() + 10
    while correlation not in (WORK / "nginx" / "access.log").read_text() and time.time() < deadline:
        time.sleep(0.1)
    access = (WORK / "nginx" / "access.log").read_text()
    check(re.fullmatch(r"[0-9a-f]{32}", correlation) is not None and correlation in access, "the X-Correlation-Id of a request is in nginx's access log")

    say("== 5. Backup while running, restore into a fresh database, start on it")
    dump = WORK / "backup" / "samskab.pgdump"
    env = {**os.environ, "PG_BIN": args.pg_bin}
    tables = ["AspNetUsers", "People", "Initiatives", "Platforms", "Meetings", "Ripples", "GoalMeasurements", "Newsletters", "OutboxMessages", "DataProtectionKeys", "UserSessions"]
    counts = lambda db: [psql(f'SELECT COUNT(*) FROM "{t}"', db) for t in tables]
    before = [int(n) for n in counts("samskab")]
    subprocess.run(["bash", str(ROOT / "deploy/backup.sh"), conninfo("samskab"), str(dump)], check=True, env=env)
    subprocess.run(["bash", str(ROOT / "deploy/restore.sh"), str(dump), conninfo(), "samskab_restored"], check=True, env=env)
    refused = subprocess.run(["bash", str(ROOT / "deploy/restore.sh"), str(dump), conninfo(), "samskab_restored"], env=env, capture_output=True)
    check(refused.returncode != 0, "restore refuses a database that exists")
    # The instances keep working during the backup (a restarted instance queues its digests, say), so the snapshot
    # holds at least what was there before the dump and at most what is there after it; unchanged tables match exactly.
    after, copy = [int(n) for n in counts("samskab")], [int(n) for n in counts("samskab_restored")]
    outside = ", ".join(f"{t} {b} restored, {a}..{z} live" for t, a, b, z in zip(tables, before, copy, after) if not a <= b <= z)
    check(not outside, "the restored database holds the same rows as the live one at the backup (" + (outside or ", ".join(f"{t} {n}" for t, n in zip(tables, copy))) + ")")
    start_instance("c", port_c, "samskab_restored")
    check(ready(port_c), "an instance on the restored database is ready")
    restored = measure.Session(f"http://127.0.0.1:{port_c}")
    restored.jar, restored.opener = anchor.jar, anchor.opener
    status, page, url = restored.get(f"/nyhedsbreve/{edition}")
    check(status == 200 and "Anne Ankerperson" in page and "Sendt" in page, "the sign-in from before the backup works on the restored instance, and the edition shows as sent")
finally:
    for name in list(processes):
        stop(name)
    pid = WORK / "nginx" / "nginx.pid"
    if pid.exists():
        try:
            os.kill(int(pid.read_text().strip()), signal.SIGQUIT)
        except (ProcessLookupError, ValueError):
            pass

if failures:
    say(f"\n{len(failures)} check(s) failed:")
    for f in failures:
        say("  - " + f)
    sys.exit(1)
say("\nAll two-instance checks passed.")
