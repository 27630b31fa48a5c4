import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { Link, useLocation } from 'wouter';
import { usePageTitle } from '../../../components/page-title';
import { GraphQLRequestError } from '../../../graphql/client';
import { useStaffMutation, useStaffQuery } from '../../data';
import { useStaffI18n } from '../../staff-strings';
import { QueryStatus } from '../../ui/query-status';
import { BUDDY_PROPOSALS, CHOOSE_MATCH, HOST_PROPOSALS, MATCH_TRAJECTORY, type MatchTrajectory } from './queries';
import { Refusal, type RefusalState } from './refusal';
import './matching.css';

/** Proposals for a trajectory (buddies for BUDDY, host organisations for the rest), each with why it fits; choosing one matches it. */
export function MatchPage(props: { id: string }) {
  const { s } = useStaffI18n();
  const trajectory = useStaffQuery(MATCH_TRAJECTORY, { id: props.id });
  usePageTitle(s.matching.title);
  return (
    <>
      <p>
        <Link href={`/cases/${props.id}`}>{s.matching.back}</Link>
      </p>
      <h1>{s.matching.title}</h1>
      <QueryStatus query={trajectory}>
        {(data) => (data.trajectory ? <Matching trajectory={data.trajectory} /> : <p role="alert">{s.matching.notFound}</p>)}
      </QueryStatus>
    </>
  );
}

function Matching(props: { trajectory: MatchTrajectory }) {
  const { s, format } = useStaffI18n();
  const { trajectory } = props;
  const [neighbourhood, setNeighbourhood] = useState('');
  const [refusal, setRefusal] = useState<RefusalState | null>(null);
  const [, navigate] = useLocation();
  const choose = useStaffMutation(CHOOSE_MATCH);
  const pick = async (input: { buddyId?: string; hostOrganisationId?: string }) => {
    setRefusal(null);
    try {
      await choose.mutateAsync({ id: trajectory.id, input });
      navigate(`/cases/${trajectory.id}`);
    } catch (error) {
      setRefusal(error instanceof GraphQLRequestError ? { code: error.code, extensions: error.extensions } : { code: undefined, extensions: {} });
    }
  };
  const name = [trajectory.participant.firstName, trajectory.participant.lastName].filter(Boolean).join(' ');
  const current = trajectory.buddy?.displayName ?? trajectory.hostOrganisation?.name ?? null;
  return (
    <>
      <h2>{s.matching.newcomer}</h2>
      <dl className="matching__summary">
        <dt>{s.matching.name}</dt>
        <dd>{name}</dd>
        <dt>{s.matching.language}</dt>
        <dd>{trajectory.participant.preferredLanguage}</dd>
        <dt>{s.matching.kind}</dt>
        <dd>{s.matching.kinds[trajectory.kind]}</dd>
        <dt>{s.matching.current}</dt>
        <dd>{current ?? s.matching.nobody}</dd>
      </dl>
      <TextField className="field" value={neighbourhood} onChange={setNeighbourhood}>
        <Label>{s.matching.neighbourhood}</Label>
        <Input />
      </TextField>
      <div aria-live="polite">{refusal && <Refusal refusal={refusal} />}</div>
      <h2>{trajectory.kind === 'BUDDY' ? s.matching.buddyProposals : s.matching.hostProposals}</h2>
      {trajectory.kind === 'BUDDY' ? (
        <BuddyProposals
          participantId={trajectory.participant.id}
          neighbourhood={neighbourhood}
          busy={choose.isPending}
          onChoose={(buddyId) => void pick({ buddyId })}
        />
      ) : (
        <HostProposals
          trajectoryId={trajectory.id}
          neighbourhood={neighbourhood}
          busy={choose.isPending}
          onChoose={(hostOrganisationId) => void pick({ hostOrganisationId })}
        />
      )}
      <p className="matching__hint">{format(s.matching.hint, { name })}</p>
    </>
  );
}

