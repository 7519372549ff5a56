#!/usr/bin/python3
"""Extra benign outputs (fidelity check): libraries not in generate.py's corpus.

Run:  MPLBACKEND=Agg /usr/bin/python3 corpus/benign/extra.py [OUT]
Writes corpus/benign/extra-outputs.jsonl (or OUT), one {"id", "source", "bundle"} per
line, with the capture generate.py uses too (capture.py: IPython DisplayFormatter / display publisher,
seeded uuid4, fixed addresses). Debian bookworm packages: python3-xarray, python3-sklearn,
python3-sympy, python3-statsmodels, python3-rich, python3-networkx, python3-seaborn.
"""
import base64
import io
import os
import struct
import sys
import wave
import zlib

import capture

capture.start(20261126)

import numpy as np  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from IPython.core.pylabtools import select_figure_formats  # noqa: E402
from IPython import display as D  # noqa: E402
from IPython.utils.capture import capture_output  # noqa: E402
from capture import add, fmt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHELL = capture.shell()
FMT = SHELL.display_formatter


def guarded(fn):
    try:
        fn()
    except ImportError as e:
        print("skipping %s: %s" % (fn.__name__, e), file=sys.stderr)


# ---------------- xarray ----------------
def xarray_outputs():
    import xarray as xr
    xr.set_options(display_style="html")
    rs = np.random.RandomState(3)
    temp = 15 + 8 * rs.randn(2, 3, 4)
    ds = xr.Dataset(
        {"temperature": (["x", "y", "time"], temp, {"units": "degC", "long_name": "air <temp> & stuff"}),
         "precipitation": (["x", "y", "time"], rs.rand(2, 3, 4))},
        coords={"lon": (["x", "y"], [[-99.8, -99.3, -99.0], [-99.8, -99.3, -99.0]]),
                "lat": (["x", "y"], [[42.2, 42.2, 42.2], [42.6, 42.6, 42.6]]),
                "time": pd.date_range("2014-09-06", periods=4),
                "reference_time": pd.Timestamp("2014-09-05")},
        attrs={"title": "Weather", "source": "https://example.org/data?a=1&b=2"})
    add("xarray-dataset", "xarray %s Dataset _repr_html_" % xr.__version__, fmt(ds))
    add("xarray-dataarray", "xarray DataArray _repr_html_", fmt(ds["temperature"]))
    add("xarray-dataarray-big", "xarray DataArray 100x100 (collapsed data preview)",
        fmt(xr.DataArray(rs.rand(100, 100), dims=("a", "b"), name="big")))


# ---------------- scikit-learn ----------------
def sklearn_outputs():
    import sklearn
    from sklearn import set_config
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.compose import ColumnTransformer
    from sklearn.preprocessing import StandardScaler, OneHotEncoder
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import GridSearchCV
    set_config(display="diagram")
    add("sklearn-estimator", "scikit-learn %s LogisticRegression _repr_html_" % sklearn.__version__,
        fmt(LogisticRegression(C=0.5)))
    num = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    pre = ColumnTransformer([("num", num, ["age", "fare"]), ("cat", OneHotEncoder(handle_unknown="ignore"), ["sex"])])
    pipe = Pipeline([("pre", pre), ("clf", RandomForestClassifier(n_estimators=10))])
    add("sklearn-pipeline", "scikit-learn Pipeline(ColumnTransformer, RandomForest) _repr_html_", fmt(pipe))
    add("sklearn-gridsearch", "scikit-learn GridSearchCV(Pipeline) _repr_html_",
        fmt(GridSearchCV(make_pipeline(StandardScaler(), LogisticRegression()), {"logisticregression__C": [0.1, 1]})))
    from sklearn.datasets import make_classification
    X, y = make_classification(n_samples=60, random_state=0)
    fitted = LogisticRegression().fit(X, y)
    add("sklearn-fitted", "scikit-learn fitted LogisticRegression _repr_html_", fmt(fitted))


