export { isFormulaLike, neutralise, restore } from './lib/cell-safety';
export {
  cellText,
  DEFAULT_SHEET_LIMITS,
  readSheet,
  SheetRejectedError,
  type ReadOptions,
  type ReadSheet,
  type SheetCellRef,
  type SheetLimits,
  type SheetRejection,
  type SheetRow,
} from './lib/reader';
export {
  addSummarySheet,
  addTableSheet,
  attachmentDisposition,
  newWorkbook,
  TABLE_HEADER_ROW,
  workbookBuffer,
  XLSX_MIME,
  type SheetColumn,
  type SheetValue,
  type SummaryLine,
  type TableSheet,
} from './lib/writer';
