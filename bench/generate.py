#!/usr/bin/env python3
"""Writes a corpus of realistic agreements for benchmarks.

    python3 bench/generate.py OUT_DIR [COUNT]

COUNT agreements (default 10,000), about 3 KB each, one per file, in
sub-folders of 100 files, with a shared parties file that every tenth
agreement imports. Deterministic: the same COUNT gives the same bytes.
"""

import os
import random
import sys

KINDS = ["library", "museum", "archive", "university", "school", "company", "ngo", "community"]
INVEST = [("time", "hours"), ("expertise", None), ("venue", None), ("content", "photos"),
          ("money", "EUR"), ("promotion", None), ("access", None), ("equipment", "laptops")]
GAIN = ["members", "visitors", "content", "visibility", "skills", "mission", "reputation", "data"]
WORDS = ("history city archive workshop editors article photo scan students class library museum "
         "collection volunteer coordination review exhibition catalogue training evening weekly").split()


def sentence(rng, n=8):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def party(rng, pid, goal):
    lines = [f'  party {pid} "{sentence(rng, 3)}" {{',
             f"    kind {rng.choice(KINDS)}",
             f'    contact "{pid.title()} Contact <{pid}@example.org>"',
             f"    pursues {goal}"]
    for _ in range(rng.randint(2, 4)):
        kind, unit = rng.choice(INVEST)
        qty = f" {rng.randint(1, 500)} {unit}" if unit else ""
        lic = ' license "CC-BY-SA-4.0"' if kind == "content" else ""
        lines.append(f'    invests {kind}{qty} "{sentence(rng)}"{lic}')
    for _ in range(rng.randint(2, 3)):
        lines.append(f'    gains {rng.choice(GAIN)} "{sentence(rng)}"')
    lines.append(f'    commits "{sentence(rng, 6)}" by 2027-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}')
    lines.append(f"    signed 2026-0{rng.randint(1, 9)}-0{rng.randint(1, 9)}")
    lines.append("  }")
    return "\n".join(lines)


def agreement(rng, i):
    parties = [f"p{i}_{j}" for j in range(rng.randint(2, 4))]
    goal = f"goal_{i}"
    out = []
    if i % 10 == 0:
        out.append('import "../shared.mutual"\n')
    out += [f"# Benchmark agreement {i}: {sentence(rng, 5)}",
            f'agreement "Agreement {i}: {sentence(rng, 4)}" {{',
            "  status active",
            f'  purpose "{sentence(rng, 12)}"',
            "  binding no",
            "  term 2026-03-01 to 2027-12-31",
            f'  review every 6 months "{sentence(rng)}"',
            f'  exit notice 30 days "{sentence(rng)}"',
            f'  wind-down "{sentence(rng)}"',
            f'  creates "{sentence(rng)}"',
            f'  measure "{sentence(rng)}"',
            "",
            f'  goal {goal} "{sentence(rng, 6)}"',
            ""]
    for p in parties:
        out.append(party(rng, p, goal))
        out.append("")
    out.append(f'  channel all every 1 month "{sentence(rng, 4)}"')
    out.append(f'  escalation all "{sentence(rng, 6)}"')
    out.append(f'  decides all "{sentence(rng, 6)}"')
    out.append(f'  risk "{sentence(rng)}" mitigation "{sentence(rng)}"')
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(42)
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "shared.mutual"), "w") as f:
        f.write('party shared_chapter "Shared chapter" {\n  kind chapter\n  contact "Chapter <c@example.org>"\n}\n'
                'goal shared_goal "Free knowledge for everyone"\n')
    total = 0
    for i in range(count):
        folder = os.path.join(root, f"batch{i // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        text = agreement(rng, i)
        total += len(text.encode())
        with open(os.path.join(folder, f"agreement{i:05d}.mutual"), "w") as f:
            f.write(text)
    print(f"{count} agreements, {total / 1e6:.1f} MB in {root}")


if __name__ == "__main__":
    main()
