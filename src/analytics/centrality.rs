//! Degree, weighted PageRank and betweenness on the undirected adjacency.
//! Parallel work is split into fixed chunks and summed in chunk order, so
//! results do not depend on the number of threads. No I/O.

use super::graph::Adjacency;
use rayon::prelude::*;

/// Distinct neighbours of each node.
pub fn degree(adj: &Adjacency) -> Vec<u32> {
    (0..adj.len()).map(|i| adj.degree(i) as u32).collect()
}

/// PageRank scores and how many iterations they took.
#[derive(Debug, Clone)]
pub struct PageRank {
    pub scores: Vec<f64>,
    pub iterations: usize,
}

/// Weighted PageRank with uniform teleport and dangling nodes spread
/// uniformly (the definition NetworkX uses). Stops when the L1 change falls
/// below `n * tolerance`.
pub fn pagerank(adj: &Adjacency, damping: f64, tolerance: f64, max_iterations: usize) -> PageRank {
    let n = adj.len();
    if n == 0 {
        return PageRank {
            scores: Vec::new(),
            iterations: 0,
        };
    }
    let nf = n as f64;
    let strength: Vec<f64> = (0..n).map(|i| adj.strength(i)).collect();
    let mut x = vec![1.0 / nf; n];
    let mut iterations = 0;
    for _ in 0..max_iterations {
        iterations += 1;
        let dangling: f64 = (0..n).filter(|&i| strength[i] == 0.0).map(|i| x[i]).sum();
        let base = (1.0 - damping) / nf + damping * dangling / nf;
        let share: Vec<f64> = (0..n)
            .map(|i| {
                if strength[i] > 0.0 {
                    x[i] / strength[i]
                } else {
                    0.0
                }
            })
            .collect();
        let next: Vec<f64> = (0..n)
            .into_par_iter()
            .with_min_len(4096)
            .map(|j| base + damping * adj.neighbors(j).map(|(i, w)| share[i] * w).sum::<f64>())
            .collect();
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < nf * tolerance {
            break;
        }
    }
    PageRank {
        scores: x,
        iterations,
    }
}

/// Betweenness scores; `samples` is 0 when they are exact.
#[derive(Debug, Clone)]
pub struct Betweenness {
    pub scores: Vec<f64>,
    pub samples: usize,
}

const CHUNK: usize = 32;

/// Brandes' betweenness on hop counts (weights are evidence counts, not
/// distances), normalised by (n-1)(n-2) like NetworkX for undirected
/// graphs. With `samples = Some(k)`, only `k` source nodes drawn with the
/// seeded generator are used and the sum is scaled by n/k.
pub fn betweenness(adj: &Adjacency, samples: Option<usize>, seed: u64) -> Betweenness {
    let n = adj.len();
    let (pivots, used) = match samples {
        Some(k) if k < n => (sample(n, k, seed), k),
        _ => ((0..n as u32).collect(), 0),
    };
    let partials: Vec<Vec<f64>> = pivots
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut work = Work::new(n);
            let mut bc = vec![0.0; n];
            for &s in chunk {
                work.accumulate(adj, s as usize, &mut bc);
            }
            bc
        })
        .collect();
    let mut scores = vec![0.0; n];
    for part in &partials {
        for (total, x) in scores.iter_mut().zip(part) {
            *total += x;
        }
    }
    let mut scale = if n > 2 {
        1.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        0.0
    };
    if used > 0 {
        scale *= n as f64 / used as f64;
    }
    for x in &mut scores {
        *x *= scale;
    }
    Betweenness {
        scores,
        samples: used,
    }
}

/// Buffers of one Brandes pass, reused across sources.
struct Work {
    sigma: Vec<f64>,
    dist: Vec<i32>,
    delta: Vec<f64>,
    order: Vec<u32>,
}

impl Work {
    fn new(n: usize) -> Work {
        Work {
            sigma: vec![0.0; n],
            dist: vec![-1; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    fn accumulate(&mut self, adj: &Adjacency, s: usize, bc: &mut [f64]) {
        self.order.clear();
        self.sigma[s] = 1.0;
        self.dist[s] = 0;
        self.order.push(s as u32);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            let dv = self.dist[v];
            for (w, _) in adj.neighbors(v) {
                if self.dist[w] < 0 {
                    self.dist[w] = dv + 1;
                    self.order.push(w as u32);
                }
                if self.dist[w] == dv + 1 {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let dw = self.dist[w];
            let coefficient = (1.0 + self.delta[w]) / self.sigma[w];
            for (v, _) in adj.neighbors(w) {
                if self.dist[v] == dw - 1 {
                    self.delta[v] += self.sigma[v] * coefficient;
                }
            }
            if w != s {
                bc[w] += self.delta[w];
            }
        }
        for &w in &self.order {
            let w = w as usize;
            self.sigma[w] = 0.0;
            self.dist[w] = -1;
            self.delta[w] = 0.0;
        }
    }
}

/// SplitMix64: small, fast, and stable across versions (unlike a crate's
/// default generator), so a seed means the same sample forever.
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (bound > 0), by rejection.
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % bound;
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % bound;
            }
        }
    }
}

