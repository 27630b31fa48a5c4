import { useState } from 'react';
import { Redirect, useLocation } from 'wouter';
import { useAuth } from '../../auth/auth';
import { LoadError, Loading } from '../../components/load-states';
import { usePageTitle } from '../../components/page-title';
import { graphql } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useI18n } from '../../i18n/i18n';
import { startOfBrusselsDay } from '../../time';
import { StandPlan } from './stand-plan';

const FESTIVAL_QUERY = graphql(`
  query FestivalEditions {
    me {
      id
      organisation {
        id
      }
    }
    festivalEditions {
      id
      name
      applicationDeadline
      siteName
      openingHours {
        day
      }
    }
  }
`);

const COORDINATING_ROLES = ['ADMIN', 'COORDINATOR'];
const FESTIVAL_ROLES = [...COORDINATING_ROLES, 'FESTIVAL_ORGANISER'];

/**
 * The festival's stand plan for organisers (ask for a slot, see its status) and for the city
 * (confirm, move, refuse). Two roles share the page, so it guards itself instead of RequireRole.
 */
export function FestivalPage() {
  const { user } = useAuth();
  const { t } = useI18n();
  const [location] = useLocation();
  if (!user) return <Redirect to={`/login?next=${encodeURIComponent(location)}`} replace />;
  if (!user.roles.some((role) => FESTIVAL_ROLES.includes(role))) return <p className="notice">{t.festival.notForYou}</p>;
  return <FestivalEditions coordinator={user.roles.some((role) => COORDINATING_ROLES.includes(role))} />;
}

function FestivalEditions(props: { coordinator: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const result = useQuery(FESTIVAL_QUERY, {});
  const editions = result.status === 'done' ? result.data.festivalEditions : [];
  // Newest first (the API's order): the coming edition is the one people work on.
  const [editionId, setEditionId] = useState<string | null>(null);
  const edition = editions.find((candidate) => candidate.id === editionId) ?? editions[0] ?? null;
  const days = [...new Set(edition?.openingHours.map((block) => block.day) ?? [])];
  const [chosenDay, setDay] = useState<string | null>(null);
  const day = chosenDay && days.includes(chosenDay) ? chosenDay : (days[0] ?? null);
  usePageTitle(edition?.name ?? (result.status === 'done' ? t.festival.title : null));

  return (
    <>
      <h1>{edition?.name ?? t.festival.title}</h1>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <LoadError retry={result.retry} />}
      {result.status === 'done' && !edition && <p className="notice">{t.festival.noEdition}</p>}
      {edition && day && (
        <>
          <p className="intro">{props.coordinator ? t.festival.introCoordinator : t.festival.intro}</p>
          {!props.coordinator && edition.applicationDeadline && (
            <p>{i18n.format(t.festival.deadline, { date: i18n.formatDay(new Date(edition.applicationDeadline)) })}</p>
          )}
          <div className="festival-choice">
            {editions.length > 1 && (
              <div className="field">
                <label htmlFor="festival-edition">{t.festival.edition}</label>
                <select id="festival-edition" value={edition.id} onChange={(event) => setEditionId(event.target.value)}>
                  {editions.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div role="group" aria-labelledby="festival-day-label" className="day-picker">
              <span id="festival-day-label" className="day-picker__label">
                {t.festival.day}
              </span>
              {days.map((candidate) => (
                <button
                  key={candidate}
                  type="button"
                  className={candidate === day ? undefined : 'button--secondary'}
                  aria-pressed={candidate === day}
                  onClick={() => setDay(candidate)}
                >
                  {i18n.formatDay(startOfBrusselsDay(candidate))}
                </button>
              ))}
            </div>
          </div>
          <StandPlan
            key={`${edition.id}/${day}`}
            editionId={edition.id}
            siteName={edition.siteName}
            day={day}
            coordinator={props.coordinator}
            organisationId={result.status === 'done' ? (result.data.me?.organisation?.id ?? null) : null}
          />
        </>
      )}
    </>
  );
}
