//! Development switches: what `tools/` needs to measure the rules and the
//! models without editing the code.
//!
//! In a normal build (without the `training` cargo feature) every rule is
//! on, the weights compiled in are used, and nothing here reads the
//! environment: [`on`] is a constant `true`. With `training`, two variables
//! are read once, at first use:
//!
//! - `SCRAPE_CLEAN_DISABLE=name,name,…` switches the named hand rules off
//!   ([`Rule`]; `tools/ablate_rules.py` switches each off in turn and
//!   prints its effect on every corpus and form);
//! - `SCRAPE_CLEAN_MODELS=DIR` reads the models' weights from
//!   `DIR/block_model.txt` and `DIR/headline_model.txt` where those files
//!   exist, instead of the compiled-in ones (the training scripts
//!   cross-validate with the real extractor that way).

/// Declares [`Rule`] with its names and the list of all of them, from one
/// table, so the three cannot drift apart.
macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// A hand rule that can be switched off for measuring. Each names
        /// one decision of a pass that no model makes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Rule {
            $($(#[$doc])* $variant,)*
        }

        #[cfg_attr(not(feature = "training"), allow(dead_code, reason = "listed for the training tools"))]
        impl Rule {
            /// Every rule, in the order `tools/ablate_rules.py` reports them.
            pub(crate) const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The rule's name in `SCRAPE_CLEAN_DISABLE`.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }
        }
    };
}

rules! {
    /// Region: nothing past the heading of a readers' comment thread is body.
    CommentThread => "comment-thread",
    /// Region: a thread heading that would cut off a longer prose run than it keeps is not one.
    ThreadKeepsLongest => "thread-keeps-longest",
    /// Region: a bare "Comments" line over comment headers heads the thread.
    BareCommentHeading => "bare-comment-heading",
    /// Dateline: failing the header, a kicker date over the headline is looked for past the furniture between them.
    KickerPastFurniture => "kicker-past-furniture",
    /// Region: an "About me" heading and the blocks under it are no body.
    ProfileBoxes => "profile-boxes",
    /// Region: a page whose scores are all negative keeps its best prose block.
    LoneProse => "lone-prose",
    /// Region: a table row inside the main container is strong and no stop.
    MainTableRows => "main-table-rows",
    /// Region: a best run without prose loses to the best prose block.
    WeakCore => "weak-core",
    /// Region: a block that is the stated headline fences the core.
    HeadlineFence => "headline-fence",
    /// Region: further runs after the core join when strong enough.
    SideRunsAfter => "side-runs-after",
    /// HTML: a comment thread stays chrome however much of the page it fills, when the page has prose of its own.
    ThreadStaysChrome => "thread-stays-chrome",
    /// Region: further runs before the core join when strong enough.
    SideRunsBefore => "side-runs-before",
    /// Region: once the headline is known, a lead cut off between it and the body joins.
    LeadAfterHeadline => "lead-after-headline",
    /// Text front end: a dump without a clear wrap width joins lines at its longest line's length where one goes on in lower case.
    WrapCeiling => "wrap-ceiling",
    /// Byline: a job title run into the name before it ("HalperStaff Writer") is parted from it.
    GluedRole => "glued-role",
    /// Region: past a small "Read also" box, one paragraph is enough for a side run.
    PastInArticleBox => "past-in-article-box",
    /// Region: inside the main container one paragraph is enough for a side run.
    MainContainerSideRuns => "main-container-side-runs",
    /// Region: a recipe's ingredient list above its method joins the body.
    Ingredients => "ingredients",
    /// Region: page chrome never adds to a run.
    ChromeAddsNothing => "chrome-adds-nothing",
    /// Region: the core grows across short lines to strong blocks.
    Grow => "grow",
    /// Region: lines repeated elsewhere on the page stop the growth.
    RepeatStops => "repeat-stops",
    /// Region: comment headers ("Leo July 23, 2015 at 3:20 pm") stop the growth.
    CommentMetaStops => "comment-meta-stops",
    /// Body: a date line inside the body is a dateline, not a paragraph.
    BodyDateLines => "body-date-lines",
    /// Edges: the author's bio at the end of the body is left out.
    AuthorBio => "author-bio",
    /// Edges: a press release's profile of the organisation is left out.
    OrganisationProfile => "organisation-profile",
    /// Edges: a run of five or more bare names is left out.
    PeopleLists => "people-lists",
    /// Edges: a lone number above the body is a counter.
    LeadingCounters => "leading-counters",
    /// Edges: a short body block repeating a sentence of a longer paragraph is a pull quote.
    PullQuotes => "pull-quotes",
    /// Feeds: sidebar sections are found and fence the body.
    Feeds => "feeds",
    /// Captions: caption cues and credit lines make captions.
    Captions => "captions",
    /// Captions: a gallery counter makes the next line a caption.
    GalleryCounters => "gallery-counters",
}

/// Whether `rule` is on: always, unless a `training` build was told
/// otherwise.
#[cfg(not(feature = "training"))]
#[inline(always)]
pub(crate) const fn on(_rule: Rule) -> bool {
    true
}

/// Whether `rule` is on: unless `SCRAPE_CLEAN_DISABLE` names it.
#[cfg(feature = "training")]
pub(crate) fn on(rule: Rule) -> bool {
    use std::sync::LazyLock;
    static DISABLED: LazyLock<Vec<String>> = LazyLock::new(|| {
        std::env::var("SCRAPE_CLEAN_DISABLE")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    });
    !DISABLED.iter().any(|name| name == rule.name())
}

/// The weights file `name` from `SCRAPE_CLEAN_MODELS`, when a `training`
/// build was given one.
#[cfg(feature = "training")]
pub(crate) fn model_file(name: &str) -> Option<String> {
    let dir = std::env::var_os("SCRAPE_CLEAN_MODELS")?;
    std::fs::read_to_string(std::path::Path::new(&dir).join(name)).ok()
}

/// No weights are read from outside a `training` build.
#[cfg(not(feature = "training"))]
pub(crate) fn model_file(_name: &str) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "duplicate rule names");
        assert!(Rule::ALL.iter().all(|&r| on(r)), "every rule is on unless switched off");
    }
}
