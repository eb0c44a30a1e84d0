// The report preview's page: lays out the tables the language server sends (request nianbao/preview, forwarded by
// the extension) with media/tables.js (loaded before this file), and asks the extension to reveal a cell in the draft
// on click. No parsing here, and nothing remote: the figures and messages come in messages from the extension.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  function status(text) {
    const p = document.createElement('p');
    p.className = 'status';
    p.textContent = text;
    return p;
  }

  function render(message) {
    const { data, strings } = message;
    const scroll = window.scrollY;
    root.textContent = '';
    if (!data || data.tables.length === 0) {
      root.appendChild(status(strings.notReport));
      return;
    }
    NianbaoTables.renderTables(root, data.tables, {
      strings,
      onReveal: (range) => vscode.postMessage({ type: 'reveal', range }),
    });
    document.body.dataset.version = String(data.version ?? '');
    window.scrollTo(0, scroll);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update') {
      render(message);
      vscode.setState(message);
    }
  });

  const state = vscode.getState();
  if (state) render(state);
  vscode.postMessage({ type: 'ready' });
})();
