//! Text front end: a plain-text dump of a page → blocks.
//!
//! Dumps come in two shapes. Most put each block of the page on its own
//! line (a browser's select-all copy, the corpora's `text/` files); some
//! are hard-wrapped at a terminal width, breaking every paragraph into
//! lines of about the same length (lynx/w3m style, with `•` bullets and
//! `[image]` placeholders). This stage measures the wrap width; where the
//! page is wrapped it joins a line with the next when the next line's first
//! word could not have fitted, which is exactly where a wrapper breaks.
//!
//! A dump of a table layout may print two columns side by side on each
//! line; `columns` first rewrites such stretches as one column after the
//! other, and each column may wrap at its own width.
//!
//! Line ends may be LF, CRLF or bare CR. Bullets are stripped and recorded
//! as [`Kind::ListItem`]; nothing else is removed, so every block is, after
//! whitespace collapsing, a piece of the input (or pieces of one column's
//! lines).

use crate::block::{Block, Document, Kind, PageMeta, normalize_space};
use crate::model::Format;
use crate::switches::{Rule, on};

/// The narrowest and widest wrap widths recognised. Terminals and dump
/// tools wrap at 72–132 columns; wider "widths" are just long paragraphs.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=200;
/// How far below the width a wrapped line may end (long words wrap early).
const WRAP_SLACK: usize = 20;

/// Bullet glyphs that open a list item in a dump.
const BULLETS: &[char] = &['•', '◦', '▪', '▫', '‣', '∙', '●', '○', '■', '□', '*', '-', '–', '+', '·'];

/// Reads a plain-text dump into blocks.
pub(crate) fn read(text: &str) -> Document {
    let lines: Vec<&str> = split_lines(text).collect();
    let untangled = super::columns::untangle(&lines);
    let lines: Vec<&str> = match &untangled {
        Some(rewritten) => rewritten.iter().map(String::as_str).collect(),
        None => lines,
    };
    let width = wrap_width(&lines);
    // Without a clear width, a dump whose longest lines share one length
    // may still be wrapped there; its lines join only where one goes on in
    // lower case.
    let ceiling = if width.is_none() && on(Rule::WrapCeiling) { wrap_ceiling(&lines) } else { None };
    let mut blocks: Vec<Block> = Vec::new();
    let mut gap = false;
    // The last line of the open block, for the wrap test, and the indent a
    // continuation of it would have.
    let mut open: Option<(usize, usize)> = None; // (chars of last line, continuation indent)
    // A page of more lines than the classifier takes blocks is read in
    // equal runs of lines as it goes (see `super::MAX_BLOCKS`), so that a
    // million one-character lines never become a million blocks.
    let nonblank = lines.iter().filter(|l| !l.trim().is_empty()).count();
    let run = nonblank.div_ceil(super::MAX_BLOCKS).max(1);
    let mut lines_in_last = 0usize;
    let column_widths = column_widths(&lines);
    for (at, raw) in lines.iter().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            gap = true;
            open = None;
            continue;
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let body = line.trim_start();
        let (bullet, content) = strip_bullet(body);
        // A column of a table layout wraps at its own edge, short of the
        // page's width (or of a page that has none).
        let lower_seam = content.chars().next().is_some_and(char::is_lowercase);
        let width = match (width, column_widths[at]) {
            (Some(page), Some(column)) => Some(page.min(column)),
            (page, column) => page.or(column).or(ceiling.filter(|_| lower_seam)),
        };
        if let (Some(width), Some((last_len, cont_indent)), false) = (width, open, bullet) {
            let first_word = content.split_whitespace().next().map_or(0, |w| w.chars().count());
            if indent == cont_indent && last_len + 1 + first_word > width.saturating_sub(2) {
                if let Some(block) = blocks.last_mut() {
                    // Scripts written without spaces wrap mid-word: no
                    // space where a wide character meets a wide one.
                    let wide_seam = block.text.chars().next_back().is_some_and(is_wide)
                        && content.chars().next().is_some_and(is_wide);
                    if !wide_seam {
                        block.text.push(' ');
                    }
                    block.text.push_str(&normalize_space(content));
                    open = Some((line.chars().count(), cont_indent));
                    continue;
                }
            }
        }
        let text = normalize_space(content);
        if text.is_empty() {
            gap = true;
            open = None;
            continue;
        }
        if run > 1 && lines_in_last < run {
            if let Some(block) = blocks.last_mut() {
                block.text.push(' ');
                block.text.push_str(&text);
                lines_in_last += 1;
                continue;
            }
        }
        lines_in_last = 1;
        let kind = if bullet { Kind::ListItem } else { Kind::Line };
        let mut block = Block::new(text, kind);
        block.gap_before = gap;
        blocks.push(block);
        gap = false;
        let cont_indent =
            if bullet { indent + (body.chars().count() - content.chars().count()) } else { indent };
        open = Some((line.chars().count(), cont_indent));
    }
    Document { format: Format::Text, blocks, meta: PageMeta::default() }
}

