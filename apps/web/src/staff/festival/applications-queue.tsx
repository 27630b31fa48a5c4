import { useState } from 'react';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { useErrorText } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { apiMessage } from '../ui/use-staff-form';
import { ApplicationForm } from './application-form';
import { MoveBookingForm, RefuseBookingForm } from './booking-forms';
import { dayLabel, timeRange } from './festival-time';
import { type Application, APPLICATIONS_QUERY, type Booking, CONFIRM_BOOKING, type Edition } from './queries';

/** The stand applications, oldest first (the API's order: first come, first served), each with the slots it asks for. */
export function ApplicationsQueue(props: { edition: Edition; choosePlot(id: string | null): void }) {
  const { s, format } = useStaffI18n();
  const f = s.festival.queue;
  const applications = useStaffQuery(APPLICATIONS_QUERY, { editionId: props.edition.id });
  return (
    <section aria-labelledby="queue-heading" className="festival-section">
      <h2 id="queue-heading">{f.title}</h2>
      {props.edition.plots.length > 0 && (
        <div className="toolbar">
          <DialogButton label={s.festival.apply.title} title={s.festival.apply.title}>
            {(close) => <ApplicationForm edition={props.edition} onSaved={close} />}
          </DialogButton>
        </div>
      )}
      <QueryStatus query={applications}>
        {(data) =>
          data.standApplications.length === 0 ? (
            <p className="notice">{f.none}</p>
          ) : (
            <ol className="festival-queue">
              {data.standApplications.map((application) => (
                <li key={application.id} className="festival-queue__item" aria-labelledby={`application-${application.id}`}>
                  <h3 id={`application-${application.id}`}>{application.organisation.name}</h3>
                  <p>
                    {format(f.brings, { community: application.community, offering: s.festival.offerings[application.offering] })}
                    {needs(application, s.festival.queue.needs)}
                  </p>
                  {application.description && <p className="muted">{application.description}</p>}
                  <Slots edition={props.edition} application={application} choosePlot={props.choosePlot} />
                </li>
              ))}
            </ol>
          )
        }
      </QueryStatus>
    </section>
  );
}

function needs(application: Application, words: { power: string; water: string; cooking: string; label: string }): string {
  const list = [application.needsPower && words.power, application.needsWater && words.water, application.cooking && words.cooking].filter(Boolean);
  return list.length > 0 ? ` ${words.label} ${list.join(', ')}.` : '';
}

function Slots(props: { edition: Edition; application: Application; choosePlot(id: string | null): void }) {
  const { s, format, language } = useStaffI18n();
  const f = s.festival.queue;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{format(f.slotsCaption, { name: props.application.organisation.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{f.plot}</th>
            <th scope="col">{f.when}</th>
            <th scope="col">{f.status}</th>
            <th scope="col">{s.places.actions}</th>
          </tr>
        </thead>
        <tbody>
          {props.application.bookings.map((booking) => (
            <tr key={booking.id} data-row-id={booking.id}>
              <th scope="row">{booking.plot.code}</th>
              <td>
                {dayLabel(booking.day, language)}, {timeRange(booking, booking.day)}
              </td>
              <td>
                {s.festival.statuses[booking.status]}
                {booking.reason && <span className="muted"> · {booking.reason}</span>}
              </td>
              <td>
                <BookingActions edition={props.edition} application={props.application} booking={booking} choosePlot={props.choosePlot} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Confirm a requested slot, move a live one (another plot or time), refuse a requested one with the reason the association reads. */
function BookingActions(props: { edition: Edition; application: Application; booking: Booking; choosePlot(id: string | null): void }) {
  const { s, format, language } = useStaffI18n();
  const f = s.festival.queue;
  const confirm = useStaffMutation(CONFIRM_BOOKING);
  const errorText = useErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  const { booking } = props;
  const slot = format(f.slot, { plot: booking.plot.code, day: dayLabel(booking.day, language), time: timeRange(booking, booking.day) });
  if (booking.status === 'CANCELLED') return null;
  return (
    <div className="festival-actions">
      <button
        type="button"
        className="button--secondary"
        onClick={() => props.choosePlot(booking.plot.id)}
        aria-label={format(s.festival.plots.showOnPlan, { code: booking.plot.code })}
      >
        {s.festival.plots.show}
      </button>
      {booking.status === 'REQUESTED' && (
        <button
          type="button"
          disabled={confirm.isPending}
          aria-label={format(f.confirmSlot, { slot })}
          onClick={async () => {
            try {
              await confirm.mutateAsync({ id: booking.id });
              setProblem(null);
            } catch (error) {
              setProblem(errorText(apiMessage(error instanceof GraphQLRequestError ? error.code : undefined)));
            }
          }}
        >
          {f.confirm}
        </button>
      )}
      <DialogButton label={f.move} accessibleName={format(f.moveSlot, { slot })} title={format(f.moveSlot, { slot })}>
        {(close) => <MoveBookingForm edition={props.edition} booking={booking} choosePlot={props.choosePlot} onSaved={close} />}
      </DialogButton>
      {booking.status === 'REQUESTED' && (
        <DialogButton label={f.refuse} accessibleName={format(f.refuseSlot, { slot })} title={format(f.refuseSlot, { slot })}>
          {(close) => <RefuseBookingForm booking={booking} organisation={props.application.organisation.name} onSaved={close} />}
        </DialogButton>
      )}
      <span role="alert">{problem && <span className="field-error">{problem}</span>}</span>
    </div>
  );
}
