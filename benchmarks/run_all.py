"""Runs every benchmark and prints a summary: each figure beside the floor measured with it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_ai
import bench_cold_start
import bench_email_sync
import bench_gui_stall
import bench_inbox
import bench_ingest
import bench_office_live
import bench_search
import bench_webhooks


def main() -> None:
    started = time.perf_counter()
    for bench in (
        bench_cold_start,
        bench_ingest,
        bench_search,
        bench_inbox,
        bench_email_sync,
        bench_webhooks,
        bench_ai,
        bench_gui_stall,
        bench_office_live,
    ):
        print(f"== {bench.__name__}", flush=True)
        bench.main()
    print(f"(all benchmarks: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
