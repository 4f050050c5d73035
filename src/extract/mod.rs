//! Extraction: normalised text in, plain facts with evidence out (no RDF).
//!
//! Each recogniser has its own module and works on one sentence; this
//! module runs them in order (areas, organizations, people, initiatives,
//! then appointments over what they found), then the ones that read the
//! whole article's mentions (the publication date, organizations' areas,
//! who runs and takes part in initiatives), and keeps the *focus*: the
//! areas an article is about, used to complete 该社区 or 街道党工委 only
//! where the article leaves one candidate.

// The recognisers are public so that `benches/stages.rs` can time each one.
pub mod appointment;
pub mod area;
mod area_forms;
pub mod byline;
pub mod date;
mod debris;
pub mod initiative;
pub mod initiative_link;
mod minority_name;
pub mod org;
pub mod org_area;
pub mod person;
mod program_post;
mod publisher;
pub mod segment;
mod short_form_index;
mod text;

use crate::model::{
    AreaKind, ArticleFacts, Containment, EntityKind, Evidence, Mention, Sentence, Span,
};
use appointment::{Holder, Local, Unit};
use std::collections::BTreeMap;

pub use area::known_area;
pub use text::split_sentences;

/// The areas an article names, by kind, with the sentences naming them.
#[derive(Debug, Default, Clone)]
pub struct Focus {
    /// Kind → (sentence, offset in it, label), in text order.
    by_kind: BTreeMap<AreaKind, Vec<(usize, usize, String)>>,
}

/// The article's areas as seen from one sentence.
#[derive(Debug, Clone, Copy)]
pub struct FocusAt<'a> {
    focus: &'a Focus,
    sentence: usize,
}

/// How many sentences back a bare 社区 or 村 may point.
const FOCUS_WINDOW: usize = 8;

/// Bare level words and the kind of area they stand for.
const LEVEL_WORDS: &[(&str, AreaKind)] = &[
    ("街道", AreaKind::Subdistrict),
    ("社区", AreaKind::Community),
    ("小区", AreaKind::ResidentialCompound),
    ("省", AreaKind::Province),
    ("市", AreaKind::City),
    ("区", AreaKind::District),
    ("县", AreaKind::County),
    ("旗", AreaKind::Banner),
    ("镇", AreaKind::Town),
    ("乡", AreaKind::Township),
    ("村", AreaKind::Village),
];

impl Focus {
    fn add(&mut self, sentence: usize, offset: usize, kind: AreaKind, label: &str) {
        self.by_kind
            .entry(kind)
            .or_default()
            .push((sentence, offset, label.to_owned()));
    }

    /// The focus as seen from `sentence`.
    pub fn at(&self, sentence: usize) -> FocusAt<'_> {
        FocusAt {
            focus: self,
            sentence,
        }
    }
}

