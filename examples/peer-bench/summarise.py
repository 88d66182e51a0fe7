"""Reads the peer benchmark's JSON lines and prints the per-bug table (see run)."""

import json
import re
import statistics
import sys
from pathlib import Path

TOOLS = ["tollgate", "fast-check", "hypothesis"]


def minimal_lengths(bugs_md):
    lengths = {}
    for line in Path(bugs_md).read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([a-z-]+)`\s*\|\s*(\d+)\s*\|", line)
        if m:
            lengths[m.group(1)] = int(m.group(2))
    return lengths


def median(values):
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def main(results, bugs_md):
    minimal = minimal_lengths(bugs_md)
    rows = [json.loads(line) for line in Path(results).read_text(encoding="utf-8").splitlines()
            if line.startswith("{")]
    bugs = list(dict.fromkeys(r["bug"] for r in rows))
    ratios = []
    net_ratios = []
    tollgate_all_found = tollgate_all_minimal = True
    print(f"{'bug':<22}{'min':>4}  {'tool':<11}{'found':>6}{'shrunk':>8}{'minimal':>8}"
          f"{'start ms':>9}{'1st fail ms':>12}{'find+shrink ms':>15}{'tries':>7}{'system steps':>13}")
    for bug in bugs:
        best = {}
        for i, tool in enumerate(TOOLS):
            runs = [r for r in rows if r["bug"] == bug and r["tool"] == tool]
            if not runs:
                continue
            found = [r for r in runs if r["found"]]
            lengths = [r["length"] for r in found]
            at_min = sum(1 for n in lengths if bug in minimal and n == minimal[bug])
            total = median([r["total_ms"] for r in found])
            head = f"{bug:<22}{minimal.get(bug, '-'):>4}  " if i == 0 else " " * 28
            if bug == "none":
                print(f"{head}{tool:<11}{'false alarms ' + str(len(found)) + '/' + str(len(runs)):>20}"
                      f"{fmt(median([r['total_ms'] for r in runs])):>44}"
                      f"{'':>7}{fmt(median([r['system_steps'] for r in runs])):>13}")
                continue
            shrunk = f"{median(lengths):g}" if lengths else "-"
            if lengths and min(lengths) != max(lengths):
                shrunk = f"{min(lengths)}-{max(lengths)}"
            print(f"{head}{tool:<11}{len(found):>3}/{len(runs):<2}{shrunk:>8}"
                  f"{str(at_min) + '/' + str(len(runs)):>8}"
                  f"{fmt(median([r.get('start_ms', -1) for r in found])):>9}"
                  f"{fmt(median([r['first_ms'] for r in found])):>12}{fmt(total):>15}"
                  f"{fmt(median([r['tries_to_fail'] for r in found])):>7}"
                  f"{fmt(median([r['system_steps'] for r in found])):>13}")
            net = median([r["total_ms"] - max(r.get("start_ms", 0), 0) for r in found])
            best[tool] = (len(found) == len(runs), total, net)
            if tool == "tollgate":
                tollgate_all_found &= len(found) == len(runs)
                tollgate_all_minimal &= at_min == len(runs)
        if bug == "none" or "tollgate" not in best:
            continue
        peers = {t: v for t, v in best.items() if t != "tollgate" and v[1] is not None}
        reliable = {t: v for t, v in peers.items() if v[0]}
        pool = reliable or peers
        if pool and best["tollgate"][1] is not None:
            peer = min(pool, key=lambda t: pool[t][1])
            ratio = best["tollgate"][1] / pool[peer][1]
            net = best["tollgate"][2] / pool[peer][2]
            ratios.append(ratio)
            net_ratios.append(net)
            note = "" if reliable else "; no peer found it on every seed"
            print(f"{'':<28}Tollgate / best peer ({peer}): {ratio:.2f}x"
                  f" ({net:.2f}x without each tool's start-up cost{note})")
        elif best["tollgate"][1] is None:
            print(f"{'':<28}Tollgate / best peer: - (Tollgate did not find it)")
        else:
            print(f"{'':<28}Tollgate / best peer: - (no peer found it)")
    print()
    print(f"Tollgate: every bug found on every seed: {'yes' if tollgate_all_found else 'NO'};"
          f" every counterexample minimal: {'yes' if tollgate_all_minimal else 'NO'};"
          f" median ratio to the best peer: {fmt(median(ratios), 2)}x (target <= 0.80x);"
          f" without start-up costs: {fmt(median(net_ratios), 2)}x")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
