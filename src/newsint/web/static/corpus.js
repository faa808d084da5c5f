// The corpus page's only script (the page's Content-Security-Policy runs no inline script).
// Everything the store says is put in the page as text (textContent), never as HTML.
const $ = (id) => document.getElementById(id);

function cell(row, value) {
  const td = row.insertCell();
  if (value instanceof Node) td.appendChild(value); else td.textContent = value ?? "";
  return td;
}
function table(id, head, rows) {
  const t = $(id); t.textContent = "";
  const h = t.insertRow(); for (const name of head) cell(h, name);
  for (const r of rows) { const row = t.insertRow(); for (const v of r) cell(row, v); }
}
function link(text, onclick) {
  const b = document.createElement("button");
  b.type = "button"; b.className = "link"; b.textContent = text; b.addEventListener("click", onclick);
  return b;
}
function pills(id, names, kind, counts) {
  const box = $(id); box.textContent = "";
  if (!names.length) { box.textContent = "none"; return; }
  for (const name of names) {
    const p = document.createElement("span");
    p.className = "pill " + kind;
    p.appendChild(link(counts ? `${name} ×${counts[name]}` : name, () => showSource(name)));
    box.appendChild(p);
  }
}
async function get(url) {
  const answer = await fetch(url);
  const body = await answer.json();
  if (!answer.ok) throw new Error(body.error || answer.statusText);
  return body;
}
function failed(err) { $("error").textContent = String(err.message || err); }

$("search").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("error").textContent = "";
  try {
    const rows = await get("/api/claims?about=" + encodeURIComponent($("about").value));
    table("claims", ["claim", "documents", "independent sources", "amplified by", "disputed by"],
      rows.map((r) => [link(r.claim, () => showClaim(r.cluster)), r.documents,
        r.independent_sources, Object.keys(r.amplified_by).join(", "), r.disputed_by.join(", ")]));
    if (!rows.length) $("error").textContent = "no claim found";
  } catch (err) { failed(err); }
});

async function showClaim(cluster) {
  $("error").textContent = "";
  try {
    const c = await get("/api/corpus/claims/" + encodeURIComponent(cluster));
    $("claim-text").textContent = c.claim;
    pills("independent", c.independent_sources, "");
    pills("amplified", Object.keys(c.amplified_by), "amp", c.amplified_by);
    pills("disputed", c.disputed_by, "dis");
    table("appearances", ["published", "outlet", "document", "in its words", "grade", "credited to", "disputed by"],
      c.appearances.map((a) => [a.published || "undated", a.site || "", a.title || a.document,
        a.claim, a.grade || "", credited(a), a.disputed_by.join(", ")]));
    $("claim").hidden = false;  // visible first: the network measures its box
    network(c.appearances);
    $("claim").scrollIntoView();
  } catch (err) { failed(err); }
}

// "Bob Kent (as “Kent”)" where the document names the source otherwise.
function credited(a) {
  return a.credited_to.map((name, i) =>
    a.named_there[i] && a.named_there[i] !== name ? `${name} (as “${a.named_there[i]}”)` : name).join(", ");
}

// The network (Cytoscape.js, vendored in the package): sources and the documents that carry
// the claim, an edge where a document credits the claim to a source or has a source dispute it.
function network(appearances) {
  const elements = [], seen = new Set();
  const add = (id, data) => { if (!seen.has(id)) { seen.add(id); elements.push({data: {id, ...data}}); } };
  for (const a of appearances) {
    const doc = "d:" + a.document;
    add(doc, {label: a.site || a.title || a.document, kind: "document"});
    for (const [names, kind] of [[a.credited_to, "credits"], [a.disputed_by, "disputes"]]) {
      for (const name of names) {
        add("s:" + name, {label: name, kind: "source"});
        add(`${kind}:${name}>${a.document}`, {source: "s:" + name, target: doc, kind});
      }
    }
  }
  if (window.corpusNetwork) window.corpusNetwork.destroy();
  window.corpusNetwork = cytoscape({
    container: $("network"), elements, layout: {name: "cose", animate: false, randomize: false, padding: 30,
      nodeRepulsion: () => 60000, idealEdgeLength: () => 110, nodeDimensionsIncludeLabels: true},
    style: [
      {selector: "node", style: {label: "data(label)", "font-size": 10, "text-wrap": "ellipsis",
        "text-max-width": 150, "text-valign": "bottom", width: 14, height: 14}},
      {selector: "node[kind = 'source']", style: {"background-color": "#1d4ed8"}},
      {selector: "node[kind = 'document']", style: {shape: "round-rectangle", "background-color": "#9ca3af"}},
      {selector: "edge", style: {width: 1.5, "line-color": "#bbb", "curve-style": "bezier"}},
      {selector: "edge[kind = 'disputes']", style: {"line-color": "#dc2626", "line-style": "dashed"}},
    ],
  });
  window.corpusNetwork.on("tap", "node[kind = 'source']", (event) => showSource(event.target.data("label")));
}

async function showSource(name) {
  $("error").textContent = "";
  try {
    const s = await get("/api/sources/" + encodeURIComponent(name));
    $("source-name").textContent = s.source;
    $("source-about").textContent = [s.anonymous ? "anonymous" : "named", s.kind.replace("_", " "),
      s.roles.join(", "), s.affiliations.join(", "), `quoted in ${s.documents} document(s)`]
      .filter(Boolean).join(" · ");
    table("named-as", ["document", "named as", "role", "why it is the same source"],
      s.named_as.map((m) => [m.document, m.name, m.role || "", m.evidence]));
    table("said", ["published", "document", "claim", "grade", "independent sources", "disputed by"],
      s.claims.map((c) => [c.published || "undated", c.document, link(c.claim, () => showClaim(c.cluster)),
        c.grade || "", c.independent_sources, c.disputed_by.join(", ")]));
    $("source").hidden = false;
    $("source").scrollIntoView();
  } catch (err) { failed(err); }
}
