// The web page's only script (served from this origin: the page's Content-Security-Policy
// runs no inline script). The report is shown in a sandboxed iframe, where no script runs.
const $ = (id) => document.getElementById(id);
function cell(row, text) { const td = row.insertCell(); td.textContent = text; }

$("analyze-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("error").textContent = ""; $("status").textContent = "analysing…";
  const kind = $("kind").value;
  const url = "/api/analyze?format=html&name=pasted" + (kind ? "&kind=" + kind : "")
    + ($("keep").checked ? "&store=true" : "");
  try {
    const answer = await fetch(url, {method: "POST", body: $("content").value});
    if (!answer.ok) {
      const problem = await answer.json();
      throw new Error(problem.error || answer.statusText);
    }
    $("report").srcdoc = await answer.text();
    $("report").hidden = false;
    const stored = answer.headers.get("X-Newsint-Stored");
    $("status").textContent = stored === "1" ? "done, added to the store" : "done";
  } catch (err) {
    $("status").textContent = ""; $("error").textContent = String(err.message || err);
  }
});

$("claims-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("claims-error").textContent = ""; $("claims").textContent = "";
  const answer = await fetch("/api/claims?about=" + encodeURIComponent($("about").value));
  const rows = await answer.json();
  if (!answer.ok) { $("claims-error").textContent = rows.error; return; }
  const head = $("claims").insertRow();
  for (const h of ["claim", "documents", "independent sources", "sources", "disputed by"]) cell(head, h);
  for (const r of rows) {
    const row = $("claims").insertRow();
    cell(row, r.claim); cell(row, r.documents); cell(row, r.independent_sources);
    cell(row, r.sources.join(", ")); cell(row, r.disputed_by.join(", "));
  }
  if (!rows.length) $("claims-error").textContent = "no claim found";
});
