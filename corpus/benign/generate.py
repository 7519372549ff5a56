#!/usr/bin/python3
"""Benign corpus: real outputs made by the real libraries' own display methods.

Run:  MPLBACKEND=Agg /usr/bin/python3 corpus/benign/generate.py
Writes corpus/benign/outputs.jsonl, one {"id", "source", "bundle"} per line (widgets also
carry "widget": {model_id, model_module, model_module_version, model_name, state}).
Deterministic: fixed seeds, uuid4 replaced by a seeded generator, fixed SVG hash salt, no network.
Bundles come from IPython's DisplayFormatter (what ipykernel sends for display()/results),
with matplotlib's inline backend formatters registered as in a kernel. The capture itself is
capture.py, shared with extra.py (outputs of further libraries: extra-outputs.jsonl).
"""
import io
import json
import os
import sys

import capture

capture.start(20261125)

import numpy as np  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from IPython.core.pylabtools import select_figure_formats  # noqa: E402
from IPython import display as D  # noqa: E402
from capture import add, fmt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHELL = capture.shell()
FMT = SHELL.display_formatter


def figure(cid, source, fig, formats):
    select_figure_formats(SHELL, formats)
    add(cid, source, fmt(fig))
    plt.close(fig)


# ---------------- pandas ----------------
def pandas_outputs():
    rs = np.random.RandomState(0)
    df = pd.DataFrame(rs.randn(8, 4), columns=list("ABCD"))
    add("pandas-df-small", "pandas DataFrame 8x4 floats", fmt(df))
    big = pd.DataFrame(rs.randint(0, 1000, size=(120, 25)), columns=["col_%d" % k for k in range(25)])
    add("pandas-df-truncated", "pandas DataFrame 120x25 (truncated repr)", fmt(big))
    nan = df.copy()
    nan.iloc[1, 2] = np.nan
    nan["when"] = pd.date_range("2024-01-01", periods=8, freq="D")
    nan["label"] = ["α", "β", "γ", "日本", "<b>not bold</b>", "naïve", "emoji 🎉", None]
    add("pandas-df-nan-unicode", "pandas DataFrame with NaN, dates, unicode and markup-looking strings", fmt(nan))
    idx = pd.MultiIndex.from_product([["bar", "baz", "foo"], ["one", "two"]], names=["first", "second"])
    mi = pd.DataFrame(rs.randn(6, 3), index=idx, columns=pd.MultiIndex.from_tuples([("x", "a"), ("x", "b"), ("y", "c")]))
    add("pandas-df-multiindex", "pandas DataFrame with MultiIndex rows and columns", fmt(mi))
    add("pandas-df-empty", "pandas empty DataFrame", fmt(pd.DataFrame(columns=["a", "b"])))
    add("pandas-series", "pandas Series (text/plain only)", fmt(pd.Series(rs.randn(5), name="values")))
    add("pandas-df-describe", "pandas DataFrame.describe()", fmt(big.describe()))
    cat = pd.DataFrame({"city": ["Zürich", "São Paulo", "Kraków"], "pop": [421878, 12325232, 779115],
                        "url": ["https://example.org/a?x=1&y=2", "mailto:a@b.c", "ftp://x"]})
    add("pandas-df-strings", "pandas DataFrame with URLs and ampersands", fmt(cat))

    s = df.style.background_gradient(cmap="viridis")
    add("styler-background-gradient", "pandas Styler.background_gradient", fmt(s))
    add("styler-highlight-max", "pandas Styler.highlight_max / highlight_min",
        fmt(df.style.highlight_max(color="lightgreen").highlight_min(color="#f88")))
    add("styler-bar", "pandas Styler.bar", fmt(df.style.bar(subset=["A", "B"], color="#d65f5f")))
    add("styler-format-caption", "pandas Styler.format + set_caption",
        fmt(df.style.format("{:.2%}").set_caption("Returns <by> quarter & year")))
    add("styler-table-styles", "pandas Styler.set_table_styles + set_properties",
        fmt(df.style.set_table_styles([{"selector": "th", "props": [("background-color", "#333"), ("color", "white")]},
                                       {"selector": "tr:hover", "props": [("background-color", "yellow")]}])
            .set_properties(**{"font-family": "monospace", "border": "1px solid #ccc"})))
    add("styler-hide", "pandas Styler.hide (index and a column)",
        fmt(df.style.hide(axis="index").hide(subset=["C"], axis="columns")))
    add("styler-applymap-tooltips", "pandas Styler.applymap + set_tooltips",
        fmt(df.style.applymap(lambda v: "color: red" if v < 0 else "color: black")
            .set_tooltips(pd.DataFrame([["tip"] * 4] * 8, columns=list("ABCD")))))
    add("styler-multiindex", "pandas Styler on a MultiIndex frame with background_gradient",
        fmt(mi.style.background_gradient(axis=None).format(precision=2)))