/// `k` distinct nodes of `0..n`, by a partial Fisher–Yates shuffle, sorted.
fn sample(n: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut all: Vec<u32> = (0..n as u32).collect();
    let mut rng = SplitMix64::new(seed);
    for i in 0..k {
        let j = i + rng.below((n - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(k);
    all.sort_unstable();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(n: u32) -> Adjacency {
        Adjacency::from_edges(n as usize, (0..n - 1).map(|i| (i, i + 1, 1.0)))
    }

    #[test]
    fn betweenness_of_a_path_matches_the_closed_form() {
        // On a path of 5, node i lies on i*(4-i) unordered pairs' paths;
        // Brandes counts ordered pairs, NetworkX normalises by (n-1)(n-2).
        let bc = betweenness(&path(5), None, 0);
        let expected = [0.0, 3.0, 4.0, 3.0, 0.0].map(|x| 2.0 * x / 12.0);
        for (a, b) in bc.scores.iter().zip(expected) {
            assert!((a - b).abs() < 1e-12, "{:?}", bc.scores);
        }
        assert_eq!(bc.samples, 0);
    }

    #[test]
    fn betweenness_counts_shortest_paths_split_between_routes() {
        // A square 0-1-2-3-0: paths between opposite corners split in two.
        let adj = Adjacency::from_edges(
            4,
            [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 0, 1.0)].into_iter(),
        );
        let bc = betweenness(&adj, None, 0);
        for x in bc.scores {
            assert!((x - 2.0 * 0.5 / 6.0).abs() < 1e-12);
        }
    }

    #[test]
    fn sampling_every_node_is_exact_and_a_seed_repeats_itself() {
        let adj = Adjacency::from_edges(
            40,
            (0..40u32).flat_map(|i| [(i, (i * 7 + 3) % 40, 1.0), (i, (i + 1) % 40, 1.0)]),
        );
        let exact = betweenness(&adj, None, 0);
        let all = betweenness(&adj, Some(40), 9);
        assert_eq!(exact.scores, all.scores);
        let a = betweenness(&adj, Some(10), 7);
        let b = betweenness(&adj, Some(10), 7);
        assert_eq!(a.scores, b.scores);
        assert_eq!(a.samples, 10);
        let mean_exact: f64 = exact.scores.iter().sum::<f64>() / 40.0;
        let mean_sampled: f64 = a.scores.iter().sum::<f64>() / 40.0;
        assert!((mean_exact - mean_sampled).abs() < 0.5 * mean_exact);
    }

    #[test]
    fn pagerank_sums_to_one_and_follows_weights() {
        // A star: the centre collects the most; a heavier leaf beats a light one.
        let adj = Adjacency::from_edges(4, [(0, 1, 1.0), (0, 2, 1.0), (0, 3, 3.0)].into_iter());
        let pr = pagerank(&adj, 0.85, 1e-12, 1000);
        let total: f64 = pr.scores.iter().sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert!(pr.scores[0] > pr.scores[3] && pr.scores[3] > pr.scores[1]);
        assert!((pr.scores[1] - pr.scores[2]).abs() < 1e-12);
    }

    #[test]
    fn pagerank_of_a_symmetric_graph_is_uniform_and_isolated_nodes_get_their_share() {
        let ring = Adjacency::from_edges(5, (0..5u32).map(|i| (i, (i + 1) % 5, 1.0)));
        let pr = pagerank(&ring, 0.85, 1e-12, 1000);
        for x in pr.scores {
            assert!((x - 0.2).abs() < 1e-12);
        }
        // Two nodes joined, one isolated: the isolated one keeps (1-d)/n plus
        // its share of its own dangling mass.
        let adj = Adjacency::from_edges(3, [(0, 1, 1.0)].into_iter());
        let pr = pagerank(&adj, 0.85, 1e-14, 1000);
        // x2 = 0.15/3 + 0.85*x2/3  =>  x2 = 0.05 / (1 - 0.85/3)
        assert!((pr.scores[2] - 0.05 / (1.0 - 0.85 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn samples_are_distinct_and_in_range() {
        let s = sample(100, 30, 1);
        assert_eq!(s.len(), 30);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert!(s.iter().all(|&x| x < 100));
        assert_ne!(s, sample(100, 30, 2));
    }
}
