#!/usr/bin/env python3
"""Train the block model (src/rules/block_model.txt) from the dev corpora,
and measure it with the real extractor: on the held-out half of every
corpus, and on every corpus left out of training in turn.

usage (from the project root):
    tools/train_block_model.py [--corpora ../shared/corpora] [--model trees|linear] [--write] [--no-cv]

Needs numpy (pip install numpy) and the corpora with their truth.

What it does:
1. Builds the `dump_blocks` example and the CLI with the `training` cargo
   feature (in target/tools-training), and dumps every page of every
   corpus with article truth (scrapinghub, trafilatura, dragnet,
   cleaneval-dev) in every form it has, as block feature vectors: exactly
   what the extractor sees. HTML pages train the html set; the three text
   forms (html-text dumps, browser copies, wrapped terminal dumps) train
   the text set.
2. Labels blocks. Corpora with a body truth: a block is article text when
   most of its 4-token shingles (or, for short blocks, its whole text) are
   in the true body. trafilatura: a block holding a "with" snippet is
   article text, one holding a "without" snippet is not; the rest are
   unlabelled.
3. Fits on the `tune` half of every corpus only (score.py's fixed split),
   each corpus weighing in by the square root of its page count (so
   dragnet's 1,370 pages do not drown cleaneval-dev's 57), spread evenly
   over its labelled blocks: `trees` (the default) is gradient boosting
   (tools/boosting.py: ROUNDS trees of depth DEPTH on log-loss), `linear`
   an L2 logistic regression.
4. Scores the fit with the real extractor (SCRAPE_CLEAN_MODELS, see
   src/switches.rs) on every corpus and form, whole and by half, next to
   the weights in the repository: the `check` half was never trained on.
5. Cross-validates by corpus: for each corpus, fits on the tune halves of
   the others and scores it whole. No page of that collection was seen.
6. With --write, writes the tune-half fit to the weights file, with both
   tables in its header.

The hyper-parameters (regularisation, corpus weights, rounds, depth, the
recall shift) are fixed below, not searched on the check half.
"""
import argparse, hashlib, json, os, re, shutil, subprocess, sys, tempfile

import numpy as np

import boosting
from evalkit import DEFAULT_CORPORA, FORMS, ROOT, build, cells, measure

WEIGHTS = os.path.join(ROOT, "src", "rules", "block_model.txt")
TRAINING_TARGET = os.path.join(ROOT, "target", "tools-training")
L2 = 1.0                # on standardised features (linear)
ROUNDS, DEPTH = 150, 4  # trees
# Rows a tree fit uses at most: a sample drawn in proportion to the rows'
# weights (dragnet's text forms alone hold 770,000 labelled blocks).
MAX_TREE_ROWS = 200_000
SNIPPET_WEIGHT = 4.0    # a trafilatura label stands for a page's worth of evidence
# Added to the fitted bias: the body metric forgives a stray line more than
# a lost paragraph, so the region leans towards including. Chosen once, on
# cross-validation, from {-0.5, 0, 0.5}.
RECALL_SHIFT = 0.5
CORPORA = ["scrapinghub", "trafilatura", "dragnet", "cleaneval-dev"]
TOKEN = re.compile(r"\w+", re.UNICODE)


def norm_ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


def shingles(tokens, n=4):
    return {tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))}