/// Lines split at LF, CRLF or a bare CR.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

/// The wrap width of a hard-wrapped dump, or `None` when lines run free.
///
/// Wrapped dumps have a ceiling: almost no line is longer than the width,
/// and many end just under it. Calibrated on hard-wrapped and one-line-a-
/// block dumps of the scrapinghub pages: it finds the width of 96 of 102
/// wrapped dumps and of none of the free ones; the join test below guards
/// the rest, since a line only joins when the next word could not fit.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut lengths: Vec<usize> =
        lines.iter().map(|l| l.trim_end().chars().count()).filter(|&n| n > 0).collect();
    if lengths.len() < 10 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 99 / 100];
    if !WRAP_WIDTHS.contains(&width) {
        return None;
    }
    let near = lengths.iter().filter(|&&n| n + WRAP_SLACK >= width && n <= width + 3).count();
    let over = lengths.iter().filter(|&&n| n > width + 3).count();
    (near >= 3 && near * 100 >= lengths.len() * 3 && over * 50 <= lengths.len()).then_some(width)
}

/// Fewest lines that end at a dump's ceiling for it to count.
const MIN_CEILING_LINES: usize = 3;

/// The longest line of a dump that [`wrap_width`] finds no width for,
/// when it is a plausible width and at least [`MIN_CEILING_LINES`] lines
/// end near it: a page of menus and short lines whose few paragraphs were
/// wrapped (a paywalled article's two-paragraph teaser). Too weak alone;
/// [`read`] joins at it only where the next line goes on in lower case.
fn wrap_ceiling(lines: &[&str]) -> Option<usize> {
    let lengths = || lines.iter().map(|l| l.trim_end().chars().count());
    let widest = lengths().max()?;
    let near = lengths().filter(|&n| n > 0 && n + WRAP_SLACK >= widest).count();
    (WRAP_WIDTHS.contains(&widest) && near >= MIN_CEILING_LINES).then_some(widest)
}

/// Fewest lines of a column before its own wrap width is measured.
const MIN_COLUMN_LINES: usize = 4;
/// Share of a dump's lines that must be indented for it to be read as
/// laid out in columns.
const MIN_INDENTED_PERCENT: usize = 20;
/// Narrowest column text (characters, indent left out) taken for wrapped.
const MIN_COLUMN_TEXT: usize = 40;