# ---------------- sympy ----------------
def sympy_outputs():
    import sympy as sp
    from sympy.interactive.printing import init_printing
    x, y = sp.symbols("x y")
    init_printing(use_latex="mathjax", ip=SHELL)
    add("sympy-integral-latex", "sympy %s Integral, init_printing(use_latex='mathjax')" % sp.__version__,
        fmt(sp.Integral(sp.exp(-x ** 2) * sp.sin(y), (x, -sp.oo, sp.oo))))
    add("sympy-matrix-latex", "sympy Matrix (mathjax)", fmt(sp.Matrix([[x, y ** 2], [sp.Rational(1, 3), sp.sqrt(x)]])))
    add("sympy-solve-latex", "sympy solve() list (mathjax)", fmt(sp.solve(x ** 2 - 2, x)))
    try:
        init_printing(use_latex="png", ip=SHELL)
        add("sympy-integral-png", "sympy Integral, init_printing(use_latex='png') (matplotlib mathtext)",
            fmt(sp.Integral(sp.exp(-x ** 2), (x, 0, 1))))
    except Exception as e:  # needs latex or matplotlib
        print("sympy png:", e, file=sys.stderr)
    init_printing(use_latex="mathjax", ip=SHELL)
    add("sympy-piecewise", "sympy Piecewise (mathjax)", fmt(sp.Piecewise((x, x < 0), (x ** 2, True))))
    # leave the shell without sympy printers for the rest
    for t in list(FMT.formatters["text/latex"].type_printers):
        if getattr(t, "__module__", "").startswith("sympy"):
            FMT.formatters["text/latex"].type_printers.pop(t, None)
    init_printing(pretty_print=False, use_latex=False, ip=SHELL)


# ---------------- statsmodels ----------------
def statsmodels_outputs():
    import statsmodels
    import statsmodels.api as sm
    import statsmodels.iolib.summary as smsum
    import statsmodels.iolib.summary2 as smsum2
    import time as _time
    import types
    fixed = _time.gmtime(1764028800)  # SOURCE_DATE_EPOCH: summaries print "Date:"/"Time:" of now
    smsum.time = types.SimpleNamespace(localtime=lambda *a: fixed, strftime=_time.strftime)

    class _FixedDT:
        @staticmethod
        def now():
            import datetime as _dt
            return _dt.datetime(2025, 11, 25, 0, 0)
    smsum2.datetime = types.SimpleNamespace(datetime=_FixedDT)
    rs = np.random.RandomState(5)
    X = sm.add_constant(rs.randn(50, 2))
    y = X @ [1.0, 2.0, -0.5] + rs.randn(50)
    res = sm.OLS(y, X).fit()
    add("statsmodels-ols-summary", "statsmodels %s OLS summary() _repr_html_" % statsmodels.__version__, fmt(res.summary()))
    add("statsmodels-ols-summary2", "statsmodels OLS summary2() _repr_html_", fmt(res.summary2()))
    yb = (y > 1).astype(float)
    logit = sm.Logit(yb, X).fit(disp=0)
    add("statsmodels-logit-summary", "statsmodels Logit summary()", fmt(logit.summary()))


# ---------------- rich ----------------
def rich_outputs():
    from rich.jupyter import JupyterMixin  # noqa: F401
    from rich.table import Table
    from rich.panel import Panel
    from rich.tree import Tree
    from rich.syntax import Syntax
    from rich.markdown import Markdown as RMarkdown
    from rich.text import Text
    from rich.console import Console
    from rich.progress_bar import ProgressBar
    import rich
    t = Table(title="Star Wars Movies")
    t.add_column("Released", justify="right", style="cyan", no_wrap=True)
    t.add_column("Title", style="magenta")
    t.add_column("Box Office", justify="right", style="green")
    t.add_row("Dec 20, 2019", "Star Wars: The Rise of Skywalker", "$952,110,690")
    t.add_row("May 25, 2018", "Solo: A Star Wars Story", "$393,151,347")
    t.add_row("Dec 15, 2017", "Star Wars Ep. V111: <The Last Jedi>", "$1,332,539,889")
    add("rich-table", "rich Table (JupyterMixin _repr_mimebundle_)", fmt(t))
    add("rich-panel", "rich Panel with markup",
        fmt(Panel("[bold red]Error[/] in [link=https://example.org/doc]the docs[/link] — [italic blue on yellow]highlight[/]", title="Panel")))
    tree = Tree("[bold]root")
    b = tree.add("branch [green]ok")
    b.add("leaf 1")
    b.add(":warning: leaf 2")
    add("rich-tree", "rich Tree", fmt(tree))
    add("rich-syntax", "rich Syntax (python, monokai)",
        fmt(Syntax("def f(x):\n    return '<b>' + x  # c\n", "python", theme="monokai", line_numbers=True)))
    add("rich-markdown", "rich Markdown", fmt(RMarkdown("# Title\n\n* one\n* **two**\n\n`code`")))
    add("rich-text", "rich Text styled", fmt(Text.from_markup("[u]under[/u] [s]strike[/s] [reverse]rev[/] [#ff8800]orange[/]")))
    # rich.print in Jupyter publishes through the console's Jupyter renderer
    console = Console(force_jupyter=True, color_system="truecolor")
    with capture_output() as cap:
        console.print({"a": [1, 2.5, None, True, "str"]}, ProgressBar(total=100, completed=42, width=30))
    for k, out in enumerate(cap.outputs):
        add("rich-console-print-%d" % (k + 1), "rich Console(force_jupyter).print(dict, ProgressBar)",
            {"data": dict(out.data), "metadata": dict(out.metadata or {})})