function BuddyProposals(props: { participantId: string; neighbourhood: string; busy: boolean; onChoose(id: string): void }) {
  const { s, format } = useStaffI18n();
  const proposals = useStaffQuery(BUDDY_PROPOSALS, { participantId: props.participantId, neighbourhood: props.neighbourhood.trim() || null });
  return (
    <QueryStatus query={proposals}>
      {(data) =>
        data.suggestBuddies.length === 0 ? (
          <p>{s.matching.noProposals}</p>
        ) : (
          <ul className="matching__list">
            {data.suggestBuddies.map((proposal) => (
              <li key={proposal.buddy.id} className="matching__card">
                <h3>{proposal.buddy.displayName}</h3>
                <ul className="matching__reasons">
                  <li>{s.matching.volunteerScreening[proposal.screeningStatus]}</li>
                  <li>
                    {proposal.sharedLanguages.length > 0
                      ? format(s.matching.sharedLanguages, { languages: proposal.sharedLanguages.join(', ') })
                      : s.matching.noSharedLanguage}
                  </li>
                  {proposal.sameNeighbourhood && <li>{s.matching.sameNeighbourhood}</li>}
                  <li>{format(s.matching.activeBuddies, { count: proposal.activeBuddyTrajectories })}</li>
                </ul>
                <Button
                  className="button--primary"
                  isDisabled={props.busy}
                  aria-label={format(s.matching.chooseLabel, { name: proposal.buddy.displayName })}
                  onPress={() => props.onChoose(proposal.buddy.id)}
                >
                  {s.matching.choose}
                </Button>
              </li>
            ))}
          </ul>
        )
      }
    </QueryStatus>
  );
}

function HostProposals(props: { trajectoryId: string; neighbourhood: string; busy: boolean; onChoose(id: string): void }) {
  const { s, format } = useStaffI18n();
  const proposals = useStaffQuery(HOST_PROPOSALS, { trajectoryId: props.trajectoryId, neighbourhood: props.neighbourhood.trim() || null });
  return (
    <QueryStatus query={proposals}>
      {(data) =>
        data.suggestHostOrganisations.length === 0 ? (
          <p>{s.matching.noProposals}</p>
        ) : (
          <ul className="matching__list">
            {data.suggestHostOrganisations.map((proposal) => (
              <li key={proposal.organisation.id} className="matching__card">
                <h3>{proposal.organisation.name}</h3>
                <ul className="matching__reasons">
                  <li className={proposal.screened ? undefined : 'matching__warning'}>
                    {proposal.screened
                      ? format(s.matching.screenedUntil, { date: proposal.screeningValidUntil ?? '' })
                      : proposal.screeningExpired
                        ? format(s.matching.screeningExpired, { date: proposal.screeningValidUntil ?? '' })
                        : s.matching.organisationScreening[proposal.screeningStatus]}
                  </li>
                  {proposal.kindFits && <li>{s.matching.kindFits}</li>}
                  {proposal.sameNeighbourhood && (
                    <li>
                      {proposal.placesInNeighbourhood.length > 0
                        ? format(s.matching.placesInNeighbourhood, { places: proposal.placesInNeighbourhood.join('; ') })
                        : s.matching.sameNeighbourhood}
                    </li>
                  )}
                  <li>{format(s.matching.activeTrajectories, { count: proposal.activeTrajectories })}</li>
                  <li>
                    {proposal.paysVolunteerAllowance === null
                      ? s.matching.allowanceUnknown
                      : proposal.paysVolunteerAllowance
                        ? s.matching.allowanceYes
                        : s.matching.allowanceNo}
                  </li>
                </ul>
                <Button
                  className="button--primary"
                  isDisabled={props.busy}
                  aria-label={format(s.matching.chooseLabel, { name: proposal.organisation.name })}
                  onPress={() => props.onChoose(proposal.organisation.id)}
                >
                  {s.matching.choose}
                </Button>
              </li>
            ))}
          </ul>
        )
      }
    </QueryStatus>
  );
}