impl FocusAt<'_> {
    /// The area of `kind` meant by a bare level word: the one named in this
    /// or a recent sentence (several reports can share a file), else the
    /// only one the article names.
    /// `offset` is where the bare word stands in the current sentence.
    pub fn area(&self, kind: AreaKind, offset: usize) -> Option<String> {
        match self.focus.by_kind.get(&kind) {
            Some(mentions) => self.named(mentions, offset).map(str::to_owned),
            None => self.enclosing(kind),
        }
    }

    /// The area of `kind` named in this sentence, before the bare word or
    /// else after it (作为小区业委会副主任,居住在翰林苑小区的刘某), or in a
    /// recent sentence, else the only one the article names.
    fn named<'m>(&self, mentions: &'m [(usize, usize, String)], offset: usize) -> Option<&'m str> {
        let here = |before: bool| self.nearest_here(mentions, offset, before);
        let earlier = || {
            mentions
                .iter()
                .rev()
                .find(|(s, _, _)| *s < self.sentence && self.sentence - *s <= FOCUS_WINDOW)
        };
        let recent = here(true).or_else(|| here(false)).or_else(earlier);
        if let Some((_, _, label)) = recent {
            return Some(label);
        }
        let first = &mentions.first()?.2;
        mentions
            .iter()
            .all(|(_, _, l)| l == first)
            .then_some(first.as_str())
    }

    /// The area of `kind` named earlier in this sentence, the nearest.
    fn named_before_here(&self, kind: AreaKind, offset: usize) -> Option<String> {
        let mentions = self.focus.by_kind.get(&kind)?;
        self.nearest_here(mentions, offset, true)
            .map(|(_, _, label)| label.clone())
    }

    /// The mention in this sentence nearest to `offset`, among those
    /// before it or those after it.
    fn nearest_here<'m>(
        &self,
        mentions: &'m [(usize, usize, String)],
        offset: usize,
        before: bool,
    ) -> Option<&'m (usize, usize, String)> {
        mentions
            .iter()
            .filter(|(s, o, _)| *s == self.sentence && (*o < offset) == before)
            .min_by_key(|(_, o, _)| o.abs_diff(offset))
    }

    /// An article that names no area of `kind` may still imply one: the
    /// gazetteer places all its lower areas in one (市委 in an article
    /// about 海棠区 is 三亚市委).
    fn enclosing(&self, kind: AreaKind) -> Option<String> {
        let mut found: Option<&str> = None;
        let lower = self
            .focus
            .by_kind
            .iter()
            .filter(|(k, _)| k.rank() > kind.rank());
        for (_, mentions) in lower {
            for (_, _, label) in mentions {
                // Names with namesakes in different places say nothing.
                let Some(up) = enclosing_of(label, kind) else {
                    continue;
                };
                match found {
                    Some(f) if f != up => return None,
                    _ => found = Some(up),
                }
            }
        }
        found.map(str::to_owned)
    }

    /// The area a bare level word (社区, 村) stands for.
    pub fn resolve_level_word(&self, word: &str, offset: usize) -> Option<(String, AreaKind)> {
        let &(_, kind) = LEVEL_WORDS.iter().find(|(w, _)| *w == word)?;
        self.area(kind, offset).map(|l| (l, kind))
    }

    /// Completes a generic organ (区委组织部, 街道党工委) with the area in
    /// focus: 大东区 + 区委组织部 → 大东区委组织部.
    /// Committees named after their people keep the area whole:
    /// 陈家店村 + 村委会 → 陈家店村村委会.
    pub fn complete_org(&self, written: &str, offset: usize) -> Option<String> {
        if let Some(&(_, kind)) = PEOPLES_COMMITTEES
            .iter()
            .find(|(c, _)| written.starts_with(c))
        {
            return self.area(kind, offset).map(|a| format!("{a}{written}"));
        }
        if is_owners_committee(written) {
            return self
                .named_before_here(AreaKind::ResidentialCompound, offset)
                .map(|a| format!("{a}{written}"));
        }
        let &(word, kind) = LEVEL_WORDS.iter().find(|(w, _)| written.starts_with(w))?;
        let area = self.area(kind, offset)?;
        let stem = area.strip_suffix(word)?;
        Some(format!("{stem}{written}"))
    }
}

/// Committees of an area's residents or villagers, and the level of area
/// each belongs to: a bare 居委会 is the community's in focus. (An owners'
/// committee, 业委会, is not completed so: articles name it in general
/// more often than as the one compound in focus; see [`OWNERS_COMMITTEES`].)
/// Owners' committees: the compound's named before them in their own
/// sentence (枫香雅郡小区召开业主代表大会,选举产生业主委员会成员).
const OWNERS_COMMITTEES: &[&str] = &["业主委员会", "业委会"];

/// Does `written` start with an owners' committee?
pub(crate) fn is_owners_committee(written: &str) -> bool {
    OWNERS_COMMITTEES.iter().any(|c| written.starts_with(c))
}

pub(crate) const PEOPLES_COMMITTEES: &[(&str, AreaKind)] = &[
    ("村民委员会", AreaKind::Village),
    ("村委会", AreaKind::Village),
    ("居民委员会", AreaKind::Community),
    ("居委会", AreaKind::Community),
];

/// Is the word at `start..end` a verb by the lexicons (of programs: 选派,
/// 印发; of taking part: 助力; of posts: 被选为), whatever jieba tags it
/// (选派/n, 印发/nz)? No place's or organization's name holds one, unless
/// organizations' names use it too (组织, 建设).
fn is_lexicon_verb(chars: &[char], start: usize, end: usize) -> bool {
    let text = text::string(chars, start, end);
    let lex = crate::lexicon::lexicon();
    let whole =
        |list: &crate::lexicon::WordList| list.starting_at(chars, start) == Some(text.as_str());
    (whole(appointment::post_verbs())
        || whole(&lex.organizer_verbs)
        || whole(&lex.participant_verbs))
        && !lex.org_name_verbs.contains(&text)
}

/// The bare word for a level of area (Community → 社区).
pub(crate) fn level_word(kind: AreaKind) -> Option<&'static str> {
    LEVEL_WORDS
        .iter()
        .find(|&&(_, k)| k == kind)
        .map(|&(word, _)| word)
}

