import { useState } from 'react';
import { SiteMap } from '../../components/site-map';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { useErrorText } from '../ui/fields';
import { apiMessage } from '../ui/use-staff-form';
import { PlotForm } from './plot-form';
import { COPY_PLOTS, type Edition, type Plot, type PlotBooking } from './queries';

/** The square is drawn about this many metres wide: a plot's width on the plan follows its size. */
const SQUARE_METRES = 60;

/** "3 × 3 m · stroom · water": what a plot offers, in words. */
export function usePlotSummary(): (plot: Plot) => string {
  const { s, format } = useStaffI18n();
  const f = s.festival.plots;
  return (plot) =>
    [
      format(f.size, { width: plot.widthMetres, depth: plot.depthMetres }),
      plot.hasPower && f.power,
      plot.hasWater && f.water,
      plot.cookingAllowed && f.cooking,
      !plot.active && f.inactive,
    ]
      .filter(Boolean)
      .join(' · ');
}

/** The plan of the square with the edition's plots, the list to edit them, a new plot and last year's copied. */
export function PlotsSection(props: {
  edition: Edition;
  bookings: readonly PlotBooking[];
  previous: { id: string; name: string } | null;
  chosenPlotId: string | null;
  choosePlot(id: string | null): void;
}) {
  const { s, format } = useStaffI18n();
  const f = s.festival.plots;
  const summary = usePlotSummary();
  const { edition } = props;
  const count = (plotId: string, status: string) => props.bookings.filter((booking) => booking.plot.id === plotId && booking.status === status).length;
  const plots = edition.plots.map((plot) => ({ ...plot, widthPercent: Math.min(30, (plot.widthMetres / SQUARE_METRES) * 100) }));
  return (
    <section aria-labelledby="plots-heading" className="festival-section">
      <h2 id="plots-heading">{f.title}</h2>
      {edition.plots.length === 0 ? (
        <p className="notice">{f.none}</p>
      ) : (
        <SiteMap plots={plots} chosenId={props.chosenPlotId} label={format(f.mapLabel, { site: edition.siteName })} className="festival-plan">
          {(plot) => {
            const requested = count(plot.id, 'REQUESTED');
            const confirmed = count(plot.id, 'CONFIRMED');
            return (
              <>
                <span className="stand-map__code">{plot.code}</span>
                <span className="festival-plan__summary">{summary(plot)}</span>
                {(requested > 0 || confirmed > 0) && <span className="festival-plan__bookings">{format(f.bookings, { requested, confirmed })}</span>}
              </>
            );
          }}
        </SiteMap>
      )}
      <div className="toolbar">
        <DialogButton label={f.new} title={f.new} className="">
          {(close) => <PlotForm editionId={edition.id} onSaved={close} />}
        </DialogButton>
        {props.previous && <CopyPlotsButton edition={edition} previous={props.previous} />}
      </div>
      {edition.plots.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{format(f.caption, { name: edition.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{f.code}</th>
                <th scope="col">{f.offers}</th>
                <th scope="col">{f.position}</th>
                <th scope="col">{s.places.actions}</th>
              </tr>
            </thead>
            <tbody>
              {edition.plots.map((plot) => (
                <tr key={plot.id} data-row-id={plot.id}>
                  <th scope="row">{plot.code}</th>
                  <td>{summary(plot)}</td>
                  <td>{format(f.positionValue, { x: plot.mapX, y: plot.mapY })}</td>
                  <td>
                    <div className="festival-actions">
                      <button
                        type="button"
                        className="button--secondary"
                        onClick={() => props.choosePlot(plot.id)}
                        aria-label={format(f.showOnPlan, { code: plot.code })}
                      >
                        {f.show}
                      </button>
                      <DialogButton
                        label={s.common.actions.edit}
                        accessibleName={format(f.edit, { code: plot.code })}
                        title={format(f.edit, { code: plot.code })}
                      >
                        {(close) => <PlotForm editionId={edition.id} plot={plot} onSaved={close} />}
                      </DialogButton>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Last year's plots into this edition, after a confirmation; codes already here are skipped (the API's rule). */
function CopyPlotsButton(props: { edition: Edition; previous: { id: string; name: string } }) {
  const { s, format } = useStaffI18n();
  const f = s.festival.plots;
  const copy = useStaffMutation(COPY_PLOTS);
  const errorText = useErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<number | null>(null);
  const label = format(f.copy, { from: props.previous.name });
  return (
    <>
      <DialogButton label={label} title={label}>
        {(close) => (
          <>
            <p>{format(f.copyText, { from: props.previous.name, to: props.edition.name })}</p>
            <div role="alert">{problem && <p className="notice notice--error">{problem}</p>}</div>
            <button
              type="button"
              disabled={copy.isPending}
              onClick={async () => {
                try {
                  const result = await copy.mutateAsync({ fromEditionId: props.previous.id, toEditionId: props.edition.id });
                  setCopied(result.copyStandPlots.length);
                  setProblem(null);
                  close();
                } catch (error) {
                  setProblem(errorText(apiMessage(error instanceof GraphQLRequestError ? error.code : undefined)));
                }
              }}
            >
              {f.copyConfirm}
            </button>
          </>
        )}
      </DialogButton>
      <span role="status">{copied !== null && format(f.copied, { count: copied })}</span>
    </>
  );
}
