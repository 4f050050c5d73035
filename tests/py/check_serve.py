"""Queries a running `cadre-kg serve` the way analysts' tools do, and prints
what each client got as JSON, for tests/serve.rs to compare with the CLI.

Usage: check_serve.py ENDPOINT QUERY_FILE CONSTRUCT_FILE

- SPARQLWrapper with its defaults (XML results) and asking for JSON;
- rdflib's SPARQLStore (XML results for SELECT, RDF/XML for CONSTRUCT).
"""

import json
import sys

from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, XML, SPARQLWrapper


def wrapper_rows(endpoint, query, fmt):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    result = sparql.query()
    if fmt == JSON:
        data = result.convert()
        names = data["head"]["vars"]
        return [[b.get(v, {}).get("value", "") for v in names] for b in data["results"]["bindings"]]
    document = result.convert()  # a DOM of SPARQL XML results
    names = [v.getAttribute("name") for v in document.getElementsByTagName("variable")]
    rows = []
    for result_element in document.getElementsByTagName("result"):
        values = {}
        for binding in result_element.getElementsByTagName("binding"):
            node = binding.firstChild
            while node is not None and node.nodeType != node.ELEMENT_NODE:
                node = node.nextSibling
            text = "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE)
            values[binding.getAttribute("name")] = text
        rows.append([values.get(v, "") for v in names])
    return rows


def store_rows(endpoint, query):
    store = SPARQLStore(endpoint)
    result = store.query(query)
    return [[str(term) if term is not None else "" for term in row] for row in result]


def store_triples(endpoint, query):
    store = SPARQLStore(endpoint)
    graph = Graph()
    for triple in store.query(query):
        graph.add(triple)
    return sorted(" ".join(t.n3() for t in triple) for triple in graph)


def main():
    endpoint, query_file, construct_file = sys.argv[1:4]
    with open(query_file, encoding="utf-8") as f:
        query = f.read()
    with open(construct_file, encoding="utf-8") as f:
        construct = f.read()
    print(
        json.dumps(
            {
                "wrapper_json": wrapper_rows(endpoint, query, JSON),
                "wrapper_xml": wrapper_rows(endpoint, query, XML),
                "store_rows": store_rows(endpoint, query),
                "store_triples": store_triples(endpoint, construct),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