/// The one area of `kind` every division named `label` lies in, if the
/// gazetteer knows the name and all its namesakes agree.
fn enclosing_of(label: &str, kind: AreaKind) -> Option<&'static str> {
    let g = crate::lexicon::divisions::divisions();
    let mut found: Option<&'static str> = None;
    for id in g.lookup(label) {
        let up = g.chain(id).into_iter().skip(1).find(|d| {
            crate::lexicon::lexicon()
                .area_suffix_of(d.name())
                .is_some_and(|s| s.kind == kind)
        })?;
        match found {
            Some(f) if f != up.name() => return None,
            _ => found = Some(up.name()),
        }
    }
    found
}

/// One sentence with its words and areas (the first pass).
struct Analysed {
    chars: Vec<char>,
    words: Vec<segment::Word>,
    debris: bool,
    areas: Vec<area::AreaHit>,
    chain: Vec<(usize, usize)>,
    /// People credited in a byline, signature or page furniture.
    credits: Vec<byline::Credit>,
}

/// Which areas stand in an enumeration of places (来自莆田、南平、宁德的干部,
/// 分赴福清、鼓楼等县区): a list names places side by side, none of them the
/// one the text goes on about, so none becomes the focus (市委组织部 a
/// sentence later is still the article's own city's).
fn enumerated(chars: &[char], areas: &[area::AreaHit]) -> Vec<bool> {
    let listed = |a: &area::AreaHit, b: &area::AreaHit| {
        a.label != b.label && chars.get(a.span.end) == Some(&'、') && b.span.start == a.span.end + 1
    };
    areas
        .iter()
        .map(|h| areas.iter().any(|o| listed(h, o) || listed(o, h)))
        .collect()
}

/// Loads the lexicons, the gazetteer (with its short-form index) and the
/// segmenter now rather than on the first article, side by side (each
/// takes a fraction of a second, which is most of a small incremental
/// rebuild).
pub fn warm_up() {
    std::thread::scope(|s| {
        s.spawn(segment::jieba);
        crate::lexicon::divisions::divisions();
        short_form_index::prepare();
    });
}

/// Extracts every fact from one article's normalised text.
pub fn extract(text: &str) -> ArticleFacts {
    let text::Split { sentences, cut } = text::split(text);
    let mut analysed: Vec<Analysed> = sentences.iter().map(analyse).collect();
    drop_names_among_fragments(&mut analysed);
    add_recurring_areas(&mut analysed);
    let mut focus = Focus::default();
    for (si, a) in analysed.iter().enumerate() {
        for (hit, _) in a
            .areas
            .iter()
            .zip(enumerated(&a.chars, &a.areas))
            .filter(|(_, e)| !e)
        {
            focus.add(si, hit.span.start, hit.kind, &hit.label);
        }
    }
    let mut facts = ArticleFacts {
        sentences,
        cut_sentences: cut,
        ..ArticleFacts::default()
    };
    let has_byline = analysed.iter().any(|a| a.credits.iter().any(|c| c.author));
    // The names found so far: a name given once with a cue (a post title,
    // 说, a byline) is a name in the later sentences too, where it stands
    // without one (杨志强离开…, 工作3年多,柯春鸿已经…). News names a person
    // with their post first, so looking back costs no second pass.
    let text_of = || {
        analysed
            .iter()
            .filter(|a| !a.debris)
            .map(|a| (&a.chars[..], &a.words[..]))
    };
    let mut known = person::recurring_subjects(text_of());
    known.extend(minority_name::recurring(text_of()));
    let mut named_above = None;
    for (si, a) in analysed.iter().enumerate() {
        let base = facts.sentences[si].span.start;
        let first_new = facts.mentions.len();
        let mut sentence = SentenceFacts::new(si, base);
        let context = Context {
            focus: &focus.at(si),
            has_byline,
            known: &known,
            named_above,
        };
        sentence.run(a, &context, &mut facts);
        named_above = sentence.alone(a, &facts);
        for m in &facts.mentions[first_new..] {
            if m.kind == EntityKind::Person
                && !known.iter().any(|k| k.iter().copied().eq(m.label.chars()))
            {
                known.push(m.label.chars().collect());
            }
        }
    }
    person::shorten_glued_names(&mut facts, text);
    org::merge_short_forms(&mut facts);
    facts.published = date::find_publication_date(&facts.sentences);
    org_area::find_org_areas(&mut facts, &focus);
    initiative::fold_abbreviations(&mut facts.mentions);
    initiative_link::find_initiative_links(&mut facts, &focus);
    facts
}

