/**
 * The study as an Excel workbook (exceljs): a first sheet that says what the figures cover
 * and how small groups are masked, then the long table with real numbers (so they sum and
 * sort), masked cells written as the text « < 5 ».
 */
import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { countText, type ExportRow } from './export-rows.js';

export interface XlsxText {
  readmeSheet: string;
  dataSheet: string;
  title: string;
  scope: string;
  generated: string;
  maskingNote: string;
  header: readonly string[];
  /** The translator of the file's language, for the masked cells. */
  t: TFunction;
}

export async function studyXlsx(rows: readonly ExportRow[], text: XlsxText, at: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Atelier';
  // A fixed date keeps the file reproducible for a given clock (tests pass one).
  workbook.created = at;
  workbook.modified = at;

  const readme = workbook.addWorksheet(text.readmeSheet);
  readme.getColumn(1).width = 110;
  readme.addRow([text.title]).font = { bold: true, size: 14 };
  readme.addRow([text.scope]);
  readme.addRow([text.generated]);
  readme.addRow([]);
  readme.addRow([text.maskingNote]).alignment = { wrapText: true };

  const data = workbook.addWorksheet(text.dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = [
    { width: 44 },
    { width: 36 },
    { width: 28 },
    { width: 12 },
    { width: 12 },
  ];
  data.addRow([...text.header]).font = { bold: true };
  for (const r of rows) {
    data.addRow([r.table, r.category, r.column, countText(r, text.t), r.share]);
  }
  data.getColumn(5).numFmt = '0.0';
  data.autoFilter = { from: 'A1', to: 'E1' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
