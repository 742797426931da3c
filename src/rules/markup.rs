//! Markup tables for the HTML front end: which elements are skipped, which
//! end a block, which frame the page, and which class/id tokens speak for
//! content or for furniture.
//!
//! Class and id attributes are split into tokens at non-alphanumeric
//! characters and lower-cased ("c-article__body" → "c", "article", "body")
//! before lookup, so an entry is one word.

/// Elements whose whole subtree carries no article text.
#[rustfmt::skip]
pub(crate) const SKIPPED_TAGS: &[&str] = &[
    "applet", "audio", "button", "canvas", "datalist", "dialog", "embed", "iframe", "input", "map",
    "math", "meter", "noscript", "object", "option", "progress", "script", "select", "style",
    "svg", "template", "textarea", "video",
];

/// Elements that start and end a block of text.
#[rustfmt::skip]
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// Elements that frame the page rather than hold the article.
#[rustfmt::skip]
pub(crate) const CHROME_TAGS: &[&str] = &[
    "footer", "form", "header", "menu", "nav",
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

/// True when `tag` is in `table` (tables are sorted).
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
        assert_table("CHROME_TAGS", CHROME_TAGS);
        assert_table("BOILERPLATE_TOKENS", BOILERPLATE_TOKENS);
        assert_table("CONTENT_TOKENS", CONTENT_TOKENS);
        assert_table("SIDEBAR_TOKENS", SIDEBAR_TOKENS);
    }

    #[test]
    fn lookups() {
        assert!(has(SKIPPED_TAGS, "script"));
        assert!(has(BLOCK_TAGS, "p"));
        assert!(!has(BLOCK_TAGS, "span"));
        assert!(has(BOILERPLATE_TOKENS, "share"));
    }
}
