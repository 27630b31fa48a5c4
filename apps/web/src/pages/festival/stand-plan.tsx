import { type FormEvent, useEffect, useRef, useState } from 'react';
import { LoadError, Loading } from '../../components/load-states';
import { SiteMap } from '../../components/site-map';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useQuery } from '../../graphql/use-query';
import { type I18n, useI18n } from '../../i18n/i18n';
import { startOfBrusselsDay } from '../../time';
import { standErrorMessage } from './stand-errors';

const STAND_PLAN_QUERY = graphql(`
  query StandPlan($editionId: ID!, $day: Date!) {
    standAvailability(editionId: $editionId, day: $day) {
      days {
        date
        freeCells
        requestedCells
        confirmedCells
        blocks {
          startsAt
          endsAt
        }
        rows {
          plot {
            id
            code
            mapX
            mapY
            active
            hasPower
            hasWater
            cookingAllowed
          }
          cells {
            startsAt
            endsAt
            state
            mine
            booking {
              id
              startsAt
              endsAt
              organisation {
                name
              }
            }
          }
        }
      }
    }
    standBookings(editionId: $editionId, filter: { day: $day }) {
      id
      status
      startsAt
      endsAt
      reason
      plot {
        code
      }
      organisation {
        name
      }
    }
  }
`);

const BOOK_STAND = graphql(`
  mutation BookStand($input: BookStandInput!) {
    bookStand(input: $input) {
      id
      status
    }
  }
`);

const CONFIRM_STAND = graphql(`
  mutation ConfirmStandBooking($id: ID!) {
    confirmStandBooking(id: $id) {
      id
      status
    }
  }
`);

