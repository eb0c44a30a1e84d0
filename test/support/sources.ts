// Report sources made in the tests, shared by the reader tests and the command-line tests: Word documents
// generated with the `docx` package from a draft (title, headings, prose and the three tables in the official
// layout), and tiny PDFs written by hand (no text layer, encrypted, one line of text).
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, type FileChild } from 'docx';
import type { ReportModel, Row, TableId } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { TABLES, TABLE2_GROUPS } from '../../server/src/core/schema';
import { computeLineStarts, lineEndOf, lineOf } from '../../server/src/core/text';

// ---------------------------------------------------------------------------------------------------------
// Word: a document built from a parsed draft


interface WCell {
  text: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}
type WRow = { cells: WCell[]; header?: boolean };

function wordTable(rows: WRow[], width: number): Table {
  return new Table({
    columnWidths: Array<number>(width).fill(Math.floor(9000 / width)),
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          children: row.cells.map(
            (c) =>
              new TableCell({
                children: [new Paragraph(c.text)],
                columnSpan: c.span,
                verticalMerge: c.vMerge === 'restart' ? VerticalMergeType.RESTART : c.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
              }),
          ),
        }),
    ),
  });
}

function rowOf(model: ReportModel, table: TableId, rowId: string): Row | undefined {
  return model.tables[table]?.rows.find((r) => r.rowId === rowId);
}

/** The cells of a row as written (raw text), in the row's columns; '' where the draft has none. */
function figures(model: ReportModel, table: TableId, rowId: string): string[] {
  const spec = TABLES[table].rows.find((r) => r.id === rowId)!;
  const row = rowOf(model, table, rowId);
  return spec.columns.map((columnId) => row?.cells.find((c) => c.columnId === columnId)?.raw ?? '');
}

function label(model: ReportModel, table: TableId, rowId: string): string {
  return rowOf(model, table, rowId)?.labelText || TABLES[table].rows.find((r) => r.id === rowId)!.label;
}

/** Table 二 as published: four groups in one 4-column table, one-figure rows spanning the three figure columns. */
function table2(model: ReportModel): Table {
  const rows: WRow[] = [];
  for (const group of TABLE2_GROUPS) {
    rows.push({ cells: [{ text: group.heading, span: 4 }] });
    const specs = TABLES.table2.rows.filter((r) => r.group === group.id);
    const three = specs[0].columns.length === 3;
    rows.push({
      cells: three
        ? [{ text: '信息内容' }, ...specs[0].columns.map((id) => ({ text: TABLES.table2.columns.find((c) => c.id === id)!.label }))]
        : [{ text: '信息内容' }, { text: TABLES.table2.columns.find((c) => c.id === specs[0].columns[0])!.label, span: 3 }],
    });
    for (const spec of specs) {
      const cells = figures(model, 'table2', spec.id);
      rows.push({ cells: three ? [{ text: label(model, 'table2', spec.id) }, ...cells.map((text) => ({ text }))] : [{ text: label(model, 'table2', spec.id) }, { text: cells[0], span: 3 }] });
    }
  }
  return wordTable(rows, 4);
}

const TABLE3_HEADER: WRow[] = [
  { header: true, cells: [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', span: 3, vMerge: 'restart' }, { text: '申请人情况', span: 7 }] },
  {
    header: true,
    cells: [{ text: '', span: 3, vMerge: 'continue' }, { text: '自然人', vMerge: 'restart' }, { text: '法人或其他组织', span: 5 }, { text: '总计', vMerge: 'restart' }],
  },
  {
    header: true,
    cells: [
      { text: '', span: 3, vMerge: 'continue' },
      { text: '', vMerge: 'continue' },
      ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text })),
      { text: '', vMerge: 'continue' },
    ],
  },
];

/** Table 三 in the official layout; split before `splitBefore` into two tables, the header rows repeated. */
function table3(model: ReportModel, splitBefore: string | null): Table[] {
  const parts: WRow[][] = [[...TABLE3_HEADER]];
  let results = false;
  let group: string | null = null;
  for (const spec of TABLES.table3.rows) {
    if (!spec.numeric) continue;
    if (spec.id === splitBefore) {
      parts.push([...TABLE3_HEADER]);
      results = false;
      group = null;
    }
    const cells = figures(model, 'table3', spec.id).map((text) => ({ text }));
    const text = label(model, 'table3', spec.id);
    const labels: WCell[] = [];
    if (spec.group === 'results' || /^r[3-6]$/.test(spec.group ?? '')) {
      // A split opens the merge again in the second part, empty (as Word leaves it).
      labels.push(results ? { text: '', vMerge: 'continue' } : { text: parts.length > 1 ? '' : '三、本年度办理结果', vMerge: 'restart' });
      results = true;
      if (spec.group === 'results') {
        labels.push({ text, span: 2 });
        group = null;
      } else {
        const heading = TABLES.table3.rows.find((r) => r.id === spec.group)!.label;
        labels.push(group === spec.group ? { text: '', vMerge: 'continue' } : { text: parts.length > 1 && splitWithin(spec.id, splitBefore) ? '' : heading, vMerge: 'restart' });
        group = spec.group!;
        labels.push({ text });
      }
    } else {
      labels.push({ text, span: 3 });
    }
    parts[parts.length - 1].push({ cells: [...labels, ...cells] });
  }
  return parts.map((rows) => wordTable(rows, 10));
}

