"""Helpers shared by the load harnesses in bench/: free ports, process figures, waiting for HTTP."""
import os
import socket
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VIGIL = os.environ.get("VIGIL_BINARY", os.path.join(ROOT, "build", "vigil"))
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """User plus system CPU seconds a process has used."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid):
    """Resident memory of a process in MiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def wait_for_http(url, attempts=300, delay=0.1):
    """Polls `url` until it answers; raises SystemExit when it never does."""
    for _ in range(attempts):
        try:
            return urllib.request.urlopen(url, timeout=2).read()
        except OSError:
            time.sleep(delay)
    raise SystemExit(f"{url} did not answer")
