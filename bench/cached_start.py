"""Start-up from a written index cache, in a fresh process: `python -m bench.cached_start
CONTENT CACHE` prints the seconds start_engine took, whether it read the cache, and the
process's peak memory, as JSON."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

started_process = time.perf_counter()

from bot.engine.cache import start_engine  # noqa: E402  (imports are part of what is timed)


def peak_mib() -> float:
    """This process's peak resident memory since it started. Not ru_maxrss: Linux carries the
    parent's peak over fork and exec, so a child would report at least its parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(content: Path, cache: Path) -> dict[str, object]:
    imported = time.perf_counter()
    started = start_engine(content, cache, write=False)
    done = time.perf_counter()
    return {
        "cached_s": done - imported,
        "import_s": imported - started_process,
        "from_cache": started.from_cache,
        "cached_peak_mib": peak_mib(),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
