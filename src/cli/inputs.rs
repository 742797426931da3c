//! Checks on the paths named on the command line, made before any work,
//! with messages that say what is wrong and how to put it right: a FILE
//! that does not exist (with the nearest name in its folder, or the
//! subcommand it was probably meant to be), a folder given where a page is
//! expected (run `batch`), a page given to `batch`, and a `--out` folder
//! inside the input folder.
//!
//! They only look at the file system; reading and cleaning report their
//! own errors later.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use anyhow::{Result, anyhow, bail};

use crate::cli::report::sanitize;

/// Subcommand names a mistyped FILE is compared with.
const SUBCOMMANDS: &[&str] = &["batch", "stream"];

/// A page named on the command line: a readable file, or an error that
/// says why not (the caller prefixes the path).
pub fn check_page(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let shown = sanitize(&path.to_string_lossy());
            Err(anyhow!(
                "is a folder, not a page; to clean every page in it, run: scrape-clean batch {shown} --out OUT"
            ))
        }
        Err(err) if err.kind() == ErrorKind::NotFound => {
            Err(anyhow!("no such file{}", hint_for_missing(path)))
        }
        // Other failures (permissions, …) are the reader's to report.
        _ => Ok(()),
    }
}

/// `batch DIR --out OUT`: DIR must be a folder, and OUT must not be in it
/// (or be it). A later run would read this run's JSON as pages, so this is
/// refused rather than worked around: the input folder stays inputs only.
pub fn check_batch(dir: &Path, out: Option<&Path>) -> Result<()> {
    let shown = sanitize(&dir.to_string_lossy());
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => bail!("{shown}: is a file, not a folder; to clean one page, run: scrape-clean {shown}"),
        Err(err) if err.kind() == ErrorKind::NotFound => {
            bail!("{shown}: no such folder{}", hint_for_missing(dir))
        }
        Err(err) => bail!("{shown}: cannot read the folder: {err}"),
    }
    let Some(out) = out else { return Ok(()) };
    let input = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let target = resolve(out);
    if target.starts_with(&input) {
        let out_shown = sanitize(&out.to_string_lossy());
        let beside = beside_name(dir, &input);
        let (what, why) = if target == input {
            ("is the input folder", "its JSON would sit among the pages")
        } else {
            ("is inside the input folder", "this run's JSON would be read as pages by the next run")
        };
        bail!(
            "{out_shown}: --out {what} {shown}, and {why}; put the output beside the input instead, e.g. --out {beside}"
        );
    }
    Ok(())
}

/// ` (did you mean …?)` for a path that does not exist, or nothing.
fn hint_for_missing(path: &Path) -> String {
    let Some(name) = path.file_name().and_then(OsStr::to_str) else { return String::new() };
    if path.components().count() == 1 {
        if let Some(sub) = closest(name, SUBCOMMANDS.iter().copied()) {
            return format!(" (did you mean the subcommand `scrape-clean {sub} …`?)");
        }
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(folder) else { return String::new() };
    let names: Vec<String> =
        entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n != name).collect();
    match closest(name, names.iter().map(String::as_str)) {
        Some(near) => {
            let suggestion = path.with_file_name(near);
            format!(" (did you mean {}?)", sanitize(&suggestion.to_string_lossy()))
        }
        None => String::new(),
    }
}

/// The candidate nearest to `name` by edit distance, when it is near
/// enough to be a typo: at most one edit in four characters, and never
/// more than three.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 4).clamp(1, 3);
    candidates
        .map(|c| (edit_distance(&name.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Edit distance over characters, a swap of two neighbours counting as
/// one edit (optimal string alignment): `pgaes` is one edit from `pages`.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // d[i][j]: distance between a[..i] and b[..j].
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// A path as it will be once created: the longest existing prefix with
/// links resolved, then the rest, `.` and `..` applied by name.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.clone();
    // The missing tail, last part first; `None` is `..`.
    let mut rest: Vec<Option<OsString>> = Vec::new();
    loop {
        if let Ok(mut real) = fs::canonicalize(&existing) {
            for part in rest.iter().rev() {
                match part {
                    None => {
                        real.pop();
                    }
                    Some(name) => real.push(name),
                }
            }
            return real;
        }
        match existing.components().next_back() {
            Some(Component::Normal(name)) => rest.push(Some(name.to_os_string())),
            Some(Component::ParentDir) => rest.push(None),
            Some(Component::CurDir) => {}
            _ => return absolute,
        }
        if !existing.pop() {
            return absolute;
        }
    }
}

/// A folder beside the input to suggest for `--out`: `pages-clean` for
/// `pages`, `/data/pages-clean` for `.` run inside `/data/pages`.
fn beside_name(given: &Path, canonical: &Path) -> String {
    let name = canonical.file_name().map_or_else(|| "pages".into(), |n| n.to_string_lossy());
    let beside = match given.components().next_back() {
        Some(Component::Normal(_)) => given.with_file_name(format!("{name}-clean")),
        _ => canonical.with_file_name(format!("{name}-clean")),
    };
    sanitize(&beside.to_string_lossy())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a failing test panics")]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        #[rustfmt::skip]
        let rows = [
            ("",       "",       0),
            ("batch",  "batch",  0),
            ("bach",   "batch",  1),
            ("btach",  "batch",  1),
            ("bacth",  "batch",  1),
            ("page.txt", "pgae.txt", 1),
            ("kitten", "sitting", 3),
            ("abc",    "",       3),
        ];
        for (a, b, expected) in rows {
            assert_eq!(edit_distance(a, b), expected, "{a} {b}");
        }
    }

    #[test]
    fn only_near_names_are_suggested() {
        let names = ["page.txt", "other.html", "batch"];
        assert_eq!(closest("pgae.txt", names.iter().copied()), Some("page.txt"));
        assert_eq!(closest("PAGE.TXT", names.iter().copied()), Some("page.txt"));
        assert_eq!(closest("bach", names.iter().copied()), Some("batch"));
        assert_eq!(closest("unrelated.md", names.iter().copied()), None);
        assert_eq!(closest("x", names.iter().copied()), None);
    }

    #[test]
    fn the_suggested_out_is_beside_the_input() {
        let data = Path::new("/data/pages");
        assert_eq!(beside_name(Path::new("pages"), data), "pages-clean");
        assert_eq!(beside_name(Path::new("crawl/pages/"), data), "crawl/pages-clean");
        assert_eq!(beside_name(Path::new("."), data), "/data/pages-clean");
        assert_eq!(beside_name(Path::new("pages/.."), Path::new("/data")), "/data-clean");
    }

    #[test]
    fn resolve_handles_missing_parts_and_dots() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        assert_eq!(resolve(&dir.path().join("new/sub")), real.join("new/sub"));
        assert_eq!(resolve(&dir.path().join("new/../other")), real.join("other"));
        assert_eq!(resolve(&dir.path().join("./x")), real.join("x"));
    }
}
