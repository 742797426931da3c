//! What an HTML page states about itself, and the cascade that merges it.
//!
//! The HTML walk hands every element to a [`Collector`], which keeps what
//! each source says, unmerged: JSON-LD article objects, `<meta>` tags by
//! key, and in-page markup (`itemprop`, `<time datetime>`, `rel=author`).
//! [`Collector::finish`] then fills each field from the sources in a fixed
//! order, each source filling only what is still missing:
//!
//! 1. JSON-LD: the first `Article`-type object (`NewsArticle`,
//!    `BlogPosting`, … in `@graph`s and arrays too): `headline`,
//!    `author`, `datePublished`, `dateModified`, `publisher.name`;
//! 2. `<meta>` tags, by the priority lists in `rules::markup`
//!    (Dublin Core, Open Graph, `article:*`, `name=author|date…`);
//! 3. JSON-LD's weaker fields (`name`, `creator`, `dateCreated`);
//! 4. in-page markup: `itemprop`, `<time datetime>`, `rel=author`.
//!
//! The visible byline and dateline come after all of these, in `assemble`;
//! after them come the names in an element marked as the byline by its
//! class or id (`marked_authors`) and a date in the page's own address
//! (`<link rel=canonical>`, `og:url`).
//! This module reads; it does not judge whether a value is plausible beyond
//! dropping URLs and handles from author fields.

use html5ever::local_name;
use rustc_hash::FxHashMap;
use scraper::ElementRef;
use serde_json::Value;

use crate::block::{PageMeta, normalize_space};
use crate::classify::byline;
use crate::classify::date::Order;
use crate::frontend::prefilter;
use crate::rules::authors::{AUTHORS, NAME_PARTICLES, is_placeholder};
use crate::rules::markup::{
    ARTICLE_TYPES, META_ADDRESS, META_AUTHOR, META_DESCRIPTION, META_LANGUAGE, META_PUBLISHED,
    META_SITE_NAME, META_STATED_TITLE, META_TITLE, META_UPDATED, NAMED_ENTITIES,
};

/// Everything the sources say, kept apart until [`Collector::finish`].
#[derive(Debug, Default)]
pub(crate) struct Collector {
    json_ld: PageMeta,
    json_ld_weak: PageMeta,
    meta: FxHashMap<String, Vec<String>>,
    in_page: PageMeta,
    title: Option<String>,
    language: Option<String>,
    canonical: Option<String>,
    marked_authors: Vec<String>,
}