# ---------------- matplotlib ----------------
def mpl_outputs():
    rs = np.random.RandomState(1)
    x = np.linspace(0, 10, 200)
    for fmts in (("png",), ("svg",)):
        kind = fmts[0]
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.plot(x, np.sin(x), label="sin")
        ax.plot(x, np.cos(x), "--", label="cos")
        ax.legend()
        ax.set_title("Line")
        figure("mpl-line-%s" % kind, "matplotlib line plot with legend (%s)" % kind, fig, set(fmts))
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.scatter(rs.randn(100), rs.randn(100), c=rs.rand(100), cmap="plasma")
        figure("mpl-scatter-%s" % kind, "matplotlib scatter with colormap (%s)" % kind, fig, set(fmts))
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.bar(["a", "b", "c", "d"], [3, 7, 2, 5], color=["C0", "C1", "C2", "C3"])
        figure("mpl-bar-%s" % kind, "matplotlib bar chart (%s)" % kind, fig, set(fmts))
        fig, ax = plt.subplots(figsize=(4, 4))
        im = ax.imshow(rs.rand(20, 20), cmap="magma")
        fig.colorbar(im)
        figure("mpl-imshow-%s" % kind, "matplotlib imshow + colorbar (%s)" % kind, fig, set(fmts))
        fig, axs = plt.subplots(2, 2, figsize=(6, 5))
        for k, a in enumerate(axs.flat):
            a.hist(rs.randn(500) + k, bins=20)
            a.set_title("panel %d" % k)
        fig.tight_layout()
        figure("mpl-subplots-%s" % kind, "matplotlib 2x2 subplots of histograms (%s)" % kind, fig, set(fmts))
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.text(0.1, 0.5, r"$\alpha^2 + \beta_i = \frac{\pi}{\sqrt{2}}$ & <tag>", fontsize=14)
        ax.set_xlabel(r"$\mathrm{time}\ (\mu s)$")
        figure("mpl-mathtext-%s" % kind, "matplotlib mathtext and text with markup characters (%s)" % kind, fig, set(fmts))
    select_figure_formats(SHELL, {"png"})


# ---------------- plotly ----------------
def plotly_outputs():
    import plotly.graph_objects as go
    import plotly.io as pio
    fig = go.Figure(data=[go.Scatter(x=[1, 2, 3, 4], y=[10, 11, 12, 13], mode="lines+markers", name="a"),
                          go.Bar(x=[1, 2, 3, 4], y=[3, 1, 2, 4], name="b")])
    fig.update_layout(title="Plotly <i>figure</i>", template="plotly_white")
    add("plotly-html-inline-js", "plotly Figure.to_html(include_plotlyjs=True, full_html=False) shown via IPython.display.HTML",
        fmt(D.HTML(fig.to_html(include_plotlyjs=True, full_html=False))))
    pio.renderers.default = "plotly_mimetype"
    add("plotly-mimetype", "plotly Figure._repr_mimebundle_ with renderer plotly_mimetype (application/vnd.plotly.v1+json)", fmt(fig))
    pio.renderers.default = "jupyterlab"
    heat = go.Figure(data=go.Heatmap(z=np.arange(30).reshape(5, 6)))
    add("plotly-jupyterlab-renderer", "plotly Figure._repr_mimebundle_ with renderer jupyterlab", fmt(heat))
    pio.renderers.default = "notebook_connected"
    add("plotly-notebook-connected", "plotly Figure._repr_mimebundle_ with renderer notebook_connected (require.js + CDN script)", fmt(heat))
    pio.renderers.default = "notebook"
    pie = go.Figure(data=go.Pie(labels=["x", "y", "z"], values=[1, 2, 3]))
    add("plotly-notebook-renderer", "plotly Figure._repr_mimebundle_ with renderer notebook (plotly.js inlined)", fmt(pie))


