"""Reading wrk's report: the bench's API latencies come from it."""

from __future__ import annotations

import pytest

from bench.run import parse_wrk

# wrk 4.1's `--latency` report, as printed for a slow run: p99 over a second, padded to its column with a
# trailing space.
SLOW = """Running 8s test @ http://127.0.0.1:38000/queries/who_backed_whom?
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   351.75ms  144.33ms   1.02s    76.76%
    Req/Sec    13.05      7.43    40.00     78.99%
  Latency Distribution
     50%  338.78ms
     75%  399.86ms
     90%  507.88ms
     99%    1.01s<pad>
  182 requests in 8.05s, 13.70MB read
  Non-2xx or 3xx responses: 3
  Socket errors: connect 0, read 1, write 0, timeout 2
Requests/sec:     22.62
Transfer/sec:      1.70MB
""".replace("<pad>", " ")


def test_slow_run_reads_seconds_and_errors() -> None:
    latency = parse_wrk(SLOW)
    assert latency.p50_ms == pytest.approx(338.78)
    assert latency.p99_ms == pytest.approx(1010.0)
    assert latency.requests == 182
    assert latency.errors == 6


def test_fast_run_reads_microseconds() -> None:
    fast = SLOW.replace("338.78ms", "812.00us").replace("   1.01s ", "   4.20ms")
    fast = "\n".join(line for line in fast.splitlines() if "Non-2xx" not in line and "Socket" not in line)
    latency = parse_wrk(fast)
    assert latency.p50_ms == pytest.approx(0.812)
    assert latency.p99_ms == pytest.approx(4.2)
    assert latency.errors == 0


def test_report_without_distribution_is_refused() -> None:
    without = "\n".join(line for line in SLOW.splitlines() if "%  " not in line)
    with pytest.raises(RuntimeError, match="no latency distribution"):
        parse_wrk(without)
