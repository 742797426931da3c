//! `scrape_clean._scrape_clean`: the compiled half of the Python package.
//!
//! Input: pages as Python `bytes` or `str`, and the options of
//! `scrape_clean.clean`. Output: each article as the compact JSON the
//! CLI prints (`scrape_clean::to_json`), which the Python half turns into
//! a dict with `json.loads`, so the keys and values are the CLI's by
//! construction; or, for a page that cannot be cleaned, an instance of
//! `scrape_clean.Error`'s subclass for the library's error.
//!
//! It does not reimplement anything: every page goes through
//! `scrape_clean::clean`. The GIL is released while Rust works, and
//! `clean_many_json` spreads one chunk of pages over scoped threads, in
//! input order. Lazy iteration over the caller's iterable, the keyword
//! arguments' defaults and the `errors=` choice live in
//! `python/scrape_clean/__init__.py`.
//!
//! `Stream` reads JSON Lines or WARC records with the library's
//! `stream::Records` from a Python binary file object (its `.read(n)`,
//! called with the GIL held), a window of records at a time, and cleans
//! each window on scoped threads with the GIL released; every record
//! comes back as the line `scrape-clean stream` prints for it
//! (`stream::Outcome::to_json_line`).

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use scrape_clean::stream::{Item, Record, Records, clean_record};
use scrape_clean::{DEFAULT_MAX_BYTES, InputFormat, Options, Style};
use std::cell::RefCell;
use std::io;
use std::rc::Rc;

create_exception!(scrape_clean, Error, PyException, "A page that could not be cleaned.");
create_exception!(scrape_clean, EmptyInput, Error, "The page has no bytes, or only whitespace.");
create_exception!(
    scrape_clean,
    BinaryInput,
    Error,
    "The page is not text in any encoding (an image, an archive, an executable)."
);
create_exception!(
    scrape_clean,
    TooLarge,
    Error,
    "The page is larger than `max_bytes`; `limit` holds the limit in bytes."
);
create_exception!(scrape_clean, NoText, Error, "The page holds no text once markup is removed.");

/// The outcome of one page on a worker thread, before it meets Python.
enum Outcome {
    /// The article as compact JSON.
    Json(String),
    /// The library's reason.
    Failed(scrape_clean::Error),
    /// The worker thread died (the library is written not to panic).
    Crashed,
}

/// The options of one call, from the Python keyword arguments.
fn options(format: &str, now: Option<&str>, max_bytes: Option<u64>) -> PyResult<Options> {
    let format = match format {
        "auto" => InputFormat::Auto,
        "text" => InputFormat::Text,
        "html" => InputFormat::Html,
        other => {
            return Err(PyValueError::new_err(format!(
                "format must be \"auto\", \"text\" or \"html\", not {other:?}"
            )));
        }
    };
    let mut options = Options::new().format(format).max_bytes(max_bytes.unwrap_or(DEFAULT_MAX_BYTES));
    if let Some(now) = now {
        options = options.now(parse_now(now)?);
    }
    Ok(options)
}

/// `now`: a date-time (`2022-10-03T18:00`) or a date (its midnight), as
/// the CLI's `--now` reads it.
fn parse_now(now: &str) -> PyResult<jiff::civil::DateTime> {
    let now = now.trim();
    now.parse::<jiff::civil::DateTime>()
        .or_else(|_| now.parse::<jiff::civil::Date>().map(|d| d.to_datetime(jiff::civil::Time::midnight())))
        .map_err(|_| PyValueError::new_err(format!("now {now:?} is not a date-time like 2022-10-03T18:00")))
}

/// The page's bytes: `bytes` as they are, `str` as UTF-8.
fn page_bytes(page: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = page.cast::<PyBytes>() {
        Ok(bytes.as_bytes().to_vec())
    } else if let Ok(text) = page.cast::<PyString>() {
        Ok(text.to_cow()?.into_owned().into_bytes())
    } else {
        let kind = page.get_type().name().map_or_else(|_| "?".to_string(), |name| name.to_string());
        Err(PyTypeError::new_err(format!("a page must be bytes or str, not {kind}")))
    }
}

fn clean_one(page: &[u8], options: &Options) -> Outcome {
    match scrape_clean::clean(page, options) {
        Ok(article) => Outcome::Json(scrape_clean::to_json(&article, Style::Compact)),
        Err(err) => Outcome::Failed(err),
    }
}

