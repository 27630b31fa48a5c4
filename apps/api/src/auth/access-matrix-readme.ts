import { Access, ACCESS_MATRIX, RootType } from './access-matrix';

/** The README holds the generated table between these markers; `npm run docs:access` rewrites it. */
export const README_START = '<!-- access-matrix:start -->';
export const README_END = '<!-- access-matrix:end -->';

const KIND: Record<RootType, string> = { Query: 'query', Mutation: 'mutation' };

const describeAccess = (access: Access) => (access === 'ANYONE' ? 'anyone, no login' : access === 'LOGGED_IN' ? 'any logged-in user' : access);

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** ACCESS_MATRIX as a Markdown table: queries, then mutations, each by name. */
export function accessMatrixMarkdown(): string {
  const rows = (['Query', 'Mutation'] as const).flatMap((rootType) =>
    Object.entries(ACCESS_MATRIX[rootType])
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, rule]) => `| \`${operation}\` | ${KIND[rootType]} | ${cell(rule.who.map(describeAccess).join(', '))} | ${cell(rule.scope ?? '')} |`),
  );
  return ['| Operation | Kind | Who | Scope |', '|---|---|---|---|', ...rows].join('\n');
}

/** The text between the markers, or null when the README has no (well-ordered) markers. */
export function accessMatrixBlockOf(readme: string): string | null {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + README_START.length, end).trim();
}

/** The README with the block between the markers replaced by the current table. */
export function withAccessMatrix(readme: string): string {
  if (accessMatrixBlockOf(readme) === null) throw new Error(`README.md needs the markers ${README_START} and ${README_END}, in that order`);
  const start = readme.indexOf(README_START) + README_START.length;
  const end = readme.indexOf(README_END);
  return `${readme.slice(0, start)}\n${accessMatrixMarkdown()}\n${readme.slice(end)}`;
}