/// For each line, the wrap width of the column it stands in, when the
/// column is hard-wrapped short of the page's width: a terminal dump of a
/// table layout (w3m, lynx) wraps each cell's text at the cell's right
/// edge, every line indented alike. A column is a run of consecutive
/// non-blank lines with the same indent; it is wrapped
/// when, as a page is (see [`wrap_width`]), most of its lines but the last
/// end near its longest one and one of them goes on in lower case. Its
/// width is that longest line.
fn column_widths(lines: &[&str]) -> Vec<Option<usize>> {
    let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let mut out = vec![None; lines.len()];
    // Only a dump laid out in columns, which indents: one of a block a
    // line (a browser's copy) hardly ever does, and a run of its lines of
    // about one length (a list of headlines) is no wrapped paragraph.
    let nonblank: Vec<&&str> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    let indented = nonblank.iter().filter(|l| l.starts_with([' ', '\t'])).count();
    if indented * 100 < nonblank.len() * MIN_INDENTED_PERCENT {
        return out;
    }
    let mut start = 0;
    while start < lines.len() {
        let line = lines[start].trim_end();
        if line.trim().is_empty() {
            start += 1;
            continue;
        }
        let own = indent(line);
        let mut end = start + 1;
        while end < lines.len() && !lines[end].trim().is_empty() && indent(lines[end].trim_end()) == own {
            end += 1;
        }
        let lengths: Vec<usize> = lines[start..end].iter().map(|l| l.trim_end().chars().count()).collect();
        let widest = lengths.iter().copied().max().unwrap_or(0);
        let inner = &lengths[..lengths.len().saturating_sub(1)];
        let near = inner.iter().filter(|&&n| n + WRAP_SLACK >= widest).count();
        // Wrapped prose breaks mid-sentence somewhere: a line goes on in
        // lower case. A list of items of about one length does not.
        let seam = lines[start + 1..end]
            .iter()
            .any(|l| l.trim_start().chars().next().is_some_and(char::is_lowercase));
        let wrapped = seam
            && lengths.len() >= MIN_COLUMN_LINES
            && widest.saturating_sub(own) >= MIN_COLUMN_TEXT
            && WRAP_WIDTHS.contains(&widest)
            && near * 4 >= inner.len() * 3;
        if wrapped {
            out[start..end].iter_mut().for_each(|w| *w = Some(widest));
        }
        start = end;
    }
    out
}

/// East Asian wide and full-width characters (the ranges `wcwidth` gives
/// two columns).
fn is_wide(c: char) -> bool {
    matches!(
        c,
        '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{303E}'
            | '\u{3041}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{A000}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}'
            | '\u{20000}'..='\u{3FFFD}'
    )
}

