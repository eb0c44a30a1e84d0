// What every reader of a source file (Word, PDF, web page) produces: a Markdown draft that the text parser reads
// like any other, and for each of its lines the place in the source a user can find (page, paragraph, table cell).

export interface SourcePlace {
  /** 1-based page of a PDF. */
  page?: number;
  /** 1-based paragraph of a Word document or web page (body paragraphs, headings included). */
  paragraph?: number;
  /** 1-based table of the source, with the 1-based row (and column) of a cell. */
  table?: number;
  row?: number;
  column?: number;
}

export interface ConvertedReport {
  /** The draft as Markdown: the title, the section headings, the prose paragraphs, and the tables as pipe tables. */
  text: string;
  /** For each line of `text` (0-based), where it came from; null for lines the reader made (a table's |---| row). */
  places: (SourcePlace | null)[];
}

/** A file that cannot be read, with a message for the user in Chinese and English. */
export class ReaderError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}
