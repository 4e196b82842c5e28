import {
  parseChoice,
  parseDecimal,
  parseShare,
  parseYesNo,
  validateCreditCode,
} from '@lianzhang/domain';
import {
  IMPORT_COLUMNS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  importErrorPath,
  importHeaderText,
  parseImportErrorPath,
} from './exchange';

describe('import columns', () => {
  it.each(IMPORT_KINDS)(
    '%s: unique keys, both languages, and an example each cell reader accepts',
    (kind) => {
      const columns = IMPORT_COLUMNS[kind];
      expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
      expect(IMPORT_KIND_LABELS[kind].title.en).toBeTruthy();
      for (const column of columns) {
        expect({ key: column.key, zh: !!column.label['zh-CN'], en: !!column.label.en }).toEqual({
          key: column.key,
          zh: true,
          en: true,
        });
        expect(importHeaderText(column)).toBe(
          `${column.required ? '*' : ''}${column.label['zh-CN']} ${column.key}`,
        );
        if (column.required)
          expect({ key: column.key, example: column.example }).not.toEqual({
            key: column.key,
            example: '',
          });
        if (!column.example) continue;
        const readable =
          column.type === 'choice'
            ? parseChoice(column.example, column.choices ?? {}) !== undefined
            : column.type === 'yesno'
              ? parseYesNo(column.example) !== undefined
              : column.type === 'number'
                ? (parseDecimal(column.example) ?? parseShare(column.example)) !== undefined
                : column.type === 'date'
                  ? /^\d{4}-\d{2}-\d{2}$/.test(column.example)
                  : true;
        expect({ key: column.key, readable }).toEqual({ key: column.key, readable: true });
        if (/CreditCodes?$|^creditCode$/.test(column.key)) {
          expect(validateCreditCode(column.example).valid).toBe(true);
        }
      }
    },
  );

  it.each([
    [4, 'title', 'rows.4.title'],
    [3, '备注 remark', 'rows.3.备注 remark'],
  ])('row %i, column %j is the path %j and back', (row, column, path) => {
    expect(importErrorPath(row, column)).toBe(path);
    expect(parseImportErrorPath(path)).toEqual({ row, column });
  });

  it.each(['file', 'rows', 'title', 'rows.x.title'])('%j names no cell', (path) => {
    expect(parseImportErrorPath(path)).toEqual({ row: null, column: null });
  });
});
