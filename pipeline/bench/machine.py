"""The machine a benchmark ran on, for the table's caption: numbers mean little without it."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}"


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def describe() -> dict:
    return {
        "cpu": _cpu_model(),
        "cores": usable_cores(),
        "ram_gb": _ram_gb(),
        "os": _os_name(),
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


def one_line(m: dict) -> str:
    ram = f"{m['ram_gb']:g} GB RAM" if m.get("ram_gb") else "RAM unknown"
    return f"{m['cpu']}, {m['cores']} cores, {ram}, {m['os']}, Python {m['python']}"