/// The Python exception for a library error.
fn exception(py: Python<'_>, err: &scrape_clean::Error) -> PyErr {
    let message = err.to_string();
    match err {
        scrape_clean::Error::Empty => EmptyInput::new_err(message),
        scrape_clean::Error::Binary => BinaryInput::new_err(message),
        scrape_clean::Error::TooLarge { limit } => {
            let exception = TooLarge::new_err(message);
            // Setting an attribute on a fresh exception does not fail; if it
            // ever did, the exception without `limit` is still the answer.
            let _ = exception.value(py).setattr("limit", *limit);
            exception
        }
        scrape_clean::Error::NoText => NoText::new_err(message),
        _ => Error::new_err(message),
    }
}

fn to_python(py: Python<'_>, outcome: Outcome) -> PyResult<Py<PyAny>> {
    match outcome {
        Outcome::Json(json) => Ok(PyString::new(py, &json).into_any().unbind()),
        Outcome::Failed(err) => Ok(exception(py, &err).into_value(py).into_any()),
        Outcome::Crashed => Err(Error::new_err("internal error: a worker thread failed")),
    }
}

/// Cleans one page; returns the article as the CLI's compact JSON or
/// raises `scrape_clean.Error`. The GIL is released while Rust works.
#[pyfunction]
#[pyo3(signature = (page, format = "auto", now = None, max_bytes = None))]
fn clean_json(
    py: Python<'_>,
    page: &Bound<'_, PyAny>,
    format: &str,
    now: Option<&str>,
    max_bytes: Option<u64>,
) -> PyResult<String> {
    let options = options(format, now, max_bytes)?;
    let page = page_bytes(page)?;
    match py.detach(|| clean_one(&page, &options)) {
        Outcome::Json(json) => Ok(json),
        Outcome::Failed(err) => Err(exception(py, &err)),
        Outcome::Crashed => Err(Error::new_err("internal error")),
    }
}

/// Cleans a list of pages on up to `threads` threads, the GIL released;
/// returns, in input order, for each page its JSON (`str`) or its error
/// (an `Error` instance, not raised).
#[pyfunction]
#[pyo3(signature = (pages, threads, format = "auto", now = None, max_bytes = None))]
fn clean_many_json(
    py: Python<'_>,
    pages: Vec<Bound<'_, PyAny>>,
    threads: usize,
    format: &str,
    now: Option<&str>,
    max_bytes: Option<u64>,
) -> PyResult<Vec<Py<PyAny>>> {
    let options = options(format, now, max_bytes)?;
    let pages = pages.iter().map(page_bytes).collect::<PyResult<Vec<_>>>()?;
    let outcomes = py.detach(|| clean_in_threads(&pages, &options, threads));
    outcomes.into_iter().map(|outcome| to_python(py, outcome)).collect()
}

/// Every page's outcome, in order, the pages split into at most `threads`
/// runs of neighbours, one scoped thread each.
fn clean_in_threads(pages: &[Vec<u8>], options: &Options, threads: usize) -> Vec<Outcome> {
    let threads = threads.clamp(1, pages.len().max(1));
    if threads == 1 {
        return pages.iter().map(|page| clean_one(page, options)).collect();
    }
    let run = pages.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = pages
            .chunks(run)
            .map(|chunk| {
                let worker = scope.spawn(move || chunk.iter().map(|page| clean_one(page, options)).collect());
                (chunk.len(), worker)
            })
            .collect();
        let mut outcomes = Vec::with_capacity(pages.len());
        for (len, worker) in workers {
            match worker.join() {
                Ok(done) => outcomes.extend::<Vec<Outcome>>(done),
                Err(_) => outcomes.extend((0..len).map(|_| Outcome::Crashed)),
            }
        }
        outcomes
    })
}

/// `std::io::Read` over a Python binary file object: each read calls its
/// `.read(n)` with the GIL held. A Python exception is kept in `failure`
/// (and reported to the reader as an I/O error) so that `Stream` can raise
/// it as it was, rather than as a record that failed to read.
struct PyReader {
    file: Py<PyAny>,
    failure: Rc<RefCell<Option<PyErr>>>,
}

impl PyReader {
    fn read_py(&self, py: Python<'_>, buf: &mut [u8]) -> PyResult<usize> {
        let data = self.file.bind(py).call_method1("read", (buf.len(),))?;
        let mut copy = |bytes: &[u8]| {
            let n = bytes.len().min(buf.len());
            buf[..n].copy_from_slice(&bytes[..n]);
            n
        };
        if data.is_none() {
            // A non-blocking file with nothing ready; files of records are
            // not read that way.
            return Err(PyValueError::new_err(
                "stream(): the file's read() returned None (a non-blocking file?)",
            ));
        }
        if let Ok(bytes) = data.cast::<PyBytes>() {
            return Ok(copy(bytes.as_bytes()));
        }
        if let Ok(array) = data.cast::<PyByteArray>() {
            return Ok(copy(&array.to_vec()));
        }
        let kind = data.get_type().name().map_or_else(|_| "?".to_string(), |name| name.to_string());
        Err(PyTypeError::new_err(format!(
            "stream() needs a binary file (open(path, \"rb\")): its read() returned {kind}, not bytes"
        )))
    }
}

