// Referat preview: scroll with the editor, double-click to reveal the source line, switch version.
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

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'scroll' && typeof msg.line === 'number') scrollToLine(msg.line);
  });

  document.addEventListener('dblclick', (event) => {
    let el = event.target;
    while (el && el.nodeType === 1 && !el.hasAttribute('data-line')) el = el.parentElement;
    if (el && el.nodeType === 1) vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
  });

  for (const button of document.querySelectorAll('[data-audience]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'audience', value: button.getAttribute('data-audience') }));
  }

  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  window.addEventListener('scroll', () => vscode.setState({ scrollY: window.scrollY }));
})();