impl Collector {
    /// Reads what one element states about the page. `itemprop` is the
    /// element's `itemprop` attribute and `hidden` whether it is hidden,
    /// both already read by the walk. The text of a hidden element is not
    /// on the page: it names no author (a `display:none` authorship link
    /// often names the platform).
    pub(crate) fn read(&mut self, element: ElementRef, itemprop: Option<&str>, hidden: bool) {
        let el = element.value();
        let local = &el.name.local;
        if *local == local_name!("html") {
            if self.language.is_none() {
                self.language = el.attr("lang").or(el.attr("xml:lang")).and_then(clean);
            }
        } else if *local == local_name!("title") {
            if self.title.is_none() {
                self.title = clean(&element.text().collect::<String>());
            }
        } else if *local == local_name!("meta") {
            self.read_meta(el);
        } else if *local == local_name!("script") {
            let typed = el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            let json: String = element.text().collect();
            if typed || prefilter::opens_json_ld(json.as_bytes()) {
                read_json_ld(&json, &mut self.json_ld, &mut self.json_ld_weak, self.title.as_deref());
            }
        } else if *local == local_name!("time") {
            if let Some(when) = el.attr("datetime") {
                let is_published =
                    el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || el.attr("pubdate").is_some();
                if is_published || self.in_page.published.is_none() {
                    fill(&mut self.in_page.published, when);
                }
            }
        } else if *local == local_name!("link")
            && self.canonical.is_none()
            && el
                .attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("canonical")))
        {
            self.canonical = el.attr("href").and_then(clean);
        } else if (*local == local_name!("a") || *local == local_name!("link"))
            && el.attr("rel").is_some_and(|r| r.split_whitespace().any(|t| t == "author"))
        {
            let text = element.text().collect::<String>();
            if *local == local_name!("a") && !hidden && !reads_as_link_label(&text) {
                push_author(&mut self.in_page.authors, &text);
            }
        } else if let Some(prop) = itemprop {
            self.read_itemprop(element, prop, hidden);
        }
    }

    /// Whether an element marked as the byline is still wanted: the first
    /// one that names someone is kept.
    pub(crate) fn wants_marked_author(&self) -> bool {
        self.marked_authors.is_empty()
    }

    /// Reads the names in an element whose class or id marks the byline.
    pub(crate) fn read_marked_author(&mut self, element: ElementRef) {
        let text = normalize_space(&element.text().collect::<String>());
        if text.is_empty() || text.chars().count() > MAX_MARKED_BYLINE_CHARS {
            return;
        }
        let names = match byline::after_cue(&text) {
            Some(rest) if !rest.is_empty() => byline::authors(&text, true, Order::MonthFirst),
            _ => byline::authors(&text, false, Order::MonthFirst),
        };
        // The markup vouches for the place, not the words: only a plain
        // person's name counts ("Text", "Donnerstag", "Photo from …" do not).
        for name in names.iter().filter(|name| byline::is_bare_name(name)) {
            push_author(&mut self.marked_authors, name);
        }
    }

    fn read_meta(&mut self, el: &scraper::node::Element) {
        let Some(content) = el.attr("content") else { return };
        let key = el.attr("property").or(el.attr("name")).or(el.attr("itemprop")).or(el.attr("http-equiv"));
        let Some(value) = clean(content) else { return };
        let Some(key) = key else { return };
        // RDFa lets one tag state several properties: property="dc:creator
        // twitter:site_name". A key with a stray space ("og: title") is
        // one key.
        let several = key.split_whitespace().count() > 1
            && key.split_whitespace().all(|k| k.len() > 3 && k.contains(':'));
        let keys: Vec<&str> = if several { key.split_whitespace().collect() } else { vec![key] };
        for key in keys.into_iter().map(meta_key).filter(|k| !k.is_empty()) {
            self.meta.entry(key).or_default().push(value.clone());
        }
    }

    fn read_itemprop(&mut self, element: ElementRef, prop: &str, hidden: bool) {
        let el = element.value();
        let value = || el.attr("content").or(el.attr("datetime")).map(str::to_string);
        match prop.to_ascii_lowercase().as_str() {
            "datepublished" => {
                if let Some(v) = value() {
                    fill(&mut self.in_page.published, &v);
                }
            }
            "datemodified" => {
                if let Some(v) = value() {
                    fill(&mut self.in_page.updated, &v);
                }
            }
            "author" | "creator" => {
                let name = match value() {
                    Some(name) => name,
                    None if hidden => return,
                    None => element.text().collect::<String>(),
                };
                push_author(&mut self.in_page.authors, &name);
            }
            _ => {}
        }
    }

    /// The first value of the first key in `keys` that the page has.
    fn meta_value(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.meta.get(*k).and_then(|v| v.first()).cloned())
    }

    /// The authors named by the first author key the page has.
    fn meta_authors(&self) -> Vec<String> {
        let mut authors = Vec::new();
        if let Some(values) = META_AUTHOR.iter().find_map(|k| self.meta.get(*k)) {
            for value in values {
                push_author(&mut authors, value);
            }
        }
        authors
    }

    /// Merges the sources in cascade order (see the module docs).
    pub(crate) fn finish(self) -> PageMeta {
        let from_meta = PageMeta {
            title: None,
            og_title: self.meta_value(META_STATED_TITLE),
            site_authors: Vec::new(),
            marked_authors: Vec::new(),
            headline: self.meta_value(META_TITLE),
            authors: self.meta_authors(),
            published: self.meta_value(META_PUBLISHED),
            updated: self.meta_value(META_UPDATED),
            description: self.meta_value(META_DESCRIPTION),
            site_name: self.meta_value(META_SITE_NAME),
            language: self.meta_value(META_LANGUAGE),
            address: self.meta_value(META_ADDRESS),
        };
        let from_meta_address = from_meta.address.clone();
        let from_meta_og_title = from_meta.og_title.clone();
        let mut meta = self.json_ld;
        for other in [from_meta, self.json_ld_weak, self.in_page] {
            meta.headline = meta.headline.or(other.headline);
            meta.published = meta.published.or(other.published);
            meta.updated = meta.updated.or(other.updated);
            meta.description = meta.description.or(other.description);
            meta.site_name = meta.site_name.or(other.site_name);
            meta.language = meta.language.or(other.language);
            if meta.authors.is_empty() {
                meta.authors = other.authors;
            }
        }
        meta.title = self.title;
        meta.og_title = from_meta_og_title;
        meta.marked_authors = self.marked_authors;
        meta.address = self.canonical.or(from_meta_address);
        meta.language = self.language.or(meta.language);
        let site = meta.site_name.as_deref().map(crate::block::lowercase);
        let (site_authors, authors): (Vec<String>, Vec<String>) = std::mem::take(&mut meta.authors)
            .into_iter()
            .filter(|name| !is_web_address(name))
            .partition(|name| site.as_deref() == Some(crate::block::lowercase(name).as_str()));
        meta.authors = authors;
        meta.site_authors = site_authors;
        meta
    }
}

