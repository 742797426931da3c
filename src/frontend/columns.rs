//! Side-by-side columns of a terminal dump, read one after the other.
//!
//! A terminal dump of a table layout (w3m, lynx) prints the cells of a row
//! beside each other, so one line holds a piece of the article, a gutter of
//! spaces and a piece of the sidebar: "…read the Thursday | Sept 5, 2002
//! Irwin edition…". Read line by line, every paragraph is cut into pieces
//! and mixed with the sidebar. This pass finds such stretches (lines split
//! by a wide gutter at the same column, again and again), and rewrites each
//! as its left column, then the next one, each line of a column keeping the
//! column's place as its indent, so that the text front end joins a
//! column's wrapped lines as it joins a page's. Nothing is added or
//! dropped: every word stays on a line of its own column.

/// Fewest spaces between two columns on a line. Prose never holds three
/// spaces in a row in a dump; table layouts leave at least that.
const GUTTER: usize = 3;
/// Fewest lines of a stretch on which a column must start after a gutter
/// for the stretch to be read as columns.
const MIN_SPLIT_LINES: usize = 3;

/// A piece of a line: where it starts (in characters) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece<'a> {
    start: usize,
    text: &'a str,
}

/// Splits a line at gutters of [`GUTTER`] or more spaces.
fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut spaces = 0;
    let mut piece_start: Option<(usize, usize)> = None; // (column, byte)
    let mut last_end = 0; // byte after the last non-space
    for (column, (byte, c)) in line.char_indices().enumerate() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        match piece_start {
            Some((col, at)) if spaces >= GUTTER => {
                out.push(Piece { start: col, text: &line[at..last_end] });
                piece_start = Some((column, byte));
            }
            None => piece_start = Some((column, byte)),
            Some(_) => {}
        }
        spaces = 0;
        last_end = byte + c.len_utf8();
    }
    if let Some((col, at)) = piece_start {
        out.push(Piece { start: col, text: &line[at..last_end] });
    }
    out
}

/// The dump's lines with each stretch of side-by-side columns rewritten as
/// one column after the other; `None` when it has none.
pub(crate) fn untangle(lines: &[&str]) -> Option<Vec<String>> {
    if lines.iter().any(|l| l.contains('\t')) {
        return None;
    }
    // A line splits into pieces exactly where a gutter stands inside it:
    // most dumps have too few such lines, and are not split to find out.
    let gutter = " ".repeat(GUTTER);
    let inner = |l: &&str| l.trim_end().trim_start_matches(' ').contains(gutter.as_str());
    if lines.iter().filter(|l| inner(l)).count() < MIN_SPLIT_LINES {
        return None;
    }
    let split: Vec<Vec<Piece<'_>>> = lines.iter().map(|l| pieces(l.trim_end())).collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut at = 0;
    while at < lines.len() {
        if split[at].is_empty() {
            out.push(String::new());
            at += 1;
            continue;
        }
        // A stretch: consecutive non-blank lines.
        let end = (at..lines.len()).find(|&i| split[i].is_empty()).unwrap_or(lines.len());
        out.extend(stretch(&split[at..end]));
        at = end;
    }
    Some(out)
}

/// One stretch of non-blank lines, as its columns one after the other, or
/// as it stands when it is not laid out in columns.
fn stretch(lines: &[Vec<Piece<'_>>]) -> Vec<String> {
    let as_is = || lines.iter().map(|pieces| render(pieces)).collect::<Vec<String>>();
    // A data table's rows split into many short cells; a layout puts an
    // article and a sidebar side by side.
    let split = lines.iter().filter(|p| p.len() > 1).count();
    let many = lines.iter().filter(|p| p.len() > 2).count();
    if many * 2 > split {
        return as_is();
    }
    // Column starts: where a piece after a gutter starts, on several lines.
    let mut starts: Vec<usize> = lines.iter().flat_map(|p| p.iter().skip(1).map(|p| p.start)).collect();
    starts.sort_unstable();
    let mut columns: Vec<usize> = Vec::new();
    for group in starts.chunk_by(|a, b| a == b) {
        if group.len() >= MIN_SPLIT_LINES {
            columns.push(group[0]);
        }
    }
    if columns.is_empty() {
        return as_is();
    }
    // Column 0 is everything left of the first column start.
    let column_of = |piece: &Piece| columns.iter().rposition(|&c| piece.start >= c).map_or(0, |k| k + 1);
    let count = columns.len() + 1;
    let mut out = Vec::with_capacity(lines.len() * 2);
    for column in 0..count {
        let mut wrote_any = false;
        let mut gap = false;
        for line in lines {
            let mine: Vec<&Piece> = line.iter().filter(|p| column_of(p) == column).collect();
            if mine.is_empty() {
                gap = wrote_any;
                continue;
            }
            if gap {
                out.push(String::new());
                gap = false;
            }
            let indent = mine[0].start;
            let text: Vec<&str> = mine.iter().map(|p| p.text).collect();
            out.push(format!("{}{}", " ".repeat(indent), text.join(" ")));
            wrote_any = true;
        }
        if wrote_any && column + 1 < count {
            out.push(String::new());
        }
    }
    out
}

/// A line from its pieces, as it stood (gutters as they were measured).
fn render(pieces: &[Piece<'_>]) -> String {
    let mut line = String::new();
    let mut column = 0;
    for piece in pieces {
        line.push_str(&" ".repeat(piece.start.saturating_sub(column)));
        line.push_str(piece.text);
        column = piece.start + piece.text.chars().count();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_at_gutters() {
        let got = pieces("    the original version.   Thursday | Sept 12, 2002");
        assert_eq!(
            got,
            [
                Piece { start: 4, text: "the original version." },
                Piece { start: 28, text: "Thursday | Sept 12, 2002" }
            ]
        );
        assert_eq!(pieces("  one two  three").len(), 1);
    }

    #[test]
    fn side_by_side_columns_are_read_one_after_the_other() {
        let page = [
            "    Our assignment for next class is to   Thursday | Sept 5, 2002",
            "    read the Irwin edition of the book,   Tuesday | Sept 10, 2002",
            "    then proceed to read the original",
            "    1941 version of it, says the tutor.   Thursday | Sept 12, 2002",
            "",
            "    Next paragraph here.",
        ];
        let got = untangle(&page).unwrap_or_default();
        let want = [
            "    Our assignment for next class is to",
            "    read the Irwin edition of the book,",
            "    then proceed to read the original",
            "    1941 version of it, says the tutor.",
            "",
            "                                          Thursday | Sept 5, 2002",
            "                                          Tuesday | Sept 10, 2002",
            "",
            "                                          Thursday | Sept 12, 2002",
            "",
            "    Next paragraph here.",
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_data_table_is_left_alone() {
        let page = [
            "Pos   Player            Plays   %      Stats",
            "CB    Denzel Ward       74      100%   4 tackles (4 combined).",
            "CB    Greedy Williams   73      99%    6 tackles, 1 assist.",
            "CB    T.J. Carrie       63      85%    1 tackle (1 combined).",
        ];
        let got = untangle(&page).unwrap_or_default();
        assert_eq!(got, page.map(String::from));
    }

    #[test]
    fn a_dump_without_columns_is_left_alone() {
        let page = ["Headline", "", "A paragraph with   three spaces once.", "Another line."];
        assert_eq!(untangle(&page), None);
    }
}
