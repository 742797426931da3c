//! How the binary writes one article: as JSON, Markdown or plain text, and
//! as a JSON Lines record that carries the Markdown or the text in a field
//! of its own beside the article's. The formats themselves are the
//! library's (`to_json`, `to_markdown`, `to_text`); this module only picks
//! one, names output files and parts pages printed one after another.

use scrape_clean::{Article, Style};

/// What each article is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// JSON only.
    Json,
    /// Markdown (in JSON records: a `markdown` field after the article's).
    Markdown,
    /// Plain text (in JSON records: a `text` field after the article's).
    Text,
}

impl Output {
    /// The extension of an output file under `batch --out`.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Json => "json",
            Output::Markdown => "md",
            Output::Text => "txt",
        }
    }

    /// What stands between two pages printed one after another (several
    /// FILEs): nothing for JSON Lines; a thematic break (`---`) for
    /// Markdown; a line holding a form feed, the plain-text page break,
    /// for text.
    pub fn separator(self) -> &'static str {
        match self {
            Output::Json => "",
            Output::Markdown => "\n---\n\n",
            Output::Text => "\u{c}\n",
        }
    }

    /// The article as a document of this kind, ending with a newline
    /// (nothing for a Markdown or text article without any text).
    pub fn document(self, article: &Article, style: Style) -> String {
        match self {
            Output::Json => scrape_clean::to_json(article, style) + "\n",
            Output::Markdown => scrape_clean::to_markdown(article),
            Output::Text => scrape_clean::to_text(article),
        }
    }

    /// A JSON object written for `article` (one line, without the
    /// newline), with the Markdown or the text added as a last field.
    /// Unchanged for JSON, or when `line` is not an object.
    pub fn add_field(self, mut line: String, article: &Article) -> String {
        let (key, value) = match self {
            Output::Json => return line,
            Output::Markdown => ("markdown", scrape_clean::to_markdown(article)),
            Output::Text => ("text", scrape_clean::to_text(article)),
        };
        if !line.ends_with('}') {
            return line;
        }
        line.pop();
        if !line.ends_with('{') {
            line.push(',');
        }
        line.push('"');
        line.push_str(key);
        line.push_str("\":");
        line.push_str(&serde_json::Value::String(value).to_string());
        line.push('}');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_comes_last_and_the_line_stays_json() {
        let article = scrape_clean::clean(
            b"A headline here\n\nThe first paragraph of the story, which runs on for a while.\n\n\
              The second paragraph \"quoted\" with a \\ backslash, and it runs on too.\n",
            &scrape_clean::Options::default(),
        )
        .unwrap_or_default();
        let line = scrape_clean::to_json(&article, Style::Compact);
        assert_eq!(Output::Json.add_field(line.clone(), &article), line);
        let with = Output::Markdown.add_field(line.clone(), &article);
        let value: serde_json::Value = serde_json::from_str(&with).unwrap_or_default();
        assert_eq!(value["markdown"], scrape_clean::to_markdown(&article).as_str());
        assert_eq!(value["headline"], "A headline here");
        assert!(with.ends_with("\"}"), "{with}");
        let value: serde_json::Value =
            serde_json::from_str(&Output::Text.add_field(line, &article)).unwrap_or_default();
        assert_eq!(value["text"], scrape_clean::to_text(&article).as_str());
        assert_eq!(Output::Text.add_field("{}".to_string(), &article).get(..8), Some("{\"text\":"));
    }
}