/// A meta key as the priority lists spell it: lower case, no spaces, and
/// `.` between prefix and name read as `:` ("DC.creator" → "dc:creator").
fn meta_key(raw: &str) -> String {
    raw.trim().to_ascii_lowercase().replace(' ', "").replace('.', ":")
}

/// Whitespace collapsed, entities left encoded twice decoded (`&amp;#8222;`
/// in the source reaches us as `&#8222;`), a dangling separator dropped;
/// `None` when nothing is left.
fn clean(value: &str) -> Option<String> {
    let decoded = decode_entities(value);
    let text = normalize_space(&decoded);
    // "»" closes a quote in Swiss and French headlines: not a separator here.
    let text = text.trim_end_matches([' ', '|', '-', '–', '—', '·']).trim();
    Some(text.to_string()).filter(|v| !v.is_empty())
}

/// Decodes character references (`&#8222;`, `&#x00E4;`) and the common
/// named ones (`&quot;`, `&amp;`); anything else stays as written.
fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let name_end = rest[1..].find(';').filter(|&end| end <= MAX_ENTITY_NAME);
        match name_end.and_then(|end| entity(&rest[1..1 + end]).map(|c| (c, end))) {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 2..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Longest entity name looked up (`&#x0001F600;` has 9 characters).
const MAX_ENTITY_NAME: usize = 10;

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    NAMED_ENTITIES.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| NAMED_ENTITIES[i].1)
}

/// Sets `slot` to `value` (cleaned) if still empty.
fn fill(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = clean(value);
    }
}

/// An author field that is a web address ("tagesschau.de"), not a name.
fn is_web_address(name: &str) -> bool {
    let lower = crate::block::lowercase(name);
    lower.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',')).any(|word| {
        word.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        })
    })
}

/// Adds an author name unless it is a URL, a handle, empty or a repeat.
/// A cue inside the value is followed ("Zeige alle Beiträge von Petra
/// Ruland", "By Jane Doe", "ByJane Doe").
fn push_author(authors: &mut Vec<String>, raw: &str) {
    let Some(cleaned) = clean(raw) else { return };
    // "Jane Doe →", "» Jane Doe": arrows of the link around the name.
    let mut name = cleaned.trim_matches(|c: char| c.is_whitespace() || ARROWS.contains(&c));
    let opens_with_cue = byline::after_cue(name).is_some_and(|rest| !rest.is_empty());
    if let Some(rest) = byline::after_cue(name).filter(|rest| !rest.is_empty()) {
        name = rest;
    } else if let Some(last) = AUTHORS.inline_cue.find_iter(name).last() {
        // "Zeige alle Beiträge von Petra Ruland" — but not "Christoph von
        // Eichhorn": the words before the cue must not be a name's start.
        let before = &name[..last.start()];
        let rest = name[last.end()..].trim();
        let prose_before = before.split_whitespace().any(|w| w.starts_with(char::is_lowercase));
        if prose_before && byline::is_name(rest) {
            name = rest;
        }
    }
    // A whole byline in the field ("by Steven Musil January 18, 2017
    // 11:00 PM PST @stevenmusil"): read it as the text's bylines are read.
    let whole_byline =
        opens_with_cue && name.contains(|c: char| c.is_ascii_digit() || matches!(c, '@' | '|' | '•'));
    let names = if !whole_byline || byline::is_name(name) || !name.contains(char::is_whitespace) {
        vec![name.to_string()]
    } else {
        match byline::authors(name, true, Order::MonthFirst) {
            found if found.is_empty() => vec![name.to_string()],
            found => found,
        }
    };
    for name in names {
        // "Rob Picheta, CNN": the outlet after the name.
        let name = match name.rsplit_once(',') {
            Some((person, outlet))
                if is_outlet_code(outlet.trim()) && person.contains(char::is_whitespace) =>
            {
                person.trim().to_string()
            }
            _ => name,
        };
        let unusable = name.is_empty()
            || name.contains("://")
            || name.starts_with('@')
            || name.starts_with("www.")
            || name.len() > MAX_AUTHOR_BYTES
            || is_placeholder(&name);
        if !unusable && !authors.contains(&name) {
            authors.push(name);
        }
    }
}

