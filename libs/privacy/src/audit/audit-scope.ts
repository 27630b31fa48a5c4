// The scope itself lives in @app/database (a hot path may set it inside its own first statement);
// re-exported so the privacy lib stays where code looks for the audit scope.
export { auditScope, type AuditScope } from '@app/database';
