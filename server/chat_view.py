"""The views `show`, `lineage` and `search` open inside a chat, as an MCP App (`io.modelcontextprotocol/ui`).

A client that supports MCP Apps (Claude, ChatGPT, Cursor, VS Code) renders the `ui://limner/view.html`
resource in a sandboxed frame next to the tool's result and hands it the result over `postMessage`
(JSON-RPC: `ui/initialize`, then `ui/notifications/tool-result`). The page draws what it was given: an
image page (picture, Scene, changes, mask), a family tree whose images open when clicked (by calling
`show` through the host), or search hits with their thumbnails. It holds no data of its own and loads
nothing from the network. A client without Apps support ignores the binding and reads the same
result's text and preview, so nothing is lost there.
"""

from __future__ import annotations

from mcp.server.apps import Apps

VIEW_URI = "ui://limner/view.html"


def chat_views() -> Apps:
    """The Apps extension with the one view every image tool is bound to."""
    apps = Apps()
    apps.add_html_resource(
        VIEW_URI,
        VIEW_HTML,
        name="limner-view",
        title="Limner image view",
        description="An image with its Scene and lineage, a family tree, or search results.",
        prefers_border=True,
    )
    return apps


VIEW_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Limner</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 12px; color: #1d1d1f; background: #fff; }
h1 { font-size: 16px; margin: 0 0 8px; } .muted { color: #666; } img { max-width: 100%; border-radius: 6px; }
.hit, .node { display: flex; gap: 10px; align-items: center; margin: 6px 0; cursor: pointer; }
.hit img { width: 72px; height: 72px; object-fit: cover; } pre { white-space: pre-wrap; background: #f5f5f7;
padding: 8px; border-radius: 6px; } dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
dt { color: #666; } .this { font-weight: 600; }
</style></head>
<body><div id="view"><p class="muted">Waiting for a Limner result...</p></div>
<script>
"use strict";
const view = document.getElementById("view");
let nextId = 1;
const pending = new Map();

function send(message) { window.parent.postMessage({ jsonrpc: "2.0", ...message }, "*"); }
function request(method, params) {
  const id = nextId++;
  return new Promise((resolve, reject) => { pending.set(id, { resolve, reject }); send({ id, method, params }); });
}
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);  // never markup: user words
  if (cls) node.className = cls;
  return node;
}
function imageOf(result, index) {
  const images = (result.content || []).filter(c => c.type === "image");
  const image = images[index || 0];
  if (!image) return null;
  const img = el("img"); img.src = "data:" + image.mimeType + ";base64," + image.data; return img;
}

function drawImage(result) {
  const d = result.structuredContent;
  view.replaceChildren(el("h1", d.summary), el("p", d.image_id + " · " + d.generator + " · " +
    d.width + "x" + d.height + " · seed " + d.seed, "muted"));
  const img = imageOf(result); if (img) view.append(img);
  const fields = el("dl");
  const scene = d.scene || {};
  for (const key of ["style", "lighting", "time_of_day", "viewpoint"]) {
    if (scene[key]) fields.append(el("dt", key.replace("_", " ")), el("dd", scene[key]));
  }
  (scene.objects || []).forEach((o, i) => {
    const words = [o.count === null ? (o.quantity || "some") : o.count, ...Object.values(o.attributes || {}).flat().filter(Boolean)];
    if (o.text) words.push("says \\"" + o.text + "\\"");
    if (o.place) words.push(o.place);
    fields.append(el("dt", "object " + i), el("dd", o.name + " (" + words.join(", ") + ")"));
  });
  (scene.relations || []).forEach(r => fields.append(el("dt", "relation"),
    el("dd", scene.objects[r.subject].name + " " + r.predicate + " " + scene.objects[r.object].name)));
  view.append(fields);
  if (d.parent_id) view.append(el("p", "From " + d.parent_id + " (" + d.relation + ")", "muted"));
  if (d.changes) view.append(el("pre", d.changes));
  if (d.mask_uri) view.append(el("p", "Masked edit: only the white of " + d.mask_uri + " could change.", "muted"));
}

function drawTree(result) {
  const d = result.structuredContent;
  const byId = Object.fromEntries(d.nodes.map(n => [n.image_id, n]));
  const children = {};
  d.edges.forEach(e => (children[e.parent_id] = children[e.parent_id] || []).push(e));
  view.replaceChildren(el("h1", "Lineage of " + d.image_id));
  const walk = (id, relation, depth) => {
    const node = byId[id]; if (!node) return;
    const row = el("div", null, "node" + (id === d.image_id ? " this" : ""));
    row.style.paddingLeft = (depth * 18) + "px";
    row.append(el("span", (relation ? relation + " " : "") + id + "  " + node.summary));
    row.addEventListener("click", () => open(id));
    view.append(row);
    (children[id] || []).forEach(e => walk(e.child_id, e.relation, depth + 1));
  };
  d.roots.forEach(root => walk(root, null, 0));
}

function drawHits(result) {
  const d = result.structuredContent;
  view.replaceChildren(el("h1", d.hits.length + " images" + (d.semantic ? " (by words and meaning)" : "")));
  d.hits.forEach((hit, i) => {
    const row = el("div", null, "hit");
    const img = imageOf(result, i); if (img) row.append(img);
    row.append(el("span", hit.image_id + "  " + hit.summary + "  (" + hit.matched_by.join(", ") + ")"));
    row.addEventListener("click", () => open(hit.image_id));
    view.append(row);
  });
}

function draw(result) {
  const d = result && result.structuredContent;
  if (!d) { view.replaceChildren(el("pre", ((result && result.content) || []).map(c => c.text || "").join("\\n"))); return; }
  if (d.hits) drawHits(result); else if (d.nodes && d.edges) drawTree(result); else if (d.scene) drawImage(result);
  else view.replaceChildren(el("pre", JSON.stringify(d, null, 2)));
}

async function open(imageId) {
  try { draw(await request("tools/call", { name: "show", arguments: { image_id: imageId } })); }
  catch (error) { view.append(el("p", "Could not open " + imageId + ": " + error.message, "muted")); }
}

window.addEventListener("message", event => {
  const message = event.data;
  if (!message || message.jsonrpc !== "2.0") return;
  if (message.id !== undefined && pending.has(message.id)) {
    const { resolve, reject } = pending.get(message.id); pending.delete(message.id);
    if (message.error) reject(new Error(message.error.message)); else resolve(message.result);
  } else if (message.method === "ui/notifications/tool-result") {
    draw(message.params);
  }
});

request("ui/initialize", { protocolVersion: "2026-01-26", appInfo: { name: "limner", version: "1" },
  appCapabilities: {} }).then(() => send({ method: "ui/notifications/initialized", params: {} }),
  () => send({ method: "ui/notifications/initialized", params: {} }));
</script></body></html>
"""