def dump(corpora, corpus, form):
    d = os.path.join(corpora, corpus, form)
    files = sorted(os.path.join(d, f) for f in os.listdir(d))
    bin_ = os.path.join(TRAINING_TARGET, "release", "examples", "dump_blocks")
    mode = form.split("-")[0]
    pages = {}
    for i in range(0, len(files), 200):
        out = subprocess.run([bin_, mode] + files[i:i + 200], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            page = json.loads(line)
            pages[page["id"]] = page["blocks"]
    return pages


def label_body(blocks, body):
    truth_tokens = TOKEN.findall(body)
    truth_sh = shingles(truth_tokens)
    flat = " " + " ".join(truth_tokens).lower() + " "
    labels = []
    for b in blocks:
        toks = TOKEN.findall(b["text"])
        if not toks:
            labels.append(0.0)
        elif len(toks) >= 4:
            sh = shingles(toks)
            labels.append(1.0 if len(sh & truth_sh) >= 0.6 * len(sh) else 0.0)
        else:
            labels.append(1.0 if (" " + " ".join(toks).lower() + " ") in flat else 0.0)
    return labels


def label_snippets(blocks, t):
    withs = [norm_ws(w) for w in t.get("with", [])]
    withouts = [norm_ws(w) for w in t.get("without", [])]
    labels = []
    for b in blocks:
        text = norm_ws(b["text"])
        if any(w and w in text for w in withouts):
            labels.append(0.0)
        elif any(w and (w in text or (len(text) > 30 and text in w)) for w in withs):
            labels.append(1.0)
        else:
            labels.append(None)
    return labels


def load(corpora):
    """Labelled design rows per corpus and mode: {(corpus, mode): (x, y, w, page ids)}."""
    data = {}
    for corpus in CORPORA:
        path = os.path.join(corpora, corpus, "truth.json")
        if not os.path.exists(path):
            continue
        truth = json.load(open(path, encoding="utf-8"))
        for form in FORMS:
            if not os.path.isdir(os.path.join(corpora, corpus, form)):
                continue
            mode = form.split("-")[0]
            xs, ys, ws, ps = [], [], [], []
            for pid, blocks in dump(corpora, corpus, form).items():
                t = truth.get(pid)
                if not t or not blocks:
                    continue
                labels = label_body(blocks, t["body"]) if "body" in t else label_snippets(blocks, t)
                rows = [(b["features"], y) for b, y in zip(blocks, labels) if y is not None and b["allowed"]]
                if not rows:
                    continue
                weight = SNIPPET_WEIGHT if "body" not in t else 1.0
                for x, y in rows:
                    xs.append(x); ys.append(y); ws.append(weight); ps.append(pid)
            if xs:
                key = (corpus, mode)
                x, y, w, p = np.array(xs, dtype=float), np.array(ys), np.array(ws), np.array(ps)
                if key in data:
                    ox, oy, ow, op = data[key]
                    x, y, w, p = np.vstack([ox, x]), np.concatenate([oy, y]), np.concatenate([ow, w]), np.concatenate([op, p])
                data[key] = (x, y, w, p)
            print(f"  dumped {corpus}/{form}: {len(xs)} labelled blocks", file=sys.stderr)
    return data


def pages_of(corpora, corpus):
    return len(json.load(open(os.path.join(corpora, corpus, "truth.json"), encoding="utf-8")))


def in_half(pid, half):
    """score.py's fixed split of a corpus's pages into "tune" and "check"."""
    return ("tune", "check")[hashlib.sha256(pid.encode()).digest()[0] & 1] == half


def design(data, corpora, mode, corpora_in, half="tune"):
    """Stacks the rows of `corpora_in` for one mode, each corpus weighing in
    proportion to the square root of its page count."""
    xs, ys, ws = [], [], []
    for corpus in corpora_in:
        if (corpus, mode) not in data:
            continue
        x, y, w, pages = data[(corpus, mode)]
        keep = np.array([half is None or in_half(pid, half) for pid in pages])
        x, y, w = x[keep], y[keep], w[keep]
        share = np.sqrt(pages_of(corpora, corpus)) / w.sum()
        xs.append(x); ys.append(y); ws.append(w * share)
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


def fit(x, y, w):
    """Weighted L2 logistic regression by Newton's method; returns raw-scale (bias, weights)."""
    w = w * (len(w) / w.sum())
    mu, sd = x.mean(0), x.std(0)
    sd[sd < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    beta = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], L2); reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (w * (p - y)) + reg * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    weights = beta[1:] / sd
    bias = beta[0] - (weights * mu).sum()
    return bias, weights


def weights_text(sets, names, kind, header=()):
    lines = ["# Block model (log-odds that a block is article text), one set per input format:",
             "# `format feature weight` (linear, raw scale) and `format tree …` lines (boosted trees;",
             "# see src/classify/model.rs). Written by tools/train_block_model.py; do not edit by hand.",
             f"# {kind}; fit on the tune half of every corpus, each corpus weighing in by the square root",
             f"# of its pages; trafilatura snippet labels weigh {SNIPPET_WEIGHT}; the bias includes a recall",
             f"# shift of {RECALL_SHIFT}."]
    lines += list(header)
    lines.append("")
    for mode, (bias, weights, trees) in sets.items():
        lines.append(f"{mode} bias {bias + RECALL_SHIFT:.5f}")
        for name, w in zip(names, weights):
            lines.append(f"{mode} {name} {w:.5f}")
        lines += boosting.tree_lines(mode, trees, names)
        lines.append("")
    return "\n".join(lines)


