import { Injectable } from '@nestjs/common';
import { Actor, AppError, validate } from '@app/common';
import { OrganisationEntity, OrganisationKind, OrganisationScreeningService, OrganisationScreeningStatus } from '@app/organisations';
import { TrajectoryKind } from '../entities';
import { volunteersPolicy } from '../volunteers-policy';
import { TrajectoriesRepository } from './trajectories.repository';

/** A host organisation for a newcomer, with why it fits. */
export interface HostOrganisationSuggestion {
  organisation: OrganisationEntity;
  score: number;
  screeningStatus: OrganisationScreeningStatus;
  /** The screening holds today: choosing it is allowed. */
  screened: boolean;
  screeningExpired: boolean;
  screeningValidUntil: string | null;
  /** Its kind is the usual one for this kind of trajectory (an association for ASSOCIATION, …). */
  kindFits: boolean;
  sameNeighbourhood: boolean;
  /** Its venues in the neighbourhood asked for ("name, address"). */
  placesInNeighbourhood: string[];
  activeTrajectories: number;
  paysVolunteerAllowance: boolean | null;
}

/**
 * Who usually hosts which trajectory. Schools host none (their parents are there for the
 * schoolbabbel); the seed's newcomers volunteer at the city and the wijkcentra, do internships at
 * the city and Kind en Gezin, and join associations or FMDO's own work.
 */
const FITTING_KINDS: Record<TrajectoryKind, OrganisationKind[]> = {
  [TrajectoryKind.ASSOCIATION]: [OrganisationKind.ASSOCIATION, OrganisationKind.PARTNER],
  [TrajectoryKind.VOLUNTEERING]: [OrganisationKind.CITY, OrganisationKind.PARTNER, OrganisationKind.NEIGHBOURHOOD_CENTRE, OrganisationKind.ASSOCIATION],
  [TrajectoryKind.INTERNSHIP]: [OrganisationKind.CITY, OrganisationKind.PARTNER, OrganisationKind.KIND_EN_GEZIN, OrganisationKind.NEIGHBOURHOOD_CENTRE],
  [TrajectoryKind.BUDDY]: [],
};
const HOSTING_KINDS = Object.values(OrganisationKind).filter((kind) => kind !== OrganisationKind.SCHOOL);

/** Proposals of host organisations for a Picnik trajectory (the match page). */
@Injectable()
export class HostSuggestionsService {
  constructor(
    private readonly trajectories: TrajectoriesRepository,
    private readonly screening: OrganisationScreeningService,
  ) {}

  /**
   * Active organisations that can host, best first: screened ones before the rest (the others are
   * shown with their state, to be screened first), then fitting kind, the neighbourhood asked for,
   * an allowance for the volunteer, and fewest current trajectories.
   */
  async suggestHostOrganisations(
    actor: Actor | null,
    query: { trajectoryId?: string | null; kind?: TrajectoryKind | null; neighbourhood?: string | null; limit?: number | null },
  ): Promise<HostOrganisationSuggestion[]> {
    volunteersPolicy.requireCoordinator(actor, 'see host organisation suggestions');
    const take = validate.int('limit', query.limit ?? 10, 1, 50);
    const wanted = validate.optionalText('neighbourhood', query.neighbourhood, 100)?.toLowerCase() ?? null;
    let kind = query.kind ?? null;
    if (query.trajectoryId) {
      const trajectory = await this.trajectories.findTrajectory(validate.uuid('trajectoryId', query.trajectoryId));
      if (!trajectory) throw AppError.notFound('Trajectory', query.trajectoryId);
      kind ??= trajectory.kind;
    }
    if (!kind) throw AppError.badInput('kind is needed without a trajectoryId', 'kind');
    const organisations = await this.screening.activeOfKinds(HOSTING_KINDS);
    const rows = new Map((await this.trajectories.hostCandidates(organisations.map((o) => o.id))).map((row) => [row.organisation_id, row]));
    const fitting = FITTING_KINDS[kind];
    return organisations
      .map((organisation) => {
        const row = rows.get(organisation.id);
        const activeTrajectories = row?.active ?? 0;
        const placesInNeighbourhood = wanted ? (row?.places ?? []).filter((place) => place.toLowerCase().includes(wanted)) : [];
        const sameNeighbourhood = !!wanted && (placesInNeighbourhood.length > 0 || organisation.name.toLowerCase().includes(wanted));
        const kindFits = fitting.includes(organisation.kind);
        const screened = this.screening.isScreened(organisation);
        const score = (kindFits ? 3 : 0) + (sameNeighbourhood ? 2 : 0) + (organisation.paysVolunteerAllowance ? 1 : 0) - activeTrajectories;
        return {
          organisation,
          score,
          screeningStatus: organisation.screeningStatus,
          screened,
          screeningExpired: this.screening.isExpired(organisation),
          screeningValidUntil: this.screening.validUntil(organisation),
          kindFits,
          sameNeighbourhood,
          placesInNeighbourhood,
          activeTrajectories,
          paysVolunteerAllowance: organisation.paysVolunteerAllowance,
        };
      })
      .sort(
        (a, b) =>
          Number(b.screened) - Number(a.screened) ||
          b.score - a.score ||
          a.activeTrajectories - b.activeTrajectories ||
          a.organisation.name.localeCompare(b.organisation.name, 'nl'),
      )
      .slice(0, take);
  }
}
