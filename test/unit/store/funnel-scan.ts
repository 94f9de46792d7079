/**
 * Finds the code that would bypass the write funnel: a write (insert, update, delete) of a
 * synced table, any use of the outbox table, or a write whose table is chosen at run time,
 * outside src-main/core/store/. Reads the TypeScript syntax tree (calls and SQL text), so a
 * comment or a read of a synced table is not a violation. Not a test file itself.
 */
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  what: string;
}

const WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const READS = new Set(['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin']);
const SQL_WRITE = /\b(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+["`]?(\w+)/gi;
const SQL_OUTBOX = /\b(?:from|join|into|update)\s+["`]?outbox\b/i;

const tableOf = (literal: string) => literal.trim().split(/\s+as\s+|\s+/i)[0]!;

/** The violations in one file's text; `synced` is the registry's tables. */
export function scanSource(file: string, text: string, synced: ReadonlySet<string>): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Violation[] = [];
  const report = (node: ts.Node, what: string) =>
    out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });

  function checkSqlText(node: ts.Node, sqlText: string) {
    for (const match of sqlText.matchAll(SQL_WRITE)) {
      const table = match[1]!.toLowerCase();
      if (synced.has(table) || table === 'outbox') report(node, `SQL writes ${table}`);
    }
    if (SQL_OUTBOX.test(sqlText)) report(node, 'SQL touches the outbox');
  }

  function visit(node: ts.Node) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const arg = node.arguments[0];
      if (WRITES.has(method) && arg) {
        if (ts.isStringLiteralLike(arg)) {
          const table = tableOf(arg.text);
          if (synced.has(table)) report(node, `${method}('${table}') outside the write funnel`);
          if (table === 'outbox') report(node, `${method}('outbox') outside the write funnel`);
        } else {
          report(node, `${method}(…) with a table chosen at run time`);
        }
      }
      if (READS.has(method) && arg && ts.isStringLiteralLike(arg) && tableOf(arg.text) === 'outbox') {
        report(node, `${method}('outbox'): the outbox is read and written in store/ only`);
      }
    }
    if (ts.isTaggedTemplateExpression(node)) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
      checkSqlText(node, parts.join(' ? '));
    } else if (ts.isStringLiteralLike(node) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
      checkSqlText(node, node.text);
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return out;
}