def fit_mode(data, corpora, mode, corpora_in, kind):
    x, y, w = design(data, corpora, mode, corpora_in)
    if kind == "linear":
        bias, weights = fit(x, y, w)
        return bias, weights, []
    rng = np.random.default_rng(0)
    if len(x) > MAX_TREE_ROWS:
        keep = rng.choice(len(x), MAX_TREE_ROWS, replace=False, p=w / w.sum())
        x, y, w = x[keep], y[keep], np.ones(len(keep))
    base = float(np.log((w * y).sum() / (w * (1 - y)).sum()))
    trees = boosting.fit_binary(x, y, w, base, ROUNDS, DEPTH)
    return base, np.zeros(x.shape[1]), trees


def fit_all(data, corpora, corpora_in, kind):
    return {mode: fit_mode(data, corpora, mode, corpora_in, kind) for mode in ("text", "html")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=DEFAULT_CORPORA)
    ap.add_argument("--model", choices=["trees", "linear"], default="trees")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--no-cv", action="store_true")
    args = ap.parse_args()
    env = dict(os.environ, CARGO_TARGET_DIR=TRAINING_TARGET)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--features", "training", "--example", "dump_blocks"],
                   cwd=ROOT, check=True, env=env)
    binary = build("training")
    names = subprocess.run([os.path.join(TRAINING_TARGET, "release", "examples", "dump_blocks"), "--names"],
                           capture_output=True, text=True, check=True).stdout.split()
    present = [c for c in CORPORA if os.path.exists(os.path.join(args.corpora, c, "truth.json"))]
    kind = (f"gradient-boosted trees ({ROUNDS} of depth {DEPTH})" if args.model == "trees"
            else f"logistic regression, L2 {L2} on standardised features")
    data = load(args.corpora)
    fitted = fit_all(data, args.corpora, present, args.model)
    base_env = {k: v for k, v in os.environ.items() if k not in ("SCRAPE_CLEAN_MODELS", "SCRAPE_CLEAN_DISABLE")}
    header = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "block_model.txt")

        def run(sets, only):
            env = dict(base_env)
            if sets is not None:
                with open(path, "w") as f:
                    f.write(weights_text(sets, names, kind))
                env["SCRAPE_CLEAN_MODELS"] = tmp
            return measure(binary, args.corpora, only=only, env=env)

        repo, new = run(None, present), run(fitted, present)
        print(f"{'run':28} {'metric':9} {'repo tune':>9} {'check':>7}   {'fit tune':>8} {'check':>7}")
        header.append("# Fit on the tune halves; the extractor on each half (repo = the weights before):")
        for name, metric in cells(new):
            r, f = repo[name], new[name]
            line = (f"{name:28} {metric:9} {r['tune'][metric]:9.3f} {r['check'][metric]:7.3f}   "
                    f"{f['tune'][metric]:8.3f} {f['check'][metric]:7.3f}")
            print(line, flush=True)
            header.append(f"#   {name} {metric}: tune {f['tune'][metric]:.3f}, check {f['check'][metric]:.3f}"
                          f" (before {r['tune'][metric]:.3f}, {r['check'][metric]:.3f})")
        if not args.no_cv:
            header.append("# Cross-validated by corpus (fit on the other corpora's tune halves, this corpus whole):")
            print(f"\n{'held-out run':28} {'metric':9} {'repo':>7} {'held-out':>9}")
            for held in present:
                sets = fit_all(data, args.corpora, [c for c in present if c != held], args.model)
                out = run(sets, [held])
                for name, metric in cells(out):
                    if metric in ("body", "segments"):
                        r, h = repo[name]["whole"][metric], out[name]["whole"][metric]
                        print(f"{name:28} {metric:9} {r:7.3f} {h:9.3f}", flush=True)
                        header.append(f"#   {name} {metric}: held out {h:.3f}")
    if args.write:
        with open(WEIGHTS, "w") as f:
            f.write(weights_text(fitted, names, kind, header))
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
