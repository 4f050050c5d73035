//! Analyze and export times on a generated graph of 200 000 nodes and
//! 1 000 000 edges, built in memory (no store): planted communities of 100
//! nodes, 80% of each node's edges inside its community, typed edges with
//! integer weights, Chinese labels. Betweenness is sampled (100 seeded
//! sources), as it is for any graph above `--exact-limit`.
//!
//! `cargo bench --bench graph`

use cadre_kg::analytics::{self, EdgeKind, GraphBuilder, KnowledgeGraph, Node, Params};
use cadre_kg::export::{self, Format, View};
use cadre_kg::vocab;
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

const NODES: usize = 200_000;
const EDGES: usize = 1_000_000;
const COMMUNITY: usize = 100;

/// xorshift64*: enough randomness for a benchmark graph, fixed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn generate() -> KnowledgeGraph {
    let classes = [
        vocab::PERSON,
        vocab::ORGANIZATION,
        vocab::COMMUNITY,
        vocab::INITIATIVE,
        vocab::SUBDISTRICT,
    ];
    let iri = |i: usize| format!("https://w3id.org/cadre-kg/id/bench/{i:07}");
    let mut builder = GraphBuilder::new(Vec::new());
    for i in 0..NODES {
        let class = classes[i % classes.len()];
        builder.add_node(Node {
            iri: iri(i),
            label: format!("节点{i}号"),
            class: class.to_owned(),
            level: analytics::level_of(class),
            articles: Vec::new(),
        });
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut seen = std::collections::HashSet::with_capacity(EDGES);
    while seen.len() < EDGES {
        let a = rng.below(NODES);
        let b = if rng.below(10) < 8 {
            a - a % COMMUNITY + rng.below(COMMUNITY)
        } else {
            rng.below(NODES)
        };
        if a == b {
            continue;
        }
        let (kind, key) = match rng.below(10) {
            0 => (EdgeKind::Appointment, (a, b, 0)),
            1 => (EdgeKind::LocatedIn, (a, b, 1)),
            _ => (EdgeKind::CoMention, (a.min(b), a.max(b), 2)),
        };
        if seen.insert(key) {
            builder.add_weighted_edge(&iri(a), &iri(b), kind, 1.0 + rng.below(3) as f64);
        }
    }
    builder.build()
}

fn bench(c: &mut Criterion) {
    let graph = generate();
    eprintln!(
        "generated graph: {} nodes, {} edges",
        graph.node_count(),
        graph.edge_count()
    );
    assert_eq!(graph.edge_count(), EDGES);
    let params = Params::default();
    let analysis = analytics::analyze(&graph, &params).expect("valid parameters");
    eprintln!(
        "one analysis: {} communities (modularity {:.3}), {} components, betweenness from {} sources; {}",
        analysis.communities,
        analysis.modularity,
        analysis.components,
        analysis.betweenness_samples,
        analysis
            .timings
            .iter()
            .map(|(step, d)| format!("{step} {:.2}s", d.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut group = c.benchmark_group("graph_1M_edges");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("analyze", |b| {
        b.iter(|| analytics::analyze(&graph, &params).expect("valid parameters"))
    });
    let scores: Vec<_> = analysis.scores.iter().copied().map(Some).collect();
    for format in [
        Format::Graphml,
        Format::Gexf,
        Format::Dot,
        Format::Cytoscape,
        Format::Html,
    ] {
        group.bench_function(format!("export_{}", format.extension()), |b| {
            b.iter(|| {
                let view = View::new(&graph, &scores, "bench");
                let mut sink = std::io::sink();
                export::write(&view, format, &mut sink).expect("a sink accepts everything");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