/// An area named once with a chain or cue is one wherever the article
/// writes it again (see [`area::recurring`]), and a county or district
/// named in full is one where it writes its name short (see
/// [`area::county_short_forms`]).
fn add_recurring_areas(analysed: &mut [Analysed]) {
    let mut named: Vec<(Vec<char>, area::AreaHit)> = Vec::new();
    for a in analysed.iter() {
        for hit in &a.areas {
            let written = &a.chars[hit.span.start..hit.span.end];
            if !named.iter().any(|(w, _)| w == written) {
                named.push((written.to_vec(), hit.clone()));
            }
        }
    }
    if named.is_empty() {
        return;
    }
    let full: Vec<area::AreaHit> = named.iter().map(|(_, hit)| hit.clone()).collect();
    let stems = area::county_stems(&full);
    for a in analysed.iter_mut().filter(|a| !a.debris) {
        let mut more = area::recurring(&a.chars, &named, &a.areas);
        let taken = || a.areas.iter().chain(&more).map(|t| t.span).collect();
        let short = area::county_short_forms(&a.chars, &a.words, &stems, taken);
        more.extend(short);
        if more.is_empty() {
            continue;
        }
        // In text order again, the chains' indices following their areas.
        a.areas.extend(more);
        let mut order: Vec<usize> = (0..a.areas.len()).collect();
        order.sort_by_key(|&i| a.areas[i].span);
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        for link in &mut a.chain {
            *link = (new_index[link.0], new_index[link.1]);
        }
        a.areas = order.iter().map(|&i| a.areas[i].clone()).collect();
    }
}

/// Lines this short without a credit are fragments (a keyword cloud's
/// words, a speaker's description under their name).
const FRAGMENT: usize = 12;

/// A name alone on its line signs the article, unless a line next to it
/// is a fragment too: then it is a quote's speaker, a person who wrote
/// nothing, where the next line describes them (王绪众 / 长盛小区居民),
/// else a word of a keyword cloud (党工委, 徐家).
fn drop_names_among_fragments(analysed: &mut [Analysed]) {
    let fragment: Vec<bool> = analysed
        .iter()
        .map(|a| a.credits.is_empty() && a.chars.len() <= FRAGMENT)
        .collect();
    for i in 0..analysed.len() {
        let next = fragment.get(i + 1) == Some(&true);
        if !analysed[i].credits.iter().any(|c| c.alone) || !(next || i > 0 && fragment[i - 1]) {
            continue;
        }
        // Read only beside a lone name: most lines have none.
        let speaker = next && describes_a_person(&analysed[i + 1].chars);
        let credits = &mut analysed[i].credits;
        credits.retain(|c| !c.alone || speaker);
        credits
            .iter_mut()
            .filter(|c| c.alone)
            .for_each(|c| c.author = false);
    }
}

/// Does a short line say who someone is: a post title or a word for a
/// person (长盛小区党委书记, 长盛小区居民)?
fn describes_a_person(chars: &[char]) -> bool {
    let lex = crate::lexicon::lexicon();
    (1..=chars.len()).any(|e| {
        lex.roles.ending_at(chars, e).is_some() || lex.person_cues.ending_at(chars, e).is_some()
    })
}

fn analyse(s: &Sentence) -> Analysed {
    let chars: Vec<char> = s.text.chars().collect();
    let debris = debris::is_debris_line(&s.text);
    let words = segment::tag(&s.text);
    let (areas, chain) = if debris {
        Default::default()
    } else {
        area::find_areas(&chars, &words)
    };
    Analysed {
        chars,
        words,
        debris,
        areas,
        chain,
        credits: byline::find_credits(&s.text),
    }
}

/// What a sentence's recognisers read of the rest of the article.
#[derive(Clone, Copy)]
struct Context<'a> {
    focus: &'a FocusAt<'a>,
    /// The article has a byline: 作者系… describes its author.
    has_byline: bool,
    /// The names found so far (see [`person::occurrences`]).
    known: &'a [Vec<char>],
    /// The person the line before names alone (a speaker over a caption).
    named_above: Option<usize>,
}

/// The mentions of one sentence while its recognisers run.
struct SentenceFacts {
    sentence: usize,
    base: usize,
    locals: Vec<Local>,
    /// `locals[i]` is `facts.mentions[global[i]]`.
    global: Vec<usize>,
    /// The person named above whose caption this line is.
    caption_of: Option<usize>,
}