# ---------------- IPython.display Audio / Video ----------------
def _wav_bytes():
    buf = io.BytesIO()
    w = wave.open(buf, "wb")
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(8000)
    t = np.arange(4000) / 8000.0
    w.writeframes((np.sin(2 * np.pi * 440 * t) * 8000).astype("<i2").tobytes())
    w.close()
    return buf.getvalue()


def media_outputs():
    rs = np.random.RandomState(7)
    t = np.linspace(0, 0.5, 4000)
    add("ipython-audio-array", "IPython.display.Audio(numpy array, rate) (data: URL, WAV base64)",
        fmt(D.Audio(np.sin(2 * np.pi * 440 * t) + 0.1 * rs.randn(4000), rate=8000)))
    add("ipython-audio-url", "IPython.display.Audio(url) (remote src)", fmt(D.Audio(url="https://example.org/sound.wav")))
    path = "/tmp/nbg-extra-sound.wav"
    with open(path, "wb") as f:
        f.write(_wav_bytes())
    add("ipython-audio-file-embed", "IPython.display.Audio(filename) (embedded)", fmt(D.Audio(filename=path)))
    add("ipython-audio-autoplay", "IPython.display.Audio(data, autoplay=True)",
        fmt(D.Audio(data=_wav_bytes(), autoplay=True)))
    add("ipython-video-url", "IPython.display.Video(url)", fmt(D.Video("https://example.org/clip.mp4", width=320, height=240)))
    # a tiny but non-empty fake mp4 payload: the markup is what matters
    vpath = "/tmp/nbg-extra-clip.mp4"
    with open(vpath, "wb") as f:
        f.write(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64)
    cwd = os.getcwd()
    os.chdir("/tmp")
    try:
        add("ipython-video-file", "IPython.display.Video('clip.mp4') (relative file URL, not embedded)",
            fmt(D.Video("nbg-extra-clip.mp4")))
    finally:
        os.chdir(cwd)
    add("ipython-video-embed", "IPython.display.Video(file, embed=True) (data: URL)",
        fmt(D.Video(vpath, embed=True, width=200)))


# ---------------- pandas extras ----------------
def pandas_extra_outputs():
    rs = np.random.RandomState(11)
    links = pd.DataFrame({"name": ["numpy", "pandas"],
                          "link": ['<a href="https://numpy.org" target="_blank">numpy.org</a>',
                                   '<a href="https://pandas.pydata.org/docs/">docs</a>'],
                          "img": ['<img src="https://example.org/logo.png" width="16">', "<b>bold</b>"]})
    add("pandas-to-html-links", "pandas to_html(escape=False) with links via HTML()",
        fmt(D.HTML(links.to_html(escape=False, index=False))))
    add("pandas-render-links", "pandas Styler.format(hyperlinks='html')",
        fmt(pd.DataFrame({"u": ["https://example.org/x", "see www.example.com"]}).style.format(hyperlinks="html")))
    idx = pd.MultiIndex.from_product([["A", "B"], ["x", "y", "z"]], names=["grp", "sub"])
    df = pd.DataFrame(rs.randn(6, 4), index=idx, columns=["c1", "c2", "c3", "c4"])
    st = (df.style.set_caption("Quarterly <results>")
          .set_tooltips(pd.DataFrame([["tip %d,%d" % (i, j) for j in range(4)] for i in range(6)], index=idx, columns=df.columns),
                        props="visibility: hidden; position: absolute; z-index: 1; background-color: #555; color: #fff; padding: 4px;")
          .set_table_styles({"c1": [{"selector": "td", "props": "border-left: 2px solid red"}],
                             "c2": [{"selector": "th", "props": [("color", "#0a0")]}]}, overwrite=False)
          .set_table_styles([{"selector": "caption", "props": "caption-side: bottom; font-style: italic; color: #c00"},
                             {"selector": "th.col_heading", "props": "text-align: center; background-color: #eef"}],
                            overwrite=False)
          .bar(subset=["c3"], align="mid", color=["#d65f5f", "#5fba7d"])
          .bar(subset=["c4"], align="zero", vmin=-2, vmax=2, cmap="coolwarm", height=60, width=80)
          .format(precision=2))
    add("styler-multiindex-tooltips-bar", "pandas Styler MultiIndex + tooltips + caption + table_styles + bar(mid/zero)", fmt(st))
    st2 = (df.style.highlight_null().highlight_between(left=-0.5, right=0.5, color="#ffe")
           .text_gradient(cmap="RdYlGn", subset=["c1"]).set_sticky(axis="index"))
    add("styler-text-gradient-sticky", "pandas Styler text_gradient + highlight_between + set_sticky", fmt(st2))
    cat = pd.DataFrame({"k": pd.Categorical(["a", "b", "a"]), "v": [1, 2, 3], "t": pd.to_timedelta([1, 2, 3], unit="h")})
    add("pandas-groupby-agg", "pandas groupby().agg() MultiIndex columns",
        fmt(cat.groupby("k").agg({"v": ["sum", "mean"], "t": ["max"]})))
    add("pandas-pivot-table", "pandas pivot_table with margins",
        fmt(pd.pivot_table(pd.DataFrame({"a": list("xxyy"), "b": list("pqpq"), "v": [1, 2, 3, 4]}),
                           values="v", index="a", columns="b", aggfunc="sum", margins=True)))
    add("pandas-series-to-frame-html", "pandas Series.to_frame() DataFrame html", fmt(pd.Series([1, 2], name="n").to_frame()))


