"""What both benign generators (generate.py, extra.py) share: a deterministic capture of what
display(obj) publishes in a kernel, and the rows they write.

    import capture
    capture.start(SEED)          # first: fixed dates, seeded uuid4, matplotlib's Agg and SVG salt
    import pandas ...            # then the libraries
    SHELL = capture.shell()      # then IPython's shell, whose DisplayFormatter makes the bundles
"""
import base64
import json
import os
import random
import re
import uuid

RNG = random.Random()
OUT = []
ADDR = re.compile(r" at 0x[0-9a-f]+>")


def start(seed):
    """Makes the run reproducible; call before importing the libraries whose output is captured."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ["SOURCE_DATE_EPOCH"] = "1764028800"  # matplotlib SVG/PDF dates
    RNG.seed(seed)
    uuid.uuid4 = lambda: uuid.UUID(int=RNG.getrandbits(128), version=4)
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "nbguard"


def shell():
    """IPython's shell, as a kernel has it (its display formatter makes the bundles)."""
    from IPython.core.interactiveshell import InteractiveShell

    return InteractiveShell.instance()


def fmt(obj):
    """What display(obj) publishes in a kernel (DisplayFormatter, or the object's own
    _ipython_display_ as plotly uses). The only changes: bytes (PNG) become base64 text, as
    ipykernel sends them, and object addresses in text/plain a fixed one, so that the file is
    reproducible."""
    from IPython import display
    from IPython.utils.capture import capture_output

    with capture_output() as cap:
        display.display(obj)
    bundles = []
    for out in cap.outputs:
        data = dict(out.data)
        for k, v in data.items():
            if isinstance(v, bytes):
                data[k] = base64.b64encode(v).decode("ascii")
        if isinstance(data.get("text/plain"), str):
            data["text/plain"] = ADDR.sub(" at 0x7f0000000000>", data["text/plain"])
        bundles.append({"data": data, "metadata": dict(out.metadata or {})})
    if not bundles:
        raise RuntimeError("display(%r) published nothing" % type(obj))
    return bundles[0] if len(bundles) == 1 else bundles


def add(cid, source, bundle, widget=None):
    """One row; a display() call that published several outputs gives one row each."""
    if isinstance(bundle, list):
        for k, b in enumerate(bundle):
            add("%s-%d" % (cid, k + 1), "%s (display %d of %d)" % (source, k + 1, len(bundle)), b, widget)
        return
    row = {"id": cid, "source": source, "bundle": bundle}
    if widget is not None:
        row["widget"] = widget
    OUT.append(row)


def write(path):
    """Writes the rows as JSON lines."""
    with open(path, "w", encoding="utf-8") as f:
        for row in OUT:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("%d outputs, %d bytes -> %s" % (len(OUT), os.path.getsize(path), path))
