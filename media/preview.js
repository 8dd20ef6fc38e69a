// Referat preview: scroll with the editor, double-click to reveal the source line, switch version,
// and take each new rendering in place: the page is never reloaded, so its stylesheet stays.
(function () {
  const vscode = acquireVsCodeApi();
  /**
   * The page's blocks by their source line, in page order where lines are equal: made once per
   * rendering, not at every scroll of the editor (a 1 MB referat's page has tens of thousands).
   */
  let byLine;
  function blocksByLine() {
    byLine ??= Array.from(document.querySelectorAll('[data-line]'), (el) => ({ line: Number(el.getAttribute('data-line')), el })).sort(
      (a, b) => a.line - b.line,
    );
    return byLine;
  }

  /** The last block or line mark at or above the line (the innermost where several start on it). */
  function scrollToLine(line) {
    const blocks = blocksByLine();
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].line <= line) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) blocks[lo - 1].el.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  }

  /**
   * A page split where its punkter are: the text before the body, each punkt's section, and what
   * stands between them (the header and table of contents before the first). A punkt's section holds
   * no other section, and text in it is escaped, so its first `</section>` closes it.
   */
  const PUNKT_OPEN = '<section class="punkt';
  const SECTION_CLOSE = '</section>';
  function split(html) {
    const body = html.indexOf('<body');
    const bodyEnd = html.lastIndexOf('</body>');
    if (body < 0 || bodyEnd < body) return undefined;
    const sections = [];
    const between = [];
    let from = body;
    for (let i = html.indexOf(PUNKT_OPEN, from); i >= 0 && i < bodyEnd; i = html.indexOf(PUNKT_OPEN, from)) {
      const end = html.indexOf(SECTION_CLOSE, i);
      if (end < 0) return undefined;
      between.push(html.slice(from, i));
      sections.push(html.slice(i, end + SECTION_CLOSE.length));
      from = end + SECTION_CLOSE.length;
    }
    between.push(html.slice(from, bodyEnd));
    return { head: withoutNonce(html.slice(0, body)), sections, between: between.map(withoutNonce) };
  }
  // Each rendering has a nonce of its own (the CSP's, the script's): no part of what is shown, and the
  // page keeps the one it was loaded with.
  const withoutNonce = (text) => text.replace(/nonce(="|-)[A-Za-z0-9+/=]+/g, 'nonce$1');
  let shown;

  /**
   * The new page in place of this one. Where only punkter changed (an edit in one), only their
   * sections are made anew: a 1 MB referat's whole page took half a second each time. Where the
   * header changed too, the part before the first punkt is made anew as well; anything else (the
   * punkter added, removed or moved, the head, the approval) takes the whole page.
   */
  function update(html) {
    byLine = undefined;
    const next = split(html);
    const last = shown;
    shown = next;
    const live = Array.from(document.querySelectorAll('main > section.punkt'));
    const same =
      next &&
      last &&
      next.head === last.head &&
      next.sections.length === last.sections.length &&
      live.length === next.sections.length &&
      next.between.every((b, i) => i === 0 || b === last.between[i]);
    if (!same) return replaceAll(html);
    const y = window.scrollY;
    if (next.between[0] !== last.between[0] && !replaceBeforePunkter(next.between[0])) return replaceAll(html);
    const template = document.createElement('template');
    next.sections.forEach((section, i) => {
      if (section === last.sections[i]) return;
      template.innerHTML = section;
      const made = template.content.firstElementChild;
      if (made) live[i].replaceWith(made);
    });
    window.scrollTo(0, y);
  }

  /** The body's children before `main` (the toolbar, the header, the table of contents) and its attributes, from the page's text up to its first punkt. */
  function replaceBeforePunkter(before) {
    const main = document.querySelector('body > main');
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head>${before}</main></body></html>`, 'text/html');
    const newMain = parsed.querySelector('body > main');
    if (!main || !newMain) return false;
    for (const sc of parsed.querySelectorAll('script')) sc.remove();
    while (main.previousSibling) main.previousSibling.remove();
    const nodes = [];
    for (let n = parsed.body.firstChild; n && n !== newMain; n = n.nextSibling) nodes.push(document.importNode(n, true));
    main.before(...nodes);
    for (const a of document.body.getAttributeNames()) if (!parsed.body.hasAttribute(a)) document.body.removeAttribute(a);
    for (const a of parsed.body.getAttributeNames()) document.body.setAttribute(a, parsed.body.getAttribute(a));
    // And what stands inside main before its first punkt, with main's own attributes: a page refusing
    // the public version holds its reason there, and no punkt (kept, it said the last reason).
    while (main.firstChild && !(main.firstChild instanceof Element && main.firstChild.matches('section.punkt'))) main.firstChild.remove();
    main.prepend(...Array.from(newMain.childNodes, (n) => document.importNode(n, true)));
    for (const a of main.getAttributeNames()) if (!newMain.hasAttribute(a)) main.removeAttribute(a);
    for (const a of newMain.getAttributeNames()) main.setAttribute(a, newMain.getAttribute(a));
    return true;
  }

  /** The new page's body replaces this one's; the head (the stylesheet, this script) stays as it is. */
  function replaceAll(html) {
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

  /** The page shown as the extension sent it, with the server's id for it: a change is made from it. */
  let page;
  function take(html, id) {
    update(html);
    page = { html, id };
  }
  function patched(msg) {
    if (!page || page.id === undefined || msg.from !== page.id || typeof msg.text !== 'string') return undefined;
    const html = page.html.slice(0, msg.start) + msg.text + page.html.slice(msg.end);
    return html.length === msg.length ? html : undefined;
  }

  /** What VS Code keeps of the panel across a reload of the window: the referat shown, its version, the scroll. */
  function remember(part) {
    vscode.setState({ ...(vscode.getState() || {}), ...part });
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'scroll' && typeof msg.line === 'number') scrollToLine(msg.line);
    if (msg && msg.type === 'update' && typeof msg.html === 'string') take(msg.html, msg.id);
    // The page this webview was loaded with: the next rendering is compared with it.
    if (msg && msg.type === 'shown' && typeof msg.html === 'string') {
      shown = split(msg.html);
      page = { html: msg.html, id: msg.id };
    }
    // A rendering sent as the change from the page shown: made here from that page, or asked for whole.
    if (msg && msg.type === 'patch') {
      const html = patched(msg);
      if (html === undefined) vscode.postMessage({ type: 'resync' });
      else take(html, msg.id);
    }
    if (msg && msg.type === 'source' && typeof msg.uri === 'string') remember({ uri: msg.uri, audience: msg.audience });
  });

  /** The line a double-click points at: the block's, or in a paragraph of many lines the last line mark before the click. */
  function lineAt(event, block) {
    let line = Number(block.getAttribute('data-line'));
    const clicked = document.caretRangeFromPoint ? document.caretRangeFromPoint(event.clientX, event.clientY) : null;
    if (!clicked) return line;
    for (const mark of block.querySelectorAll('span[data-line]')) {
      if (!(mark.compareDocumentPosition(clicked.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      line = Number(mark.getAttribute('data-line'));
    }
    return line;
  }

  document.addEventListener('dblclick', (event) => {
    let el = event.target;
    while (el && el.nodeType === 1 && !el.hasAttribute('data-line')) el = el.parentElement;
    if (el && el.nodeType === 1) vscode.postMessage({ type: 'reveal', line: lineAt(event, el) });
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
