/** What an audit log entry records: a read of personal data, a change, an export or an erasure. */
export enum AuditAction {
  READ = 'READ',
  CHANGE = 'CHANGE',
  EXPORT = 'EXPORT',
  ERASE = 'ERASE',
}

/** Whose personal data an audit log entry is about. */
export enum AuditSubjectKind {
  PARTICIPANT = 'PARTICIPANT',
  USER = 'USER',
  TRAJECTORY = 'TRAJECTORY',
}
