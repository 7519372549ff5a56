#!/usr/bin/python3
"""Rebuilds docs/img/jupyterlab-guarded.png from the screenshots of the last NotebookUiIT run:
the lab app without nbguard (lab-direct) beside the lab app through nbguard (lab-proxy), the
same cells. Run from the repository root after the IT: e2e-tests/lab-app/docs-image.py"""
import json
import sys

from PIL import Image, ImageDraw, ImageFont

BASE = 'e2e-tests/target/e2e/notebook-ui'
OUT = 'docs/img/jupyterlab-guarded.png'
WIDTH = 1200
COLUMNS = [
    ('lab-direct', 'Without nbguard: script in outputs runs in the page', '#b00020'),
    ('lab-proxy', 'Through nbguard: attacks inert, benign outputs intact', '#1e7e34'),
]


def column(label, title, color):
    result = json.load(open(f'{BASE}/{label}/{label}.result.json'))
    shot = result['screenshots'][0]
    cells = shot['cells']
    bottom = cells[-2][1] + 16  # the last cell with output (the final one is the empty new cell)
    image = Image.open(shot['file']).convert('RGB').crop((0, 0, WIDTH, bottom))
    head = 56
    col = Image.new('RGB', (WIDTH, bottom + head), 'white')
    draw = ImageDraw.Draw(col)
    try:
        font = ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', 26)
    except OSError:
        font = ImageFont.load_default()
    draw.rectangle((0, 0, WIDTH, head - 6), fill=color)
    draw.text((16, 12), title, fill='white', font=font)
    col.paste(image, (0, head))
    return col


def main():
    cols = [column(*c) for c in COLUMNS]
    height = max(c.size[1] for c in cols)
    gap = 24
    out = Image.new('RGB', (2 * WIDTH + gap, height), 'white')
    out.paste(cols[0], (0, 0))
    out.paste(cols[1], (WIDTH + gap, 0))
    ImageDraw.Draw(out).line((WIDTH + gap // 2, 0, WIDTH + gap // 2, height), fill='#cccccc', width=2)
    scale = 1600 / out.size[0]
    out = out.resize((1600, int(height * scale)), Image.LANCZOS)
    out.save(OUT, optimize=True)
    print(f'{OUT}: {out.size[0]}x{out.size[1]}', file=sys.stderr)


if __name__ == '__main__':
    main()