# ---------------- altair ----------------
def altair_outputs():
    import altair as alt
    df = pd.DataFrame({"a": list("ABCDEFG"), "b": [28, 55, 43, 91, 81, 53, 19]})
    bar = alt.Chart(df).mark_bar().encode(x="a", y="b", tooltip=["a", "b"])
    add("altair-bar", "altair Chart._repr_mimebundle_ (vega-lite bundle)", fmt(bar))
    rs = np.random.RandomState(2)
    pts = pd.DataFrame({"x": rs.randn(50), "y": rs.randn(50), "g": rs.choice(["u", "v"], 50),
                        "link": ["https://example.org/%d" % k for k in range(50)]})
    sel = alt.selection_interval()
    sc = alt.Chart(pts).mark_point().encode(x="x", y="y", color="g", href="link").add_selection(sel).interactive()
    add("altair-scatter-href-selection", "altair scatter with href encoding, interval selection, interactive", fmt(sc))
    layered = (alt.Chart(df).mark_line().encode(x="a", y="b") + alt.Chart(df).mark_text(dy=-5).encode(x="a", y="b", text="b"))
    add("altair-layered", "altair layered line + text chart", fmt(layered.properties(title="Layered")))
    alt.renderers.enable("mimetype")
    add("altair-bar-mimetype", "altair Chart with the mimetype renderer (application/vnd.vegalite.v4+json)", fmt(bar))
    add("altair-scatter-mimetype", "altair interactive scatter with href, mimetype renderer", fmt(sc))
    add("altair-concat-mimetype", "altair hconcat with a brush-linked histogram, mimetype renderer",
        fmt(alt.hconcat(sc, alt.Chart(pts).mark_bar().encode(x=alt.X("x", bin=True), y="count()").transform_filter(sel))))
    alt.renderers.enable("default")


# ---------------- folium ----------------
def folium_outputs():
    import branca.element
    import folium
    branca.element.urandom = lambda n: bytes(capture.RNG.getrandbits(8) for _ in range(n))  # element ids
    m = folium.Map(location=[47.37, 8.54], zoom_start=12, tiles="OpenStreetMap")
    folium.Marker([47.37, 8.54], popup="<b>Zürich</b>", tooltip="click me").add_to(m)
    folium.Circle([47.38, 8.55], radius=300, color="red").add_to(m)
    add("folium-map", "folium Map._repr_html_ (iframe with srcdoc / data URL)", fmt(m))


