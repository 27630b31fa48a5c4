import { CREATE_SESSION, createWorld, REGISTER_PARTICIPANT, sessionInput, World } from '../../api/test/fixtures';
import { dataOf } from '../../api/test/test-api';
import { MessageRig, startMessageRig } from './message-rig';

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * "Kun je niet komen? Laat het ons dan weten." needs a way to let someone know: the mail gives the
 * phone of the organisation whose venue hosts the session, else the integration service's
 * CONTACT_PHONE, a tel: link in HTML and bidi-isolated in right-to-left text.
 */
describe('the number to call in session mails', () => {
  let rig: MessageRig;
  let world: World;

  beforeAll(async () => {
    rig = await startMessageRig('2026-08-15T10:00:00Z', { CONTACT_PHONE: '056 27 74 00' });
    world = await createWorld(rig.api);
  });
  afterAll(() => rig?.close());

  const as = (token: string) => (query: string, variables: Record<string, unknown>) => rig.api.gql(query, variables, token).then(dataOf);

  it("gives the host organisation's phone, or the integration service's when it has none", async () => {
    const coordinator = as(world.tokens.coordinator);
    const centre = (
      await coordinator('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id phone } }', {
        i: { name: 'Wijkcentrum Venning', kind: 'NEIGHBOURHOOD_CENTRE', phone: '056 27 83 30' },
      })
    ).createOrganisation;
    expect(centre.phone).toBe('+3256278330');
    const { organisations } = await coordinator('{ organisations { id phone } }', {});
    expect(organisations.find((o: { id: string }) => o.id === centre.id).phone).toBe('+3256278330');
    expect(organisations.find((o: { id: string }) => o.id === world.centreId).phone).toBeNull();
    const venueId = (
      await coordinator('mutation($i: CreateVenueInput!) { createVenue(input: $i) { id } }', {
        i: { organisationId: centre.id, name: 'Zaal Venning', address: 'Sint-Denijsestraat 60, 8500 Kortrijk' },
      })
    ).createVenue.id;

    const withPhone = (await coordinator(CREATE_SESSION, { i: sessionInput(world, { venueId, title: 'Praattafel Venning' }) })).createSession.id;
    const withoutPhone = (await coordinator(CREATE_SESSION, { i: sessionInput(world) })).createSession.id;
    const register = async (sessionId: string, firstName: string, email: string, preferredLanguage: string) =>
      (
        await coordinator(REGISTER_PARTICIPANT, {
          i: { sessionId, participant: { firstName, email, preferredLanguage, contactChannel: 'EMAIL', consentToContact: true } },
        })
      ).registerParticipant.id as string;
    const ids = {
      nlWith: await register(withPhone, 'Anke', 'anke@example.org', 'nl'),
      arWith: await register(withPhone, 'Bilal', 'bilal@example.org', 'ar'),
      nlWithout: await register(withoutPhone, 'Claire', 'claire@example.org', 'nl'),
      ukWithout: await register(withoutPhone, 'Oksana', 'oksana@example.org', 'uk'),
    };
    await rig.deliverDue();
    const confirmation = (id: string) => {
      const [mail] = rig.mailsKeyed(`REGISTRATION_CONFIRMED|${id}|0`);
      if (!mail) throw new Error(`no confirmation for ${id}`);
      return mail;
    };

    const nlWith = confirmation(ids.nlWith);
    expect(nlWith.text).toContain('Kun je niet komen? Laat het ons dan weten.\nBel ons: +32 56 27 83 30');
    expect(nlWith.html).toContain('<a href="tel:+3256278330"');
    expect(nlWith.text).not.toContain('74 00');

    const arWith = confirmation(ids.arWith);
    expect(arWith.text).toContain(`اتصل بنا: ${FSI}+32 56 27 83 30${PDI}`);
    expect(arWith.html).toContain('<bdi>+32 56 27 83 30</bdi>');

    const nlWithout = confirmation(ids.nlWithout);
    expect(nlWithout.text).toContain('Bel ons: +32 56 27 74 00');
    expect(nlWithout.html).toContain('<a href="tel:+3256277400"');
    expect(confirmation(ids.ukWithout).text).toContain('Зателефонуйте нам: +32 56 27 74 00');
  });
});
