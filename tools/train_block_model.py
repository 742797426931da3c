#!/usr/bin/env python3
"""Train the block model (src/rules/block_model.txt) from the dev corpora,
and cross-validate it by corpus with the real extractor.

usage (from the project root):
    tools/train_block_model.py [--corpora ../shared/corpora] [--write] [--no-cv]

Needs numpy (pip install numpy) and the corpora with their truth.

What it does:
1. Builds the `dump_blocks` example and the CLI with the `training` cargo
   feature (in target/tools-training), and dumps every page of every
   corpus with article truth (scrapinghub, trafilatura, dragnet,
   cleaneval-dev) in every form it has, as block feature vectors: exactly
   what the extractor sees. HTML pages train the html weights; the three
   text forms (html-text dumps, browser copies, wrapped terminal dumps)
   train the text weights.
2. Labels blocks. Corpora with a body truth: a block is article text when
   most of its 4-token shingles (or, for short blocks, its whole text) are
   in the true body. trafilatura: a block holding a "with" snippet is
   article text, one holding a "without" snippet is not; the rest are
   unlabelled.
3. Fits an L2-regularised logistic regression per input format (Newton's
   method on standardised features). Each corpus weighs in proportion to
   the square root of its page count (so dragnet's 1,370 pages do not
   drown cleaneval-dev's 57), spread evenly over its labelled blocks.
4. Cross-validates by corpus: for each corpus, fits on all the others,
   writes those weights to a temporary folder and runs the real extractor
   with them (SCRAPE_CLEAN_MODELS, see src/switches.rs) on the held-out
   corpus in every form, scored with ../shared/eval/score.py. It prints
   the held-out scores next to those of the weights in the repository
   and of the fit on everything.
5. With --write, writes the fit on every page to the weights file, with
   the cross-validation table in its header.

The hyper-parameters (regularisation, corpus weights, the recall shift)
are fixed below, not searched, so the held-out numbers are honest
estimates for pages of a collection the model has not seen.
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile

import numpy as np

from evalkit import DEFAULT_CORPORA, FORMS, ROOT, build, measure

WEIGHTS = os.path.join(ROOT, "src", "rules", "block_model.txt")
TRAINING_TARGET = os.path.join(ROOT, "target", "tools-training")
L2 = 1.0                # on standardised features
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
    """Labelled design rows per corpus and mode: {(corpus, mode): (x, y, w)}."""
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
            xs, ys, ws = [], [], []
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
                    xs.append(x); ys.append(y); ws.append(weight)
            if xs:
                key = (corpus, mode)
                x, y, w = np.array(xs, dtype=float), np.array(ys), np.array(ws)
                if key in data:
                    ox, oy, ow = data[key]
                    x, y, w = np.vstack([ox, x]), np.concatenate([oy, y]), np.concatenate([ow, w])
                data[key] = (x, y, w)
            print(f"  dumped {corpus}/{form}: {len(xs)} labelled blocks", file=sys.stderr)
    return data


def pages_of(corpora, corpus):
    return len(json.load(open(os.path.join(corpora, corpus, "truth.json"), encoding="utf-8")))


def design(data, corpora, mode, corpora_in):
    """Stacks the rows of `corpora_in` for one mode, each corpus weighing in
    proportion to the square root of its page count."""
    xs, ys, ws = [], [], []
    for corpus in corpora_in:
        if (corpus, mode) not in data:
            continue
        x, y, w = data[(corpus, mode)]
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


def weights_text(sets, names, header=()):
    lines = ["# Block model weights (logistic regression), one set per input format:",
             "# `format feature weight`, log-odds per unit of the feature (raw scale).",
             "# Written by tools/train_block_model.py; do not edit by hand.",
             f"# L2 {L2} on standardised features; each corpus weighs in by the square root of its",
             f"# pages; trafilatura snippet labels weigh {SNIPPET_WEIGHT}; the bias includes a recall shift of {RECALL_SHIFT}."]
    lines += list(header)
    lines.append("")
    for mode, (bias, weights) in sets.items():
        lines.append(f"{mode} bias {bias + RECALL_SHIFT:.5f}")
        for name, w in zip(names, weights):
            lines.append(f"{mode} {name} {w:.5f}")
        lines.append("")
    return "\n".join(lines)


def fit_all(data, corpora, names, corpora_in):
    return {mode: fit(*design(data, corpora, mode, corpora_in)) for mode in ("text", "html")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=DEFAULT_CORPORA)
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
    data = load(args.corpora)
    everything = fit_all(data, args.corpora, names, present)
    header = []
    if not args.no_cv:
        header.append("# Cross-validated by corpus (fit on the other corpora, the real extractor on the held-out one):")
        print(f"{'held-out run':28} {'metric':9} {'repo':>7} {'fit-all':>8} {'held-out':>9}")
        base_env = {k: v for k, v in os.environ.items() if k not in ("SCRAPE_CLEAN_MODELS", "SCRAPE_CLEAN_DISABLE")}
        repo = measure(binary, args.corpora, only=present, env=base_env, halves=[None])
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "block_model.txt"), "w") as f:
                f.write(weights_text(everything, names))
            fitted = measure(binary, args.corpora, only=present, env=dict(base_env, SCRAPE_CLEAN_MODELS=tmp),
                             halves=[None])
            for held in present:
                sets = fit_all(data, args.corpora, names, [c for c in present if c != held])
                with open(os.path.join(tmp, "block_model.txt"), "w") as f:
                    f.write(weights_text(sets, names))
                out = measure(binary, args.corpora, only=[held], env=dict(base_env, SCRAPE_CLEAN_MODELS=tmp),
                              halves=[None])
                for run, cell in out.items():
                    for metric in ("body", "segments"):
                        if metric in cell["whole"]:
                            r, a, h = repo[run]["whole"][metric], fitted[run]["whole"][metric], cell["whole"][metric]
                            print(f"{run:28} {metric:9} {r:7.3f} {a:8.3f} {h:9.3f}", flush=True)
                            header.append(f"#   {run} {metric}: held out {h:.3f} (fit on all {a:.3f})")
    if args.write:
        with open(WEIGHTS, "w") as f:
            f.write(weights_text(everything, names, header))
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
