#!/usr/bin/env python3
"""The server under load (docs/PERFORMANCE.md, "The server"): a PostgreSQL store of CASES cases
spread over TEAMS teams, one worker per team with their own API token, and a release
`regie serve` on it. Two wrk processes run at once for SECONDS: 35 connections reading (agenda,
a case, the case list) and 15 writing (goals added, a checklist item ticked and unticked), so 70%
of the connections read and 30% write. Then Hummingbird's plain hello route, with 50
connections, as the ceiling on this machine in the same run.

Run it under scripts/with-test-postgres.sh, after `make release` and building make-store and
hello-server in Benchmarks/ (`make benchmarks` does all of it):
    python3 Benchmarks/scripts/server-load.py [CASES] [TEAMS] [SECONDS] [no-agenda] [case_cache=N] [group_commit=false]
With `no-agenda` the readers read cases and the list only, to show what the agenda costs;
`case_cache=N` sets `server: case_cache` (0: the server keeps no replayed case in memory);
`group_commit=false` has every request write its reads and token use in a transaction of its own.
"""
import json, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REGIE = os.path.join(ROOT, ".build/release/regie")
MAKE_STORE = os.path.join(ROOT, "Benchmarks/.build/release/make-store")
HELLO = os.path.join(ROOT, "Benchmarks/.build/release/hello-server")
cases = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
teams = int(sys.argv[2]) if len(sys.argv) > 2 else 50
seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
agenda = "no-agenda" not in sys.argv[4:]
case_cache = next((a.split("=", 1)[1] for a in sys.argv[4:] if a.startswith("case_cache=")), None)
group_commit = next((a.split("=", 1)[1] for a in sys.argv[4:] if a.startswith("group_commit=")), None)
group_commit = next((a.split("=", 1)[1] for a in sys.argv[4:] if a.startswith("group_commit=")), None)
admin = os.environ.get("REGIE_TEST_POSTGRES_URL")
if not admin:
    sys.exit("server-load: run it under scripts/with-test-postgres.sh (REGIE_TEST_POSTGRES_URL is not set)")
import shutil
if shutil.which("wrk") is None:
    sys.exit("server-load: wrk is missing: install it (apt-get install wrk)")
for tool in (REGIE, MAKE_STORE, HELLO):
    if not os.path.exists(tool):
        sys.exit(f"server-load: {tool} is missing: run `make release` and build make-store and hello-server in Benchmarks/")


