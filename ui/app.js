() => {
  // qa-bot chat UI: copy buttons, [n] citation links, keeping the latest answer in view.
  // Only reads text from data attributes and element ids the Python side built (escaped).
  if (window.__qaBotReady) return;
  window.__qaBotReady = true;
  document.documentElement.lang = "vi";
  // The panels are designed for a light page; keep Gradio's widgets light too unless asked otherwise.
  if (!/[?&]__theme=dark/.test(window.location.search)) document.body.classList.remove("dark");

  const copyText = (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise((resolve, reject) => {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      document.body.removeChild(area);
      ok ? resolve() : reject(new Error("copy failed"));
    });
  };

  const showSource = (id) => {
    const card = document.getElementById(id);
    if (!card) return false;
    let node = card.parentElement;
    while (node) {
      if (node.tagName === "DETAILS") node.open = true;
      node = node.parentElement;
    }
    card.scrollIntoView({ behavior: "smooth", block: "center" });
    card.classList.remove("qa-flash");
    void card.offsetWidth;
    card.classList.add("qa-flash");
    return true;
  };

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const copy = target.closest("button.qa-copy");
    if (copy) {
      const label = copy.textContent;
      copyText(copy.getAttribute("data-copy") || "").then(
        () => { copy.textContent = "Đã sao chép ✓"; copy.classList.add("qa-done"); },
        () => { copy.textContent = "Không sao chép được"; }
      ).finally(() => setTimeout(() => { copy.textContent = label; copy.classList.remove("qa-done"); }, 1800));
      return;
    }
    const cite = target.closest("a.qa-cite");
    if (cite) {
      const href = cite.getAttribute("href") || "";
      if (href.startsWith("#") && showSource(href.slice(1))) event.preventDefault();
    }
  });

  let seen = "";
  const follow = () => {
    const log = document.querySelector("#qa-chat .qa-log");
    if (!log) return;
    const turns = log.getAttribute("data-turns") || "0";
    if (turns === seen) return;
    seen = turns;
    log.scrollTop = log.scrollHeight;
  };
  new MutationObserver(follow).observe(document.body, { childList: true, subtree: true });
  follow();
}
