//! The `--explain` table on a terminal: the library's table
//! ([`scrape_clean::explain_text`]), sanitised, with each line coloured by
//! its block's label when colour is on. Colour is decided once, in
//! `args.rs` (`--color`, `NO_COLOR`, whether standard output is a terminal).

use scrape_clean::BlockReport;

use crate::cli::report;

/// ANSI SGR codes per label: the article's parts in strong colours, the
/// sidebar's in cyan, what is dropped dimmed. A label missing here is
/// printed uncoloured.
#[rustfmt::skip]
const COLOURS: &[(&str, &str)] = &[
    ("body",            "32"),
    ("byline",          "35"),
    ("caption",         "33"),
    ("dateline",        "35"),
    ("furniture",       "2"),
    ("headline",        "1;34"),
    ("item-headline",   "36"),
    ("item-summary",    "36"),
    ("item-time",       "36"),
    ("other",           "2"),
    ("section-heading", "1;36"),
    ("title",           "34"),
];

/// The table for `reports`, one line a block, coloured when `color` is set.
pub fn table(reports: &[BlockReport], color: bool) -> String {
    let text = scrape_clean::explain_text(reports);
    let mut out = String::with_capacity(text.len() + reports.len() * 12);
    // explain_text writes exactly one line a report, in order.
    for (i, line) in text.lines().enumerate() {
        let line = report::sanitize(line);
        match reports.get(i).and_then(|r| colour_of(r.label)).filter(|_| color) {
            Some(code) => {
                out.push_str("\x1b[");
                out.push_str(code);
                out.push('m');
                out.push_str(&line);
                out.push_str("\x1b[0m\n");
            }
            None => {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

fn colour_of(label: &str) -> Option<&'static str> {
    COLOURS.iter().find(|(name, _)| *name == label).map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_table_is_sorted_and_unique() {
        assert!(COLOURS.windows(2).all(|w| w[0].0 < w[1].0), "sort COLOURS by label");
    }

    #[test]
    fn lines_are_coloured_only_when_asked() {
        let reports = scrape_clean::explain(b"Subscribe\n\nA headline\n", &scrape_clean::Options::default())
            .unwrap_or_default();
        assert!(!reports.is_empty());
        let plain = table(&reports, false);
        assert!(!plain.contains('\x1b'));
        let coloured = table(&reports, true);
        assert!(coloured.starts_with("\x1b[2m   0 furniture"), "{coloured:?}");
        assert_eq!(coloured.lines().count(), plain.lines().count());
        assert_eq!(coloured.matches("\x1b[0m").count(), reports.len());
    }
}
