"""Builds examples/untrusted.ipynb by executing real cells in a real ipykernel (Debian's
nbclient). Run with /usr/bin/python3 from the repository root: the outputs are what a
hostile package or dataset could make a kernel display, next to ordinary outputs."""
import nbformat
from nbclient import NotebookClient

cells = [
    ("markdown", "# An untrusted notebook\nOrdinary outputs next to outputs a hostile package could emit."),
    ("code", "import pandas as pd\ndf = pd.DataFrame({'model': ['a', 'b', 'c'], 'accuracy': [0.91, 0.87, 0.95]})\ndf"),
    ("code", "df.style.background_gradient(subset=['accuracy'])"),
    ("code", "%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.plot([1, 3, 2, 4]); plt.title('loss'); plt.show()"),
    ("code", "from IPython.display import HTML, Markdown, Javascript, SVG, display\n"
             "# a model card whose 'description' field carries script\n"
             "display(HTML('<b>Model card</b><img src=x onerror=\"fetch(\\'/api/kernels\\', {method: \\'POST\\'})\">'))"),
    ("code", "# the same payload in Markdown bypasses frontends that sandbox only text/html\n"
             "display(Markdown('**Dataset notes** <img src=x onerror=\"alert(document.cookie)\">'))"),
    ("code", "display(Javascript('alert(\"JavaScript output from an untrusted package\")'))"),
    ("code", "display(Markdown('[click for docs](javascript:alert(1)) and a real [link](https://jupyter.org)'))"),
]
nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
for kind, src in cells:
    nb.cells.append(nbformat.v4.new_markdown_cell(src) if kind == "markdown" else nbformat.v4.new_code_cell(src))
NotebookClient(nb, timeout=60, kernel_name="python3").execute()
nbformat.write(nb, "examples/untrusted.ipynb")