def run(*arguments, folder=None, env=None):
    result = subprocess.run(arguments, cwd=folder, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if result.returncode != 0:
        sys.exit(f"server-load: {' '.join(arguments[:3])} failed: {result.stderr.strip()}")
    return result.stdout


def wait_for_listening(process):
    line = process.stdout.readline()
    while line and not line.startswith("Listening on "):
        line = process.stdout.readline()
    if not line:
        sys.exit("server-load: the server did not start")
    return line[len("Listening on "):].strip()


folder = tempfile.mkdtemp(prefix="regie-load-")
run(MAKE_STORE, folder, os.path.join(ROOT, "workflows/resourcegroep.yaml"), str(cases), str(teams))
run(REGIE, "store", "refresh", "--as", "bench", folder=folder)
database = "regie_load_" + str(int(time.time()))
run("psql", admin, "-qc", f"CREATE DATABASE {database}")
url = admin.rsplit("/", 1)[0] + "/" + database
run(REGIE, "store", "copy", "--to", url, "--as", "bench", folder=folder)
yaml_path = os.path.join(folder, "regie.yaml")
with open(yaml_path) as f:
    yaml = f.read().replace("database: regie.sqlite", f'database: "{url}"')
settings = []
if case_cache is not None:
    settings.append(f"  case_cache: {int(case_cache)}")
if group_commit is not None:
    settings.append(f"  group_commit: {'true' if group_commit == 'true' else 'false'}")
if settings:
    yaml += "\nserver:\n" + "\n".join(settings) + "\n"
with open(yaml_path, "w") as f:
    f.write(yaml)
os.makedirs(os.path.join(folder, "workflows"), exist_ok=True)
with open(os.path.join(ROOT, "workflows/resourcegroep.yaml")) as f, open(os.path.join(folder, "workflows/resourcegroep.yaml"), "w") as g:
    g.write(f.read())
# make-store writes no signing key; a server that writes needs one.
run(REGIE, "audit", "rotate-key", "--reason", "load test", "--as", "bench", folder=folder)
run(REGIE, "config", "apply", "--as", "bench", folder=folder)
tokens = [json.loads(run(REGIE, "token", "create", "--as", f"w{k}", "--name", "load", "--json", folder=folder))["secret"]
          for k in range(1, teams + 1)]

common = f"""
local tokens = {{{", ".join(f'"{t}"' for t in tokens)}}}
local teams, perTeam = {teams}, {cases // teams}
math.randomseed(os.time() + SEED)
local function pick()
  local k = math.random(teams)
  return k, k + teams * math.random(0, perTeam - 1)
end
"""
reads = common.replace("SEED", "1") + """
request = function()
  local k, id = pick()
  local headers = { ["Authorization"] = "Bearer " .. tokens[k] }
  local r = math.random(70)
  if r <= 35 then return wrk.format("GET", "/api/v1/cases/" .. id, headers)
  elseif r <= AGENDA then return wrk.format("GET", "/api/v1/agenda", headers)
  else return wrk.format("GET", "/api/v1/cases?limit=50", headers) end
end
"""
writes = common.replace("SEED", "2") + """
request = function()
  local k, id = pick()
  local headers = { ["Authorization"] = "Bearer " .. tokens[k], ["If-Match"] = "*", ["Content-Type"] = "application/json" }
  local r = math.random(30)
  if r <= 15 then
    return wrk.format("POST", "/api/v1/cases/" .. id .. "/goals", headers, '{"text": "Elke week wandelen", "term": "short", "worded_by": "client"}')
  elseif r <= 23 then return wrk.format("PUT", "/api/v1/cases/" .. id .. "/checklist/follow_up.evaluated", headers)
  else return wrk.format("DELETE", "/api/v1/cases/" .. id .. "/checklist/follow_up.evaluated", headers) end
end
"""
reads = reads.replace("AGENDA", "55" if agenda else "35")
for name, text in (("reads.lua", reads), ("writes.lua", writes)):
    with open(os.path.join(folder, name), "w") as f:
        f.write(text)


def parse(output):
    """Requests per second, p50 and p99 in ms, and the count of errors from wrk --latency."""
    def ms(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return rps, ms("50"), ms("99"), errors


log = open(os.path.join(folder, "serve.log"), "w")
server = subprocess.Popen([REGIE, "serve", "--listen", "127.0.0.1:0"], cwd=folder, stdout=subprocess.PIPE, stderr=log, text=True)
try:
    base = wait_for_listening(server)
    run("curl", "-sf", "-o", "/dev/null", base + "/healthz")
    # Warm up: every worker's first agenda reads its team's cases once.
    subprocess.run(["wrk", "-t1", "-c10", "-d5s", "-s", os.path.join(folder, "reads.lua"), base], capture_output=True)
    reader = subprocess.Popen(["wrk", "-t1", "-c35", f"-d{seconds}s", "--latency", "-s", os.path.join(folder, "reads.lua"), base],
                              stdout=subprocess.PIPE, text=True)
    writer = subprocess.Popen(["wrk", "-t1", "-c15", f"-d{seconds}s", "--latency", "-s", os.path.join(folder, "writes.lua"), base],
                              stdout=subprocess.PIPE, text=True)
    read_out, write_out = reader.communicate()[0], writer.communicate()[0]
    with open(f"/proc/{server.pid}/status") as f:
        peak = next((line.split()[1] for line in f if line.startswith("VmHWM:")), "0")
finally:
    server.terminate()
    server.wait()
hello = subprocess.Popen([HELLO, "18089"], stdout=subprocess.PIPE, text=True)
try:
    hello_base = wait_for_listening(hello)
    hello_out = subprocess.run(["wrk", "-t2", "-c50", f"-d{seconds}s", "--latency", hello_base + "/"], capture_output=True, text=True).stdout
finally:
    hello.terminate()
    hello.wait()

r, w, h = parse(read_out), parse(write_out), parse(hello_out)
print(f"{cases} cases in {teams} teams on PostgreSQL, {seconds} s, 35 reading and 15 writing connections at once:")
print("| load | requests/s | p50 | p99 | errors |")
print("|---|---|---|---|---|")
print(f"| reads ({'case 50%, agenda 29%, list 21%' if agenda else 'case 50%, list 50%'}) | {r[0]:.0f} | {r[1]:.1f} ms | {r[2]:.1f} ms | {r[3]} |")
print(f"| writes (goal added 50%, item ticked or unticked 50%) | {w[0]:.0f} | {w[1]:.1f} ms | {w[2]:.1f} ms | {w[3]} |")
print(f"| all of regie serve | {r[0] + w[0]:.0f} | | | {r[3] + w[3]} |")
print(f"| Hummingbird's hello route, 50 connections (the ceiling) | {h[0]:.0f} | {h[1]:.1f} ms | {h[2]:.1f} ms | {h[3]} |")
print(f"(case_cache: {case_cache if case_cache is not None else 'default'}, group_commit: {group_commit or 'default'}; the server's peak memory {int(peak) // 1024} MB)")
print(f"(regie serve reached {100 * (r[0] + w[0]) / h[0]:.1f}% of the ceiling; workspace and logs in {folder})")