impl SentenceFacts {
    fn new(sentence: usize, base: usize) -> Self {
        SentenceFacts {
            sentence,
            base,
            locals: Vec::new(),
            global: Vec::new(),
            caption_of: None,
        }
    }

    fn evidence(&self, span: Span) -> Evidence {
        Evidence {
            sentence: self.sentence,
            span: Span::new(self.base + span.start, self.base + span.end),
        }
    }

    fn push(
        &mut self,
        facts: &mut ArticleFacts,
        kind: EntityKind,
        span: Span,
        label: String,
        alts: Vec<String>,
    ) -> usize {
        let evidence = self.evidence(span);
        let g = facts.push_mention(Mention {
            kind,
            label,
            alt_labels: alts,
            evidence,
        });
        self.locals.push(Local { span, kind });
        self.global.push(g);
        self.locals.len() - 1
    }

    fn taken(&self) -> Vec<Span> {
        self.locals.iter().map(|l| l.span).collect()
    }

    fn run(&mut self, a: &Analysed, context: &Context, facts: &mut ArticleFacts) {
        let focus = context.focus;
        self.credits(a, facts);
        if a.debris {
            for span in publisher::in_source_field(&facts.sentences[self.sentence].text) {
                let label = text::string(&a.chars, span.start, span.end);
                self.push(facts, EntityKind::Organization, span, label, Vec::new());
            }
            return;
        }
        let first_area = self.locals.len();
        for hit in &a.areas {
            self.push(
                facts,
                EntityKind::Area(hit.kind),
                hit.span,
                hit.label.clone(),
                hit.alts.clone(),
            );
        }
        for &(child, parent) in &a.chain {
            facts.containments.push(Containment {
                child: self.global[first_area + child],
                parent: self.global[first_area + parent],
                evidence: self.evidence(Span::new(
                    a.areas[parent].span.start,
                    a.areas[child].span.end,
                )),
            });
        }
        for org in org::find_orgs(&a.chars, &a.words, &a.areas, focus) {
            self.organ_area(facts, &org);
            self.push(
                facts,
                EntityKind::Organization,
                org.span,
                org.label,
                org.alts,
            );
        }
        let taken = self.taken();
        let mut persons = person::find_persons(&a.chars, &a.words, &taken);
        person::widen_to_known(&a.chars, context.known, &mut persons);
        persons.extend(person::occurrences(
            &a.chars,
            context.known,
            &taken,
            &persons,
        ));
        let mut people = Vec::new();
        for span in persons {
            let name = text::string(&a.chars, span.start, span.end);
            if known_area(&name).is_none() {
                self.push(facts, EntityKind::Person, span, name, Vec::new());
                people.push(span);
            }
        }
        for hit in initiative::find_initiatives(&a.chars, &a.words, &self.taken(), &people) {
            self.push(facts, EntityKind::Initiative, hit.span, hit.label, hit.alts);
        }
        self.appointments(a, context, facts);
    }

    /// The person a caption on the next line is about: the one this line
    /// names and nothing else (嘎拉巴特尔: / 成家德), or whose caption this
    /// line already is (a caption of two lines).
    fn alone(&self, a: &Analysed, facts: &ArticleFacts) -> Option<usize> {
        let only = match (self.locals.as_slice(), self.global.as_slice()) {
            ([only], [g]) if only.kind == EntityKind::Person => {
                let rest = a.chars[..only.span.start]
                    .iter()
                    .chain(&a.chars[only.span.end..]);
                rest.clone()
                    .all(|c| [':', '：', ' '].contains(c))
                    .then_some(*g)
                    .filter(|&g| facts.mentions[g].kind == EntityKind::Person)
            }
            _ => None,
        };
        only.or(self.caption_of)
    }

    /// People credited in a byline or page furniture.
    fn credits(&mut self, a: &Analysed, facts: &mut ArticleFacts) {
        for credit in &a.credits {
            let i = self.push(
                facts,
                EntityKind::Person,
                credit.span,
                credit.name.clone(),
                Vec::new(),
            );
            if credit.author {
                facts.authors.push(self.global[i]);
            }
        }
    }

    /// 大东区委 names the organ of 大东区: the area is mentioned too.
    fn organ_area(&mut self, facts: &mut ArticleFacts, org: &org::OrgHit) {
        let Some(stem) = org.label.strip_suffix('委') else {
            return;
        };
        if let Some((label, kind)) = known_area(stem) {
            if !self
                .locals
                .iter()
                .any(|l| l.span.overlaps(&org.span) && matches!(l.kind, EntityKind::Area(_)))
            {
                let span = Span::new(org.span.start, org.span.end - 1);
                self.push(facts, EntityKind::Area(kind), span, label, Vec::new());
            }
        }
    }