/** Whether row `id` is in the same group as the row the table was split before (the group cell then reopens empty). */
function splitWithin(id: string, splitBefore: string | null): boolean {
  if (!splitBefore) return false;
  const group = (rowId: string) => TABLES.table3.rows.find((r) => r.id === rowId)?.group;
  return group(id) === group(splitBefore);
}

/** Table 四 in the official layout: four rows, the group headings spanning their five columns. */
function table4(model: ReportModel): Table {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const rows: WRow[] = [
    { header: true, cells: [{ text: '行政复议', span: 5 }, { text: '行政诉讼', span: 10 }] },
    { header: true, cells: [...heads.map((text) => ({ text, vMerge: 'restart' as const })), { text: '未经复议直接起诉', span: 5 }, { text: '复议后起诉', span: 5 }] },
    { header: true, cells: [...heads.map(() => ({ text: '', vMerge: 'continue' as const })), ...heads.map((text) => ({ text })), ...heads.map((text) => ({ text }))] },
    { cells: (['review', 'direct', 'after'] as const).flatMap((id) => figures(model, 'table4', id)).map((text) => ({ text })) },
  ];
  return wordTable(rows, 15);
}

const SUB_HEADING = /^\s*[（(][一二三四五六七八九十]+[)）]/;

/** The draft as a Word document: title, section headings (Heading 1), prose, sub-headings (Heading 2), tables. */
export async function toDocx(source: string, splitBefore: string | null = 'r3_5'): Promise<Uint8Array> {
  const model = parseReport(source);
  const lineStarts = computeLineStarts(source);
  const lineText = (line: number) => source.slice(lineStarts[line], lineEndOf(source, lineStarts, line));
  const children: FileChild[] = [];
  const title = model.title ? source.slice(model.title.span.start, model.title.span.end).replace(/^#+\s*/, '').replace(/\s*\n\s*/g, '') : '政府信息公开工作年度报告';
  children.push(new Paragraph({ text: title, heading: HeadingLevel.TITLE }));
  const tableLines = new Set<number>();
  for (const t of Object.values(model.tables)) {
    if (!t) continue;
    for (let l = lineOf(lineStarts, t.span.start); l <= lineOf(lineStarts, Math.max(t.span.start, t.span.end - 1)); l++) tableLines.add(l);
  }
  const prose = (from: number, to: number, onlySentences: boolean) => {
    if (to <= from) return;
    for (let l = lineOf(lineStarts, from); l < lineStarts.length && lineStarts[l] < to; l++) {
      if (lineStarts[l] < from || tableLines.has(l)) continue;
      const text = lineText(l).trim();
      if (text === '' || text.startsWith('|') || text.startsWith('<!--') || text.includes('\t') || /勾\s*稽/.test(text)) continue;
      if (onlySentences && !/[。；]/.test(text)) continue;
      const sub = SUB_HEADING.test(text) && text.length <= 30 && !/[。；]/.test(text);
      children.push(sub ? new Paragraph({ text, heading: HeadingLevel.HEADING_2 }) : new Paragraph(text));
    }
  };
  const first = model.sections[0];
  if (model.title && first) prose(model.title.span.end, first.headingSpan.start, false);
  for (const section of model.sections) {
    children.push(new Paragraph({ text: section.headingText.trim(), heading: HeadingLevel.HEADING_1 }));
    const hasTable = section.number >= 2 && section.number <= 4;
    prose(section.bodySpan.start, section.bodySpan.end, hasTable);
    if (section.number === 2) children.push(table2(model));
    if (section.number === 3) {
      const [a, b] = table3(model, splitBefore);
      children.push(a);
      if (b) children.push(new Paragraph(''), b);
    }
    if (section.number === 4) children.push(table4(model));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ---------------------------------------------------------------------------------------------------------
// PDF: tiny files written by hand

/** A PDF from its objects' bodies (object n = bodies[n - 1]), with a correct cross-reference table. */
export function buildPdf(bodies: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

export const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** One page with a drawn rectangle and no text: what a scan without OCR looks like to a text reader. */
export const NO_TEXT = buildPdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  stream('0 0 0 rg 100 100 200 300 re f'),
]);

const ID = '<00112233445566778899AABBCCDDEEFF>';
/** Standard security handler, RC4 40-bit, with a user password: the empty password does not open it. */
export const ENCRYPTED = buildPdf(
  [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    stream('garbage-encrypted-bytes'),
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'7A'.repeat(32)}> /U <${'5C'.repeat(32)}> >>`,
  ],
  `/Encrypt 5 0 R /ID [${ID} ${ID}] `,
);

/** One page with a line of text in a standard font. */
export const ONE_LINE = buildPdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  stream('BT /F1 12 Tf 72 720 Td (Annual report 2024) Tj ET'),
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
]);
