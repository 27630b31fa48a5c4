import { QueryClient, useMutation, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { TadaDocumentNode } from 'gql.tada';
import { GraphQLRequestError, request } from '../graphql/client';

/**
 * The back office's data layer: TanStack Query over the same `request` the public pages use.
 * Queries are cached by operation and variables; after any successful mutation every staff query
 * on screen is refreshed, so a list never shows what the coordinator just changed the old way. A
 * back office's few hundred rows make that cheaper than tracking which query a mutation touches.
 */
export function createStaffQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refused or missing thing does not get better by asking again.
        retry: (failures, error) => !(error instanceof GraphQLRequestError && error.code !== undefined) && failures < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}

function operationName(document: TadaDocumentNode<unknown, never>): string {
  const definition = document.definitions.find((d) => d.kind === 'OperationDefinition');
  return (definition && 'name' in definition && definition.name?.value) || 'anonymous';
}

export function useStaffQuery<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  options: { enabled?: boolean } = {},
): UseQueryResult<Result> {
  return useQuery({
    queryKey: [operationName(document as TadaDocumentNode<unknown, never>), variables],
    queryFn: ({ signal }) => request(document, variables, signal),
    enabled: options.enabled ?? true,
  });
}

/** A mutation; on success every cached staff query is marked stale and the visible ones reload. */
export function useStaffMutation<Result, Variables>(document: TadaDocumentNode<Result, Variables>) {
  return useMutation<Result, Error, Variables>({
    mutationFn: (variables) => request(document, variables),
    onSuccess: (_data, _variables, _context, { client }) => client.invalidateQueries(),
  });
}
