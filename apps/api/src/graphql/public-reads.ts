import { Kind, type OperationDefinitionNode, parse } from 'graphql';

/**
 * The root fields whose answer to an anonymous caller is the same for every anonymous caller: the
 * public schedule, session pages, series, closure days, the festival plan. Each is `ANYONE` in the
 * ACCESS_MATRIX. Not here, though ANYONE: `me` (the caller), `myRegistration` (whoever holds a
 * personal link) and every mutation. A field added here must answer anonymous callers without
 * anything personal and without depending on who asks (address, token, headers).
 */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'sessions',
  'session',
  'sessionSeries',
  'programmes',
  'organisations',
  'closureDays',
  'festivalDates',
  'festivalEditions',
  'festivalEdition',
]);

const MEMO_LIMIT = 1000;
/** As QUERY_LIMITS.maxTokens (graphql-options.ts, which imports this file): Apollo refuses longer documents anyway. */
const MAX_TOKENS = 1500;
const memo = new Map<string, boolean>();

/**
 * Whether the operation a request runs is a query of public root fields only (`__typename` too).
 * A document that does not parse, names no single operation or spreads a fragment at its root is
 * not: Apollo answers it as it always has, uncached. Memoised per document and operation name, as
 * Apollo memoises its parse; the memo is bounded, a flood of distinct documents only costs parses.
 */
export function isPublicRead(document: string, operationName: string | undefined): boolean {
  const memoKey = `${operationName ?? ''}\n${document}`;
  let answer = memo.get(memoKey);
  if (answer === undefined) {
    answer = decide(document, operationName);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(memoKey, answer);
  }
  return answer;
}

function decide(document: string, operationName: string | undefined): boolean {
  let operations: OperationDefinitionNode[];
  try {
    const definitions = parse(document, { maxTokens: MAX_TOKENS }).definitions;
    operations = definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return false;
  }
  const single = operations.length === 1 ? operations[0] : undefined;
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : single;
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value === '__typename' || PUBLIC_ROOT_FIELDS.has(selection.name.value)),
  );
}
