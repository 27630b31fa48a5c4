export * from './registrations.module';
export * from './registration-policy';
export * from './participants/participant-rules';
export * from './participants/participants.service';
export * from './registrations/registrations.service';
export * from './registrations/seat-counts';
export * from './events/registration-events';
export * from './attendance/attendance-settings.service';
