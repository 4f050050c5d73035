//! Connected components and Louvain communities on the undirected weighted
//! adjacency, plus the modularity of a partition. Deterministic: nodes are
//! visited in index order, ties keep the first community found, and groups
//! are numbered by size (largest first), then by their smallest node. No I/O.

use super::graph::Adjacency;

/// A partition of the nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// Group of each node: 0 is the largest group.
    pub membership: Vec<u32>,
    pub count: usize,
}

/// Renumbers arbitrary labels: by size descending, then smallest member.
fn canonical(labels: &[usize]) -> Partition {
    let n = labels.len();
    let groups = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut size = vec![0usize; groups];
    let mut first = vec![usize::MAX; groups];
    for (i, &l) in labels.iter().enumerate() {
        size[l] += 1;
        first[l] = first[l].min(i);
    }
    let mut used: Vec<usize> = (0..groups).filter(|&g| size[g] > 0).collect();
    used.sort_by(|&a, &b| size[b].cmp(&size[a]).then(first[a].cmp(&first[b])));
    let mut rank = vec![0u32; groups];
    for (r, &g) in used.iter().enumerate() {
        rank[g] = r as u32;
    }
    Partition {
        membership: (0..n).map(|i| rank[labels[i]]).collect(),
        count: used.len(),
    }
}

