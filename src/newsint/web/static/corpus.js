// The corpus page's only script (the page's Content-Security-Policy runs no inline script).
// Everything the store says is put in the page as text (textContent), never as HTML.
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";

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
    network(c.appearances);
    $("claim").hidden = false;
    $("claim").scrollIntoView();
  } catch (err) { failed(err); }
}

// "Bob Kent (as “Kent”)" where the document names the source otherwise.
function credited(a) {
  return a.credited_to.map((name, i) =>
    a.named_there[i] && a.named_there[i] !== name ? `${name} (as “${a.named_there[i]}”)` : name).join(", ");
}

// A small bipartite network: sources on the left, documents on the right, a line where a
// document credits the claim to the source.
function network(appearances) {
  const svg = $("network"); svg.textContent = "";
  const sources = [...new Set(appearances.flatMap((a) => a.credited_to))];
  const docs = [...new Set(appearances.map((a) => a.title || a.document))];
  const rowHeight = 22, width = 900, height = rowHeight * (Math.max(sources.length, docs.length) + 1);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`); svg.setAttribute("width", width);
  const y = (i) => rowHeight * (i + 1);
  for (const a of appearances) {
    for (const s of a.credited_to) {
      const line = document.createElementNS(SVG, "line");
      line.setAttribute("x1", 310); line.setAttribute("y1", y(sources.indexOf(s)) - 4);
      line.setAttribute("x2", 560); line.setAttribute("y2", y(docs.indexOf(a.title || a.document)) - 4);
      svg.appendChild(line);
    }
  }
  const label = (text, x, yy, anchor, cls) => {
    const t = document.createElementNS(SVG, "text");
    t.setAttribute("x", x); t.setAttribute("y", yy); t.setAttribute("text-anchor", anchor);
    t.setAttribute("class", cls); t.textContent = text.length > 45 ? text.slice(0, 44) + "…" : text;
    svg.appendChild(t);
  };
  sources.forEach((s, i) => label(s, 304, y(i), "end", "source"));
  docs.forEach((d, i) => label(d, 566, y(i), "start", "document"));
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
