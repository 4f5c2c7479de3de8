// Search as you type. Results are built with textContent, never innerHTML: titles and snippets are article text.
const box = document.getElementById("q"), hits = document.getElementById("hits");
let pending = 0;
function snippet(text) {
  const div = document.createElement("div");
  div.className = "snippet";
  text.split(/(⟦[^⟧]*⟧)/).forEach(part => {
    if (part.startsWith("⟦")) { const m = document.createElement("mark"); m.textContent = part.slice(1, -1); div.append(m); }
    else div.append(document.createTextNode(part));
  });
  return div;
}
box.addEventListener("input", async () => {
  const q = box.value.trim(), ticket = ++pending;
  if (!q) { hits.replaceChildren(); return; }
  const response = await fetch("/api/search?limit=20&q=" + encodeURIComponent(q));
  if (ticket !== pending || !response.ok) return;
  const rows = await response.json();
  hits.replaceChildren(...rows.map(h => {
    const item = document.createElement("div"), link = document.createElement("a"), meta = document.createElement("span");
    item.className = "hit"; link.href = "/doc/" + encodeURIComponent(h.id); link.textContent = h.title || h.id;
    meta.className = "meta"; meta.textContent = " " + (h.publisher || "") + " " + (h.published || "date unknown");
    item.append(link, meta, snippet(h.snippet || ""));
    return item;
  }));
  if (!rows.length) hits.textContent = "No document matches.";
});
