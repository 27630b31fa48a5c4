import { useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../../components/page-title';
import { useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { QueryStatus } from '../ui/query-status';
import { ApplicationsQueue } from './applications-queue';
import { EditEditionForm } from './edition-form';
import { dayLabel, deadlineDay } from './festival-time';
import { OpeningHours } from './opening-hours';
import { PlotsSection } from './plots-section';
import { EDITION_QUERY } from './queries';

/** One edition: its details, opening hours, plots on the plan and the queue of stand applications. */
export function EditionPage(props: { id: string }) {
  const { s } = useStaffI18n();
  const edition = useStaffQuery(EDITION_QUERY, { id: props.id });
  usePageTitle(edition.data?.festivalEdition?.name ?? s.festival.title);
  // The plot the coordinator is looking at (a booking's, or the one being moved to), outlined on the plan.
  const [chosenPlotId, choosePlot] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link href="/">{s.festival.edition.back}</Link>
      </p>
      <QueryStatus query={edition}>
        {(data) => {
          const current = data.festivalEdition;
          if (!current) return <p className="notice">{s.festival.edition.notFound}</p>;
          const previous = data.festivalEditions.find((other) => other.startsOn < current.startsOn) ?? null;
          return (
            <>
              <h1>{current.name}</h1>
              <Details edition={current} />
              <OpeningHours edition={current} />
              <PlotsSection edition={current} bookings={data.standBookings} previous={previous} chosenPlotId={chosenPlotId} choosePlot={choosePlot} />
              <ApplicationsQueue edition={current} choosePlot={choosePlot} />
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}

function Details(props: { edition: Parameters<typeof EditEditionForm>[0]['edition'] }) {
  const { s, format, language } = useStaffI18n();
  const f = s.festival.edition;
  const { edition } = props;
  return (
    <section aria-labelledby="edition-details" className="festival-section">
      <h2 id="edition-details">{f.details}</h2>
      <dl className="festival-details">
        <dt>{s.festival.editions.days}</dt>
        <dd>{format(s.festival.editions.dayRange, { from: dayLabel(edition.startsOn, language), to: dayLabel(edition.endsOn, language) })}</dd>
        <dt>{f.site}</dt>
        <dd>
          {edition.siteName}, {edition.siteAddress}
        </dd>
        <dt>{s.festival.editions.deadline}</dt>
        <dd>{edition.applicationDeadline ? dayLabel(deadlineDay(edition.applicationDeadline), language) : s.festival.editions.noDeadline}</dd>
        <dt>{s.festival.form.maxPlots}</dt>
        <dd>{edition.maxPlotsPerOrganisationPerDay}</dd>
      </dl>
      <div className="toolbar">
        <DialogButton label={s.common.actions.edit} accessibleName={format(f.edit, { name: edition.name })} title={format(f.edit, { name: edition.name })}>
          {(close) => <EditEditionForm edition={edition} onSaved={close} />}
        </DialogButton>
        <Link href={`~/staff/messages/broadcast?festivalEditionId=${edition.id}`}>{f.broadcast}</Link>
        <Link href="~/festival">{f.publicPlan}</Link>
      </div>
    </section>
  );
}
