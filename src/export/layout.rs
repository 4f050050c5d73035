//! A deterministic layout computed from the data alone: each community is
//! a disc and discs are packed in rows, largest first. Inside a disc,
//! members start on a sunflower spiral (most central in the middle) and,
//! for communities up to [`REFINE_LIMIT`] members, a force-directed pass
//! (Fruchterman–Reingold on the community's own edges) pulls related nodes
//! together. Fixed iteration counts and orders make it the same every
//! time; tools like Gephi can refine it further.

use crate::analytics::{KnowledgeGraph, NodeScores};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashMap};

const SPACING: f64 = 40.0;
/// Communities larger than this keep the spiral (the pass is quadratic).
pub const REFINE_LIMIT: usize = 1500;
/// Budget of the force-directed passes, in node pairs (Σ size²): larger
/// communities are refined first, and the rest keep the spiral once it is
/// spent, so huge graphs are laid out in about a second.
const REFINE_BUDGET: usize = 2_000_000;
const ITERATIONS: usize = 120;
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;

/// One `(x, y)` per node, in node order, rounded to 0.01.
pub fn layout(graph: &KnowledgeGraph, scores: &[Option<NodeScores>]) -> Vec<(f64, f64)> {
    let n = graph.node_count();
    let score = |i: usize| scores.get(i).copied().flatten();
    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups
            .entry(score(i).map_or(u32::MAX, |s| s.community))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<(u32, Vec<usize>)> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let pr = |i: usize| score(i).map_or(0.0, |s| s.pagerank);
    let radius = |m: usize| SPACING * (m as f64).sqrt() + SPACING;
    let area: f64 = groups
        .iter()
        .map(|(_, g)| (2.0 * radius(g.len())).powi(2))
        .sum();
    let width = area.sqrt() * 1.3;
    let mut positions = vec![(0.0, 0.0); n];
    let (mut x, mut y, mut row) = (0.0f64, 0.0f64, 0.0f64);
    let mut budget = REFINE_BUDGET;
    for (_, members) in &mut groups {
        members.sort_by(|&a, &b| pr(b).total_cmp(&pr(a)).then(a.cmp(&b)));
        let r = radius(members.len());
        if x > 0.0 && x + 2.0 * r > width {
            x = 0.0;
            y += row;
            row = 0.0;
        }
        let (cx, cy) = (x + r, y + r);
        let mut local: Vec<(f64, f64)> = (0..members.len())
            .map(|k| {
                let rho = SPACING * (k as f64).sqrt();
                let theta = k as f64 * GOLDEN_ANGLE;
                (rho * theta.cos(), rho * theta.sin())
            })
            .collect();
        let cost = members.len() * members.len();
        if members.len() > 2 && members.len() <= REFINE_LIMIT && cost <= budget {
            budget -= cost;
            refine(graph, members, &mut local, r - SPACING / 2.0);
        }
        for (k, &i) in members.iter().enumerate() {
            positions[i] = (round(cx + local[k].0), round(cy + local[k].1));
        }
        x += 2.0 * r;
        row = row.max(2.0 * r);
    }
    positions
}

/// Fruchterman–Reingold inside one community, then scaled into a disc of
/// `radius` around the origin.
fn refine(graph: &KnowledgeGraph, members: &[usize], pos: &mut [(f64, f64)], radius: f64) {
    let m = members.len();
    let slot: HashMap<usize, usize> = members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let mut weights: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (a, &i) in members.iter().enumerate() {
        // Outgoing edges only, so each edge is seen once.
        for e in graph.graph.edges(petgraph::graph::NodeIndex::new(i)) {
            if let Some(&b) = slot.get(&e.target().index()) {
                if a != b {
                    *weights.entry((a.min(b), a.max(b))).or_default() += e.weight().weight;
                }
            }
        }
    }
    let springs: Vec<(usize, usize, f64)> = weights
        .into_iter()
        .map(|((a, b), w)| (a, b, 1.0 + w.ln()))
        .collect();
    let k = SPACING;
    let mut disp = vec![(0.0f64, 0.0f64); m];
    for step in 0..ITERATIONS {
        let temperature = radius * 0.2 * (1.0 - step as f64 / ITERATIONS as f64) + 0.5;
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for a in 0..m {
            for b in a + 1..m {
                let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
                let dist = (dx * dx + dy * dy).sqrt().max(0.01);
                let f = k * k / dist;
                let (fx, fy) = (dx / dist * f, dy / dist * f);
                disp[a].0 += fx;
                disp[a].1 += fy;
                disp[b].0 -= fx;
                disp[b].1 -= fy;
            }
        }
        for &(a, b, w) in &springs {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let dist = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = dist * dist / k * w;
            let (fx, fy) = (dx / dist * f, dy / dist * f);
            disp[a].0 -= fx;
            disp[a].1 -= fy;
            disp[b].0 += fx;
            disp[b].1 += fy;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            // Gravity keeps unconnected members in the disc.
            let (gx, gy) = (
                d.0 - 0.05 * p.0 * k / SPACING,
                d.1 - 0.05 * p.1 * k / SPACING,
            );
            let len = (gx * gx + gy * gy).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                p.0 += gx / len * step;
                p.1 += gy / len * step;
            }
        }
    }
    let cx = pos.iter().map(|p| p.0).sum::<f64>() / m as f64;
    let cy = pos.iter().map(|p| p.1).sum::<f64>() / m as f64;
    // Scale so that 90% of the members fill the disc; pull the rest in.
    let mut dists: Vec<f64> = pos
        .iter()
        .map(|p| ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt())
        .collect();
    dists.sort_by(f64::total_cmp);
    let extent = dists[(m * 9 / 10).min(m - 1)];
    let scale = if extent > 0.0 { radius / extent } else { 1.0 };
    for p in pos.iter_mut() {
        let (x, y) = ((p.0 - cx) * scale, (p.1 - cy) * scale);
        let d = (x * x + y * y).sqrt();
        *p = if d > radius {
            (x / d * radius, y / d * radius)
        } else {
            (x, y)
        };
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample;

    #[test]
    fn communities_sit_apart_and_the_centre_holds_the_most_central() {
        let (g, s) = sample();
        let p = layout(&g, &s);
        assert_eq!(p.len(), 3);
        let at = |label: &str| {
            p[g.graph
                .node_indices()
                .find(|&i| g.node(i).label == label)
                .unwrap()
                .index()]
        };
        let dist =
            |a: (f64, f64), b: (f64, f64)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        let (wang, community, org) = (at("王光宇"), at("松泉社区"), at("\"<东北>\" & 大学"));
        assert!(
            (dist(wang, community) - SPACING).abs() < 0.01,
            "next on the spiral"
        );
        assert!(
            dist(wang, org) > 2.0 * SPACING,
            "another community, another disc"
        );
        assert_eq!(p, layout(&g, &s));
    }
}
