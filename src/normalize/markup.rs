//! Strips HTML from web pages saved as `.txt`: tags, comments, character
//! entities, and the content of `<script>` and `<style>`; a tag that ends
//! a block (`</p>`, `<br>`, `</div>`…) becomes a line break, so paragraphs
//! stay apart. Only text holding a tag that articles never write as text
//! (`<p>`, `<br`, `<div`, `<html`…) is touched, so a `<` in an article stays.

use super::Tracked;
use memchr::{memchr, memchr_iter};
use std::ops::Range;

/// Tags whose presence makes a text a page, and that end a block.
const BLOCK_TAGS: &[&str] = &[
    "p", "br", "div", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "title", "table", "ul",
    "ol", "section", "article", "html", "body", "head",
];

/// Elements whose content is not text.
const HIDDEN: &[&str] = &["script", "style"];

/// What to do with a piece of markup.
struct Markup {
    bytes: Range<usize>,
    /// Ends a block: replaced by a line break.
    breaks: bool,
}

pub(crate) fn strip_markup(input: Tracked) -> Tracked {
    let text: &str = &input.text;
    if !looks_like_html(text) {
        return input;
    }
    let mut out = Tracked::with_capacity(text.len());
    let (mut byte, mut char) = (0, 0);
    for markup in markup(text) {
        let kept = text[byte..markup.bytes.start].chars().count();
        out.copy(&input, byte..markup.bytes.start, char..char + kept);
        char += kept;
        if markup.breaks {
            out.push('\n', input.origin.at(char));
        }
        char += text[markup.bytes.clone()].chars().count();
        byte = markup.bytes.end;
    }
    let rest = text[byte..].chars().count();
    out.copy(&input, byte..text.len(), char..char + rest);
    out
}

/// The name of the tag starting at `at` (after `<` or `</`), lowercased,
/// if it is one.
fn tag_name(bytes: &[u8], at: usize) -> Option<String> {
    let start = at + 1 + usize::from(bytes.get(at + 1) == Some(&b'/'));
    let len = bytes[start.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let next = bytes.get(start + len).copied();
    (len > 0 && matches!(next, Some(b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r')))
        .then(|| String::from_utf8_lossy(&bytes[start..start + len]).to_ascii_lowercase())
}

fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr_iter(b'<', bytes)
        .any(|at| tag_name(bytes, at).is_some_and(|name| BLOCK_TAGS.contains(&name.as_str())))
}

/// Every piece of markup in `text`, in order, not overlapping.
fn markup(text: &str) -> Vec<Markup> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let end = if bytes[i..].starts_with(b"<!--") {
            memchr::memmem::find(&bytes[i..], b"-->").map(|e| i + e + 3)
        } else {
            tag_end(bytes, i)
        };
        let Some(mut end) = end else {
            at = i + 1;
            continue;
        };
        let name = tag_name(bytes, i).unwrap_or_default();
        let closing = bytes.get(i + 1) == Some(&b'/');
        if !closing && HIDDEN.contains(&name.as_str()) {
            end = closing_tag(bytes, end, &name).unwrap_or(bytes.len());
        }
        found.push(Markup {
            bytes: i..end,
            breaks: BLOCK_TAGS.contains(&name.as_str()) && (closing || name == "br"),
        });
        at = end;
    }
    with_entities(text, found)
}

/// The end of the tag opening at `i` (after its `>`), if `<` starts one.
fn tag_end(bytes: &[u8], i: usize) -> Option<usize> {
    let next = *bytes.get(i + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let len = bytes[i + 1..]
        .iter()
        .position(|&b| b == b'>' || b == b'<')?;
    (bytes[i + 1 + len] == b'>').then_some(i + 2 + len)
}

/// The end of the `</name>` that closes a hidden element from `from`.
fn closing_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    memchr::memmem::find_iter(&bytes[from..], b"</")
        .map(|at| from + at)
        .find(|&at| tag_name(bytes, at).as_deref() == Some(name))
        .and_then(|at| tag_end(bytes, at))
}

/// Adds the character entities (`&nbsp;`, `&gt;`, `&#8212;`) outside the
/// markup already found.
fn with_entities(text: &str, markup: Vec<Markup>) -> Vec<Markup> {
    let bytes = text.as_bytes();
    let mut all = Vec::with_capacity(markup.len());
    let mut from = 0;
    for m in markup.into_iter().chain(std::iter::once(Markup {
        bytes: bytes.len()..bytes.len(),
        breaks: false,
    })) {
        for amp in memchr_iter(b'&', &bytes[from..m.bytes.start]).map(|a| from + a) {
            let len = bytes[amp + 1..m.bytes.start]
                .iter()
                .take(10)
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
                .count();
            if len > 0 && bytes.get(amp + 1 + len) == Some(&b';') {
                let entity = amp..amp + len + 2;
                if all
                    .last()
                    .is_none_or(|l: &Markup| l.bytes.end <= entity.start)
                {
                    all.push(Markup {
                        bytes: entity,
                        breaks: false,
                    });
                }
            }
        }
        from = m.bytes.end;
        if !m.bytes.is_empty() {
            all.push(m);
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::super::normalize;

    #[test]
    fn pages_lose_their_markup_and_keep_their_paragraphs() {
        let page = "<html><head><title>新闻</title><style>p { color: red }</style>\
            <script>var s = \"<p>社区</p>\";</script></head><body>\
            <p class=\"a\">沈阳市&nbsp;沈河区</p><!-- 注释 --><p>万莲街道<br/>松泉社区</p></body></html>";
        let n = normalize(page);
        let lines: Vec<&str> = n.text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, ["新闻", "沈阳市沈河区", "万莲街道", "松泉社区"]);
        let at = n.text.find("沈河区").unwrap();
        let i = n.text[..at].chars().count();
        let original = n.original_offset(i);
        assert_eq!(
            page.chars().skip(original).take(3).collect::<String>(),
            "沈河区"
        );
    }

    #[test]
    fn text_without_page_tags_is_untouched() {
        for text in ["人数<5的社区", "见<附件>与 &nbsp; 说明", "a<b>c"] {
            assert_eq!(normalize(text).text, text);
        }
    }
}
