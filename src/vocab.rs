//! Every IRI cadre-kg writes, in one place.
//!
//! The public contract (`ck:` classes and properties that analysts and the
//! scorer rely on) is described in `ontology/cadre-kg.ttl`; a test checks
//! that each term here is declared there.

use crate::model::{AreaKind, DatePrecision, EntityKind, RelationKind};

/// The ontology namespace, `ck:`.
pub const CK: &str = "https://w3id.org/cadre-kg/ontology#";
/// Where entity, article and mention IRIs live.
pub const ID: &str = "https://w3id.org/cadre-kg/id/";
/// The named graph holding the ontology itself.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/cadre-kg/ontology";
/// The named graph holding the results of `cadre-kg analyze`; its IRI is
/// also the `ck:Analysis` that records the parameters used.
pub const ANALYTICS_GRAPH: &str = "https://w3id.org/cadre-kg/id/graph/analytics";
/// The named graph of the official divisions the articles' areas are
/// linked to: codes, official names, classes and `ck:locatedIn` up to the
/// province. Derived from the gazetteer, attributed to no article.
pub const GAZETTEER_GRAPH: &str = "https://w3id.org/cadre-kg/id/graph/gazetteer";
/// The named graph holding every statement about an entity that an
/// article graph or the gazetteer graph makes, each once: what is known,
/// for queries that do not ask who said it.
pub const FACTS_GRAPH: &str = "https://w3id.org/cadre-kg/id/graph/facts";
/// The named graph holding every statement an article graph makes about
/// its article (class, file, hash, byline, date), each once.
pub const ARTICLES_GRAPH: &str = "https://w3id.org/cadre-kg/id/graph/articles";

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
pub const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
pub const XSD_G_YEAR_MONTH: &str = "http://www.w3.org/2001/XMLSchema#gYearMonth";
pub const XSD_G_YEAR: &str = "http://www.w3.org/2001/XMLSchema#gYear";
/// The article's publication date (the evaluation kit's public term).
pub const SCHEMA_DATE_PUBLISHED: &str = "https://schema.org/datePublished";

/// A `ck:` term by local name.
macro_rules! ck_terms {
    ($($name:ident = $local:literal;)*) => {
        $(pub const $name: &str = concat!("https://w3id.org/cadre-kg/ontology#", $local);)*
        /// Every `ck:` local name used by the code (checked against the ontology).
        pub const CK_LOCAL_NAMES: &[&str] = &[$($local),*];
    };
}

ck_terms! {
    ARTICLE = "Article";
    PERSON = "Person";
    ORGANIZATION = "Organization";
    INITIATIVE = "Initiative";
    ROLE = "Role";
    APPOINTMENT = "Appointment";
    PLACE = "Place";
    ADMINISTRATIVE_AREA = "AdministrativeArea";
    PROVINCE = "Province";
    CITY = "City";
    DISTRICT = "District";
    COUNTY = "County";
    BANNER = "Banner";
    SUBDISTRICT = "Subdistrict";
    TOWN = "Town";
    TOWNSHIP = "Township";
    COMMUNITY = "Community";
    VILLAGE = "Village";
    RESIDENTIAL_COMPOUND = "ResidentialCompound";
    SENTENCE = "Sentence";
    SOURCE_FILE = "sourceFile";
    CONTENT_HASH = "contentHash";
    AUTHOR = "author";
    LOCATED_IN = "locatedIn";
    DIVISION_CODE = "divisionCode";
    PERSON_PROP = "person";
    ROLE_PROP = "role";
    UNIT = "unit";
    MENTIONS = "mentions";
    START = "start";
    END = "end";
    TEXT = "text";
    EVIDENCE = "evidence";
    DATE_EVIDENCE = "dateEvidence";
    ORGANIZER = "organizer";
    PARTICIPANT = "participant";
    ANALYSIS = "Analysis";
    DEGREE = "degree";
    PAGE_RANK = "pageRank";
    BETWEENNESS = "betweenness";
    COMPONENT = "component";
    COMMUNITY_PROP = "community";
    DAMPING_FACTOR = "dampingFactor";
    CO_MENTION_WEIGHT = "coMentionWeight";
    CONVERGENCE_TOLERANCE = "convergenceTolerance";
    BETWEENNESS_SAMPLES = "betweennessSamples";
    RANDOM_SEED = "randomSeed";
    RESOLUTION = "resolution";
    PROJECTION = "projection";
    NODE_COUNT = "nodeCount";
    EDGE_COUNT = "edgeCount";
    MODULARITY = "modularity";
}

/// The class IRI of an entity kind.
pub fn class_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => PERSON,
        EntityKind::Organization => ORGANIZATION,
        EntityKind::Initiative => INITIATIVE,
        EntityKind::Area(area) => area_class(area),
    }
}

/// The property a relation is written with, and the class of its
/// subjects (which tells an organization's `ck:locatedIn` from an area's).
pub fn relation_term(kind: RelationKind) -> (&'static str, &'static str) {
    match kind {
        RelationKind::OrgInArea => (LOCATED_IN, ORGANIZATION),
        RelationKind::Organizer => (ORGANIZER, INITIATIVE),
        RelationKind::Participant => (PARTICIPANT, INITIATIVE),
    }
}

/// The datatype of a date at its precision.
pub fn date_datatype(precision: DatePrecision) -> &'static str {
    match precision {
        DatePrecision::Day => XSD_DATE,
        DatePrecision::Month => XSD_G_YEAR_MONTH,
        DatePrecision::Year => XSD_G_YEAR,
    }
}

fn area_class(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Province => PROVINCE,
        AreaKind::City => CITY,
        AreaKind::District => DISTRICT,
        AreaKind::County => COUNTY,
        AreaKind::Banner => BANNER,
        AreaKind::Subdistrict => SUBDISTRICT,
        AreaKind::Town => TOWN,
        AreaKind::Township => TOWNSHIP,
        AreaKind::Community => COMMUNITY,
        AreaKind::Village => VILLAGE,
        AreaKind::ResidentialCompound => RESIDENTIAL_COMPOUND,
    }
}

/// An IRI under `ID` from path segments; each segment is escaped so that
/// any label makes a valid, readable IRI (Chinese stays as it is).
pub fn id_iri(segments: &[&str]) -> String {
    let mut iri = String::from(ID);
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            iri.push('/');
        }
        escape_segment(segment, &mut iri);
    }
    iri
}

fn escape_segment(segment: &str, out: &mut String) {
    for c in segment.chars() {
        if c.is_alphanumeric() || "-_.~".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_escape_what_iris_cannot_hold() {
        assert_eq!(
            id_iri(&["area", "沈阳市"]),
            "https://w3id.org/cadre-kg/id/area/沈阳市"
        );
        assert_eq!(
            id_iri(&["article", "a b/c.txt"]),
            "https://w3id.org/cadre-kg/id/article/a%20b%2Fc.txt"
        );
    }

    #[test]
    fn every_term_is_declared_in_the_ontology() {
        let ontology = include_str!("../ontology/cadre-kg.ttl");
        for local in CK_LOCAL_NAMES {
            assert!(
                ontology.contains(&format!("ck:{local} ")),
                "ck:{local} is not in ontology/cadre-kg.ttl"
            );
        }
    }
}