# ---------------- Markdown ----------------
def markdown_outputs():
    md = (
        "# Results &amp; notes\n\n"
        "| model | acc | f1 |\n|:--|--:|:-:|\n| logreg | 0.91 | **0.88** |\n| rf | 0.93 | *0.90* |\n\n"
        "Inline math $\\alpha = \\frac{1}{2}$ and display:\n\n$$\\sum_{i=1}^n x_i^2$$\n\n"
        "```python\ndef f(x):\n    return x < 3 and x > 1\n```\n\n"
        "![a png](data:image/png;base64,%s) and ![remote](https://example.org/pic.png \"title\")\n\n"
        "Entities: &copy; &lt;tag&gt; &nbsp; &#x2713; &rarr;  [link](https://example.org/a?b=1&c=2) "
        "<https://autolink.example.org> [rel](./other.ipynb#section) [anchor](#results--notes)\n\n"
        "> quote with <kbd>Ctrl</kbd>+<kbd>C</kbd>, <sub>sub</sub>, <sup>sup</sup>, <mark>mark</mark>\n\n"
        "- [x] done\n- [ ] todo\n\n"
        "<details><summary>More</summary>\n\nHidden *content*\n\n</details>\n\n"
        "<span style=\"color: red\">red text</span> <font color=\"blue\">blue</font>\n\n"
        "Footnote-ish<sup id=\"fnref1\">[1](#fn1)</sup>\n\n<p id=\"fn1\">1. the note</p>\n"
    ) % _tiny_png_b64()
    add("ipython-markdown-rich", "IPython.display.Markdown with table, math, code fence, images, entities, details", fmt(D.Markdown(md)))
    add("ipython-markdown-html-img", "Markdown with <img width> and <center>",
        fmt(D.Markdown('<img src="data:image/png;base64,%s" width="64" alt="dot"> <center>centered</center>' % _tiny_png_b64())))


def _tiny_png_b64():
    w, h = 8, 8
    raw = b"".join(b"\x00" + bytes([255, 0, 0] * w) for _ in range(h))

    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return base64.b64encode(png).decode()


