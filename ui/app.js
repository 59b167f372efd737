() => {
  // qa-bot chat UI: copy buttons, [n] citation links, the latest question in view, Vietnamese
  // pop-up titles, the question length note.
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

  // A new answer: bring its question to the top of the conversation, so that a long answer is read
  // from its start (scrolling to the end hid the question and the first points).
  let seen = "";
  const follow = () => {
    const log = document.querySelector("#qa-chat .qa-log");
    if (!log) return;
    const turns = log.getAttribute("data-turns") || "0";
    if (turns === seen) return;
    seen = turns;
    const last = log.querySelector(".qa-turn:last-of-type");
    if (!last) return;
    log.scrollTop += last.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  };

  // Gradio titles its pop-ups with the English message type ("Error"): say it in Vietnamese.
  const TOAST_TITLES = { Error: "Chưa thể hỏi", Warning: "Lưu ý", Info: "Thông báo", Success: "Xong" };
  const localiseToasts = () => {
    document.querySelectorAll(".toast-title").forEach((title) => {
      const text = title.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return;
      const name = TOAST_TITLES[text.nodeValue.trim()];
      if (name) text.nodeValue = name + " ";
    });
    document.querySelectorAll('[data-testid="toast-close"]').forEach((b) => b.setAttribute("aria-label", "Đóng"));
  };

  // Questions over the limit are not cut: the box says how long the question is, and asking
  // answers with the limit (the server refuses it in Vietnamese).
  const LIMIT = Number(document.querySelector("#qa-limit")?.getAttribute("data-limit") || 2000);
  const noteLength = (box) => {
    const note = document.querySelector("#qa-limit");
    if (!note) return;
    const n = box.value.length;
    note.textContent = n > LIMIT
      ? `Câu hỏi dài ${n.toLocaleString("vi-VN")} ký tự, quá giới hạn ${LIMIT.toLocaleString("vi-VN")} ký tự: hãy rút gọn.`
      : "";
    note.classList.toggle("qa-over", n > LIMIT);
  };
  document.addEventListener("input", (event) => {
    const box = event.target instanceof Element ? event.target.closest("#qa-question textarea") : null;
    if (box) noteLength(box);
  });

  const onChange = () => { follow(); localiseToasts(); };
  new MutationObserver(onChange).observe(document.body, { childList: true, subtree: true });
  onChange();
}