# ---------------- IPython.display ----------------
PNG_1 = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def ipython_outputs():
    add("display-html-table", "IPython.display.HTML static table",
        fmt(D.HTML("<table><thead><tr><th>name</th><th>value</th></tr></thead><tbody>"
                   "<tr><td>alpha</td><td style='text-align:right'>1.5</td></tr>"
                   "<tr><td colspan='2'><em>total</em></td></tr></tbody></table>")))
    add("display-html-lists-links", "IPython.display.HTML lists and links",
        fmt(D.HTML("<ul><li><a href='https://jupyter.org' target='_blank'>Jupyter</a></li>"
                   "<li><a href='#section-2'>anchor</a></li><li><a href='mailto:x@example.org'>mail</a></li></ul>"
                   "<ol start='3'><li>three</li><li>four <code>x &lt; y</code></li></ol>")))
    add("display-html-inline-image", "IPython.display.HTML with an inline base64 PNG",
        fmt(D.HTML("<p>Logo: <img src='data:image/png;base64,%s' width='16' height='16' alt='dot'></p>" % PNG_1)))
    add("display-html-inline-svg", "IPython.display.HTML with inline SVG",
        fmt(D.HTML("<svg width='120' height='40' xmlns='http://www.w3.org/2000/svg'><defs><linearGradient id='g'>"
                   "<stop offset='0' stop-color='#f00'/><stop offset='1' stop-color='#00f'/></linearGradient></defs>"
                   "<rect width='120' height='40' fill='url(#g)'/><text x='10' y='25' fill='white'>SVG</text></svg>")))
    add("display-html-details", "IPython.display.HTML details/summary",
        fmt(D.HTML("<details><summary>Show traceback</summary><pre>Traceback (most recent call last):\n  File &quot;x.py&quot;</pre></details>")))
    add("display-html-styled", "IPython.display.HTML styled spans and a <style> block",
        fmt(D.HTML("<style>.nbg-ok{color:green;font-weight:bold}.nbg-bad{color:#c00}</style>"
                   "<span class='nbg-ok'>PASSED</span> <span class='nbg-bad' style='text-decoration:underline'>FAILED</span>"
                   "<div style='border:1px solid #ddd;padding:4px;margin:2px 0;background:#fafafa'>box</div>")))
    add("display-html-progress", "IPython.display.ProgressBar-like HTML (tqdm style)",
        fmt(D.HTML("<div><progress value='42' max='100' style='width:300px'></progress> 42/100 [00:01&lt;00:02, 30.1it/s]</div>")))
    pb = D.ProgressBar(10)
    pb.progress = 4
    add("display-progressbar", "IPython.display.ProgressBar", fmt(pb))
    add("display-markdown-rich", "IPython.display.Markdown: headings, table, code with <b>/<script>, links, image, math",
        fmt(D.Markdown("# Report\n\n## Table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```html\n<b>bold</b>\n<script>alert(1)</script>\n```\n\n"
                       "Inline `<script>` code, a [link](https://jupyter.org \"title\"), an image "
                       "![dot](data:image/png;base64,%s) and math $x^2 + y^2 = z^2$.\n\n$$\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$$\n\n"
                       "> quote\n\n- [ ] task\n- [x] done\n" % PNG_1)))
    add("display-markdown-simple", "IPython.display.Markdown simple", fmt(D.Markdown("**Done** in *3.2 s* — see <https://example.org>.")))
    add("display-latex", "IPython.display.Latex", fmt(D.Latex(r"\begin{align} a &= b + c \\ d &= \frac{e}{f} \end{align}")))
    add("display-math", "IPython.display.Math", fmt(D.Math(r"\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}")))
    add("display-svg", "IPython.display.SVG", fmt(D.SVG("<svg xmlns='http://www.w3.org/2000/svg' width='50' height='50'><circle cx='25' cy='25' r='20' fill='teal'/></svg>")))
    fig, ax = plt.subplots(figsize=(2, 2))
    ax.plot([1, 2, 3])
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    add("display-image-png", "IPython.display.Image(png bytes, width=200)", fmt(D.Image(buf.getvalue(), format="png", width=200)))
    buf = io.BytesIO()
    fig.savefig(buf, format="jpeg")
    plt.close(fig)
    add("display-image-jpeg", "IPython.display.Image(jpeg bytes)", fmt(D.Image(buf.getvalue(), format="jpeg")))
    add("display-json", "IPython.display.JSON", fmt(D.JSON({"a": [1, 2, {"b": None}], "html": "<b>x</b>"}, expanded=True)))
    add("display-pretty", "IPython.display.Pretty", fmt(D.Pretty("  indented\n\ttext <b>")))
    add("display-code", "IPython.display.Code (pygments HTML)",
        fmt(D.Code("def f(x):\n    return '<script>' + str(x)  # comment\n", language="python")))
    add("display-javascript-free-text", "plain text result of a Python expression", fmt({"a": 1, "b": [1, 2, 3]}))
    add("display-iframe", "IPython.display.IFrame", fmt(D.IFrame("https://example.org", width=400, height=200)))
    add("display-youtube", "IPython.display.YouTubeVideo", fmt(D.YouTubeVideo("dQw4w9WgXcQ")))
    add("display-filelink", "IPython.display.FileLink", fmt(D.FileLink("data/results.csv")))


# ---------------- ipywidgets ----------------
def widget_outputs():
    try:
        import ipywidgets as W
    except Exception as e:  # pragma: no cover
        print("skipping widgets:", e, file=sys.stderr)
        return
    made = [("widget-html", W.HTML(value="<b>Status:</b> <span style='color:green'>ok</span>")),
            ("widget-htmlmath", W.HTMLMath(value="Area: $\\pi r^2$")),
            ("widget-intslider", W.IntSlider(value=3, min=0, max=10, description="n")),
            ("widget-button", W.Button(description="Run", tooltip="run it"))]
    for cid, w in made:
        state = json.loads(json.dumps(w.get_state(), default=list))
        bundle = fmt(w)
        if "application/vnd.jupyter.widget-view+json" not in bundle["data"]:
            bundle["data"]["application/vnd.jupyter.widget-view+json"] = {"model_id": w.model_id, "version_major": 2, "version_minor": 0}
        add(cid, "ipywidgets %s %s get_state()" % (W.__version__, type(w).__name__), bundle,
            widget={"model_id": w.model_id, "model_module": state.get("_model_module"),
                    "model_module_version": state.get("_model_module_version"),
                    "model_name": state.get("_model_name"), "state": state})


def main():
    np.random.seed(0)
    for fn in (pandas_outputs, mpl_outputs, plotly_outputs, altair_outputs, folium_outputs, ipython_outputs, widget_outputs):
        fn()
    capture.write(os.path.join(HERE, "outputs.jsonl"))


if __name__ == "__main__":
    main()