impl io::Read for PyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        Python::attach(|py| match self.read_py(py, buf) {
            Ok(n) => Ok(n),
            Err(err) => {
                let text = err.to_string();
                *self.failure.borrow_mut() = Some(err);
                Err(io::Error::other(text))
            }
        })
    }
}

/// A stream of records being read and cleaned: `scrape_clean.stream`'s
/// engine. Not shared between threads (it holds the Python file).
#[pyclass(unsendable)]
struct Stream {
    records: Records<'static>,
    failure: Rc<RefCell<Option<PyErr>>>,
    options: Options,
    threads: usize,
    window: usize,
}

#[pymethods]
impl Stream {
    /// Starts reading `file` (a Python binary file object); `threads`
    /// cleans each window of `window` records.
    #[new]
    #[pyo3(signature = (file, threads, window, now = None, max_bytes = None))]
    fn new(
        file: Py<PyAny>,
        threads: usize,
        window: usize,
        now: Option<&str>,
        max_bytes: Option<u64>,
    ) -> PyResult<Self> {
        let options = options("auto", now, max_bytes)?;
        let failure = Rc::new(RefCell::new(None));
        let reader = PyReader { file, failure: Rc::clone(&failure) };
        let records = Records::new(reader, None, options.byte_limit());
        if let Some(err) = failure.borrow_mut().take() {
            return Err(err);
        }
        let records = records.map_err(|err| Error::new_err(format!("cannot read the input: {err}")))?;
        Ok(Stream { records, failure, options, threads: threads.max(1), window: window.max(1) })
    }

    /// The next window's records, in input order, each as its JSON line;
    /// an empty list at the end of the input. Skipped records (WARC
    /// requests, non-HTML responses) have no line, as in the CLI.
    fn next_lines(&mut self, py: Python<'_>) -> PyResult<Vec<String>> {
        let mut window: Vec<Record> = Vec::with_capacity(self.window);
        while window.len() < self.window {
            let Some(item) = self.records.next() else { break };
            if let Some(err) = self.failure.borrow_mut().take() {
                return Err(err);
            }
            if let Item::Record(record) = item {
                window.push(record);
            }
        }
        if let Some(err) = self.failure.borrow_mut().take() {
            return Err(err);
        }
        let (options, threads) = (&self.options, self.threads);
        Ok(py.detach(|| clean_records(window, options, threads)))
    }
}

/// Every record's line, in order, the records split into at most
/// `threads` runs of neighbours, one scoped thread each.
fn clean_records(records: Vec<Record>, options: &Options, threads: usize) -> Vec<String> {
    let line = |record: Record| clean_record(record, options).to_json_line();
    let threads = threads.clamp(1, records.len().max(1));
    if threads == 1 {
        return records.into_iter().map(line).collect();
    }
    let run = records.len().div_ceil(threads);
    let mut runs: Vec<Vec<Record>> = Vec::with_capacity(threads);
    let mut records = records.into_iter().peekable();
    while records.peek().is_some() {
        runs.push(records.by_ref().take(run).collect());
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = runs
            .into_iter()
            .map(|run| {
                let len = run.len();
                (len, scope.spawn(move || run.into_iter().map(line).collect::<Vec<_>>()))
            })
            .collect();
        let mut lines = Vec::new();
        for (len, worker) in workers {
            match worker.join() {
                Ok(done) => lines.extend(done),
                Err(_) => lines.extend((0..len).map(|_| {
                    r#"{"id":null,"url":null,"error":"internal error: a worker thread failed"}"#.to_string()
                })),
            }
        }
        lines
    })
}

/// The extension module: two functions, the stream reader and the exception classes.
#[pymodule]
fn _scrape_clean(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(clean_json, m)?)?;
    m.add_function(wrap_pyfunction!(clean_many_json, m)?)?;
    m.add_class::<Stream>()?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("EmptyInput", py.get_type::<EmptyInput>())?;
    m.add("BinaryInput", py.get_type::<BinaryInput>())?;
    m.add("TooLarge", py.get_type::<TooLarge>())?;
    m.add("NoText", py.get_type::<NoText>())?;
    m.add("DEFAULT_MAX_BYTES", DEFAULT_MAX_BYTES)?;
    Ok(())
}