/// Connected components (union–find with path halving).
pub fn components(adj: &Adjacency) -> Partition {
    let n = adj.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for a in 0..n {
        for (b, _) in adj.neighbors(a) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    canonical(&roots)
}

/// Modularity of `membership` at `resolution`, as NetworkX defines it:
/// Σ_c [ L_c/m − γ (d_c / 2m)² ].
pub fn modularity(adj: &Adjacency, membership: &[u32], resolution: f64) -> f64 {
    let groups = membership
        .iter()
        .copied()
        .max()
        .map_or(0, |m| m as usize + 1);
    let mut inside = vec![0.0; groups];
    let mut total = vec![0.0; groups];
    let mut two_m = 0.0;
    for i in 0..adj.len() {
        let c = membership[i] as usize;
        for (j, w) in adj.neighbors(i) {
            two_m += w;
            total[c] += w;
            if membership[j] as usize == c {
                inside[c] += w;
            }
        }
    }
    if two_m == 0.0 {
        return 0.0;
    }
    (0..groups)
        .map(|c| inside[c] / two_m - resolution * (total[c] / two_m).powi(2))
        .sum()
}

/// One level of the Louvain hierarchy: a weighted graph with self-loops.
struct Level {
    offsets: Vec<usize>,
    targets: Vec<usize>,
    weights: Vec<f64>,
    /// Weight of each node's self-loop (edges folded inside it).
    self_loop: Vec<f64>,
}

impl Level {
    fn len(&self) -> usize {
        self.self_loop.len()
    }

    fn neighbors(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.offsets[i]..self.offsets[i + 1];
        self.targets[r.clone()]
            .iter()
            .copied()
            .zip(self.weights[r].iter().copied())
    }

    /// Weighted degree, self-loops counted twice, so Σ = 2m.
    fn strength(&self, i: usize) -> f64 {
        self.neighbors(i).map(|(_, w)| w).sum::<f64>() + 2.0 * self.self_loop[i]
    }

    fn from_adjacency(adj: &Adjacency) -> Level {
        let n = adj.len();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        offsets.push(0);
        for i in 0..n {
            for (j, w) in adj.neighbors(i) {
                targets.push(j);
                weights.push(w);
            }
            offsets.push(targets.len());
        }
        Level {
            offsets,
            targets,
            weights,
            self_loop: vec![0.0; n],
        }
    }

    /// The graph of communities.
    fn aggregate(&self, community: &[usize], count: usize) -> Level {
        let mut self_loop = vec![0.0; count];
        let mut arcs: Vec<(usize, usize, f64)> = Vec::new();
        for i in 0..self.len() {
            let ci = community[i];
            self_loop[ci] += self.self_loop[i];
            for (j, w) in self.neighbors(i) {
                let cj = community[j];
                if ci == cj {
                    // Each undirected edge is seen from both ends.
                    self_loop[ci] += w / 2.0;
                } else {
                    arcs.push((ci, cj, w));
                }
            }
        }
        arcs.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
        let mut offsets = vec![0usize; count + 1];
        let mut targets = Vec::new();
        let mut weights: Vec<f64> = Vec::new();
        let mut last = None;
        for (a, b, w) in arcs {
            if last == Some((a, b)) {
                if let Some(x) = weights.last_mut() {
                    *x += w;
                }
                continue;
            }
            last = Some((a, b));
            targets.push(b);
            weights.push(w);
            offsets[a + 1] += 1;
        }
        for i in 0..count {
            offsets[i + 1] += offsets[i];
        }
        Level {
            offsets,
            targets,
            weights,
            self_loop,
        }
    }

    /// Local moving: returns each node's community (renumbered densely) and
    /// their count; `None` when no node moved.
    fn local_moves(&self, resolution: f64) -> Option<(Vec<usize>, usize)> {
        let n = self.len();
        let strength: Vec<f64> = (0..n).map(|i| self.strength(i)).collect();
        let two_m: f64 = strength.iter().sum();
        if two_m == 0.0 {
            return None;
        }
        let mut community: Vec<usize> = (0..n).collect();
        let mut total = strength.clone();
        let mut link = vec![0.0; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut moved_any = false;
        for _pass in 0..1000 {
            let mut moved = false;
            for i in 0..n {
                let old = community[i];
                for (j, w) in self.neighbors(i) {
                    let c = community[j];
                    if link[c] == 0.0 {
                        touched.push(c);
                    }
                    link[c] += w;
                }
                total[old] -= strength[i];
                let ki = strength[i];
                let gain = |c: usize, link: &[f64], total: &[f64]| {
                    link[c] - resolution * total[c] * ki / two_m
                };
                let mut best = old;
                let mut best_gain = gain(old, &link, &total);
                for &c in &touched {
                    let g = gain(c, &link, &total);
                    if g > best_gain + 1e-12 * two_m.max(1.0) {
                        best = c;
                        best_gain = g;
                    }
                }
                total[best] += ki;
                community[i] = best;
                if best != old {
                    moved = true;
                    moved_any = true;
                }
                for &c in &touched {
                    link[c] = 0.0;
                }
                touched.clear();
            }
            if !moved {
                break;
            }
        }
        if !moved_any {
            return None;
        }
        let mut dense = vec![usize::MAX; n];
        let mut count = 0;
        for c in community.iter_mut() {
            if dense[*c] == usize::MAX {
                dense[*c] = count;
                count += 1;
            }
            *c = dense[*c];
        }
        Some((community, count))
    }
}

/// Louvain community detection (Blondel et al. 2008): local moving of
/// nodes between communities while modularity grows, then aggregation of
/// communities into nodes, until nothing moves. Isolated nodes stay alone.
pub fn louvain(adj: &Adjacency, resolution: f64) -> Partition {
    let n = adj.len();
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level = Level::from_adjacency(adj);
    while let Some((community, count)) = level.local_moves(resolution) {
        for m in membership.iter_mut() {
            *m = community[*m];
        }
        if count == level.len() {
            break;
        }
        level = level.aggregate(&community, count);
    }
    canonical(&membership)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two 5-cliques joined by one edge, plus an isolated node.
    fn barbell() -> Adjacency {
        let mut edges = Vec::new();
        for base in [0u32, 5] {
            for a in 0..5 {
                for b in a + 1..5 {
                    edges.push((base + a, base + b, 1.0));
                }
            }
        }
        edges.push((4, 5, 1.0));
        Adjacency::from_edges(11, edges.into_iter())
    }

    #[test]
    fn louvain_separates_two_cliques() {
        let adj = barbell();
        let p = louvain(&adj, 1.0);
        assert_eq!(p.count, 3);
        assert!(p.membership[..5].iter().all(|&c| c == p.membership[0]));
        assert!(p.membership[5..10].iter().all(|&c| c == p.membership[5]));
        assert_ne!(p.membership[0], p.membership[5]);
        assert_eq!(p.membership[0], 0, "ties go to the smallest node");
        assert_eq!(p.membership[10], 2);
        // Known value: 2 * (10/21 - (21/42)^2) = 20/21 - 1/2.
        let q = modularity(&adj, &p.membership, 1.0);
        assert!((q - (20.0 / 21.0 - 0.5)).abs() < 1e-12, "{q}");
    }

    #[test]
    fn louvain_never_does_worse_than_singletons_and_repeats_itself() {
        // A ring of 8 triangles: communities are the triangles (or pairs).
        let mut edges = Vec::new();
        for t in 0..8u32 {
            let b = 3 * t;
            edges.extend([(b, b + 1, 1.0), (b + 1, b + 2, 1.0), (b, b + 2, 1.0)]);
            edges.push((b + 2, (b + 3) % 24, 1.0));
        }
        let adj = Adjacency::from_edges(24, edges.into_iter());
        let p = louvain(&adj, 1.0);
        let singletons: Vec<u32> = (0..24).collect();
        assert!(modularity(&adj, &p.membership, 1.0) > modularity(&adj, &singletons, 1.0));
        assert!(modularity(&adj, &p.membership, 1.0) > 0.5);
        assert_eq!(p, louvain(&adj, 1.0));
        // Higher resolution, smaller communities.
        assert!(louvain(&adj, 4.0).count >= p.count);
    }

    #[test]
    fn components_are_numbered_by_size() {
        let adj = Adjacency::from_edges(6, [(4, 5, 1.0), (0, 2, 1.0), (2, 3, 1.0)].into_iter());
        let p = components(&adj);
        assert_eq!(p.membership, [0, 2, 0, 0, 1, 1]);
        assert_eq!(p.count, 3);
    }

    #[test]
    fn empty_and_edgeless_graphs() {
        let empty = Adjacency::from_edges(0, std::iter::empty());
        assert_eq!(louvain(&empty, 1.0).count, 0);
        let lonely = Adjacency::from_edges(3, std::iter::empty());
        assert_eq!(louvain(&lonely, 1.0).membership, [0, 1, 2]);
        assert_eq!(modularity(&lonely, &[0, 1, 2], 1.0), 0.0);
    }
}
