import { Access, ACCESS_MATRIX, RootType } from './access-matrix';
import { participantAccessMarkdown } from './participant-access';

/** The README holds the generated table between these markers; `npm run docs:access` rewrites it. */
export const README_START = '<!-- access-matrix:start -->';
export const README_END = '<!-- access-matrix:end -->';
export const PARTICIPANT_README_START = '<!-- participant-access:start -->';
export const PARTICIPANT_README_END = '<!-- participant-access:end -->';

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
export function accessMatrixBlockOf(readme: string, start = README_START, end = README_END): string | null {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return null;
  return readme.slice(from + start.length, to).trim();
}

function withBlock(readme: string, start: string, end: string, markdown: string): string {
  if (accessMatrixBlockOf(readme, start, end) === null) throw new Error(`README.md needs the markers ${start} and ${end}, in that order`);
  const from = readme.indexOf(start) + start.length;
  return `${readme.slice(0, from)}\n${markdown}\n${readme.slice(readme.indexOf(end))}`;
}

/** The README with the blocks between the markers replaced by the current tables (operations, participant fields). */
export function withAccessMatrix(readme: string): string {
  return withBlock(
    withBlock(readme, README_START, README_END, accessMatrixMarkdown()),
    PARTICIPANT_README_START,
    PARTICIPANT_README_END,
    participantAccessMarkdown(),
  );
}
