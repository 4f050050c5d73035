//! Stage micro-benchmarks on one fixed article: `corpus/000_…`, 5.4 kB
//! with traditional characters and pinyin readings, so every normalisation
//! rule has work to do. Throughput is in bytes of the text each stage
//! reads: the original for the normaliser, the normalised text after it.
//!
//! Each recogniser runs over every sentence with the inputs `extract` gives
//! it (words, areas, the spans already taken, the sentence's mentions),
//! prepared once; organizations see an empty focus, since the article's
//! focus is built inside `extract`.
//!
//! `cargo bench --bench stages` (about three minutes); `bench/run.py` times
//! the same stages over whole corpora.

use cadre_kg::extract::appointment::{self, Local};
use cadre_kg::extract::area::{self, AreaHit};
use cadre_kg::extract::segment::{self, Word};
use cadre_kg::extract::{self, byline, initiative, org, person, Focus};
use cadre_kg::model::{ArticleFacts, EntityKind, Span};
use cadre_kg::normalize::{self, t2s};
use cadre_kg::{link, rdf};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::time::Duration;

const TEXT: &str = include_str!("../corpus/000_783e6b4ab8639c7e.txt");
const NAME: &str = "000_783e6b4ab8639c7e.txt";

/// One sentence with what the recognisers before each one found.
struct Prepared {
    text: String,
    chars: Vec<char>,
    words: Vec<Word>,
    areas: Vec<AreaHit>,
    /// Spans taken by credits, areas and organizations (person input).
    taken: Vec<Span>,
    /// `taken` and the people (initiative input).
    taken_with_people: Vec<Span>,
    /// The people (initiative input: honourees after their honours).
    people: Vec<Span>,
    /// Every mention, as appointments see them.
    locals: Vec<Local>,
}

/// Runs the recognisers over one sentence in `extract`'s order, keeping
/// each one's input.
fn prepare(text: &str, focus: &Focus) -> Prepared {
    let chars: Vec<char> = text.chars().collect();
    let words = segment::tag(text);
    let (areas, _chain) = area::find_areas(&chars, &words);
    let mut locals: Vec<Local> = byline::find_credits(text)
        .iter()
        .map(|c| local(c.span, EntityKind::Person))
        .collect();
    locals.extend(
        areas
            .iter()
            .map(|a| local(a.span, EntityKind::Area(a.kind))),
    );
    let orgs = org::find_orgs(&chars, &words, &areas, &focus.at(0));
    locals.extend(orgs.iter().map(|o| local(o.span, EntityKind::Organization)));
    let taken: Vec<Span> = locals.iter().map(|l| l.span).collect();
    let people = person::find_persons(&chars, &words, &taken);
    locals.extend(people.iter().map(|&p| local(p, EntityKind::Person)));
    let taken_with_people: Vec<Span> = locals.iter().map(|l| l.span).collect();
    let initiatives = initiative::find_initiatives(&chars, &words, &taken_with_people, &people);
    locals.extend(
        initiatives
            .iter()
            .map(|i| local(i.span, EntityKind::Initiative)),
    );
    Prepared {
        text: text.to_owned(),
        chars,
        words,
        areas,
        taken,
        taken_with_people,
        people,
        locals,
    }
}

fn local(span: Span, kind: EntityKind) -> Local {
    Local { span, kind }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(TEXT.len() as u64));
    group.bench_function("full", |b| b.iter(|| normalize::normalize(TEXT)));
    group.bench_function("t2s", |b| b.iter(|| t2s::to_simplified(TEXT)));
    group.finish();

    let normalized = normalize::normalize(TEXT);
    extract::warm_up();
    let focus = Focus::default();
    let sentences: Vec<Prepared> = extract::split_sentences(&normalized.text)
        .iter()
        .map(|s| prepare(&s.text, &focus))
        .collect();
    let has_author = sentences
        .iter()
        .any(|s| byline::find_credits(&s.text).iter().any(|c| c.author));

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(normalized.text.len() as u64));
    let mut each = |name: &str, f: &dyn Fn(&Prepared) -> usize| {
        group.bench_function(name, |b| b.iter(|| sentences.iter().map(f).sum::<usize>()));
    };
    each("segment_domain_dictionary", &|s| {
        segment::tag(&s.text).len()
    });
    each("area", &|s| area::find_areas(&s.chars, &s.words).0.len());
    each("org", &|s| {
        org::find_orgs(&s.chars, &s.words, &s.areas, &focus.at(0)).len()
    });
    each("person", &|s| {
        person::find_persons(&s.chars, &s.words, &s.taken).len()
    });
    each("initiative", &|s| {
        initiative::find_initiatives(&s.chars, &s.words, &s.taken_with_people, &s.people).len()
    });
    each("appointment", &|s| {
        appointment::find_appointments(&s.chars, &s.locals, has_author).len()
    });
    each("byline", &|s| byline::find_credits(&s.text).len());
    group.bench_function("whole_article", |b| {
        b.iter(|| extract::extract(&normalized.text))
    });
    group.finish();

    let facts: ArticleFacts = extract::extract(&normalized.text);
    let hash = cadre_kg::corpus::hash_bytes(TEXT.as_bytes());
    let linked = link::link(NAME, &hash, facts.clone());
    let mut group = c.benchmark_group("map");
    group.throughput(Throughput::Bytes(normalized.text.len() as u64));
    group.bench_function("link", |b| {
        b.iter_batched(
            || facts.clone(),
            |f| link::link(NAME, &hash, f),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("rdf", |b| {
        b.iter(|| rdf::article_quads(&linked, &normalized))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
