/** The messages auth sends (the same strings as in the catalogue's MESSAGE_KINDS). */
export enum AccountMessageKind {
  /** To a new user: a one-time link to set their first password. */
  USER_INVITATION = 'USER_INVITATION',
  /** To a user who forgot their password: a one-time link to set a new one. */
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/** The payload field holding the link's token: the one place it exists, until the mail is final. */
export const LINK_TOKEN = 'token';
