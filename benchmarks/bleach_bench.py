"""Reference: Python bleach with an nbconvert-like allowlist, on the same HTML inputs.

Usage: /usr/bin/python3 benchmarks/bleach_bench.py INPUTDIR OUT.json [SECONDS_PER_INPUT]
Writes {file: {"bytes": n, "times": [seconds, ...]}} for every text/html input. bleach is
HTML-only, so the SVG input is skipped. Needs Debian's python3-bleach (and python3-tinycss2).
"""
import json
import os
import sys
import time

import bleach
from bleach.css_sanitizer import CSSSanitizer

# Close to what nbconvert's sanitizer allows: formatting, tables, images, links, class/id/style.
TAGS = sorted(set(bleach.sanitizer.ALLOWED_TAGS) | {
    "b", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul"})
ATTRIBUTES = {
    "*": ["class", "id", "style", "title"],
    "a": ["href", "title", "target"],
    "img": ["src", "alt", "width", "height"],
    "td": ["colspan", "rowspan", "align", "valign"],
    "th": ["colspan", "rowspan", "align", "valign", "scope"],
    "table": ["border", "cellpadding", "cellspacing"],
}
CSS = CSSSanitizer(allowed_css_properties=[
    "color", "background-color", "border", "border-collapse", "font-weight", "font-style",
    "text-align", "vertical-align", "padding", "margin", "width", "height", "white-space"])


def clean(html):
    return bleach.clean(html, tags=TAGS, attributes=ATTRIBUTES, css_sanitizer=CSS,
                        protocols=["http", "https", "mailto", "data"], strip=True)


def main():
    indir, out = sys.argv[1], sys.argv[2]
    budget = float(sys.argv[3]) if len(sys.argv) > 3 else 6.0
    results = {}
    with open(os.path.join(indir, "inputs.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for name, filename, mime, _kind in rows:
        if mime != "text/html":
            continue
        with open(os.path.join(indir, filename), encoding="utf-8") as f:
            html = f.read()
        clean(html)  # warm-up
        times = []
        start = time.perf_counter()
        while len(times) < 3 or (time.perf_counter() - start < budget and len(times) < 50):
            t0 = time.perf_counter()
            clean(html)
            times.append(time.perf_counter() - t0)
        results[filename] = {"bytes": len(html.encode("utf-8")), "times": times}
        print(f"  bleach {name}: {len(times)} runs", file=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"bleach": bleach.__version__, "results": results}, f)


if __name__ == "__main__":
    main()