/// Marks of a link that sit beside an author's name.
const ARROWS: &[char] = &['→', '←', '»', '«', '›', '‹', '>', '<'];

/// Text of an author link that is a label, not a name ("View my complete
/// profile", "alle Beiträge ansehen"): two or more words that start in
/// lower case and are not name particles.
fn reads_as_link_label(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase) && !NAME_PARTICLES.contains(w))
        .count()
        >= 2
}

/// An outlet's code after an author's name: "CNN", "AP", "BBC".
fn is_outlet_code(text: &str) -> bool {
    (2..=6).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// Longest text of an element marked as the byline that is read for
/// names (a longer one is an author box with a bio).
const MAX_MARKED_BYLINE_CHARS: usize = 80;

/// Longest author field kept (a paragraph in an author field is a bio).
const MAX_AUTHOR_BYTES: usize = 100;

/// Reads the article fields of a JSON-LD script: CDATA and comment wrappers
/// dropped, several values in a row accepted, arrays and `@graph` walked
/// without recursion. The first article object fills `strong`; its weaker
/// fields (`name`, `creator`, `dateCreated`) fill `weak`.
fn read_json_ld(json: &str, strong: &mut PageMeta, weak: &mut PageMeta, title: Option<&str>) {
    let body = unwrap_script(json);
    let values = serde_json::Deserializer::from_str(body).into_iter::<Value>();
    for root in values {
        let Ok(root) = root else { return };
        let mut stack: Vec<&Value> = vec![&root];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if is_article_type(map.get("@type")) {
                        read_article_object(map, strong, weak, title);
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    if let Some(main) = map.get("mainEntity").or(map.get("mainEntityOfPage")) {
                        if main.is_object() {
                            stack.push(main);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// Strips `<![CDATA[ … ]]>`, `<!-- … -->` and a trailing `;` around a script.
fn unwrap_script(text: &str) -> &str {
    let mut body = text.trim();
    for (open, close) in [("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(inner) = body.strip_prefix(open) {
            body = inner.trim();
            body = body.strip_suffix(close).unwrap_or(body).trim();
        }
    }
    body.trim_end_matches(';').trim()
}

fn is_article_type(kind: Option<&Value>) -> bool {
    match kind {
        Some(Value::String(s)) => {
            let name = s.rsplit(['/', ':']).next().unwrap_or(s);
            ARTICLE_TYPES.binary_search(&name).is_ok()
        }
        Some(Value::Array(kinds)) => kinds.iter().any(|k| is_article_type(Some(k))),
        _ => false,
    }
}

/// True when `name`, not `headline`, is the title: the page's `<title>`
/// opens with the name word for word and does not hold the headline. (Some pages put a
/// description in `headline`; others put the site's name in `name`, and
/// then the title usually holds both.)
fn name_is_title(name: &str, headline: &str, title: Option<&str>) -> bool {
    let Some(title) = title.map(crate::block::lowercase) else { return false };
    // The name must open the title: a site name sits at its end.
    title.starts_with(&crate::block::lowercase(name)) && !title.contains(&crate::block::lowercase(headline))
}

fn read_article_object(
    map: &serde_json::Map<String, Value>,
    strong: &mut PageMeta,
    weak: &mut PageMeta,
    title: Option<&str>,
) {
    let text = |key: &str| map.get(key).and_then(Value::as_str);
    // `headline` unless `<title>` shows that `name` is the title.
    let (first, second) = match (text("headline"), text("name")) {
        (Some(h), Some(n)) if h != n && name_is_title(n, h, title) => (Some(n), Some(h)),
        (h, n) => (h.or(n), n.filter(|_| h.is_some())),
    };
    if let Some(h) = first {
        fill(&mut strong.headline, h);
    }
    if let Some(h) = second {
        fill(&mut weak.headline, h);
    }
    if let Some(d) = text("datePublished") {
        fill(&mut strong.published, d);
    }
    if let Some(d) = text("dateCreated") {
        fill(&mut weak.published, d);
    }
    if let Some(d) = text("dateModified") {
        fill(&mut strong.updated, d);
    }
    if let Some(d) = text("description") {
        fill(&mut strong.description, d);
    }
    if let Some(l) = text("inLanguage") {
        fill(&mut strong.language, l);
    }
    if let Some(name) = map.get("publisher").and_then(|p| p.get("name")).and_then(Value::as_str) {
        fill(&mut strong.site_name, name);
    }
    for (key, into) in [("author", &mut *strong), ("creator", &mut *weak)] {
        if !into.authors.is_empty() {
            continue;
        }
        for person in map.get(key).map(as_list).unwrap_or_default() {
            let name = match person {
                Value::String(s) => Some(s.as_str()),
                Value::Object(o) => o.get("name").and_then(Value::as_str),
                _ => None,
            };
            if let Some(name) = name {
                push_author(&mut into.authors, name);
            }
        }
    }
}

fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        let dom = scraper::Html::parse_document(html);
        let mut collector = Collector::default();
        for node in dom.tree.root().descendants() {
            if let Some(element) = ElementRef::wrap(node) {
                let hidden = element.value().attr("style").is_some_and(|s| s.contains("display:none"));
                collector.read(element, element.value().attr("itemprop"), hidden);
            }
        }
        collector.finish()
    }

    #[test]
    fn cdata_and_several_values() {
        let meta = meta_of(
            r#"<script type="application/ld+json">
            <![CDATA[ {"@context":"https://schema.org","@type":"NewsArticle","headline":"H","datePublished":"2015-10-15T02:19:15.607Z"} ]]>
            </script>"#,
        );
        assert_eq!(meta.headline.as_deref(), Some("H"));
        assert_eq!(meta.published.as_deref(), Some("2015-10-15T02:19:15.607Z"));
    }

    #[test]
    fn json_ld_beats_meta_tags_and_weak_fields_come_after_them() {
        let meta = meta_of(
            r#"<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">
            <meta name="author" content="James Akinaka">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"T","dateCreated":"2017-02-24T01:18:13Z","creator":"CC7567"}</script>"#,
        );
        assert_eq!(meta.published.as_deref(), Some("2017-02-23T17:18:13-08:00"));
        assert_eq!(meta.authors, ["James Akinaka"]);
    }

    #[test]
    fn meta_priority_not_document_order() {
        let meta = meta_of(
            r#"<meta name="twitter:title" content="Twitter title">
            <meta property="og:title" content="OG title">
            <meta name="DC.creator" content="Dublin Core name">
            <meta name="author" content="Meta author">"#,
        );
        assert_eq!(meta.headline.as_deref(), Some("OG title"));
        assert_eq!(meta.authors, ["Dublin Core name"]);
    }

    #[test]
    fn author_arrays_and_graphs() {
        let meta = meta_of(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["BlogPosting"],"author":[{"@type":"Person","name":"A B"},"C D"],"publisher":{"name":"P"}}]}</script>"#,
        );
        assert_eq!(meta.authors, ["A B", "C D"]);
        assert_eq!(meta.site_name.as_deref(), Some("P"));
    }

    #[test]
    fn cleans_values() {
        for (raw, want) in [
            ("Sheila Atim: &#8222;The Woman King&#8220;", Some("Sheila Atim: „The Woman King“")),
            ("Wohngew&#x00E4;chshaus&#x20;selber&#x20;bauen", Some("Wohngewächshaus selber bauen")),
            ("Thermen- &#038; Vulkanland", Some("Thermen- & Vulkanland")),
            ("&quot;El 90%&quot;", Some("\"El 90%\"")),
            ("Pferdesport bei Olympia 2028 dabei -", Some("Pferdesport bei Olympia 2028 dabei")),
            ("AT&T & friends &unknown; &#xD800;", Some("AT&T & friends &unknown; &#xD800;")),
            (
                "Von Sprachregeln und «ganz normalem Deutsch»",
                Some("Von Sprachregeln und «ganz normalem Deutsch»"),
            ),
            ("  ", None),
        ] {
            assert_eq!(clean(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn authors_are_people_or_desks() {
        let meta = meta_of(
            r#"<meta property="og:site_name" content="Badische Zeitung">
            <meta name="author" content="Badische Zeitung"><meta name="author" content="tagesschau.de">
            <meta name="author" content="Zeige alle Beiträge von Petra Ruland"><meta name="author" content="ByAlex Bozarjian">
            <meta name="author" content="Redacci&amp;oacute;n Diario Pagina Siete">"#,
        );
        assert_eq!(meta.authors, ["Petra Ruland", "Alex Bozarjian", "Redacción Diario Pagina Siete"]);
        assert_eq!(meta.site_authors, ["Badische Zeitung"]);
        let meta = meta_of(
            r#"<meta name="author" content="Christoph von Eichhorn"><meta name="author" content="by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil">"#,
        );
        assert_eq!(meta.authors, ["Christoph von Eichhorn", "Steven Musil"]);
    }

    #[test]
    fn unwraps_scripts() {
        for (raw, want) in [
            ("  <![CDATA[ {\"a\":1} ]]> ", "{\"a\":1}"),
            ("<!-- {\"a\":1} -->", "{\"a\":1}"),
            ("{\"a\":1};", "{\"a\":1}"),
        ] {
            assert_eq!(unwrap_script(raw), want);
        }
    }

    #[test]
    fn outlet_codes_after_names_go() {
        let meta = meta_of(r#"<html><head><meta name="author" content="Rob Picheta, CNN"></head></html>"#);
        assert_eq!(meta.authors, ["Rob Picheta"]);
        let meta = meta_of(r#"<html><head><meta name="author" content="Harm, Robert"></head></html>"#);
        assert_eq!(meta.authors, ["Harm, Robert"]);
    }

    #[test]
    fn hidden_authorship_links_name_no_one() {
        let meta = meta_of(
            r#"<html><body><a href="/g" rel="author" style="display:none;">Platform</a>
            <a href="/jane" rel="author">Jane Doe</a></body></html>"#,
        );
        assert_eq!(meta.authors, ["Jane Doe"]);
    }

    #[test]
    fn placeholders_labels_and_arrows_name_no_one() {
        let meta = meta_of(
            r#"<html><head><meta name="author" content="admin">
            <meta name="dcterms.creator" content="Copyright Example GmbH - all rights reserved"></head>
            <body><a href="/p/1" rel="author">View my complete profile</a>
            <a href="/jane" rel="author">Jane Doe →</a></body></html>"#,
        );
        assert_eq!(meta.authors, ["Jane Doe"]);
    }

    #[test]
    fn json_ld_without_its_type() {
        let html = r#"<html><head><script>{"@context": "https://schema.org", "@type": "NewsArticle",
            "datePublished": "2022-01-28T06:00:00+01:00"}</script><script>var x = {"a": 1};</script></head></html>"#;
        let meta = meta_of(html);
        assert_eq!(meta.published.as_deref(), Some("2022-01-28T06:00:00+01:00"));
    }

    #[test]
    fn several_properties_in_one_tag() {
        let meta = meta_of(
            r#"<html><head><meta property="dc:creator twitter:site_name" content="Creator Name">
            <meta property="og: title" content="Spaced key"></head></html>"#,
        );
        assert_eq!(meta.authors, ["Creator Name"]);
        assert_eq!(meta.headline.as_deref(), Some("Spaced key"));
    }
}