/// Splits a leading bullet glyph off a line: `("•  Item")` → `(true, "Item")`.
/// A dash or star only counts when a space follows ("- item", not "-5%").
fn strip_bullet(line: &str) -> (bool, &str) {
    let mut chars = line.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some(next)) if BULLETS.contains(&c) && next.is_whitespace() => {
            (true, line[c.len_utf8()..].trim_start())
        }
        (Some(c), None) if BULLETS.contains(&c) && !matches!(c, '*' | '-' | '+') => (true, ""),
        _ => (false, line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        read(input).blocks.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_block_a_line() {
        assert_eq!(texts("Title\n\nFirst para.\nSecond para.\n"), ["Title", "First para.", "Second para."]);
    }

    #[test]
    fn line_ends() {
        assert_eq!(texts("a\r\nb\rc\n\r\nd"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn gaps_are_recorded() {
        let doc = read("a\nb\n\n\nc");
        let gaps: Vec<bool> = doc.blocks.iter().map(|b| b.gap_before).collect();
        assert_eq!(gaps, [false, false, true]);
    }

    #[test]
    fn bullets() {
        let doc = read("  • Barron's\n- item two\n-5% drop\n*emphasis*");
        let got: Vec<(String, Kind)> = doc.blocks.into_iter().map(|b| (b.text, b.kind)).collect();
        assert_eq!(
            got,
            [
                ("Barron's".to_string(), Kind::ListItem),
                ("item two".to_string(), Kind::ListItem),
                ("-5% drop".to_string(), Kind::Line),
                ("*emphasis*".to_string(), Kind::Line),
            ]
        );
    }

    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
        out
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let para = "Gaming used to be so simple. We would buy a game, sit down in front of a console or PC, grind our way to the end, then repeat. Now we spend money over and over on virtual perks and play on phones.";
        let mut page = String::from("Menu\nHome\nWorld\n\n");
        for _ in 0..6 {
            page.push_str(&wrap(para, 60));
            page.push('\n');
        }
        page.push_str("Short line one\nShort line two\n");
        let blocks = texts(&page);
        assert_eq!(blocks.iter().filter(|b| *b == para).count(), 6, "{blocks:#?}");
        assert!(blocks.contains(&"Short line one".to_string()));
        assert!(blocks.contains(&"Short line two".to_string()));
    }

    #[test]
    fn wrapped_lines_of_wide_script_join_without_a_space() {
        let latin = "Gaming used to be so simple. We would buy a game, sit down in front of a console or PC, grind our way to the end, then repeat.";
        let mut page = String::new();
        for _ in 0..6 {
            page.push_str(&wrap(latin, 60));
            page.push('\n');
        }
        // A line of Japanese filling the width, then its last word.
        let line = "あ".repeat(59);
        page.push_str(&format!("{line}\nます。\n"));
        let blocks = texts(&page);
        assert!(blocks.contains(&format!("{line}ます。")), "{blocks:#?}");
    }

    #[test]
    fn a_wrapped_column_of_a_table_layout_is_joined() {
        let para = "The torching of a tacky float during the Buccaneer Days parade opens the film, and pirates of all types abound in a small town suffering its conversion from a place of character into a pastel resort.";
        let column: String = wrap(para, 48).lines().map(|l| format!("                   {l}\n")).collect();
        let menu = "          Archives\n          Submissions\n          Awards of the year\n          Oscar dialogues\n\n";
        // The page itself is wrapped wider: its own width does not join
        // the column's lines.
        let wide = "Sunshine State is the twelfth film of its director, who wrote and edited it as well, and it was shot over seven weeks on the coast of Florida with a cast of more than twenty. ".repeat(4);
        let page = format!("{menu}{}\n{column}\n{menu}", wrap(wide.trim(), 100));
        let blocks = texts(&page);
        assert!(blocks.iter().any(|b| b == para), "{blocks:#?}");
        assert!(blocks.iter().any(|b| b == "Submissions"), "{blocks:#?}");
        // A browser's copy does not indent: its lines stay blocks.
        let list = "Council approves the new harbour plan after debate\nRail services resume after the long signal fault\nSchools reopen across the county after the storm\nMarket traders protest at the rise in stall rents\n";
        assert_eq!(texts(list).len(), 4);
    }

    #[test]
    fn a_teaser_wrapped_among_many_short_lines_joins_where_it_goes_on_in_lower_case() {
        // Two wrapped paragraphs among a page of menu lines: too few lines
        // near the width for a page width to be measured.
        let mut page: String = (0..150).map(|i| format!("Menu entry {i}\n")).collect();
        let first = "Gaming used to be so simple. We would buy a game, sit down in front of a console or PC, grind our way to the end, then repeat.";
        let second = "Now we spend money over and over on virtual perks. We play on phones and tablets while socializing with far-flung friends, and there is no end.";
        page.push_str(&format!("\n{}\n{}\n", wrap(first, 100), wrap(second, 100)));
        // A line as long, with a capitalised line under it, stays apart.
        let long = "Subscribers read the whole story with all of its pictures and the charts that go with it, every day";
        page.push_str(&format!("\n{long}\nSign In\n"));
        let blocks = texts(&page);
        assert!(blocks.iter().any(|b| b == first), "{blocks:#?}");
        assert!(blocks.iter().any(|b| b == second), "{blocks:#?}");
        assert!(blocks.iter().any(|b| b == long), "{blocks:#?}");
        assert!(blocks.iter().any(|b| b == "Sign In"), "{blocks:#?}");
    }

    #[test]
    fn free_lines_are_not_joined() {
        // Paragraphs of every length, as in a one-line-a-block dump.
        let mut page = String::new();
        for n in [12, 40, 25, 90, 33, 61, 18, 150, 47, 70] {
            page.push_str(&"word ".repeat(n));
            page.push_str("\nNext line\n");
        }
        assert_eq!(texts(&page).len(), 20);
    }
}
