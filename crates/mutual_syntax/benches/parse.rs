//! Parsing speed (pest, lowering, comments): one large file (a thousand
//! agreements like those of `bench/generate.py`, 3.2 MB) and one typical
//! agreement.
//!
//!     cargo bench -p mutual_syntax --bench parse
//!
//! Throughput is reported in bytes of source per second.

// A benchmark reports to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const WORDS: &[&str] = &[
    "history",
    "city",
    "archive",
    "workshop",
    "editors",
    "article",
    "photo",
    "scan",
    "students",
    "class",
    "library",
    "museum",
    "collection",
    "volunteer",
    "review",
    "exhibition",
    "training",
];

fn sentence(seed: &mut u64, n: usize) -> String {
    let mut out = String::new();
    for k in 0..n {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if k > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[(*seed >> 33) as usize % WORDS.len()]);
    }
    out
}

/// One agreement of three parties, with a comment, about 3.5 KB.
fn agreement(text: &mut String, i: usize) {
    let s = &mut (i as u64 + 1);
    let goal = format!("goal_{i}");
    let _ = writeln!(text, "# Agreement {i}: {}", sentence(s, 4));
    let _ = writeln!(text, "agreement \"Agreement {i}: {}\" {{", sentence(s, 3));
    let _ = writeln!(text, "  status active");
    let _ = writeln!(text, "  purpose \"{}\"", sentence(s, 12));
    let _ = writeln!(text, "  binding no");
    let _ = writeln!(text, "  term 2026-03-01 to 2027-12-31");
    let _ = writeln!(text, "  review every 6 months \"{}\"", sentence(s, 8));
    let _ = writeln!(text, "  exit notice 30 days \"{}\"", sentence(s, 8));
    let _ = writeln!(text, "  wind-down \"{}\"", sentence(s, 8));
    let _ = writeln!(text, "  creates \"{}\"", sentence(s, 8));
    let _ = writeln!(text, "  measure \"{}\"", sentence(s, 8));
    let _ = writeln!(text, "\n  goal {goal} \"{}\"\n", sentence(s, 6));
    for p in 0..3 {
        let id = format!("p{i}_{p}");
        let _ = writeln!(text, "  party {id} \"{}\" {{", sentence(s, 3));
        let _ = writeln!(text, "    kind library");
        let _ = writeln!(text, "    contact \"{id} Contact <{id}@example.org>\"");
        let _ = writeln!(text, "    pursues {goal}");
        let _ = writeln!(text, "    invests time 40 hours \"{}\"", sentence(s, 8));
        let _ = writeln!(
            text,
            "    invests content 120 photos \"{}\" license \"CC-BY-SA-4.0\"",
            sentence(s, 8)
        );
        let _ = writeln!(text, "    invests venue \"{}\"", sentence(s, 8));
        let _ = writeln!(text, "    gains members \"{}\"", sentence(s, 8));
        let _ = writeln!(text, "    gains skills \"{}\"", sentence(s, 8));
        let _ = writeln!(text, "    commits \"{}\" by 2027-06-30", sentence(s, 6));
        let _ = writeln!(text, "    signed 2026-02-0{}", p + 1);
        let _ = writeln!(text, "  }}\n");
    }
    let _ = writeln!(text, "  channel all every 1 month \"{}\"", sentence(s, 4));
    let _ = writeln!(text, "  escalation all \"{}\"", sentence(s, 6));
    let _ = writeln!(text, "  decides all \"{}\"", sentence(s, 6));
    let _ = writeln!(
        text,
        "  risk \"{}\" mitigation \"{}\"",
        sentence(s, 8),
        sentence(s, 8)
    );
    let _ = writeln!(text, "}}\n");
}

fn file(agreements: usize) -> String {
    let mut text = String::new();
    for i in 0..agreements {
        agreement(&mut text, i);
    }
    text
}

fn bench(c: &mut Criterion) {
    let large = file(1000);
    let one = file(1);
    assert!(mutual_syntax::parse(&large).errors.is_empty());

    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.bench_function("large file (1000 agreements)", |b| {
        b.iter(|| mutual_syntax::parse(black_box(&large)))
    });
    group.finish();

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(one.len() as u64));
    group.bench_function("one agreement", |b| {
        b.iter(|| mutual_syntax::parse(black_box(&one)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
