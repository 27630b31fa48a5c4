import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * `compute`, remembered per schema and parsed document. Apollo's document store hands out the same
 * DocumentNode for every request with the same query text, so a client repeating a query (the
 * public schedule, say) pays for the work once, not on every request; a document the store drops
 * takes its entry with it.
 */
export function perDocument<T>(compute: (schema: GraphQLSchema, document: DocumentNode) => T): (schema: GraphQLSchema, document: DocumentNode) => T {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, T>>();
  return (schema, document) => {
    let byDocument = bySchema.get(schema);
    if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
    if (!byDocument.has(document)) byDocument.set(document, compute(schema, document));
    return byDocument.get(document)!;
  };
}
