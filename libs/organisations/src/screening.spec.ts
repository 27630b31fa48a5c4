import { OrganisationScreeningStatus } from './entities';
import { screeningProblem, screeningValidUntil } from './screening';

describe('organisation screening', () => {
  const screened = (screenedOn: string) => ({ screeningStatus: OrganisationScreeningStatus.SCREENED, screenedOn });

  it('holds three years, to the day before the anniversary', () => {
    expect(screeningValidUntil('2024-03-01')).toBe('2027-02-28');
    expect(screeningProblem(screened('2024-03-01'), '2027-02-28')).toBeNull();
    expect(screeningProblem(screened('2024-03-01'), '2027-03-01')).toEqual({ reason: 'EXPIRED', expiredOn: '2027-02-28' });
  });

  it('is missing while not screened, in progress, or without a date', () => {
    expect(screeningProblem({ screeningStatus: OrganisationScreeningStatus.NOT_SCREENED, screenedOn: null }, '2026-01-01')).toEqual({ reason: 'NOT_SCREENED' });
    expect(screeningProblem({ screeningStatus: OrganisationScreeningStatus.IN_PROGRESS, screenedOn: '2025-01-01' }, '2026-01-01')).toEqual({
      reason: 'NOT_SCREENED',
    });
    expect(screeningProblem({ screeningStatus: OrganisationScreeningStatus.SCREENED, screenedOn: null }, '2026-01-01')).toEqual({ reason: 'NOT_SCREENED' });
  });
});
