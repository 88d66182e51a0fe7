"""The Hypothesis side of the peer benchmark: one check of model.py against a running shelf
service, printed as one JSON line (the fields the Tollgate and fast-check drivers print too).

usage: python3 run.py <base-url> <bug> <seed> [tries] [max-steps]"""

import http.client
import json
import sys
import time
from urllib.parse import urlparse

from hypothesis import HealthCheck, Phase, seed, settings
from hypothesis.stateful import run_state_machine_as_test

from model import machine


class Http:
    """One kept-alive connection, as the JDK and Node clients keep theirs."""

    def __init__(self, base):
        url = urlparse(base)
        self.host, self.port = url.hostname, url.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)

    def call(self, method, path, token=None, body=None):
        headers = {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode("utf-8")
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                res = self.conn.getresponse()
                raw = res.read()
                return res.status, (json.loads(raw) if raw else None)
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
                if attempt == 2:
                    raise

    def reset(self):
        status, _ = self.call("POST", "/reset")
        if status != 204:
            raise RuntimeError(f"POST /reset answered {status}")


class Meter:
    def __init__(self):
        self.start = time.perf_counter()
        self.steps = 0
        self.runs = 0
        self.first_ms = -1
        self.steps_at_first = -1
        self.start_ms = -1
        self.runs_at_first = None
        self.current = []
        self.last_failing = []

    def started(self):
        self.runs += 1
        self.current = []

    def ran(self, shown):
        if self.start_ms < 0:
            self.start_ms = (time.perf_counter() - self.start) * 1000
        self.steps += 1
        self.current.append(shown)

    def failed(self):
        # Hypothesis replays the shrunk case last, so the last failing run is the final one.
        self.last_failing = list(self.current)
        if self.first_ms < 0:
            self.first_ms = (time.perf_counter() - self.start) * 1000
            self.steps_at_first = self.steps
            self.runs_at_first = self.runs


def main():
    base, bug, seed_text = sys.argv[1:4]
    tries = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    steps = int(sys.argv[5]) if len(sys.argv) > 5 else 50
    meter = Meter()
    shelf = seed(int(seed_text))(machine(Http(base), meter))
    found, failure = False, None
    try:
        run_state_machine_as_test(shelf, settings=settings(
            max_examples=tries, stateful_step_count=steps, deadline=None, database=None,
            suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
            phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]))
    except AssertionError as e:
        found, failure = True, str(e).split("\n")[0]
    total = (time.perf_counter() - meter.start) * 1000
    print(json.dumps({
        "tool": "hypothesis", "bug": bug, "seed": int(seed_text), "found": found,
        "length": len(meter.last_failing) if found else 0,
        "start_ms": meter.start_ms, "first_ms": meter.first_ms, "total_ms": total,
        "tries_to_fail": meter.runs_at_first if found else None,
        "steps_to_fail": meter.steps_at_first, "system_steps": meter.steps,
        "failure": failure, "counterexample": meter.last_failing if found else [],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
