/** "Fatima El Amrani", or only the first name when the last one is unknown. */
export const fullName = (person: { firstName: string; lastName?: string | null }) => [person.firstName, person.lastName].filter(Boolean).join(' ');