const REFUSE_STAND = graphql(`
  mutation RefuseStandBooking($id: ID!, $reason: String!) {
    refuseStandBooking(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const MOVE_STAND = graphql(`
  mutation MoveStandBooking($id: ID!, $input: MoveStandBookingInput!) {
    moveStandBooking(id: $id, input: $input) {
      id
      status
    }
  }
`);

const CANCEL_STAND = graphql(`
  mutation CancelStandBooking($id: ID!) {
    cancelStandBooking(id: $id) {
      id
      status
    }
  }
`);

type Plan = ResultOf<typeof STAND_PLAN_QUERY>;
type Day = Plan['standAvailability']['days'][number];
type Row = Day['rows'][number];
type Cell = Row['cells'][number];
type Selection = { plotId: string; block: number };
type Outcome = { kind: 'ok' | 'error'; text: string };

interface PlanProps {
  editionId: string;
  siteName: string;
  day: string;
  coordinator: boolean;
  /** The organiser's association, which their bookings are for. */
  organisationId: string | null;
}

/** How a cell reads for this viewer: an organiser sees only "taken" for other associations. */
function stateLabel(cell: Cell, coordinator: boolean, i18n: I18n): string {
  const f = i18n.t.festival;
  if (cell.state === 'CLOSED') return f.closed;
  if (cell.state === 'FREE') return f.free;
  if (cell.mine) return cell.state === 'CONFIRMED' ? f.mineConfirmed : f.mineRequested;
  if (!coordinator) return f.taken;
  return cell.state === 'CONFIRMED' ? f.confirmed : f.requested;
}

/** One colour per state on the map, the table and the legend. */
const cellClass = (cell: Pick<Cell, 'state' | 'mine'>) => `stand-cell stand-cell--${cell.state.toLowerCase()}${cell.mine ? ' stand-cell--mine' : ''}`;

/**
 * One festival day: the site map (visual), the same plan as a table of plots × opening blocks
 * (what keyboard and screen reader users work with), and the chosen slot's actions.
 */
export function StandPlan(props: PlanProps) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const result = useQuery(STAND_PLAN_QUERY, { editionId: props.editionId, day: props.day });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const plan = result.status === 'done' ? result.data.standAvailability.days.find((candidate) => candidate.date === props.day) : undefined;
  const row = plan?.rows.find((candidate) => candidate.plot.id === selection?.plotId);
  const cell = selection ? row?.cells[selection.block] : undefined;

  const select = (plotId: string, block: number) => {
    setSelection({ plotId, block });
    setOutcome(null);
  };
  // The actions appear below the table: bring keyboard and screen reader users there.
  useEffect(() => panelHeading.current?.focus(), [selection]);

  /** Runs an action, then reloads the plan: also after a refusal, which means the plan was out of date. */
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setOutcome({ kind: 'ok', text: done });
    } catch (error) {
      setOutcome({ kind: 'error', text: standErrorMessage(error, i18n) });
    }
    result.retry();
  };

  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <LoadError retry={result.retry} />;
  if (!plan) return <p className="notice">{t.festival.noEdition}</p>;
  const dayName = i18n.formatDay(startOfBrusselsDay(props.day));
  const time = (slot: { startsAt: string; endsAt: string }) => i18n.formatTimeRange(new Date(slot.startsAt), new Date(slot.endsAt));
  const plotName = (code: string) => format(t.festival.plotCode, { code });

  return (
    <>
      <p className="stand-counts">{format(t.festival.counts, { free: plan.freeCells, requested: plan.requestedCells, confirmed: plan.confirmedCells })}</p>
      <section aria-labelledby="stand-map-heading" className="stand-map-section">
        <h2 id="stand-map-heading">
          {t.festival.mapHeading}: {props.siteName}
        </h2>
        <StandMap plan={plan} selection={selection} onSelect={select} label={(c) => stateLabel(c, props.coordinator, i18n)} />
        <p className="muted">{t.festival.mapHint}</p>
        <Legend coordinator={props.coordinator} />
      </section>

      <div className="table-scroll">
        <table className="stand-table">
          <caption>{format(t.festival.tableCaption, { day: dayName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.festival.plot}</th>
              {plan.blocks.map((block) => (
                <th scope="col" key={block.startsAt}>
                  {time(block)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.rows.map(({ plot, cells }) => (
              <tr key={plot.id}>
                <th scope="row">
                  {plotName(plot.code)}
                  <PlotFeatures plot={plot} />
                </th>
                {cells.map((c, block) => {
                  const label = stateLabel(c, props.coordinator, i18n);
                  const chosen = selection?.plotId === plot.id && selection.block === block;
                  return (
                    <td key={c.startsAt}>
                      {c.state === 'CLOSED' ? (
                        <span className={cellClass(c)}>{label}</span>
                      ) : (
                        <button
                          type="button"
                          className={cellClass(c)}
                          aria-pressed={chosen}
                          aria-label={format(t.festival.cellButton, { plot: plotName(plot.code), time: time(c), state: label })}
                          onClick={() => select(plot.id, block)}
                        >
                          {label}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div role="status" aria-live="polite" className="stand-outcome">
        {outcome && <p className={`notice ${outcome.kind === 'error' ? 'notice--error' : 'notice--ok'}`}>{outcome.text}</p>}
      </div>

      {row && cell && (
        <section aria-labelledby="stand-panel-heading" className="stand-panel">
          <h2 id="stand-panel-heading" ref={panelHeading} tabIndex={-1}>
            {format(t.festival.slot, { plot: plotName(row.plot.code), day: dayName, time: time(cell) })}
          </h2>
          <p>
            <span className={cellClass(cell)}>{stateLabel(cell, props.coordinator, i18n)}</span>
          </p>
          {props.coordinator && cell.booking && <p>{format(t.festival.heldBy, { name: cell.booking.organisation.name })}</p>}
          <SlotActions {...props} plan={plan} row={row} cell={cell} act={act} />
          <p>
            <button type="button" className="button--secondary" onClick={() => setSelection(null)}>
              {t.festival.closePanel}
            </button>
          </p>
        </section>
      )}

      <Bookings bookings={result.data.standBookings} coordinator={props.coordinator} />
    </>
  );
}

/** The plan of the site: plots at their place (percent of the map), a coloured square per opening block. */
function StandMap(props: { plan: Day; selection: Selection | null; onSelect(plotId: string, block: number): void; label(cell: Cell): string }) {
  const plots = props.plan.rows.map((row) => ({ ...row.plot, cells: row.cells }));
  return (
    // Hidden from screen readers: the table below says the same, with buttons; a click here is a shortcut for the mouse.
    <SiteMap plots={plots} chosenId={props.selection?.plotId} hidden>
      {(plot) => (
        <>
          <span className="stand-map__code">{plot.code}</span>
          <span className="stand-map__slots">
            {plot.cells.map((cell, block) => (
              <span
                key={cell.startsAt}
                className={cellClass(cell)}
                title={props.label(cell)}
                onClick={() => cell.state !== 'CLOSED' && props.onSelect(plot.id, block)}
              />
            ))}
          </span>
        </>
      )}
    </SiteMap>
  );
}

function Legend(props: { coordinator: boolean }) {
  const { t } = useI18n();
  const f = t.festival;
  const entries: [Pick<Cell, 'state' | 'mine'>, string][] = props.coordinator
    ? [
        [{ state: 'FREE', mine: false }, f.free],
        [{ state: 'REQUESTED', mine: false }, f.requested],
        [{ state: 'CONFIRMED', mine: false }, f.confirmed],
        [{ state: 'CLOSED', mine: false }, f.closed],
      ]
    : [
        [{ state: 'FREE', mine: false }, f.free],
        [{ state: 'REQUESTED', mine: true }, f.mineRequested],
        [{ state: 'CONFIRMED', mine: true }, f.mineConfirmed],
        [{ state: 'CONFIRMED', mine: false }, f.taken],
        [{ state: 'CLOSED', mine: false }, f.closed],
      ];
  return (
    <div className="stand-legend">
      <h3>{f.legend}</h3>
      <ul>
        {entries.map(([cell, label]) => (
          <li key={label}>
            <span className={`${cellClass(cell)} stand-cell--swatch`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PlotFeatures(props: { plot: Row['plot'] }) {
  const { t } = useI18n();
  const features = [props.plot.hasPower && t.festival.power, props.plot.hasWater && t.festival.water, props.plot.cookingAllowed && t.festival.cooking].filter(
    Boolean,
  );
  return features.length > 0 ? <span className="stand-table__features">{features.join(', ')}</span> : null;
}

/**
 * What the viewer may do with the chosen slot. An organiser asks for a free one or cancels their
 * own; the city confirms, refuses (with a reason the association reads), moves or cancels.
 */
function SlotActions(props: PlanProps & { plan: Day; row: Row; cell: Cell; act(action: () => Promise<unknown>, done: string): Promise<void> }) {
  const i18n = useI18n();
  const f = i18n.t.festival;
  const [form, setForm] = useState<'refuse' | 'move' | null>(null);
  const [busy, setBusy] = useState(false);
  const { cell, row } = props;
  const booking = cell.booking;

  const run = (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    void props.act(action, done).finally(() => {
      setBusy(false);
      setForm(null);
    });
  };

  if (!props.coordinator) {
    if (cell.state === 'FREE' && props.organisationId) {
      const input = { plotId: row.plot.id, organisationId: props.organisationId, startsAt: cell.startsAt, endsAt: cell.endsAt };
      return (
        <button type="button" disabled={busy} onClick={() => run(() => request(BOOK_STAND, { input }), f.booked)}>
          {f.book}
        </button>
      );
    }
    if (cell.mine && booking) {
      return (
        <button
          type="button"
          className="button--secondary"
          disabled={busy}
          onClick={() => run(() => request(CANCEL_STAND, { id: booking.id }), f.cancelledDone)}
        >
          {f.cancel}
        </button>
      );
    }
    return null;
  }

  if (!booking) return null;
  const refuse = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    run(() => request(REFUSE_STAND, { id: booking.id, reason }), f.refusedDone);
  };
  const move = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const block = props.plan.blocks[Number(data.get('block'))];
    const input = { plotId: String(data.get('plotId')), ...(block ? { startsAt: block.startsAt, endsAt: block.endsAt } : {}) };
    run(() => request(MOVE_STAND, { id: booking.id, input }), f.movedDone);
  };

  return (
    <>
      <div className="stand-actions">
        {cell.state === 'REQUESTED' && (
          <button type="button" disabled={busy} onClick={() => run(() => request(CONFIRM_STAND, { id: booking.id }), f.confirmedDone)}>
            {f.confirm}
          </button>
        )}
        <button
          type="button"
          className="button--secondary"
          disabled={busy}
          aria-expanded={form === 'move'}
          onClick={() => setForm(form === 'move' ? null : 'move')}
        >
          {f.move}
        </button>
        {cell.state === 'REQUESTED' ? (
          <button
            type="button"
            className="button--secondary"
            disabled={busy}
            aria-expanded={form === 'refuse'}
            onClick={() => setForm(form === 'refuse' ? null : 'refuse')}
          >
            {f.refuse}
          </button>
        ) : (
          <button
            type="button"
            className="button--secondary"
            disabled={busy}
            onClick={() => run(() => request(CANCEL_STAND, { id: booking.id }), f.cancelledDone)}
          >
            {f.cancel}
          </button>
        )}
      </div>
      {form === 'refuse' && (
        <form className="form" onSubmit={refuse}>
          <div className="field">
            <label htmlFor="stand-refuse-reason">{f.refuseReason}</label>
            <textarea id="stand-refuse-reason" name="reason" required maxLength={500} rows={3} />
          </div>
          <p>
            <button type="submit" disabled={busy}>
              {f.refuse}
            </button>
          </p>
        </form>
      )}
      {form === 'move' && (
        <form className="form" onSubmit={move}>
          <div className="field">
            <label htmlFor="stand-move-plot">{f.moveToPlot}</label>
            <select id="stand-move-plot" name="plotId" defaultValue={row.plot.id}>
              {props.plan.rows.map(({ plot }) => (
                <option key={plot.id} value={plot.id}>
                  {i18n.format(f.plotCode, { code: plot.code })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="stand-move-time">{f.moveToTime}</label>
            <select id="stand-move-time" name="block" defaultValue="same">
              <option value="same">{i18n.format(f.sameTime, { time: i18n.formatTimeRange(new Date(booking.startsAt), new Date(booking.endsAt)) })}</option>
              {props.plan.blocks.map((block, index) => (
                <option key={block.startsAt} value={index}>
                  {i18n.formatTimeRange(new Date(block.startsAt), new Date(block.endsAt))}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit" disabled={busy}>
              {f.move}
            </button>
          </p>
        </form>
      )}
    </>
  );
}

/** The day's bookings with their status (organisers see only their association's), refused ones with the reason. */
function Bookings(props: { bookings: Plan['standBookings']; coordinator: boolean }) {
  const i18n = useI18n();
  const f = i18n.t.festival;
  const status = { REQUESTED: f.requested, CONFIRMED: f.confirmed, CANCELLED: f.cancelled } as const;
  return (
    <section aria-labelledby="stand-bookings-heading" className="stand-bookings">
      <h2 id="stand-bookings-heading">{f.bookings}</h2>
      {props.bookings.length === 0 ? (
        <p className="muted">{f.noBookings}</p>
      ) : (
        <ul id="stand-bookings">
          {props.bookings.map((booking) => (
            <li key={booking.id}>
              {i18n.format(f.plotCode, { code: booking.plot.code })}, {i18n.formatTimeRange(new Date(booking.startsAt), new Date(booking.endsAt))}
              {props.coordinator && ` · ${booking.organisation.name}`}: <strong>{status[booking.status]}</strong>
              {booking.reason && <span className="muted"> · {i18n.format(f.reason, { reason: booking.reason })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
