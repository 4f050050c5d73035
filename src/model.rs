//! Facts and their evidence: plain data types shared by every stage.
//!
//! Nothing here does I/O or knows about RDF. Offsets are `char` indices into
//! the *normalised* text of an article unless a field says otherwise.

use serde::Serialize;

/// A half-open range of `char` indices `[start, end)` in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Where a fact was read: the sentence (by index into `Article::sentences`)
/// and the exact span of the words that state it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Evidence {
    pub sentence: usize,
    pub span: Span,
}

/// The level of an administrative area, named after the unit's own suffix
/// (the annotation guide's "kind").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AreaKind {
    /// 省, 自治区
    Province,
    /// 市 (prefecture or county level), 盟, 自治州
    City,
    /// 区, 新区
    District,
    /// 县, 自治县
    County,
    /// 旗, 自治旗
    Banner,
    /// 街道
    Subdistrict,
    /// 镇
    Town,
    /// 乡, 民族乡, 苏木
    Township,
    /// 社区, 居委会
    Community,
    /// 村, 嘎查
    Village,
    /// 小区
    ResidentialCompound,
}

impl AreaKind {
    /// Rank in the hierarchy: a containing area has a strictly smaller rank.
    pub fn rank(self) -> u8 {
        match self {
            AreaKind::Province => 0,
            AreaKind::City => 1,
            AreaKind::District | AreaKind::County | AreaKind::Banner => 2,
            AreaKind::Subdistrict | AreaKind::Town | AreaKind::Township => 3,
            AreaKind::Community | AreaKind::Village => 4,
            AreaKind::ResidentialCompound => 5,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            AreaKind::Province => "Province",
            AreaKind::City => "City",
            AreaKind::District => "District",
            AreaKind::County => "County",
            AreaKind::Banner => "Banner",
            AreaKind::Subdistrict => "Subdistrict",
            AreaKind::Town => "Town",
            AreaKind::Township => "Township",
            AreaKind::Community => "Community",
            AreaKind::Village => "Village",
            AreaKind::ResidentialCompound => "ResidentialCompound",
        }
    }
}

/// What kind of thing an entity mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityKind {
    Person,
    Area(AreaKind),
    Organization,
    Initiative,
}

/// One mention of a named thing in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub kind: EntityKind,
    /// The canonical label (simplified Chinese, full name where certain).
    pub label: String,
    /// Other names for the same thing seen in this mention (short forms).
    pub alt_labels: Vec<String>,
    pub evidence: Evidence,
}

/// A post held by a person: 第一书记 of 松泉社区.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appointment {
    /// Index into `ArticleFacts::mentions` of the person.
    pub person: usize,
    /// The post title as written (第一书记, “大党委”助理员).
    pub role: String,
    /// Index into `ArticleFacts::mentions` of the area or organization.
    pub unit: usize,
    pub evidence: Evidence,
}

/// `child` lies inside `parent`, both indices into `ArticleFacts::mentions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Containment {
    pub child: usize,
    pub parent: usize,
    pub evidence: Evidence,
}

/// A kind of relation between two entities of an article, read from one
/// sentence. Adding a kind here (with its name) is most of the path for a
/// new relation: `link`, `rdf`, the build report and the analytics edge
/// kinds handle every kind alike (see ARCHITECTURE.md, "adding a kind of
/// fact").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum RelationKind {
    /// organization → the area it belongs to or is an organ of
    /// (锦州市委组织部 → 锦州市).
    OrgInArea,
    /// initiative → the area or organization that launches, runs or
    /// promotes it (大东区 开展 “共产党员先锋岗”).
    Organizer,
    /// initiative → a person or organization carrying it out or taking
    /// part (王光宇 带领 … 开展 “健康沈阳进社区”).
    Participant,
}

impl RelationKind {
    pub const ALL: [RelationKind; 3] = [
        RelationKind::OrgInArea,
        RelationKind::Organizer,
        RelationKind::Participant,
    ];

    /// The name in reports, exports and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::OrgInArea => "org-in-area",
            RelationKind::Organizer => "organizer",
            RelationKind::Participant => "participant",
        }
    }
}

/// `subject` stands in relation `kind` to `object`, both indices into
/// `ArticleFacts::mentions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub kind: RelationKind,
    pub subject: usize,
    pub object: usize,
    pub evidence: Evidence,
}

/// An organization's area that the article implies without naming it as
/// an area: the place its name starts with (山西日报 → 山西省), or the area
/// its level word stands for where the article names only lower ones
/// (省委组织部 in an article about 太原市 → 山西省). Linking turns it into an
/// `OrgInArea` relation to the official division when the gazetteer and
/// the article's places settle which one it is; it is never an area
/// mention of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImpliedArea {
    /// Index into `ArticleFacts::mentions` of the organization.
    pub org: usize,
    /// The area's official name as the gazetteer gives it.
    pub name: String,
    pub kind: AreaKind,
    /// Whether the organization's name writes that official name in full
    /// (尖草坪区委宣传部), not a short form (山西日报, 中山大学).
    pub in_full: bool,
    pub evidence: Evidence,
}

/// The date an article gives as its own publication date (page header,
/// dateline, source line), at the precision the text gives: a month
/// only with a year, a day only with a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PublicationDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub evidence: Evidence,
}

/// How precise a date is, from day to year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

impl PublicationDate {
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// `2022-07-25`, `2022-07` or `2022`: the lexical form of `xsd:date`,
    /// `xsd:gYearMonth` or `xsd:gYear`.
    pub fn lexical(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// A sentence of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub text: String,
}

/// Everything extraction found in one article: the contract between
/// `extract` and `link`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleFacts {
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub appointments: Vec<Appointment>,
    pub containments: Vec<Containment>,
    /// Indices into `mentions` of the people in the byline or signature.
    pub authors: Vec<usize>,
    /// Sentences too long for the recognisers, cut into pieces.
    #[serde(skip_serializing_if = "is_zero")]
    pub cut_sentences: usize,
    pub published: Option<PublicationDate>,
    pub relations: Vec<Relation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implied_areas: Vec<ImpliedArea>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ArticleFacts {
    /// Adds a mention and returns its index.
    pub fn push_mention(&mut self, mention: Mention) -> usize {
        self.mentions.push(mention);
        self.mentions.len() - 1
    }
}