# ---------------- other ML notebook staples ----------------
def misc_outputs():
    import seaborn as sns
    import networkx as nx
    select_figure_formats(SHELL, {"png"})
    rs = np.random.RandomState(13)
    df = pd.DataFrame(rs.randn(30, 3), columns=list("abc"))
    g = sns.heatmap(df.corr(), annot=True, cmap="vlag")
    add("seaborn-heatmap-png", "seaborn heatmap (matplotlib png)", fmt(g.figure))
    plt.close("all")
    select_figure_formats(SHELL, {"svg"})
    fig, ax = plt.subplots(figsize=(4, 3))
    G = nx.path_graph(6)
    nx.draw(G, pos=nx.spring_layout(G, seed=1), ax=ax, node_size=60, with_labels=True)
    add("networkx-draw-svg", "networkx draw (matplotlib svg)", fmt(fig))
    plt.close("all")
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set_title(r"$\alpha^2 + \beta_i$ <tag> & amp")
    ax.plot([1, 2, 3])
    add("mpl-mathtext-title-svg", "matplotlib mathtext title (svg)", fmt(fig))
    plt.close("all")
    select_figure_formats(SHELL, {"png"})
    add("ipython-latex-align", "IPython.display.Latex align environment",
        fmt(D.Latex(r"\begin{align} a &= b + c \\ \mathbf{x} &\in \mathbb{R}^n \end{align}")))
    add("ipython-math-color", "IPython.display.Math with \\color and \\text",
        fmt(D.Math(r"\color{red}{x^2} + \text{loss} = \operatorname{argmin}_\theta \; \mathcal{L}(\theta)")))
    add("ipython-html-details", "IPython.display.HTML <details>/<summary>, progress, meter, kbd",
        fmt(D.HTML('<details open><summary>Training log</summary><pre>epoch 1 loss=0.3</pre></details>'
                   '<progress value="70" max="100">70%</progress> <meter value="0.6">60%</meter>'
                   '<p style="background: linear-gradient(to right, #f00 50%, transparent 50%); width: 200px">half</p>')))
    add("ipython-html-anchor-toc", "HTML with anchor ids and in-page links (TOC)",
        fmt(D.HTML('<ul><li><a href="#sec-1">Section 1</a></li></ul><h3 id="sec-1">Section 1</h3><p>body</p>')))
    add("ipython-display-json", "IPython.display.JSON nested", fmt(D.JSON({"a": [1, {"b": None}], "c": "<x>"}, expanded=True)))
    add("ipython-filelinks", "IPython.display.FileLinks('.')", fmt(D.FileLinks(HERE)))
    try:
        import tqdm  # noqa: F401
    except ImportError:
        pass


def ml_extra_outputs():
    from PIL import Image
    rs = np.random.RandomState(17)
    img = Image.fromarray((rs.rand(32, 48, 3) * 255).astype("uint8"))
    add("pil-image", "PIL.Image display (image/png)", fmt(img))
    # matplotlib animation as JS HTML (common for RL / training curves): carries script
    from matplotlib import animation
    fig, ax = plt.subplots(figsize=(3, 2))
    line, = ax.plot([], [])
    ax.set_xlim(0, 2 * np.pi)
    ax.set_ylim(-1, 1)
    xs = np.linspace(0, 2 * np.pi, 50)

    def step(k):
        line.set_data(xs, np.sin(xs + k / 3.0))
        return line,
    anim = animation.FuncAnimation(fig, step, frames=4, interval=200, blit=True)
    add("mpl-animation-jshtml", "matplotlib FuncAnimation.to_jshtml() via HTML()", fmt(D.HTML(anim.to_jshtml(fps=5))))
    plt.close(fig)
    try:
        import graphviz
        from sklearn.tree import DecisionTreeClassifier, export_graphviz
        from sklearn.datasets import load_iris
        iris = load_iris()
        tree = DecisionTreeClassifier(max_depth=2, random_state=0).fit(iris.data, iris.target)
        dot = export_graphviz(tree, feature_names=iris.feature_names, class_names=list(iris.target_names),
                              filled=True, rounded=True, special_characters=True)
        add("graphviz-sklearn-tree", "graphviz.Source(export_graphviz(DecisionTree)) (image/svg+xml)", fmt(graphviz.Source(dot)))
        g = graphviz.Digraph(graph_attr={"rankdir": "LR"})
        g.node("a", "input <x>", shape="box", URL="https://example.org/a", tooltip="tip")
        g.edge("a", "b", label="w=0.5")
        add("graphviz-digraph-url", "graphviz.Digraph with URL/tooltip (svg with <a xlink:href>)", fmt(g))
    except ImportError as e:
        print("graphviz:", e, file=sys.stderr)
    try:
        from tqdm.notebook import tqdm as ntqdm
        with capture_output() as cap:
            bar = ntqdm(total=10, desc="epochs")
            bar.update(4)
            bar.close()
        for k, out in enumerate(cap.outputs):
            add("tqdm-notebook-%d" % (k + 1), "tqdm.notebook progress bar (ipywidgets)",
                {"data": dict(out.data), "metadata": dict(out.metadata or {})})
    except Exception as e:
        print("tqdm:", e, file=sys.stderr)
    add("pandas-df-wide-float-format", "pandas DataFrame with NaN/inf/bool/object columns",
        fmt(pd.DataFrame({"f": [1.5, np.nan, np.inf], "b": [True, False, None], "o": [[1, 2], {"k": "v"}, "<i>x</i>"]})))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "extra-outputs.jsonl")
    for fn in (xarray_outputs, sklearn_outputs, sympy_outputs, statsmodels_outputs, rich_outputs,
               media_outputs, pandas_extra_outputs, markdown_outputs, misc_outputs, ml_extra_outputs):
        guarded(fn)
    capture.write(out)


if __name__ == "__main__":
    main()
