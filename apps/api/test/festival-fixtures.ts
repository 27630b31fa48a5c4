import type { World } from './fixtures';
import { dataOf, TestApi } from './test-api';

export interface Festival {
  editionId: string;
  /** Plot ids by code: A1..A4 (A4 has power, water and cooking). */
  plots: Record<string, string>;
}

/** Times of KortRIJK aan Culturen 2027 (Sinksenfeesten: Friday 14 to Monday 17 May) in Brussels summer time. */
export const at = (day: string, time: string) => `${day}T${time}:00+02:00`;
export const SATURDAY = '2027-05-15';
export const SUNDAY = '2027-05-16';

export const CREATE_EDITION = `mutation($i: CreateFestivalEditionInput!) { createFestivalEdition(input: $i) { id name startsOn endsOn applicationDeadline siteName openingHours { day startsAt endsAt } } }`;
export const CREATE_PLOT = `mutation($i: CreateStandPlotInput!) { createStandPlot(input: $i) { id code active } }`;
export const BOOK_STAND = `mutation($i: BookStandInput!) { bookStand(input: $i) { id status startsAt endsAt day plot { id code } organisation { id } } }`;

/** The 2027 edition with default opening hours and deadline, and four plots; the test clock's "now" (August 2026) is before the deadline. */
export async function createFestival(api: TestApi, world: World, overrides: Record<string, unknown> = {}): Promise<Festival> {
  const coordinator = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, world.tokens.coordinator).then(dataOf);
  const edition = (
    await coordinator(CREATE_EDITION, {
      i: {
        name: 'KortRIJK aan Culturen 2027',
        startsOn: '2027-05-14',
        endsOn: '2027-05-17',
        siteMapUrl: 'https://www.kortrijk.be/culturen/plan-2027.pdf',
        ...overrides,
      },
    })
  ).createFestivalEdition;
  const plots: Record<string, string> = {};
  for (const [index, code] of ['A1', 'A2', 'A3', 'A4'].entries()) {
    const full = code === 'A4';
    const created = await coordinator(CREATE_PLOT, {
      i: { editionId: edition.id, code, mapX: 10 + index * 20, mapY: 40, hasPower: full, hasWater: full, cookingAllowed: full },
    });
    plots[code] = created.createStandPlot.id;
  }
  return { editionId: edition.id, plots };
}

export function bookingInput(festival: Festival, world: World, code: string, from: string, to: string, day = SATURDAY): Record<string, unknown> {
  return { plotId: festival.plots[code], organisationId: world.associationId, startsAt: at(day, from), endsAt: at(day, to) };
}
