#!/usr/bin/env python3
"""Measures Samskab's pages with wrk against the machine's ceiling (bench/run.sh starts the apps; see docs/benchmarks.md).

Usage: measure.py --profiles small,large --out artifacts/bench/results.json
Each profile's database is artifacts/bench/<profile>.db (made by the generator). For each profile the script starts
the Release build of Samskab on it, signs in as each role, finds the ids of the largest initiative's pages, checks that
every page answers 200, and runs wrk on each (-t2 -c64, a warm-up, then the measured run). The plaintext app is
measured at the start of the run and again at the end; the ceiling is the higher of the two.
"""
import argparse, html, http.cookiejar, json, os, re, sqlite3, subprocess, sys, time, urllib.parse, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "artifacts" / "bench"
PORT, PLAIN_PORT = 5080, 5090
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "Lygtepael-Kaffe-Raev7"
ROLES = {"anchor": "anker@bench.samskab.dk", "coordinator": "tovholder@bench.samskab.dk", "actor": "aktoer@bench.samskab.dk", "admin": "admin@bench.samskab.dk", "bridge": "brobygger@bench.samskab.dk"}
DURATION = os.environ.get("BENCH_DURATION", "8s")
WARMUP = os.environ.get("BENCH_WARMUP", "2s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
writes = {}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def wait_for(url, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except Exception:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def start(cmd, env, log_name):
    out = open(BENCH / log_name, "w")
    return subprocess.Popen(cmd, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


def wrk(url, cookie=None):
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{WARMUP}", "--timeout", "20s", *headers, url], capture_output=True, check=True)
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "20s", "--latency", *headers, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def latency(pct):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    done = int(re.search(r"(\d+) requests in", out).group(1))
    if done == 0:
        return {"rps": 0.0, "p50": None, "p99": None, "non2xx": 0, "socket_errors": "none finished"}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50": latency(50), "p99": latency(99), "non2xx": int(bad.group(1)) if bad else 0, "socket_errors": errors.group(1) if errors else ""}


class Session:
    def __init__(self, base=None, device=None):
        self.base = base or BASE
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        if device:
            # A citizen's remembered device (the generator's bench participants: CampaignGenerator.BenchToken).
            self.jar.set_cookie(http.cookiejar.Cookie(0, "samskab.deltager", device, None, False, "127.0.0.1", False, False, "/", True,
                                                      False, None, False, None, None, {}))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace"), r.geturl()

    def post_form(self, path, page, fields, form_index=0):
        main = page[page.index("<main"):]
        forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", main, re.S)
        form = forms[form_index]
        data = {}
        for tag in re.findall(r"<input[^>]*>", form):
            if 'type="hidden"' in tag:
                name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
                data[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
        data.update(fields)
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=body, method="POST"), timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace"), r.geturl()

    def cookie(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar if c.name.startswith("samskab"))


def sign_in(email, base=None):
    s = Session(base)
    _, page, _ = s.get("/konto/log-ind")
    _, _, url = s.post_form("/konto/log-ind", page, {"Input.Email": email, "Input.Password": PASSWORD})
    if not url.endswith("/start"):
        raise SystemExit(f"sign-in as {email} ended at {url}")
    return s


def ids(db_path):
    db = sqlite3.connect(db_path)
    q = lambda sql: db.execute(sql).fetchone()[0]
    initiative = q("SELECT Id FROM Initiatives ORDER BY Id LIMIT 1")
    platform = q(f"SELECT p.Id FROM Platforms p JOIN PlatformMembers m ON m.PlatformId = p.Id JOIN People x ON x.Id = m.PersonId WHERE x.Email = 'tovholder@bench.samskab.dk' ORDER BY p.Id LIMIT 1")
    meeting = q(f"SELECT Id FROM Meetings WHERE PlatformId = {platform} ORDER BY StartsAt DESC LIMIT 1")
    goal = q(f"SELECT Id FROM Goals WHERE PlatformId = {platform} AND Kind = 1 ORDER BY Id LIMIT 1")
    edition = q(f"SELECT Id FROM Newsletters WHERE InitiativeId = {initiative} ORDER BY Number DESC LIMIT 1")
    proposal = q(f"SELECT Id FROM ChangeProposals WHERE PlatformId = {platform} AND Status = 1 ORDER BY Id LIMIT 1")
    campaign = q("SELECT CampaignId FROM Ideas GROUP BY CampaignId ORDER BY COUNT(*) DESC LIMIT 1")
    ideas = q(f"SELECT COUNT(*) FROM Ideas WHERE CampaignId = {campaign}")
    middle = q(f"SELECT Id FROM Ideas WHERE CampaignId = {campaign} AND Visibility = 2 ORDER BY Id DESC LIMIT 1 OFFSET {ideas // 2}")
    popular = q(f"SELECT Id FROM Ideas WHERE CampaignId = {campaign} ORDER BY LikeCount DESC LIMIT 1")
    first_idea = q(f"SELECT MIN(Id) FROM Ideas WHERE CampaignId = {campaign}")
    wish_list = q("SELECT Id FROM Campaigns WHERE Type = 2 ORDER BY Id LIMIT 1")
    theme = q(f"SELECT ThemeId FROM Ideas WHERE CampaignId = {wish_list} AND ThemeId IS NOT NULL GROUP BY ThemeId ORDER BY COUNT(*) DESC LIMIT 1")
    competition = q("SELECT Id FROM Campaigns WHERE Type = 3 ORDER BY Id LIMIT 1")
    commented = q(f"SELECT Id FROM Ideas WHERE CampaignId = {campaign} ORDER BY CommentCount DESC LIMIT 1")
    area = q("SELECT AreaId FROM AreaRequests GROUP BY AreaId ORDER BY COUNT(*) DESC LIMIT 1")
    area_requests = q(f"SELECT COUNT(*) FROM AreaRequests WHERE AreaId = {area}")
    area_middle = q(f"SELECT Id FROM AreaRequests WHERE AreaId = {area} ORDER BY Id DESC LIMIT 1 OFFSET {area_requests // 2}")
    request = q(f"SELECT RequestId FROM RequestEntries WHERE RequestId IN (SELECT Id FROM AreaRequests WHERE AreaId = {area}) GROUP BY RequestId ORDER BY COUNT(*) DESC, RequestId LIMIT 1")
    core_task = q("SELECT Id FROM CoreTaskProcesses WHERE UnitName = 'Bench Børnehus' ORDER BY Id LIMIT 1")
    core_task_material = q(f"SELECT COUNT(*) FROM CoreTaskMaterials WHERE ProcessId = {core_task}")
    core_task_insights = q(f"SELECT COUNT(*) FROM CoreTaskInsights WHERE ProcessId = {core_task}")
    return {"core_task": core_task, "core_task_material": core_task_material, "core_task_insights": core_task_insights,
            "initiative": initiative, "platform": platform, "meeting": meeting, "goal": goal, "edition": edition, "proposal": proposal,
            "campaign": campaign, "ideas": ideas, "middle": middle, "popular": popular, "first_idea": first_idea,
            "wish_list": wish_list, "theme": theme, "competition": competition, "commented": commented,
            "area": area, "area_requests": area_requests, "area_middle": area_middle, "request": request}


def calendar_feed(actor):
    _, page, _ = actor.get("/kalender")
    _, made, _ = actor.post_form("/kalender", page, {})
    m = re.search(r"id=\"feed-url\"[^>]*>\s*([^<\s]+)", made)
    return urllib.parse.urlparse(html.unescape(m.group(1))).path


def scenarios(sessions, i, feed):
    _, first, _ = sessions["anchor"].get(f"/initiativer/{i['initiative']}/aktoerer")
    pages = re.search(r"Side 1 af (\d+)", first)
    last = int(pages.group(1)) if pages else 1
    I, P, C, K = i["initiative"], i["platform"], i["campaign"], i["core_task"]
    return [
        ("front page `/`", None, "/"),
        ("start page, anchor person", "anchor", "/start"),
        ("start page, coordinator", "coordinator", "/start"),
        ("start page, actor", "actor", "/start"),
        ("start page, administrator", "admin", "/start"),
        ("dashboard of the largest initiative", "anchor", f"/initiativer/{I}/dashboard"),
        ("initiative overview", "anchor", f"/initiativer/{I}"),
        ("actor overview, first page", "anchor", f"/initiativer/{I}/aktoerer"),
        ("actor overview, last page", "anchor", f"/initiativer/{I}/aktoerer?side={last}"),
        ("platform page", "coordinator", f"/platforme/{P}"),
        ("meeting page", "anchor", f"/moeder/{i['meeting']}"),
        ("meetings of the initiative", "anchor", f"/initiativer/{I}/moeder"),
        ("timeline", "anchor", f"/initiativer/{I}/tidslinje"),
        ("goals of a platform", "coordinator", f"/platforme/{P}/maal"),
        ("goal with chart", "coordinator", f"/maal/{i['goal']}"),
        ("ripple log", "anchor", f"/initiativer/{I}/ringe"),
        ("evaluation view", "anchor", f"/initiativer/{I}/evaluering"),
        ("newsletter desk (edition in progress)", "anchor", f"/nyhedsbreve/{i['edition']}"),
        ("newsletter preview", "anchor", f"/nyhedsbreve/{i['edition']}/forhaandsvisning"),
        ("calendar feed (actor)", None, feed),
        ("API: initiatives", "anchor", "/api/v1/initiatives"),
        ("API: platforms", "anchor", f"/api/v1/initiatives/{I}/platforms"),
        ("API: actors", "anchor", f"/api/v1/initiatives/{I}/actors"),
        ("API: timeline", "anchor", f"/api/v1/initiatives/{I}/timeline"),
        ("API: meetings", "anchor", f"/api/v1/initiatives/{I}/meetings"),
        (f"idea board ({i['ideas']:,} ideas), first page", None, f"/indsamlinger/{C}"),
        ("idea board, deep keyset page (middle)", None, f"/indsamlinger/{C}?efter=0.{i['middle']}"),
        ("idea board, most liked", None, f"/indsamlinger/{C}?sortering=populaere"),
        ("idea board, recently answered", None, f"/indsamlinger/{C}?sortering=besvarede"),
        ("idea board, status filter (realised)", None, f"/indsamlinger/{C}?status=Realised"),
        ("idea board, full-text search", None, f"/indsamlinger/{C}?q=b%C3%A6nke+parken"),
        ("idea board as a participant (likes shown)", "participant", f"/indsamlinger/{C}"),
        ("idea page (most liked idea)", None, f"/ideer/{i['popular']}"),
        ("idea page (most comments)", None, f"/ideer/{i['commented']}"),
        ("wish list, grouped by theme", None, f"/indsamlinger/{i['wish_list']}"),
        ("wish list, one theme", None, f"/indsamlinger/{i['wish_list']}?tema={i['theme']}"),
        ("themes page (campaign manager)", "anchor", f"/indsamlinger/{i['wish_list']}/temaer"),
        ("competition with its winner", None, f"/indsamlinger/{i['competition']}"),
        ("jury page (campaign manager)", "anchor", f"/indsamlinger/{i['competition']}/jury"),
        ("citizens' front door `/deltag`", None, "/deltag"),
        ("local areas", None, "/lokalomraader"),
        ("local areas, found by a place name", None, "/lokalomraader?q=By+01-3"),
        (f"area page ({i['area_requests']:,} requests), first page", None, f"/lokalomraader/{i['area']}"),
        ("area page, deep keyset page (middle)", None, f"/lokalomraader/{i['area']}?efter={i['area_middle']}"),
        ("area page, one state", None, f"/lokalomraader/{i['area']}?tilstand=PassedOn"),
        ("request page", None, f"/henvendelser/{i['request']}"),
        ("request page (bridge builder, with the forms)", "bridge", f"/henvendelser/{i['request']}"),
        ("bridge builder's desk", "bridge", "/broebygger"),
        ("Open311: services", None, "/open311/v2/services.json"),
        ("Open311: requests (last 90 days, 200)", None, "/open311/v2/requests.json"),
        ("Open311: open requests of one service", None, "/open311/v2/requests.json?status=open&service_code=nature"),
        ("Open311: one request", None, f"/open311/v2/requests/{i['request']}.json"),
        ("API: an area's requests", None, f"/api/v1/local-areas/{i['area']}/requests"),
        (f"core-task affinity board ({i['core_task_material']:,} pieces, {i['core_task_insights']:,} insights)", "anchor", f"/kerneopgave/{K}/indsigter"),
        ("core-task validation page (staff)", "actor", f"/kerneopgave/{K}/validering"),
        ("core-task report", "anchor", f"/kerneopgave/{K}/rapport"),
        ("core-task citizen camp, public", None, f"/kerneopgave/{K}/borgercamp"),
        ("core-task material", "anchor", f"/kerneopgave/{K}/materiale"),
        ("core-task overview", "anchor", f"/kerneopgave/{K}"),
        ("API: a core-task process", "anchor", f"/api/v1/core-task-processes/{K}"),
    ]


WRITE_LUA = """
-- Posts a form as the actor: every request a new text, so the count afterwards can be checked exactly.
local n = 0
local threads = {}
local id = 0
function setup(thread)
  thread:set("tid", id)
  id = id + 1
  table.insert(threads, thread)
end
function init(args)
  acknowledged = 0
  failed = 0
end
function request()
  n = n + 1
  local body = string.format(BODY, tid, n)
  return wrk.format("POST", PATH, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = COOKIE }, body)
end
function response(status, headers, body)
  if status == 302 then acknowledged = acknowledged + 1 else failed = failed + 1 end
end
function done(summary, latency, requests)
  local a, f = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acknowledged")
    f = f + t:get("failed")
  end
  io.write(string.format("ACKNOWLEDGED %d FAILED %d\\n", a, f))
end
"""


def lua_writes(name, session, form_path, post_path, fields, unique, prefix, count_sql, cleanup, db_path):
    """Concurrent form posts (wrk + Lua), every request with a new text in the field `unique`, then the rows counted
    in the database (count_sql gives: rows, distinct texts) and removed again (cleanup)."""
    _, page, _ = session.get(form_path)
    main = page[page.index("<main"):]
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"|type="hidden" name="__RequestVerificationToken" value="([^"]+)"', main)
    token = next(g for g in token.groups() if g)
    encoded = urllib.parse.urlencode({"__RequestVerificationToken": html.unescape(token), **fields})
    body = encoded.replace("%", "%%") + f"&{urllib.parse.quote(unique)}={urllib.parse.quote_plus(prefix)}+t%d-%d"
    lua = BENCH / "writes.lua"
    lua.write_text(f'PATH = "{post_path}"\nCOOKIE = "{session.cookie()}"\nBODY = "{body}"\n' + WRITE_LUA)
    count = lambda: sqlite3.connect(db_path).execute(count_sql).fetchone()
    before = count()
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "20s", "--latency", "-s", str(lua), BASE + post_path],
                         capture_output=True, text=True, check=True).stdout
    # Requests still in flight when wrk stopped may finish on the server: count until the number stands still.
    after, previous = count(), None
    while after != previous:
        previous = after
        time.sleep(0.5)
        after = count()
    # The profile stays as generated for the next run: the benchmark's own rows are removed again.
    con = sqlite3.connect(db_path)
    for sql in cleanup:
        con.execute(sql)
    con.commit()
    con.close()
    ack, failed = map(int, re.search(r"ACKNOWLEDGED (\d+) FAILED (\d+)", out).groups())
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    stored, distinct = after[0] - before[0], after[1] - before[1]
    return {"name": name, "path": post_path, "role": "actor", "rps": rps, "acknowledged": ack, "failed": failed,
            "stored": stored, "distinct": distinct, "exact": failed == 0 and distinct == stored and ack <= stored <= ack + CONNECTIONS}


def ripple_writes(actor, initiative, platform, db_path):
    """The actor registers ripples; every ripple is a row."""
    path = f"/initiativer/{initiative}/ringe/ny"
    return lua_writes("write: register a ripple (actor)", actor, path, path,
                      {"Input.HappenedOn": time.strftime("%Y-%m-%d"), "Input.Category": "NewRelations", "Input.Beneficiary": "Ourselves", "Input.PlatformIds": str(platform)},
                      "Input.What", "Bench ripple", "SELECT COUNT(*), COUNT(DISTINCT What) FROM Ripples WHERE What LIKE 'Bench ripple %'",
                      ["DELETE FROM RipplePlatform WHERE RippleId IN (SELECT Id FROM Ripples WHERE What LIKE 'Bench ripple %')",
                       "DELETE FROM Ripples WHERE What LIKE 'Bench ripple %'"], db_path)


def consent_writes(actor, platform, proposal, db_path):
    """The actor answers an open change proposal (an objection with its reason), again and again: the answer is kept
    in place (one row per member), and every answer is a timeline entry with its reason, which is what is counted."""
    path = f"/platforme/{platform}"
    answer = lambda: sqlite3.connect(db_path).execute(
        f"SELECT r.Id, r.Agrees, r.Reason FROM ProposalResponses r JOIN People p ON p.Id = r.PersonId WHERE r.ProposalId = {proposal} AND p.Email = 'aktoer@bench.samskab.dk'").fetchone()
    before = answer()
    w = lua_writes("write: answer a change proposal (actor)", actor, path, path + "?handler=Respond",
                   {"proposalId": str(proposal), "agrees": "false"}, "reason", "Bench objection",
                   f"SELECT COUNT(*), COUNT(DISTINCT Why) FROM Timeline WHERE PlatformId = {platform} AND Why LIKE 'Bench objection %'",
                   [f"DELETE FROM Timeline WHERE PlatformId = {platform} AND Why LIKE 'Bench objection %'"], db_path)
    # One answer per member, whatever the number of posts; put the generated answer back as it was.
    rows = sqlite3.connect(db_path).execute(
        f"SELECT COUNT(*) FROM ProposalResponses r JOIN People p ON p.Id = r.PersonId WHERE r.ProposalId = {proposal} AND p.Email = 'aktoer@bench.samskab.dk'").fetchone()[0]
    w["exact"] = w["exact"] and rows == 1
    con = sqlite3.connect(db_path)
    if before is None:
        con.execute(f"DELETE FROM ProposalResponses WHERE ProposalId = {proposal} AND PersonId = (SELECT Id FROM People WHERE Email = 'aktoer@bench.samskab.dk')")
    else:
        con.execute("UPDATE ProposalResponses SET Agrees = ?, Reason = ? WHERE Id = ?", (before[1], before[2], before[0]))
    con.commit()
    con.close()
    return w


def bench_token(n):
    return f"benchdeltager{n:06d}xxxxxxxxxxxxxxxx"


LIKE_LUA = """
-- Likes as many citizens at once: request k is participant k mod NP liking idea FIRST + k div NP, so no pair repeats
-- and every acknowledged like must be a row, and a count, afterwards.
local threads = {}
local id = 0
function setup(thread)
  thread:set("tid", id)
  id = id + 1
  table.insert(threads, thread)
end
function init(args)
  acknowledged = 0
  failed = 0
  counter = 0
end
function request()
  local k = counter * 2 + tid
  counter = counter + 1
  local p = k % NP
  local idea = FIRST + math.floor(k / NP)
  local cookie = AF .. "; samskab.deltager=" .. string.format("benchdeltager%06dxxxxxxxxxxxxxxxx", p)
  return wrk.format("POST", "/ideer/" .. idea .. "?handler=Like", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, BODY)
end
function response(status, headers, body)
  if status == 302 then acknowledged = acknowledged + 1 else failed = failed + 1 end
end
function done(summary, latency, requests)
  local a, f = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acknowledged")
    f = f + t:get("failed")
  end
  io.write(string.format("ACKNOWLEDGED %d FAILED %d\\n", a, f))
end
"""


def like_writes(known, db_path):
    """Concurrent likes by 2,000 citizens (each request a new citizen-idea pair), then checked: every acknowledged
    like is one row, and each idea's counter equals its rows. The bench citizens' likes are removed again."""
    s = Session()
    # A visitor's idea page has no form; the join page gives an antiforgery token for posts without an account (it
    # is not tied to the device, so one token serves every bench citizen).
    _, page, _ = s.get("/deltag/tilmeld")
    m = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"|type="hidden" name="__RequestVerificationToken" value="([^"]+)"', page)
    token = html.unescape(next(g for g in m.groups() if g))
    af = "; ".join(f"{c.name}={c.value}" for c in s.jar if c.name == "samskab.af")
    body = urllib.parse.urlencode({"__RequestVerificationToken": token})
    lua = BENCH / "likes.lua"
    lua.write_text(f'NP = 2000\nFIRST = {known["first_idea"]}\nAF = "{af}"\nBODY = "{body}"\n' + LIKE_LUA)
    bench = "SELECT Id FROM Participants WHERE Email LIKE 'bench%@deltager.bench.samskab.dk'"
    count = lambda: sqlite3.connect(db_path).execute(f"SELECT COUNT(*) FROM IdeaLikes WHERE ParticipantId IN ({bench})").fetchone()[0]
    before = count()
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "20s", "--latency", "-s", str(lua), BASE + "/ideer/1"],
                         capture_output=True, text=True, check=True).stdout
    after, previous = count(), None
    while after != previous:
        previous = after
        time.sleep(0.5)
        after = count()
    con = sqlite3.connect(db_path)
    touched = f"SELECT DISTINCT IdeaId FROM IdeaLikes WHERE ParticipantId IN ({bench})"
    mismatched = con.execute(f"SELECT COUNT(*) FROM Ideas i WHERE i.Id IN ({touched}) AND i.LikeCount <> (SELECT COUNT(*) FROM IdeaLikes l WHERE l.IdeaId = i.Id)").fetchone()[0]
    ideas = con.execute(f"SELECT COUNT(*) FROM ({touched})").fetchone()[0]
    # Back to the profile as generated.
    con.execute(f"CREATE TEMP TABLE touched AS {touched}")
    con.execute(f"DELETE FROM IdeaLikes WHERE ParticipantId IN ({bench})")
    con.execute("UPDATE Ideas SET LikeCount = (SELECT COUNT(*) FROM IdeaLikes l WHERE l.IdeaId = Ideas.Id) WHERE Id IN (SELECT IdeaId FROM touched)")
    con.commit()
    con.close()
    ack, failed = map(int, re.search(r"ACKNOWLEDGED (\d+) FAILED (\d+)", out).groups())
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    stored = after - before
    return {"name": f"write: like an idea (2,000 citizens, {ideas} ideas)", "path": "/ideer/{id}?handler=Like", "role": "participant", "rps": rps,
            "acknowledged": ack, "failed": failed, "stored": stored, "distinct": stored,
            "exact": failed == 0 and mismatched == 0 and ack <= stored <= ack + CONNECTIONS}


def measure_profile(profile, dll):
    db = BENCH / f"{profile}.db"
    env = {
        "ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_URLS": BASE, "Database__Provider": "Sqlite",
        "Database__ConnectionString": f"Data Source={db}", "Samskab__BaseUrl": BASE, "AllowedHosts": "127.0.0.1",
        "Samskab__RequireHttps": "false", "Samskab__DemoData": "false", "Logging__LogLevel__Default": "Warning",
        "Logging__LogLevel__Microsoft.AspNetCore": "Warning", "Logging__Format": "simple",
    }
    app = start(["dotnet", str(dll)], env, f"app-{profile}.log")
    try:
        wait_for(BASE + "/healthz")
        sessions = {role: sign_in(email) for role, email in ROLES.items()}
        sessions["participant"] = Session(device=bench_token(1999))
        feed = calendar_feed(sessions["actor"])
        results = []
        for name, role, path in scenarios(sessions, ids(db), feed):
            s = sessions[role] if role else Session()
            status, _, url = s.get(path)
            if status != 200 or urllib.parse.urlparse(url).path != urllib.parse.urlparse(path).path:
                raise SystemExit(f"{path} as {role}: {status} at {url}")
            r = wrk(BASE + path, s.cookie() if role else None)
            r.update(name=name, path=path, role=role or "anonymous")
            log(f"  {profile:5} {name:45} {r['rps']:9.0f}/s  p50 {r['p50'] or 0:7.1f} ms  p99 {r['p99'] or 0:7.1f} ms" + (f"  NON-2XX {r['non2xx']}" if r["non2xx"] else ""))
            results.append(r)
        known = ids(db)
        for w in (ripple_writes(sessions["actor"], known["initiative"], known["platform"], db),
                  consent_writes(sessions["actor"], known["platform"], known["proposal"], db),
                  like_writes(known, db)):
            log(f"  {profile:5} {w['name']:45} {w['rps']:9.0f}/s  acknowledged {w['acknowledged']}, stored {w['stored']} ({w['distinct']} distinct), failed {w['failed']}")
            writes.setdefault(profile, []).append(w)
        return results
    finally:
        stop(app)


def delivery(profile, dll):
    """Newsletter delivery to a local SMTP server (aiosmtpd, discarding what it gets): on a copy of the profile, the
    anchor person sends the largest initiative's edition in progress to everyone through the form; the rate is the
    mails recorded as sent per second, from the first to the last, and from the click to the last."""
    import shutil, socket
    copy = BENCH / f"{profile}-delivery.db"
    for suffix in ("", "-wal", "-shm"):
        if (BENCH / f"{profile}.db{suffix}").exists():
            shutil.copyfile(BENCH / f"{profile}.db{suffix}", f"{copy}{suffix}")
    s = socket.socket(); s.bind(("127.0.0.1", 0)); smtp_port = s.getsockname()[1]; s.close()
    smtp = subprocess.Popen(["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}", "-c", "aiosmtpd.handlers.Sink"], stderr=subprocess.DEVNULL)
    env = {
        "ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_URLS": BASE, "Database__Provider": "Sqlite",
        "Database__ConnectionString": f"Data Source={copy}", "Samskab__BaseUrl": BASE, "AllowedHosts": "127.0.0.1",
        "Samskab__RequireHttps": "false", "Logging__Format": "simple", "Logging__LogLevel__Default": "Warning",
        "Mail__Host": "127.0.0.1", "Mail__Port": str(smtp_port), "Mail__Security": "None", "Mail__BatchSize": "200",
    }
    app = start(["dotnet", str(dll)], env, f"app-{profile}-delivery.log")
    try:
        wait_for(BASE + "/healthz")
        anchor = sign_in(ROLES["anchor"])
        edition = ids(copy)["edition"]
        _, page, _ = anchor.get(f"/nyhedsbreve/{edition}/send")
        clicked = time.time()
        _, answer, _ = anchor.post_form(f"/nyhedsbreve/{edition}/send", page, {"ConfirmMissing": "true"})
        m = re.search(r"sendes nu til (\d+) modtagere", answer)
        if not m:
            raise SystemExit("the newsletter was not sent")
        expected = int(m.group(1))
        q = lambda sql: sqlite3.connect(copy).execute(sql).fetchone()
        key = f"newsletter:{edition}:%"
        deadline = time.time() + 600
        while q(f"SELECT COUNT(*) FROM OutboxMessages WHERE DedupeKey LIKE '{key}' AND Status = 3")[0] < expected and time.time() < deadline:
            time.sleep(0.2)
        finished = time.time()
        sent, first, last = q(f"SELECT COUNT(*), MIN(SentAt), MAX(SentAt) FROM OutboxMessages WHERE DedupeKey LIKE '{key}' AND Status = 3")
        size = q(f"SELECT LENGTH(b.Html) + LENGTH(b.Text) FROM OutboxSharedBodies b JOIN OutboxMessages m ON m.SharedBodyId = b.Id WHERE m.DedupeKey LIKE '{key}' LIMIT 1")
        # SQLite keeps DateTimeOffset as EF Core's binary form: (ticks / 1000) << 11 | offset.
        span = ((last >> 11) - (first >> 11)) * 1000 / 1e7
        r = {"profile": profile, "recipients": expected, "sent": sent, "kib": round((size[0] or 0) / 1024), "rate": sent / span if span > 0 else None,
             "click_to_last": finished - clicked, "connections": 4}
        log(f"  {profile:5} delivery: {sent} of {expected} mails, {r['rate'] or 0:.0f} mails/s, {r['click_to_last']:.1f} s from the click to the last")
        return r
    finally:
        stop(app)
        smtp.terminate()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def plaintext(dll):
    proc = start(["dotnet", str(dll)], {"ASPNETCORE_URLS": f"http://127.0.0.1:{PLAIN_PORT}"}, "plaintext.log")
    try:
        wait_for(f"http://127.0.0.1:{PLAIN_PORT}/plaintext")
        r = wrk(f"http://127.0.0.1:{PLAIN_PORT}/plaintext")
        log(f"  ceiling: plaintext {r['rps']:.0f}/s  p50 {r['p50']:.2f} ms  p99 {r['p99']:.2f} ms")
        return r
    finally:
        stop(proc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profiles", default="small,large")
    ap.add_argument("--out", default=str(BENCH / "results.json"))
    a = ap.parse_args()
    web = ROOT / "src/Samskab.Web/bin/Release/net10.0/Samskab.Web.dll"
    plain = ROOT / "bench/Plaintext/bin/Release/net10.0/Plaintext.dll"
    ceiling = [plaintext(plain)]
    results = {p: measure_profile(p, web) for p in a.profiles.split(",")}
    ceiling.append(plaintext(plain))
    deliveries = [delivery(p, web) for p in a.profiles.split(",")]
    Path(a.out).write_text(json.dumps({"ceiling": ceiling, "profiles": results, "writes": writes, "deliveries": deliveries, "connections": CONNECTIONS, "duration": DURATION}, indent=1))


if __name__ == "__main__":
    main()
