// Tables 二, 三 and 四 of an annual report laid out as in the 2021 format (merged header cells, the result groups
// merged down), wrong cells marked with their findings' messages. Shared by the report preview's webview
// (media/preview.js) and the command line's review page (`nianbao check --format html`), which inlines this file.
// It only lays out the tables it is given (the language server's PreviewTable objects); no parsing, nothing remote.
(function () {
  const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function th(text, colSpan, rowSpan, className) {
    const cell = el('th', className, text);
    if (colSpan > 1) cell.colSpan = colSpan;
    if (rowSpan > 1) cell.rowSpan = rowSpan;
    return cell;
  }

  /** A row label; a click reveals the row (options.onReveal). */
  function labelCell(context, row, text, colSpan, rowSpan) {
    const cell = el('td', 'label', text);
    if (colSpan > 1) cell.colSpan = colSpan;
    if (rowSpan > 1) cell.rowSpan = rowSpan;
    if (row && row.range) {
      cell.classList.add('link');
      cell.addEventListener('click', () => context.reveal(row.range));
    }
    if (row && row.messages && row.messages.length > 0) {
      cell.classList.add('wrong');
      cell.title = row.messages.join('\n');
    }
    return cell;
  }

  /** A figure: its value as read, wrong cells marked, the findings' messages as its tooltip. */
  function valueCell(context, tableId, row, cell, colSpan) {
    const td = el('td', 'cell');
    if (colSpan > 1) td.colSpan = colSpan;
    td.dataset.table = tableId;
    td.dataset.row = row.id;
    td.dataset.column = cell.columnId;
    if (!cell.present) {
      td.classList.add('absent');
      td.textContent = '';
    } else if (cell.value === null) {
      td.classList.add('blank');
      td.textContent = cell.raw;
    } else {
      td.textContent = String(cell.value);
    }
    if (cell.messages.length > 0) {
      const serious = cell.severity === 'error' || cell.severity === 'warning';
      td.classList.add(serious ? 'wrong' : 'note', `sev-${cell.severity}`);
      td.title = cell.messages.join('\n');
      td.setAttribute('aria-invalid', 'true');
    }
    if (cell.range) {
      td.tabIndex = 0;
      td.addEventListener('click', () => context.reveal(cell.range));
      td.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') context.reveal(cell.range);
      });
    }
    return td;
  }

  function heading(context, table) {
    const h = el(context.headingTag, undefined, `${table.caption}　${table.title}`);
    h.id = `${context.idPrefix}${table.id}`;
    return h;
  }

  /** Table 二: one block per article-20 item, each with its own value columns (four columns in all). */
  function table2(context, table) {
    const t = el('table');
    t.id = `${context.idPrefix}grid-${table.id}`;
    const labelOf = (id) => (table.columns.find((c) => c.id === id) || { label: id }).label;
    for (const group of table.groups || []) {
      const rows = table.rows.filter((r) => r.group === group.id);
      if (rows.length === 0) continue;
      const head = el('tr');
      head.appendChild(th(group.heading, 4, 1, 'label'));
      t.appendChild(head);
      const columnIds = rows[0].cells.map((c) => c.columnId);
      const span = columnIds.length === 1 ? 3 : 1;
      const columns = el('tr');
      columns.appendChild(th('信息内容'));
      for (const id of columnIds) columns.appendChild(th(labelOf(id), span));
      t.appendChild(columns);
      for (const row of rows) {
        const tr = el('tr');
        tr.appendChild(labelCell(context, row, row.label));
        for (const cell of row.cells) tr.appendChild(valueCell(context, table.id, row, cell, span));
        t.appendChild(tr);
      }
    }
    return t;
  }

  /**
   * Table 三: three label columns (the item, the result group, the reason) and the applicant columns under
   * 申请人情况 with 法人或其他组织 over its five; 三、本年度办理结果 and （三）…（六） are merged down.
   */
  function table3(context, table) {
    const t = el('table');
    t.id = `${context.idPrefix}grid-${table.id}`;
    const columns = table.columns;
    const organisations = columns.filter((c) => c.id !== 'natural' && c.id !== 'total');
    const natural = columns.find((c) => c.id === 'natural');
    const total = columns.find((c) => c.id === 'total');
    const h1 = el('tr');
    h1.appendChild(th(BALANCE_NOTE, 3, 3, 'note'));
    h1.appendChild(th('申请人情况', columns.length));
    const h2 = el('tr');
    h2.appendChild(th(natural ? natural.label : '自然人', 1, 2));
    h2.appendChild(th('法人或其他组织', organisations.length));
    h2.appendChild(th(total ? total.label : '总计', 1, 2));
    const h3 = el('tr');
    for (const c of organisations) h3.appendChild(th(c.label));
    t.append(h1, h2, h3);

    const byId = new Map(table.rows.map((r) => [r.id, r]));
    const resultsRow = byId.get('results');
    // The rows under 三、本年度办理结果: its own numeric rows and the members of its sub-groups.
    // （六）其他处理 written as one row (the 2019 layout) has no group of its own but belongs there too.
    const inResults = (row) => row.group === 'results' || /^r[3-6]$/.test(row.group || '') || /^r[3-6]$/.test(row.id);
    const resultLines = table.rows.filter((r) => r.numeric && inResults(r));
    let resultsWritten = false;
    const written = new Set();
    for (const row of table.rows) {
      if (!row.numeric) continue;
      const tr = el('tr');
      if (!inResults(row)) {
        tr.appendChild(labelCell(context, row, row.label, 3));
      } else {
        if (!resultsWritten) {
          tr.appendChild(labelCell(context, resultsRow, resultsRow ? resultsRow.label : '三、本年度办理结果', 1, resultLines.length));
          resultsWritten = true;
        }
        if (row.group === 'results' || !row.group) {
          tr.appendChild(labelCell(context, row, row.label, 2));
        } else {
          if (!written.has(row.group)) {
            const members = table.rows.filter((r) => r.numeric && r.group === row.group);
            const groupRow = byId.get(row.group);
            tr.appendChild(labelCell(context, groupRow, groupRow ? groupRow.label : row.group, 1, members.length));
            written.add(row.group);
          }
          tr.appendChild(labelCell(context, row, row.label));
        }
      }
      for (const cell of row.cells) tr.appendChild(valueCell(context, table.id, row, cell));
      t.appendChild(tr);
    }
    return t;
  }

  /** Table 四: one line of fifteen figures under 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉). */
  function table4(context, table) {
    const t = el('table');
    t.id = `${context.idPrefix}grid-${table.id}`;
    const [review, ...litigation] = table.rows;
    const h1 = el('tr');
    h1.appendChild(th(review ? review.label : '行政复议', table.columns.length, 2));
    h1.appendChild(th('行政诉讼', table.columns.length * litigation.length));
    const h2 = el('tr');
    for (const row of litigation) h2.appendChild(th(row.label, table.columns.length));
    const h3 = el('tr');
    for (let i = 0; i < table.rows.length; i++) for (const c of table.columns) h3.appendChild(th(c.label));
    const values = el('tr');
    for (const row of table.rows) for (const cell of row.cells) values.appendChild(valueCell(context, table.id, row, cell));
    t.append(h1, h2, h3, values);
    return t;
  }

  const builders = { table2, table3, table4 };

  /**
   * Appends each table's heading, a note when the draft lacks it, and its grid to `root`.
   * options.onReveal(range): a click or Enter on a cell or row label with a place in the draft.
   * options.strings.tableAbsent: the note for a missing table. options.idPrefix: prefixes the ids (`table3`,
   * `grid-table3`) when one page shows the tables of several reports; options.headingTag: 'h2' unless given.
   */
  function renderTables(root, tables, options) {
    const context = {
      reveal: (range) => {
        if (range && options.onReveal) options.onReveal(range);
      },
      idPrefix: options.idPrefix || '',
      headingTag: options.headingTag || 'h2',
    };
    for (const table of tables) {
      root.appendChild(heading(context, table));
      if (!table.present) root.appendChild(el('p', 'absent-table', options.strings.tableAbsent));
      root.appendChild(builders[table.id](context, table));
    }
  }

  window.NianbaoTables = { renderTables };
})();
