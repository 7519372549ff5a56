# Cells the notebook UI proofs type and run, in order, in every UI and deployment.
# A header line: "# %% <id> <kind> [direct=<ui>,<ui>] [only=<ui>,<ui>]".  kind: setup | attack |
# benign; only= runs the cell in those UIs only (the lab app has no widget manager).
# direct= lists the UIs in which the attack executes without nbguard (the control); in those the
# DIRECT deployment must see its marker, and no guarded deployment may. {{PWN_FILE}} is replaced
# by a path the kernel-api payload makes the kernel write. An attack whose source shows <b>id</b>
# must still show that text (or in a sandboxed frame) where it is guarded: the harmless part stays.
# Payloads leave their id in window.__nbg_pwned of the top page and list it in a red box at the
# top right of the page (grey inside a sandboxed frame), so a screenshot shows what ran where.

# %% setup setup
from IPython.display import HTML, Markdown, SVG, Javascript, Math, display
PWN = ("(window.__nbg_pwned=window.__nbg_pwned||[]).push('%s');(function(){"
       "var top=window.top===window,b=document.getElementById('nbg-pwned');if(!b){"
       "b=document.createElement('div');b.id='nbg-pwned';b.style.cssText='position:fixed;top:8px;"
       "right:8px;z-index:99999;color:#fff;font:bold 14px sans-serif;padding:8px 12px;"
       "border-radius:4px;max-width:360px;background:'+(top?'#b00020':'#5f6368');b.textContent="
       "top?'Script in outputs ran in the page:':'Ran in a sandboxed frame only:';"
       "document.body.appendChild(b);}b.textContent+=' %s';})()")
pwn = lambda name: PWN.replace('%s', name)

# %% html-img attack direct=lab,classic
HTML('<b>html-img</b><img src=x onerror="%s">' % pwn('html-img'))

# %% html-script attack direct=lab,classic
HTML('<b>html-script</b><script>%s</script>' % pwn('html-script'))

# %% markdown-html attack direct=lab,classic
Markdown('**markdown-html** <img src=x onerror="%s">' % pwn('markdown-html'))

# %% svg-image attack direct=classic
SVG('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="%s"><rect width="40" height="40" fill="red"/><image href="x" onerror="%s"/><script>%s</script></svg>' % ((pwn('svg-image'),) * 3))

# %% svg-in-html attack direct=lab,classic
HTML('<b>svg-in-html</b><svg width="20" height="20"><image href="x" onerror="%s"/></svg>' % pwn('svg-in-html'))

# %% javascript attack direct=lab,classic
Javascript(pwn('javascript'))

# %% widget-html attack direct=lab,classic
HTML('<div class="widget-html jupyter-widgets"><details open ontoggle="%s"><summary>widget-html</summary>widget</details></div>' % pwn('widget-html'))

# %% ipywidget attack direct=classic only=classic
import ipywidgets
ipywidgets.HTML(value='<b>ipywidget</b><img src=x onerror="%s">' % pwn('ipywidget'))

# %% markdown-fence-module attack direct=classic
# classic Notebook loads a fenced block's mode as the RequireJS module codemirror/mode/INFO/INFO:
# '..' climbs out and ':' makes it a URL, here a data: script (JupyterLab only shows the block)
import urllib.parse
Markdown('**markdown-fence-module**\n\n```../../data:,%s%%2F%%2F\nx = 1\n```\n'
         % urllib.parse.quote(pwn('markdown-fence-module'), safe=''))

# %% markdown-math-classic attack direct=classic
# classic finds math differently from JupyterLab (an indented fence hides its dollar from
# classic only): the quotes of this image's alt are math to classic alone, and come back
# unescaped into alt="…"
Markdown('**markdown-math-classic**\n\n  ```\n  $\n  ```\n![b$" onerror="%s" c="$](z) $\n'
         % pwn('markdown-math-classic'))

# %% ipywidget-link attack direct=classic only=classic
# jsdlink copies the Text's value, plain text to the policy, into HTML.value in the browser
_src = ipywidgets.Text(value='<img src=x onerror="%s">' % pwn('ipywidget-link'))
_dst = ipywidgets.HTML(value='<b>ipywidget-link</b>')
ipywidgets.jsdlink((_src, 'value'), (_dst, 'value'))
_dst

# %% kernel-api attack direct=lab,classic
import json
code = "open(%r, 'w').write('pwned by output')" % '{{PWN_FILE}}'
js = ("(async()=>{const t=new URLSearchParams(location.search).get('token')||'';"
      "const ks=await (await fetch('/api/kernels',{headers:{Authorization:'token '+t}})).json();"
      "const ws=new WebSocket('ws://'+location.host+'/api/kernels/'+ks[0].id+'/channels?token='+t);"
      "ws.onopen=()=>{ws.send(JSON.stringify({header:{msg_id:'nbg-'+Date.now(),msg_type:'execute_request',"
      "username:'nbg',session:'nbg-attack',date:new Date().toISOString(),version:'5.3'},parent_header:{},"
      "metadata:{},channel:'shell',buffers:[],content:{code:%s,silent:false,store_history:false,"
      "user_expressions:{},allow_stdin:false,stop_on_error:true}}));%s;};})()") % (json.dumps(code), pwn('kernel-api'))
HTML('<b>kernel-api</b><img src=x onerror="%s">' % js.replace('"', '&quot;'))

# %% dataframe benign
import pandas as pd
df = pd.DataFrame({'city': ['Oslo', 'Lima', 'Hanoi'], 'temp': [3.5, 19.25, 28.75]})
df

# %% styler benign
df.style.highlight_max(subset=['temp'], color='yellow').format({'temp': '{:.2f}'})

# %% matplotlib benign
%matplotlib inline
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(4, 2.5))
ax.plot([0, 1, 2, 3], [1, 4, 2, 5], marker='o')
ax.set_title('benign figure')
plt.show()

# %% markdown-link benign
Markdown('Read **the docs** at [jupyter.org](https://jupyter.org/).')

# %% latex benign
Math(r'\int_0^1 x^2\,dx = \frac{1}{3}')
