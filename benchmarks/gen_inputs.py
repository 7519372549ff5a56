"""Generates the benchmark inputs with the real libraries (Debian's pandas, matplotlib, plotly).

Usage: /usr/bin/python3 benchmarks/gen_inputs.py OUTDIR
Writes one file per input plus inputs.tsv (name, file, MIME type, parse kind). Fixed seeds, so
the same library versions give the same bytes.
"""
import io
import os
import sys

import numpy as np
import pandas as pd

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rows = []


def save(name, filename, mime, kind, text):
    with open(os.path.join(out, filename), "w", encoding="utf-8") as f:
        f.write(text)
    rows.append((name, filename, mime, kind))
    print(f"  {name}: {len(text.encode('utf-8')) / 1e6:.2f} MB", file=sys.stderr)


def frame(n, seed):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.random((n, 10)), columns=[f"col{i}" for i in range(10)])


save("pandas 1,000x10", "pandas-1000x10.html", "text/html", "fragment", frame(1_000, 1).to_html())
save("pandas 10,000x10", "pandas-10000x10.html", "text/html", "fragment", frame(10_000, 2).to_html())

# ~1 MB pandas table: grow the row count until to_html() passes 1,000,000 bytes.
n = 3_000
while True:
    html = frame(n, 3).to_html()
    if len(html.encode("utf-8")) >= 1_000_000:
        break
    n += 100
save(f"pandas ~1 MB ({n:,}x10)", "pandas-1mb.html", "text/html", "fragment", html)

styler = frame(1_000, 4).style.set_uuid("bench").background_gradient(cmap="viridis")
save("Styler 1,000x10 (background_gradient)", "styler-1000x10.html", "text/html", "fragment",
     styler.to_html())

import matplotlib  # noqa: E402

matplotlib.use("svg")
matplotlib.rcParams["svg.hashsalt"] = "nbguard-benchmarks"
import matplotlib.pyplot as plt  # noqa: E402

rng = np.random.default_rng(5)
x = np.linspace(0, 20, 5_000)
fig, ax = plt.subplots(figsize=(8, 4))
ax.plot(x, np.sin(x) + rng.normal(0, 0.1, x.size), label="noisy sine")
ax.plot(x, np.cos(x), label="cosine")
ax.legend()
ax.set_title("5,000 points")
buf = io.StringIO()
fig.savefig(buf, format="svg", metadata={"Date": None})
save("matplotlib SVG (2x5,000 points)", "matplotlib.svg", "image/svg+xml", "xml", buf.getvalue())

import plotly.graph_objects as go  # noqa: E402

pfig = go.Figure(go.Scatter(x=list(range(1_000)), y=rng.random(1_000).tolist(), mode="lines"))
save("plotly page (include_plotlyjs=True)", "plotly.html", "text/html", "document",
     pfig.to_html(include_plotlyjs=True, full_html=True))

with open(os.path.join(out, "inputs.tsv"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
