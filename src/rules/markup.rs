//! Markup tables for the HTML front end: which elements are skipped, which
//! end a block, which frame the page, and which class/id tokens speak for
//! content or for furniture.
//!
//! Class and id attributes are split into tokens at non-alphanumeric
//! characters and lower-cased ("c-article__body" → "c", "article", "body")
//! before lookup, so an entry is one word.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Elements whose whole subtree carries no article text.
#[rustfmt::skip]
pub(crate) const SKIPPED_TAGS: &[&str] = &[
    "applet", "audio", "button", "canvas", "datalist", "dialog", "embed", "iframe", "input", "map",
    "math", "meter", "noscript", "object", "option", "progress", "script", "select", "style",
    "svg", "template", "textarea", "video",
];

/// Attributes the HTML front end reads (lower case, sorted). The byte-level
/// prefilter drops every other attribute before the page is parsed: links,
/// image sources, `data-*` and event handlers are never read and are often
/// half of a page's markup. `type`, `encoding`, `color`, `face` and `size`
/// are kept because the HTML tree builder itself looks at them.
#[rustfmt::skip]
pub(crate) const KEPT_ATTRIBUTES: &[&str] = &[
    "aria-hidden", "class", "color", "content", "datetime", "encoding", "face", "hidden",
    "http-equiv", "id", "itemprop", "lang", "name", "property", "pubdate", "rel", "role", "size",
    "style", "type", "xml:lang",
];

/// Elements that start and end a block of text.
#[rustfmt::skip]
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// Elements that frame the page rather than hold the article. `<form>` is
/// not one: ASP.NET-style pages wrap the whole page, article included, in
/// a form; the controls of real forms are skipped and their labels are
/// furniture by their words.
#[rustfmt::skip]
pub(crate) const CHROME_TAGS: &[&str] = &[
    "footer", "header", "menu", "nav",
];

/// Class/id tokens of page furniture: menus, share bars, comment threads,
/// promos, cookie and newsletter boxes.
#[rustfmt::skip]
pub(crate) const BOILERPLATE_TOKENS: &[&str] = &[
    "ad", "ads", "advert", "advertisement", "adverts", "banner", "breadcrumb", "breadcrumbs",
    "comment", "comments", "consent", "cookie", "cookies", "disqus", "dropdown", "footer", "gdpr",
    "masthead", "menu", "modal", "nav", "navbar", "navigation", "newsletter", "outbrain",
    "overlay", "pagination", "paywall", "popup", "promo", "rating", "related", "share", "sharing",
    "signup", "sitemap", "skip", "social", "sponsor", "sponsored", "subscribe", "subscription",
    "taboola", "tags", "toolbar", "tooltip", "widget",
];

/// Class/id tokens of comment threads and their forms. Stronger than the
/// furniture tokens: an element carrying one is page chrome, whatever
/// content tokens sit inside it (`comment_content`, `content`).
#[rustfmt::skip]
pub(crate) const COMMENT_TOKENS: &[&str] = &[
    "comment", "commentlist", "comments", "disqus", "respond",
];

/// Class/id tokens of the element that holds the byline's names
/// (`class="author-name"`, `id="byline"`).
#[rustfmt::skip]
pub(crate) const AUTHOR_TOKENS: &[&str] = &[
    "author", "authorname", "authors", "byline", "bylines",
];

/// Class/id tokens of the article itself.
#[rustfmt::skip]
pub(crate) const CONTENT_TOKENS: &[&str] = &[
    "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text",
];

/// Class/id tokens of side rails and feeds.
#[rustfmt::skip]
pub(crate) const SIDEBAR_TOKENS: &[&str] = &[
    "aside", "feed", "latest", "most", "popular", "rail", "sidebar", "trending",
];

/// Schema.org types whose JSON-LD objects describe the article.
#[rustfmt::skip]
pub(crate) const ARTICLE_TYPES: &[&str] = &[
    "APIReference", "AdvertiserContentArticle", "AnalysisNewsArticle", "Article",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "BlogPosting", "DiscussionForumPosting",
    "LiveBlogPosting", "MedicalScholarlyArticle", "NewsArticle", "OpinionNewsArticle", "Report",
    "ReportageNewsArticle", "ReviewNewsArticle", "SatiricalArticle", "ScholarlyArticle",
    "SocialMediaPosting", "TechArticle",
];

// The META_* lists below are in priority order, not sorted: the first key
// the page has wins. Keys are lower case with `.` read as `:`
// ("DC.creator" → "dc:creator"). The order follows what readers of these
// pages expect: Dublin Core and Open Graph before generic names.

/// Meta keys of the title a page states for itself when its `<title>` is
/// missing (the `title` field's fallback).
pub(crate) const META_STATED_TITLE: &[&str] = &["og:title"];

/// `<meta>` keys that state the headline.
pub(crate) const META_TITLE: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// `<meta>` keys that name the authors.
pub(crate) const META_AUTHOR: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author",
    "parsely-author",
    "article:author",
    "og:article:author",
    "sailthru:author",
    "byl",
    "citation_author",
];

/// `<meta>` keys that state the publication time.
pub(crate) const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc:date",
    "dc:date:issued",
    "dcterms:created",
    "dcterms:date",
    "sailthru:date",
    "article:published",
    "citation_publication_date",
    "citation_date",
];

/// `<meta>` keys that state the last modification.
pub(crate) const META_UPDATED: &[&str] =
    &["article:modified_time", "og:updated_time", "datemodified", "dcterms:modified", "last-modified"];

/// `<meta>` keys that hold the page's summary.
pub(crate) const META_DESCRIPTION: &[&str] =
    &["description", "og:description", "dc:description", "dcterm:description", "twitter:description"];

