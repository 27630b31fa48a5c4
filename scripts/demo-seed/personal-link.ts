import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from '@app/common';
import { Transactions } from '@app/database';
import { ParticipantsService, PersonalLinks, RegistrationsService, RegistrationStatus } from '@app/registrations';
import { SessionsService } from '@app/scheduling';

export interface DemoPersonalLink {
  firstName: string;
  sessionTitle: string;
  startsAt: Date;
  url: string;
}

/**
 * The personal link of one demo parent's next upcoming registration (Amina, in Arabic), so a new
 * user can open /r/<token> as she would from her SMS. Its row is ensured: a demo folder seeded
 * before personal links existed has none.
 */
export async function demoPersonalLink(app: INestApplicationContext, coordinator: Actor, now: Date): Promise<DemoPersonalLink | null> {
  const [parent] = await app.get(ParticipantsService).searchParticipants(coordinator, 'Amina', 1);
  if (!parent) return null;
  const live = (await app.get(RegistrationsService).registrationsOfParticipant(coordinator, parent.id)).filter(
    (registration) => registration.status === RegistrationStatus.CONFIRMED || registration.status === RegistrationStatus.WAITLISTED,
  );
  const sessions = await app.get(SessionsService).findByIds(live.map((registration) => registration.sessionId));
  const upcoming = sessions.filter((session) => session.startsAt.getTime() > now.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const registration = upcoming.length > 0 ? live.find((candidate) => candidate.sessionId === upcoming[0].id)! : null;
  if (!registration) return null;
  const links = app.get(PersonalLinks);
  await app.get(Transactions).run((tx) => links.ensure(tx, registration));
  return { firstName: parent.firstName, sessionTitle: upcoming[0].title, startsAt: upcoming[0].startsAt, url: links.urlFor(registration.id) };
}
