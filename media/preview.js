// Referat preview: scroll with the editor, double-click to reveal the source line, switch version,
// and take each new rendering in place: the page is never reloaded, so its stylesheet stays.
(function () {
  const vscode = acquireVsCodeApi();
  const blocks = () => Array.from(document.querySelectorAll('[data-line]'));

  function scrollToLine(line) {
    let best;
    for (const el of blocks()) {
      const l = Number(el.getAttribute('data-line'));
      if (l <= line && (!best || l >= Number(best.getAttribute('data-line')))) best = el;
    }
    if (best) best.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  }

  /** The new page's body replaces this one's; the head (the stylesheet, this script) stays as it is. */
  function update(html) {
    const next = new DOMParser().parseFromString(html, 'text/html');
    // Its script is this one: brought in again it would do nothing but sit there.
    for (const s of next.querySelectorAll('script')) s.remove();
    const y = window.scrollY;
    document.body.replaceChildren(...Array.from(next.body.childNodes, (n) => document.importNode(n, true)));
    for (const a of next.body.getAttributeNames()) document.body.setAttribute(a, next.body.getAttribute(a));
    const lang = next.documentElement.getAttribute('lang');
    if (lang) document.documentElement.setAttribute('lang', lang);
    if (next.title) document.title = next.title;
    window.scrollTo(0, y);
  }

  /** What VS Code keeps of the panel across a reload of the window: the referat shown, its version, the scroll. */
  function remember(part) {
    vscode.setState({ ...(vscode.getState() || {}), ...part });
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'scroll' && typeof msg.line === 'number') scrollToLine(msg.line);
    if (msg && msg.type === 'update' && typeof msg.html === 'string') update(msg.html);
    if (msg && msg.type === 'source' && typeof msg.uri === 'string') remember({ uri: msg.uri, audience: msg.audience });
  });

  document.addEventListener('dblclick', (event) => {
    let el = event.target;
    while (el && el.nodeType === 1 && !el.hasAttribute('data-line')) el = el.parentElement;
    if (el && el.nodeType === 1) vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
  });

  // On the document, not the buttons: the toolbar is replaced with every rendering.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-audience]') : null;
    if (button) vscode.postMessage({ type: 'audience', value: button.getAttribute('data-audience') });
  });

  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  window.addEventListener('scroll', () => remember({ scrollY: window.scrollY }));
  // Loaded (first, or again after being hidden): the extension sends the newest page if this one is older.
  vscode.postMessage({ type: 'ready' });
})();
