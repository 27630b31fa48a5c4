// Enums many libs share: the roles an actor has, and the channels messages go out on.
export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  HOST = 'HOST',
  SCHOOL_CONTACT = 'SCHOOL_CONTACT',
  FESTIVAL_ORGANISER = 'FESTIVAL_ORGANISER',
  VOLUNTEER = 'VOLUNTEER',
}

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}