/// `<meta>` keys that name the site.
pub(crate) const META_SITE_NAME: &[&str] = &["og:site_name", "application-name"];

/// `<meta>` keys that state the page's own address.
pub(crate) const META_ADDRESS: &[&str] = &["og:url", "twitter:url", "parsely-link"];

/// `<meta>` keys that state the language.
pub(crate) const META_LANGUAGE: &[&str] = &["dc:language", "content-language", "language", "og:locale"];

/// Named character references decoded in metadata values that a page
/// encoded twice. Sorted by name.
#[rustfmt::skip]
pub(crate) const NAMED_ENTITIES: &[(&str, char)] = &[
    ("Aacute", 'Á'), ("Auml", 'Ä'), ("Eacute", 'É'), ("Ntilde", 'Ñ'), ("Ouml", 'Ö'), ("Uuml", 'Ü'),
    ("aacute", 'á'), ("agrave", 'à'), ("amp", '&'), ("apos", '\''), ("auml", 'ä'), ("bdquo", '„'),
    ("ccedil", 'ç'), ("eacute", 'é'), ("egrave", 'è'), ("gt", '>'), ("hellip", '…'), ("iacute", 'í'),
    ("laquo", '«'), ("ldquo", '“'), ("lsquo", '‘'), ("lt", '<'), ("mdash", '—'), ("nbsp", '\u{a0}'),
    ("ndash", '–'), ("ntilde", 'ñ'), ("oacute", 'ó'), ("ouml", 'ö'), ("quot", '"'), ("raquo", '»'),
    ("rdquo", '”'), ("rsquo", '’'), ("sbquo", '‚'), ("szlig", 'ß'), ("uacute", 'ú'), ("uuml", 'ü'),
];

/// What one class/id token says about its element, from the token tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TokenEvidence {
    /// In [`BOILERPLATE_TOKENS`].
    pub(crate) boilerplate: bool,
    /// In [`CONTENT_TOKENS`].
    pub(crate) content: bool,
    /// In [`SIDEBAR_TOKENS`].
    pub(crate) sidebar: bool,
    /// In [`COMMENT_TOKENS`].
    pub(crate) comment: bool,
    /// In [`AUTHOR_TOKENS`].
    pub(crate) author: bool,
}

/// The token tables merged into one map, so that a token costs one hash
/// lookup instead of four binary searches (the walk reads every class and
/// id token of every block element).
static TOKEN_EVIDENCE: LazyLock<FxHashMap<&'static str, TokenEvidence>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, TokenEvidence> = FxHashMap::default();
    type Setter = fn(&mut TokenEvidence);
    let tables: [(&[&'static str], Setter); 5] = [
        (BOILERPLATE_TOKENS, |e| e.boilerplate = true),
        (CONTENT_TOKENS, |e| e.content = true),
        (SIDEBAR_TOKENS, |e| e.sidebar = true),
        (COMMENT_TOKENS, |e| e.comment = true),
        (AUTHOR_TOKENS, |e| e.author = true),
    ];
    for (table, set) in tables {
        for token in table {
            set(map.entry(token).or_default());
        }
    }
    map
});

/// What a lower-cased class/id token says, if it is in any token table.
pub(crate) fn token_evidence(token: &str) -> Option<TokenEvidence> {
    TOKEN_EVIDENCE.get(token).copied()
}

/// True when `tag` is in `table` (tables are sorted).
#[cfg(test)]
pub(crate) fn has(table: &[&str], tag: &str) -> bool {
    table.binary_search(&tag).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_table;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert_table("SKIPPED_TAGS", SKIPPED_TAGS);
        assert_table("BLOCK_TAGS", BLOCK_TAGS);
        assert_table("KEPT_ATTRIBUTES", KEPT_ATTRIBUTES);
        assert_table("CHROME_TAGS", CHROME_TAGS);
        assert_table("BOILERPLATE_TOKENS", BOILERPLATE_TOKENS);
        assert_table("CONTENT_TOKENS", CONTENT_TOKENS);
        assert_table("SIDEBAR_TOKENS", SIDEBAR_TOKENS);
        assert_table("AUTHOR_TOKENS", AUTHOR_TOKENS);
        assert_table("COMMENT_TOKENS", COMMENT_TOKENS);
        assert_table("ARTICLE_TYPES", ARTICLE_TYPES);
        assert!(NAMED_ENTITIES.windows(2).all(|w| w[0].0 < w[1].0), "NAMED_ENTITIES sorted");
        for list in [
            META_STATED_TITLE,
            META_TITLE,
            META_AUTHOR,
            META_PUBLISHED,
            META_UPDATED,
            META_DESCRIPTION,
            META_SITE_NAME,
            META_LANGUAGE,
            META_ADDRESS,
        ] {
            for (i, key) in list.iter().enumerate() {
                assert_eq!(key.to_ascii_lowercase(), *key, "{key}: lower case");
                assert!(!key.contains('.') && !key.contains(' '), "{key}: '.' is read as ':'");
                assert!(!list[..i].contains(key), "{key}: listed twice");
            }
        }
    }

    #[test]
    fn lookups() {
        assert!(has(SKIPPED_TAGS, "script"));
        assert!(has(BLOCK_TAGS, "p"));
        assert!(!has(BLOCK_TAGS, "span"));
        assert!(has(BOILERPLATE_TOKENS, "share"));
        assert!(token_evidence("comments").is_some_and(|e| e.boilerplate && e.comment && !e.content));
        assert!(token_evidence("content").is_some_and(|e| e.content && !e.boilerplate));
        assert!(token_evidence("aside").is_some_and(|e| e.sidebar));
        assert!(token_evidence("byline").is_some_and(|e| e.author && !e.boilerplate));
        assert_eq!(token_evidence("wrapper"), None);
    }
}
