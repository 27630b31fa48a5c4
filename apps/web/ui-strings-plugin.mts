import { basename } from 'node:path';
import { type ESTree, parseSync, type Plugin } from 'vite';

/** The translation files: libs/notifications/src/templates/catalogues/<lang>.ts (index.ts is not one). */
const TRANSLATION_FILE = /[\\/]libs[\\/]notifications[\\/]src[\\/]templates[\\/]catalogues[\\/][a-z]+\.ts$/;

/**
 * Each translation file holds a language's messages and, as `export const ui`, the web app's
 * strings. The messages are built with function calls and an enum (side effects to a bundler),
 * so tree shaking cannot drop them: this plugin hands the bundler only the `ui` object literal.
 * It accepts only plain strings there, so nothing the literal refers to can go missing.
 */
export function uiStringsOnly(): Plugin {
  return {
    name: 'oefenkansen:ui-strings-only',
    enforce: 'pre',
    transform(code, id) {
      if (!TRANSLATION_FILE.test(id) || basename(id) === 'index.ts') return null;
      const { program, errors } = parseSync(id, code, { lang: 'ts' });
      if (errors.length > 0) this.error(`${id}: ${errors[0].message}`);
      const ui = program.body
        .flatMap((statement) => (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration' ? statement.declaration.declarations : []))
        .find((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === 'ui');
      if (!ui?.init) this.error(`${id} has no \`export const ui\``);
      const problem = notPlainStrings(ui.init);
      if (problem) this.error(`${id}: ui must hold only plain strings, found ${problem}`);
      return { code: `export const ui = ${code.slice(ui.init.start, ui.init.end)};\n`, map: null };
    },
  };
}

/** What in the literal is not a nested object of strings, or null when all is plain. */
function notPlainStrings(node: ESTree.Expression): string | null {
  if (node.type === 'Literal') return typeof node.value === 'string' ? null : `the value ${String(node.value)}`;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0 ? null : 'a template literal with ${…}';
  if (node.type !== 'ObjectExpression') return `a ${node.type}`;
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.computed || property.kind !== 'init') return `a ${property.type === 'Property' ? 'computed or accessor property' : property.type}`;
    const problem = notPlainStrings(property.value as ESTree.Expression);
    if (problem) return problem;
  }
  return null;
}