    fn appointments(&mut self, a: &Analysed, context: &Context, facts: &mut ArticleFacts) {
        let Context {
            focus,
            has_byline,
            named_above,
            ..
        } = *context;
        for found in appointment::find_appointments(&a.chars, &self.locals, has_byline) {
            let person = match found.person {
                Holder::Mention(p) => self.global[p],
                Holder::Author => match facts.authors.first() {
                    Some(&author) => author,
                    None => continue,
                },
                Holder::NamedAbove => match named_above {
                    Some(person) => {
                        self.caption_of = Some(person);
                        person
                    }
                    None => continue,
                },
            };
            let unit = match found.unit {
                Unit::Mention(u) => self.global[u],
                Unit::Generic(word) => match focus.resolve_level_word(&word, found.span.start) {
                    Some((label, kind)) => {
                        let local =
                            self.push(facts, EntityKind::Area(kind), found.span, label, Vec::new());
                        self.global[local]
                    }
                    None => continue,
                },
            };
            facts.appointments.push(crate::model::Appointment {
                person,
                role: found.role,
                unit,
                evidence: self.evidence(found.span),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn appointments(text: &str) -> Vec<(String, String, String)> {
        let facts = extract(text);
        facts
            .appointments
            .iter()
            .map(|a| {
                let label = |i: usize| facts.mentions[i].label.clone();
                (label(a.person), a.role.clone(), label(a.unit))
            })
            .collect()
    }

    #[test]
    fn a_caption_under_a_name_gives_its_posts() {
        let found = appointments("王明山\n青山小区党委书记\n我们小区的事有人管了。");
        assert_eq!(
            found,
            [("王明山".into(), "书记".into(), "青山小区党委".into())]
        );
        let found =
            appointments("书记王明山说。\n王明山:\n青山镇党委副书记\n青山镇石水村第一书记\n");
        assert_eq!(found.len(), 2, "{found:?}");
        // A caption under another line is no one's.
        assert!(appointments("他说得好\n青山小区党委书记\n").is_empty());
    }

    #[test]
    fn a_generic_organ_takes_the_city_the_gazetteer_places_the_district_in() {
        let found = appointments("海棠区开展活动。市委副书记尚林出席。");
        assert!(
            found.iter().any(|(p, _, u)| p == "尚林" && u == "三亚市委"),
            "{found:?}"
        );
    }

    /// The organizations extracted from `text`, in order.
    fn org_labels(text: &str) -> Vec<String> {
        extract(text)
            .mentions
            .into_iter()
            .filter(|m| m.kind == EntityKind::Organization)
            .map(|m| m.label)
            .collect()
    }

    #[test]
    fn a_bare_level_word_before_an_organ_takes_the_area_in_focus() {
        let orgs = org_labels("王泽勇在水井村担任第一书记。他为村党支部量身制定了手册。");
        assert_eq!(orgs, ["水井村党支部"]);
    }

    #[test]
    fn a_bare_level_word_takes_the_area_its_own_sentence_names_after_it() {
        let orgs =
            org_labels("青山小区环境优美。作为小区业委会副主任,居住在翰林苑小区的刘某带头捐款。");
        assert_eq!(orgs, ["翰林苑小区业委会"]);
    }

    #[test]
    fn an_owners_committee_is_the_compound_named_before_it_in_its_sentence() {
        let orgs = org_labels("日前,青山小区召开业主代表大会,选举产生业主委员会成员。");
        assert_eq!(orgs, ["青山小区业主委员会"]);
        // Not one named in another sentence, nor one kind of body among others.
        assert!(org_labels("青山小区很美。选举产生业委会成员。").is_empty());
        assert!(org_labels("青山小区由党员、业委会、物业共同组成服务队。").is_empty());
    }

    #[test]
    fn places_listed_side_by_side_set_no_focus() {
        let orgs =
            org_labels("南宁市召开培训会。来自柳州市、桂林市的干部参加。市委组织部负责人出席。");
        assert_eq!(orgs, ["南宁市委组织部"]);
    }

    /// Asserts that `text` gives `person` a post in `unit`, with `role`
    /// when one is given.
    fn assert_holds(text: &str, person: &str, role: Option<&str>, unit: &str) {
        let found = appointments(text);
        assert!(
            found
                .iter()
                .any(|(p, r, u)| p == person && role.is_none_or(|role| r == role) && u == unit),
            "{text}: {person} {role:?} @ {unit} not in {found:?}"
        );
    }

    #[test]
    fn a_residents_committee_after_a_post_is_the_community_s() {
        assert_holds(
            "青山区石门社区党支部书记、居委会主任王丽出席。",
            "王丽",
            Some("主任"),
            "石门社区居委会",
        );
        assert_holds(
            "平安村党支部书记、村委会主任李强出席。",
            "李强",
            None,
            "平安村村委会",
        );
    }

    #[test]
    fn a_name_before_is_and_a_post_of_a_named_unit_holds_it() {
        assert_holds(
            "现年45岁的刘长河是石门村党支部书记,他带领村民致富。",
            "刘长河",
            Some("书记"),
            "石门村党支部",
        );
    }

    #[test]
    fn a_clause_opened_by_as_gives_the_post_of_the_name_after_it() {
        for text in [
            "作为石门村党支部书记,刘洋每天都在村里奔走。",
            "身为石门村党支部书记的刘洋,把村民的事放在心上。",
        ] {
            assert_holds(text, "刘洋", Some("书记"), "石门村党支部");
        }
    }

    #[test]
    fn a_name_that_went_to_a_place_to_hold_a_post_holds_it() {
        for (text, name) in [
            ("2018年3月,王伟到大湾村担任第一书记。", "王伟"),
            ("省财政厅选派干部陈晓东到大湾村任第一书记。", "陈晓东"),
            // Sent there, in the passive (被选派到).
            ("2018年,王伟被选派到岭南镇大湾村担任第一书记。", "王伟"),
            ("王伟被派驻到大湾村任第一书记。", "王伟"),
        ] {
            assert_holds(text, name, Some("第一书记"), "大湾村");
        }
    }

    #[test]
    fn a_profile_an_aside_or_an_adverb_between_name_and_post() {
        for (text, role, unit) in [
            (
                "王丽,中共党员,现任石门村党支部书记。",
                "书记",
                "石门村党支部",
            ),
            ("王丽,汉族,现任石门村党支部书记。", "书记", "石门村党支部"),
            (
                "王丽(女,1980年生)是石门村党支部书记。",
                "书记",
                "石门村党支部",
            ),
            (
                "王丽先后担任石门村村委会主任、党支部书记。",
                "主任",
                "石门村村委会",
            ),
        ] {
            assert_holds(text, "王丽", Some(role), unit);
        }
        // A second clause's name, its verb and a post of the level's organ,
        // where jieba glued the verb to the name (方志|贤任|村委会主任).
        let text = "叶丽任青山村党支部书记,方志贤任村委会主任。";
        assert_holds(text, "方志贤", Some("主任"), "青山村村委会");
        // 同志 between a name jieba does not know and the verb.
        let text = "经研究,顾娇依同志任石门村党支部书记。";
        assert_holds(text, "顾娇依", Some("书记"), "石门村党支部");
        // A name inside brackets is a byline's, not the subject.
        let facts = extract("(记者 王丽)担任石门村党支部书记的刘强说。");
        assert!(
            facts
                .appointments
                .iter()
                .all(|a| facts.mentions[a.person].label != "王丽"),
            "{:?}",
            facts.appointments
        );
    }

    #[test]
    fn a_title_with_no_unit_is_of_the_team_the_sentence_set_up() {
        let text = "东关社区成立了“红马甲”志愿服务队,王丽担任队长,张强担任副队长。";
        assert_holds(text, "王丽", Some("队长"), "红马甲志愿服务队");
        assert_holds(text, "张强", Some("副队长"), "红马甲志愿服务队");
    }

    #[test]
    fn a_post_of_a_unit_written_with_its_chain_or_tenure_is_held() {
        for (text, role, unit) in [
            (
                "王丽现任秦州区东关街道党工委书记。",
                "书记",
                "东关街道党工委",
            ),
            ("2016年,王丽接任东关社区党委书记。", "书记", "东关社区党委"),
            ("东关社区原党委书记王丽退休了。", "书记", "东关社区党委"),
            ("原青山村党支部书记王丽说。", "书记", "青山村党支部"),
            ("王丽是秦州区东关街道的一名网格员。", "网格员", "东关街道"),
        ] {
            assert_holds(text, "王丽", Some(role), unit);
        }
    }

    #[test]
    fn every_verb_of_posts_names_its_holder() {
        for (text, name, unit) in [
            (
                "去年,李红梅当选石门村党支部书记。",
                "李红梅",
                "石门村党支部",
            ),
            ("2020年,刘志勇出任石门乡党委书记。", "刘志勇", "石门乡党委"),
            (
                "孙晓梅,女,1978年出生,现任石门村党支部书记。",
                "孙晓梅",
                "石门村党支部",
            ),
            (
                "李晓东于2019年当选石门村党支部书记。",
                "李晓东",
                "石门村党支部",
            ),
            (
                "时任石门村党支部书记的刘德福带头修路。",
                "刘德福",
                "石门村党支部",
            ),
            (
                "现为石门村党支部书记的王志明曾在外地打工。",
                "王志明",
                "石门村党支部",
            ),
        ] {
            assert_holds(text, name, Some("书记"), unit);
        }
    }

    #[test]
    fn an_area_named_in_a_chain_is_one_where_the_text_writes_it_again() {
        let text = "遵义市汇川区高坪街道团结村召开村民大会。团结村党支部书记杨正华说,变化很大。";
        let facts = extract(text);
        let villages = facts
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Area(AreaKind::Village) && m.label == "团结村")
            .count();
        assert_eq!(villages, 2, "{:?}", facts.mentions);
        assert_holds(text, "杨正华", Some("书记"), "团结村党支部");
    }

    #[test]
    fn a_level_s_organ_after_a_preposition_or_conjunction_is_completed() {
        let orgs = org_labels("于都县开展活动。记者从县民政局获悉,县委组织部和县人社局联合发文。");
        for org in ["于都县民政局", "于都县委组织部", "于都县人社局"] {
            assert!(orgs.iter().any(|o| o == org), "{org} not in {orgs:?}");
        }
        assert!(
            orgs.iter().all(|o| !o.contains('从') && !o.contains('和')),
            "{orgs:?}"
        );
    }

    #[test]
    fn posts_joined_by_concurrently_are_each_held() {
        let text = "石门村党支部书记兼村委会主任王志明说。";
        assert_holds(text, "王志明", Some("书记"), "石门村党支部");
        assert_holds(text, "王志明", Some("主任"), "石门村村委会");
    }

    #[test]
    fn a_profile_and_a_title_that_names_its_level() {
        assert_holds(
            "王丽,女,1980年出生,现任石门村党支部书记。",
            "王丽",
            None,
            "石门村党支部",
        );
        assert_holds(
            "石门乡党委副书记、乡长汪洋主持会议。",
            "汪洋",
            Some("乡长"),
            "石门乡",
        );
    }

    #[test]
    fn a_post_naming_its_level_in_a_list_is_of_that_level() {
        let text = "地苏镇大定村党支部书记蓝文、村委会主任韦强、驻村第一书记黄海波参加会议。驻村工作队员潘军入户走访。";
        for (person, role) in [("黄海波", "驻村第一书记"), ("潘军", "驻村工作队员")]
        {
            assert_holds(text, person, Some(role), "大定村");
        }
    }

    #[test]
    fn listed_names_with_their_posts_in_brackets() {
        let text = "获得表彰的有:王强(青山村党支部书记)、李明(红星社区党委书记)。";
        for (person, unit) in [("王强", "青山村党支部"), ("李明", "红星社区党委")] {
            assert_holds(text, person, Some("书记"), unit);
        }
    }

    #[test]
    fn the_subject_of_a_feature_is_a_name_without_a_cue() {
        let facts = extract("每天早上五点半，张丽就起床了。张丽也顾不上吃饭。");
        assert!(facts.mentions.iter().any(|m| m.label == "张丽"));
    }

    #[test]
    fn a_name_alone_among_fragments_signs_nothing() {
        let labels = |facts: &ArticleFacts| -> Vec<String> {
            facts
                .authors
                .iter()
                .map(|&a| facts.mentions[a].label.clone())
                .collect()
        };
        let cloud = extract("社区\n党工委\n徐家\n建设\n走访");
        assert!(labels(&cloud).is_empty());
        let speaker = extract("我们的小区党委成立以后，大事有人管了。\n王绪众\n长盛小区居民");
        assert!(labels(&speaker).is_empty());
        assert!(speaker.mentions.iter().any(|m| m.label == "王绪众"));
        let signed = extract("社区干部走访了困难群众，帮助他们解决了实际问题。\n马博");
        assert_eq!(labels(&signed), ["马博"]);
    }

    #[test]
    fn a_name_cued_once_is_a_name_later() {
        let facts = extract("驻村第一书记杨志强介绍情况。后来杨志强离开了。");
        let times = facts
            .mentions
            .iter()
            .filter(|m| m.label == "杨志强")
            .count();
        assert_eq!(times, 2);
    }
}
