"""`make loadtest`: a bounded load test of `spotrep serve` on loopback.

1. Generates a database of N synthetic events (``spotrep.store.bench.generate``; kept in bench-out/, reused).
2. Starts ``spotrep serve`` on 127.0.0.1 on a free port (no tiles).
3. Runs locust headless (loadtest/locustfile.py) with U users for a fixed time against it, and stops.
   With --writers W, W of the users post reports (``POST /api/documents``, answered 202) while the rest
   read, the server extracts them in --extract-workers processes, and after the run the queue is drained and
   the store checked: every accepted post stored exactly once.
4. Prints the request count, failures and the 50th/95th/99th percentiles of /api/events, and writes them to
   bench-out/loadtest.json.

Only loopback is ever a target; the run is bounded by --run-time (locust stops itself; the server is stopped
after it).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-out"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database(n_events: int) -> Path:
    from spotrep.store import Store
    from spotrep.store.bench import generate

    path = OUT / f"loadtest-{n_events}.db"
    if path.exists():
        with Store.open(path) as store:
            if store.count() == n_events:
                print(f"loadtest: reusing {path} ({n_events:,} events)", flush=True)
                return path
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    OUT.mkdir(exist_ok=True)
    with Store.open(path) as store:
        seconds = generate(store, n_events)
    print(f"loadtest: generated {n_events:,} events in {seconds:.1f} s into {path}", flush=True)
    return path


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"loadtest: the server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url + "/api/events?limit=1", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit("loadtest: the server did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--run-time", default="30s")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (one per core)")
    parser.add_argument(
        "--writers",
        type=int,
        default=0,
        help="of the users, this many post reports (POST /api/documents) instead of reading",
    )
    parser.add_argument("--extract-workers", type=int, default=1, help="the server's extraction processes")
    args = parser.parse_args()

    db = database(args.events)
    if args.writers:  # the posts go into a copy: the generated database stays reusable
        mixed = OUT / f"loadtest-{args.events}-mixed.db"
        shutil.copyfile(db, mixed)
        db = mixed
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "SPOTREP_TILES": "none", "LOAD_WRITERS": str(args.writers)}
    env.pop("SPOTREP_API_TOKEN", None)
    posted_log = OUT / "loadtest-posted.txt"
    if args.writers:
        env["SPOTREP_API_TOKEN"] = uuid.uuid4().hex
        env["LOAD_POSTED_LOG"] = str(posted_log)
        posted_log.unlink(missing_ok=True)
    server = subprocess.Popen(
        [str(bin_dir / "spotrep"), "-q", "serve", "--db", str(db), "--port", str(port),
         "--workers", str(args.workers), "--extract-workers", str(args.extract_workers if args.writers else 0),
         "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    try:
        wait_until_up(url, server)
        prefix = OUT / "loadtest"
        cmd = [
            str(bin_dir / "locust"), "-f", str(ROOT / "loadtest" / "locustfile.py"), "--headless",
            # users start over 5 s and the figures count from when all are running (--reset-stats): the
            # steady state of 50 concurrent clients, not the burst of their first requests
            "--users", str(args.users), "--spawn-rate", str(max(1, args.users // 5)), "--reset-stats",
            "--run-time", args.run_time,
            "--host", url, "--csv", str(prefix), "--only-summary", "--stop-timeout", "5",
            "--loglevel", "WARNING",
        ]  # fmt: skip
        print(
            f"loadtest: {args.users} users for {args.run_time} against {url} ({args.events:,} events)",
            flush=True,
        )
        subprocess.run(cmd, check=False, env=env, timeout=_seconds(args.run_time) + 120)
        drained = drain(db, posted_log) if args.writers else None
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    with open(f"{prefix}_stats.csv", encoding="utf-8") as fh:
        rows = {row["Name"]: row for row in csv.DictReader(fh)}
    result = {"events": args.events, "users": args.users, "run_time": args.run_time, "workers": args.workers}
    if args.writers:
        result["writers"] = args.writers
        result["extract_workers"] = args.extract_workers
    for name in ("/api/events", "POST /api/documents", "Aggregated"):
        row = rows.get(name)
        if row:
            result[name] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "requests_per_s": round(float(row["Requests/s"]), 1),
                "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
                "max_ms": round(float(row["Max Response Time"]), 1),
            }
    if args.writers:
        result["stored"] = drained
    (OUT / "loadtest.json").write_text(json.dumps(result, indent=2) + "\n")
    events = result.get("/api/events", {})
    print(json.dumps(result, indent=2))
    if args.writers and drained:
        print(
            f"loadtest: {drained['posted']} documents posted by {args.writers} writers, {drained['stored']} stored;"
            f" each exactly once: {drained['each_once']}"
        )
    print(
        f"loadtest: p95 of /api/events = {events.get('p95_ms')} ms over {events.get('requests')} requests"
        f" ({events.get('failures')} failed), {args.users} users, {args.events:,} events"
    )


def drain(db: Path, posted_log: Path, timeout: float = 600) -> dict:
    """Wait until the server's workers have extracted every posted report; then check that every accepted post
    (each a different text) is stored exactly once."""
    from sqlalchemy import func, select

    from spotrep.store import Store
    from spotrep.store import schema as s

    started = time.monotonic()
    with Store.open(db) as store:
        while True:
            counts = store.jobs.counts()
            if counts["queued"] + counts["running"] == 0 or time.monotonic() - started > timeout:
                break
            time.sleep(1)
        d = s.documents.c
        with store.reading() as conn:
            stored = [row[0] for row in conn.execute(select(d.id).where(d.source == "loadtest"))]
            texts = conn.execute(
                select(func.count(func.distinct(d.content_hash))).where(d.source == "loadtest")
            )
            distinct_texts = texts.scalar_one()
    posted = posted_log.read_text(encoding="utf-8").split() if posted_log.exists() else []
    drained_in = round(time.monotonic() - started, 1)
    print(f"loadtest: queue drained {drained_in} s after the run: {counts}", flush=True)
    return {
        "posted": len(posted),
        "stored": len(stored),
        "each_once": sorted(posted) == sorted(stored) and distinct_texts == len(stored) == len(set(posted)),
        "queue": counts,
        "drained_after_s": drained_in,
    }


def _seconds(value: str) -> int:
    units = {"s": 1, "m": 60, "h": 3600}
    if value[-1] in units:
        return int(float(value[:-1]) * units[value[-1]])
    return int(value)


if __name__ == "__main__":
    main()
