"""Times a command as a whole process: shared by the benchmark scripts next to this file."""
import statistics, subprocess, time


def measure(name, command, runs, env):
    """Runs `command` once to warm the file cache, then `runs` times; prints the median and
    spread of wall time and the peak resident memory of one more run."""
    subprocess.run(command, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append((time.perf_counter() - start) * 1000)
    rss = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, check=True, capture_output=True, text=True, env=env)
    peak_kib = int(rss.stderr.strip().splitlines()[-1])
    print(f"{name}, {runs} runs: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms; peak RSS {peak_kib / 1024:.1f} MiB")
