#!/usr/bin/env python3
"""Reads cadre-kg exports with NetworkX (a real, independent reader) and
checks them against expectations computed by SPARQL on the same store.

    check_export.py --expect expect.json [--graphml F] [--gexf F] [--cytoscape F]

expect.json: {"nodes": N, "edges": M, "edges_by_kind": {kind: n},
"classes": {class: n}, "comention_weight": W,
"samples": {iri: {"label": s, "class": s, "articleCount": n}},
"edge_samples": [{"source": iri, "target": iri, "kind": k, "articles": [..]}]}
Exit status 0 when everything matches, 1 with a list of mismatches.
"""
import argparse
import json
import sys
from collections import Counter

import networkx as nx

problems = []


def check(what, got, want):
    if got != want:
        problems.append(f"{what}: got {got!r}, want {want!r}")


def articles(value):
    if isinstance(value, list):
        return sorted(value)
    return sorted(a for a in (value or "").split("; ") if a)


def verify(name, graph, expect):
    check(f"{name}: node count", graph.number_of_nodes(), expect["nodes"])
    check(f"{name}: edge count", graph.number_of_edges(), expect["edges"])
    check(f"{name}: is a multigraph", graph.is_multigraph(), True)
    kinds = Counter(d.get("kind") for _, _, d in graph.edges(data=True))
    check(f"{name}: edges by kind", dict(kinds), expect["edges_by_kind"])
    classes = Counter(d.get("class") for _, d in graph.nodes(data=True))
    check(f"{name}: nodes by class", dict(classes), expect["classes"])
    weight = sum(float(d["weight"]) for _, _, d in graph.edges(data=True) if d.get("kind") == "coMention")
    check(f"{name}: total co-mention weight", round(weight), expect["comention_weight"])
    for _, _, d in graph.edges(data=True):
        if int(d["articleCount"]) != len(articles(d["articles"])):
            problems.append(f"{name}: articleCount disagrees with articles on an edge: {d}")
            break
    for iri, want in expect["samples"].items():
        if iri not in graph:
            problems.append(f"{name}: node {iri} is missing")
            continue
        got = graph.nodes[iri]
        for key, value in want.items():
            check(f"{name}: {iri} {key}", type(value)(got.get(key)), value)
    for e in expect["edge_samples"]:
        found = [d for d in graph.get_edge_data(e["source"], e["target"], default={}).values()
                 if d.get("kind") == e["kind"]]
        if len(found) != 1:
            problems.append(f"{name}: {e['kind']} edge {e['source']} -> {e['target']}: {len(found)} found")
            continue
        check(f"{name}: articles of {e['kind']} {e['source']} -> {e['target']}",
              articles(found[0].get("articles")), sorted(e["articles"]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expect", required=True)
    parser.add_argument("--graphml")
    parser.add_argument("--gexf")
    parser.add_argument("--cytoscape")
    args = parser.parse_args()
    with open(args.expect, encoding="utf-8") as f:
        expect = json.load(f)
    read = 0
    if args.graphml:
        verify("graphml", nx.read_graphml(args.graphml), expect)
        read += 1
    if args.gexf:
        graph = nx.read_gexf(args.gexf)
        # GEXF keeps a node's label apart from its attributes.
        verify("gexf", graph, expect)
        read += 1
    if args.cytoscape:
        with open(args.cytoscape, encoding="utf-8") as f:
            verify("cytoscape", nx.cytoscape_graph(json.load(f)), expect)
        read += 1
    if read == 0:
        problems.append("no file given")
    for p in problems:
        print(p)
    print(f"{read} files read, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
