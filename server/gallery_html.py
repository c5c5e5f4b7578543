"""The gallery's pages as plain HTML: everything escaped, inline CSS, one small script from the same server.

Nothing here touches the store; `server/gallery.py` gathers the data and calls these. Every text that comes
from the store (descriptions, captions, prompts, notes) is user text and goes through `e`.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlencode

from limner.agents.looking.evaluation import format_score

PREFIX = "/gallery"

CSS = """
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;background:#16181d;color:#e6e6e6}
a{color:#9cc4ff}header{display:flex;gap:1em;align-items:center;padding:.6em 1em;background:#0e1014;
position:sticky;top:0;z-index:2}header h1{font-size:1.1em;margin:0}header h1 a{color:#fff;text-decoration:none}
header form{flex:1;display:flex;gap:.4em}header input{flex:1;max-width:36em;padding:.4em .6em;border-radius:4px;
border:1px solid #444;background:#222;color:#eee}button{padding:.4em .9em;border-radius:4px;border:0;
background:#3b6fd1;color:#fff;cursor:pointer}main{padding:1em}.note{color:#aaa}.empty{color:#aaa;padding:2em 0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}
.card{background:#20232a;border-radius:6px;overflow:hidden;text-decoration:none;color:inherit;display:block}
.card img{width:100%;aspect-ratio:1;object-fit:contain;background:#0b0c0f;display:block}
.card .meta{display:block;padding:.4em .55em;font-size:.85em}.card .sum{display:block;white-space:nowrap;overflow:hidden;
text-overflow:ellipsis}.card .when{color:#999;font-size:.9em}.pager{display:flex;gap:1em;margin:1.2em 0}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:1.5em}
@media(max-width:900px){.layout{grid-template-columns:1fr}}
.full img{max-width:100%;height:auto;background:#0b0c0f;border-radius:4px}
section{background:#1d2026;border-radius:6px;padding:.6em 1em;margin-bottom:1em}h2{font-size:1em;margin:.2em 0 .6em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em .9em;margin:0}dt{color:#9aa}dd{margin:0;overflow-wrap:anywhere}
dd ul{margin:0;padding-left:1.1em}pre{white-space:pre-wrap;word-break:break-word;background:#111;padding:.6em;
border-radius:4px;margin:0}table{border-collapse:collapse;width:100%;font-size:.9em}td,th{text-align:left;
padding:.3em .4em;border-bottom:1px solid #333;vertical-align:top}.passed{color:#6fdc8c}.failed{color:#ff7b7b}
.unverified{color:#e3c36b}.tree ul{list-style:none;padding-left:1.4em;margin:.2em 0}.tree>ul{padding-left:0}
.node{display:inline-flex;gap:.5em;align-items:center;padding:.2em;border-radius:4px;text-decoration:none;
color:inherit}.node img{width:56px;height:56px;object-fit:contain;background:#0b0c0f;border-radius:3px}
.node.here{outline:2px solid #3b6fd1}.rel{color:#999;font-size:.85em}.compare{display:grid;
grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:1em}.compare figure{margin:0}
.compare img{width:100%;height:auto;background:#0b0c0f;border-radius:4px}figcaption{color:#aaa;font-size:.85em}
.changes .add{color:#6fdc8c}.changes .del{color:#ff7b7b}.changes .mod{color:#e3c36b}
.blend{position:relative;max-width:360px}.blend img{width:100%;display:block}
.blend .over{position:absolute;inset:0;opacity:.5}.err{color:#ff7b7b}
"""

SCRIPT = """
// The gallery's only script: '/' focuses the search box; the blend slider fades parent into child.
document.addEventListener('keydown', function (event) {
  var box = document.getElementById('q');
  if (event.key === '/' && box && document.activeElement !== box) { event.preventDefault(); box.focus(); }
});
document.querySelectorAll('input.fade').forEach(function (slider) {
  var over = document.getElementById(slider.dataset.target);
  var show = function () { over.style.opacity = slider.value / 100; };
  slider.addEventListener('input', show);
  show();
});
"""


def e(value: object) -> str:
    """Text for HTML, quotes included: descriptions and captions are user text."""
    return html.escape("" if value is None else str(value), quote=True)


def url(path: str, **query: object) -> str:
    kept = {k: v for k, v in query.items() if v not in (None, "")}
    return f"{PREFIX}{path}" + (f"?{urlencode(kept)}" if kept else "")


def page(title: str, body: str, *, query: str = "") -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{e(title)} · Limner</title><style>{CSS}</style></head><body>"
        f"<header><h1><a href='{PREFIX}'>Limner gallery</a></h1>"
        f"<form action='{url('/search')}' method='get' role='search'>"
        f"<input id='q' name='q' type='search' value='{e(query)}' placeholder='search: words or meaning  ( / )' "
        "aria-label='search'><button type='submit'>Search</button></form></header>"
        f"<main>{body}</main><script src='{url('/gallery.js')}'></script></body></html>"
    )


def error_page(status: int, message: str) -> str:
    return page(f"error {status}", f"<p class='err' id='error'>{e(message)}</p><p><a href='{PREFIX}'>back</a></p>")


# The grid ----------------------------------------------------------------------------------------


def card(image_id: str, summary: str, created_at: str, extra: str = "") -> str:
    when = created_at[:16].replace("T", " ")
    return (
        f"<a class='card' href='{url('/image/' + image_id)}' data-id='{e(image_id)}' title='{e(summary)}'>"
        f"<img loading='lazy' src='{url('/thumb/' + image_id + '.jpg')}' alt='{e(summary)}'>"
        f"<span class='meta'><span class='sum'>{e(summary)}</span>"
        f"<span class='when'>{e(when)} · {e(image_id)}{e(extra)}</span></span></a>"
    )


def grid_page(cards: list[str], *, page_number: int, more: bool, title: str, note: str = "", query: str = "") -> str:
    head = f"<p class='note'>{e(note)}</p>" if note else ""
    if not cards:
        empty = "no stored image matches" if query else 'no images yet: try  limner generate "a lighthouse at dusk"'
        return page(title, f"{head}<p class='empty' id='empty'>{e(empty)}</p>", query=query)
    path = "/search" if query else ""
    links = []
    if page_number > 1:
        links.append(f"<a rel='prev' href='{url(path, q=query, page=page_number - 1)}'>← newer</a>")
    if more:
        links.append(f"<a rel='next' href='{url(path, q=query, page=page_number + 1)}'>older →</a>")
    pager = f"<nav class='pager'>{''.join(links)}</nav>" if links else ""
    return page(title, f"{head}<div class='grid' id='grid'>{''.join(cards)}</div>{pager}", query=query)


# The image page ----------------------------------------------------------------------------------


def image_page(data: dict[str, Any]) -> str:
    details = data["details"]
    image_id = details.image_id
    full = (
        f"<section class='full'><a href='{url('/file/' + image_id + '.png')}'>"
        f"<img id='picture' src='{url('/file/' + image_id + '.png')}' width='{details.width}' "
        f"height='{details.height}' alt='{e(details.summary)}'></a>"
        f"<p>{e(details.summary)}</p></section>"
    )
    left = full + _parent_section(data) + _mask_section(details) + _lineage_section(data["lineage"], image_id)
    right = (
        _facts_section(details)
        + _checks_section(data["evaluations"])
        + _captions_section(data["captions"])
        + _parameters_section(data["parameters"])
        + _scene_section(details.scene.model_dump(mode="json", exclude_defaults=True))
    )
    return page(details.summary, f"<div class='layout'><div>{left}</div><div>{right}</div></div>")


def _facts_section(details: Any) -> str:
    rows = [
        ("image", details.image_id),
        ("made", details.created_at[:19].replace("T", " ")),
        ("generator", details.generator),
        ("size", f"{details.width}×{details.height}"),
        ("seed", details.seed),
        ("file", details.path),
    ]
    items = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows)
    if details.parent_id:
        items += (
            f"<dt>parent</dt><dd><a id='parent-link' href='{url('/image/' + details.parent_id)}'>"
            f"{e(details.parent_id)}</a> <span class='rel'>({e(details.relation)})</span></dd>"
        )
    if details.children:
        links = ", ".join(
            f"<a class='child-link' href='{url('/image/' + c['image_id'])}'>{e(c['image_id'])}</a> "
            f"<span class='rel'>({e(c['relation'])})</span>"
            for c in details.children
        )
        items += f"<dt>children</dt><dd>{links}</dd>"
    return f"<section id='facts'><h2>Image</h2><dl>{items}</dl></section>"


def changes_html(changes: str | None) -> str:
    if not changes:
        return "<p class='note'>the Scene did not change</p>"
    kinds = {"+": "add", "-": "del", "~": "mod"}
    lines = "".join(f"<li class='{kinds.get(line[:1], '')}'>{e(line)}</li>" for line in changes.splitlines())
    return f"<ul class='changes' id='changes'>{lines}</ul>"


def _parent_section(data: dict[str, Any]) -> str:
    details, parent = data["details"], data["parent"]
    if parent is None:
        return ""
    child_src, parent_src = url(f"/file/{details.image_id}.png"), url(f"/file/{parent.image_id}.png")
    return (
        f"<section id='compare'><h2>Parent and child ({e(details.relation)})</h2><div class='compare'>"
        f"<figure><a href='{url('/image/' + parent.image_id)}'><img id='parent-picture' src='{parent_src}' "
        f"alt='{e(parent.summary)}'></a><figcaption>parent {e(parent.image_id)}: {e(parent.summary)}</figcaption>"
        f"</figure><figure><img id='child-picture' src='{child_src}' alt='{e(details.summary)}'>"
        f"<figcaption>this image: {e(details.summary)}</figcaption></figure>"
        f"<figure><img id='pixel-diff' src='{url('/diff/' + details.image_id + '.png')}' alt='pixel difference'>"
        "<figcaption>pixel difference (brighter: changed more)</figcaption></figure></div>"
        f"<h2>What changed in the Scene</h2>{changes_html(details.changes)}"
        f"<h2>Blend</h2><div class='blend'><img src='{parent_src}' alt='parent'>"
        f"<img class='over' id='blend-child' src='{child_src}' alt='child'></div>"
        "<label>parent <input class='fade' data-target='blend-child' type='range' min='0' max='100' value='50'> "
        "child</label></section>"
    )


def _mask_section(details: Any) -> str:
    if not details.mask_uri:
        return ""
    return (
        f"<section id='mask'><h2>Mask of this edit</h2><img src='{url('/mask/' + details.image_id + '.png')}' "
        "style='max-width:256px;background:#000' alt='mask'><p class='note'>only the white could change</p></section>"
    )


def _lineage_section(lineage: Any, here: str) -> str:
    children: dict[str, list[tuple[str, str]]] = {}
    for edge in lineage.edges:
        children.setdefault(edge.parent_id, []).append((edge.child_id, edge.relation))
    nodes = {n.image_id: n for n in lineage.nodes}
    seen: set[str] = set()

    def branch(image_id: str, relation: str | None) -> str:
        if image_id in seen or image_id not in nodes:
            return ""
        seen.add(image_id)
        node = nodes[image_id]
        mark = " here" if image_id == here else ""
        rel = f"<span class='rel'>{e(relation)}</span>" if relation else ""
        below = "".join(branch(child, rel_) for child, rel_ in children.get(image_id, []))
        return (
            f"<li><a class='node{mark}' href='{url('/image/' + image_id)}' data-id='{e(image_id)}'>"
            f"<img loading='lazy' src='{url('/thumb/' + image_id + '.jpg')}' alt=''>"
            f"<span>{rel} {e(node.summary)}<br><span class='rel'>{e(image_id)}</span></span></a>"
            + (f"<ul>{below}</ul>" if below else "")
            + "</li>"
        )

    tree = "".join(branch(root, None) for root in lineage.roots)
    cut = "<p class='note'>the family is large; the tree was cut</p>" if lineage.cut else ""
    return f"<section id='lineage' class='tree'><h2>Lineage</h2><ul>{tree}</ul>{cut}</section>"


def _checks_section(evaluations: list[dict[str, Any]]) -> str:
    if not evaluations:
        return (
            "<section id='checks'><h2>Checks</h2><p class='note'>not evaluated yet: "
            "<code>limner evaluate ID</code> checks it against its Scene</p></section>"
        )
    parts = []
    for n, stored in enumerate(reversed(evaluations)):  # newest first, the older ones folded
        body = _evaluation_html(stored["evaluation"])
        when = e(str(stored.get("created_at", ""))[:19].replace("T", " "))
        if n == 0:
            parts.append(f"<p class='note'>evaluated {when}</p>{body}")
        else:
            parts.append(f"<details><summary>earlier evaluation, {when}</summary>{body}</details>")
    return f"<section id='checks'><h2>Checks</h2>{''.join(parts)}</section>"


def _evaluation_html(evaluation: dict[str, Any]) -> str:
    verdict = "match" if evaluation.get("passed") else "no match"
    head = (
        f"<p>score <b>{e(format_score(evaluation.get('score')))}</b>: {e(verdict)} "
        f"(threshold {e(evaluation.get('threshold'))})"
    )
    if evaluation.get("clip_score") is not None:
        head += f" · CLIPScore {e(evaluation['clip_score'])}"
    head += "</p>"
    rows = "".join(
        f"<tr class='verdict'><td class='{e(v.get('status'))}'>{e(v.get('status'))}</td>"
        f"<td>{e(v.get('question'))}{'' if v.get('required') else ' <span class=rel>(optional)</span>'}</td>"
        f"<td>{e(v.get('answered_by'))}</td><td>{e(v.get('confidence'))}</td><td>{e(v.get('detail'))}</td></tr>"
        for v in evaluation.get("verdicts", [])
    )
    table = (
        "<table><thead><tr><th>verdict</th><th>check</th><th>answered by</th><th>confidence</th><th>detail</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    note = f"<p class='note'>{e(evaluation.get('note'))}</p>" if evaluation.get("note") else ""
    return head + table + note


def _captions_section(captions: list[dict[str, Any]]) -> str:
    if not captions:
        return "<section id='captions'><h2>Caption</h2><p class='note'>no caption yet</p></section>"
    items = "".join(
        f"<li><span class='caption-text'>{e(c.get('text'))}</span> <span class='rel'>({e(c.get('captioner'))}"
        f"{', ' + e(c['model']) if c.get('model') else ''}{'' if c.get('semantic') else ', measured from pixels only'})"
        "</span></li>"
        for c in reversed(captions)
    )
    return f"<section id='captions'><h2>Caption</h2><ul>{items}</ul></section>"


def _parameters_section(parameters: str | None) -> str:
    text = f"<pre id='parameters'>{e(parameters)}</pre>" if parameters else "<p class='note'>none in the file</p>"
    return f"<section><h2>PNG parameters</h2>{text}</section>"


def _scene_section(scene: dict[str, Any]) -> str:
    return f"<section id='scene'><h2>Scene</h2>{_fields(scene)}</section>"


def _fields(data: object) -> str:
    """A Scene (or any JSON) as readable fields: objects as definition lists, lists as lists."""
    if isinstance(data, dict):
        if not data:
            return "<span class='note'>none</span>"
        return "<dl>" + "".join(f"<dt>{e(_label(k))}</dt><dd>{_fields(v)}</dd>" for k, v in data.items()) + "</dl>"
    if isinstance(data, list):
        if not data:
            return "<span class='note'>none</span>"
        if all(not isinstance(item, (dict, list)) for item in data):
            return e(", ".join(str(item) for item in data))
        return "<ul>" + "".join(f"<li>{_fields(item)}</li>" for item in data) + "</ul>"
    return e(data)


def _label(key: object) -> str:
    return str(key).replace("_", " ")
