#!/usr/bin/env python3
"""Recomputes cadre-kg's analytics with NetworkX on an exported GraphML file
and compares them with the scores the export carries (those stored by
`cadre-kg analyze`).

    check_analytics.py GRAPH.graphml MODULARITY CO_MENTION_WEIGHT

The analysed graph is the undirected simple graph whose edge weight is the
sum of the weights of all relations between two nodes, a co-mention's
weight (its number of articles) times CO_MENTION_WEIGHT. Checks: degree,
weighted PageRank (alpha 0.85), exact betweenness (hop counts,
normalised), connected components (same partition, 0 the largest), and the
Louvain partition's modularity (equal to the stored value, and not far
below NetworkX's own Louvain). Exit status 0 when all agree, 1 otherwise.
"""
import sys
from collections import defaultdict

import networkx as nx

PAGERANK_TOLERANCE = 1e-7
BETWEENNESS_TOLERANCE = 1e-9


def main():
    path, stored_modularity, co_mention = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    multi = nx.read_graphml(path)
    graph = nx.Graph()
    graph.add_nodes_from(multi.nodes(data=True))
    for u, v, d in multi.edges(data=True):
        if u == v:
            continue
        w = float(d["weight"]) * (co_mention if d["kind"] == "coMention" else 1.0)
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += w
        else:
            graph.add_edge(u, v, weight=w)
    attrs = dict(graph.nodes(data=True))
    problems = []

    def worst(name, ours, theirs, tolerance):
        diff, node = max((abs(ours[n] - theirs[n]), n) for n in graph.nodes)
        print(f"{name}: largest difference {diff:.3g} (at {attrs[node]['label']})")
        if diff > tolerance:
            problems.append(f"{name} differs by {diff} at {node}")

    for n in graph.nodes:
        if graph.degree(n) != int(attrs[n]["degree"]):
            problems.append(f"degree of {n}: ours {attrs[n]['degree']}, networkx {graph.degree(n)}")
    # nx.pagerank needs SciPy; NetworkX's pure-Python implementation of the
    # same definition does not, so the check runs with networkx alone.
    pure = getattr(nx.algorithms.link_analysis.pagerank_alg, "_pagerank_python", None)
    pagerank = (pure or nx.pagerank)(graph, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    worst("pagerank", {n: float(attrs[n]["pagerank"]) for n in graph}, pagerank, PAGERANK_TOLERANCE)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    worst("betweenness", {n: float(attrs[n]["betweenness"]) for n in graph}, betweenness,
          BETWEENNESS_TOLERANCE)

    ours = defaultdict(set)
    for n in graph:
        ours[int(attrs[n]["component"])].add(n)
    theirs = sorted((frozenset(c) for c in nx.connected_components(graph)), key=len, reverse=True)
    if {frozenset(c) for c in ours.values()} != set(theirs):
        problems.append("connected components differ")
    elif len(ours[0]) != len(theirs[0]):
        problems.append("component 0 is not the largest")
    print(f"components: {len(theirs)} (largest {len(theirs[0])})")

    communities = defaultdict(set)
    for n in graph:
        communities[int(attrs[n]["community"])].add(n)
    q_ours = nx.community.modularity(graph, communities.values(), weight="weight")
    nx_louvain = nx.community.louvain_communities(graph, weight="weight", seed=42)
    q_nx = nx.community.modularity(graph, nx_louvain, weight="weight")
    print(f"modularity: ours {q_ours:.6f} (stored {stored_modularity:.6f}), networkx louvain {q_nx:.6f}")
    if abs(q_ours - stored_modularity) > 1e-9:
        problems.append(f"stored modularity {stored_modularity} != recomputed {q_ours}")
    if q_ours < q_nx - 0.05:
        problems.append(f"our communities are much worse than networkx's: {q_ours} < {q_nx}")
    if len(communities) < 2:
        problems.append("a single community")

    for p in problems:
        print(p)
    print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
