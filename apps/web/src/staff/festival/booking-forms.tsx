import { z } from 'zod';
import { SiteMap } from '../../components/site-map';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { FormProblem, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { apiMessage, useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { dayLabel, timeRange } from './festival-time';
import { type Booking, type Edition, MOVE_BOOKING, REFUSE_BOOKING } from './queries';

const SAME_TIME = 'same';
const moveSchema = z.object({ plotId: v.choice(), block: v.choice() });

/**
 * Another plot or opening block for a live booking. The small plan shows the plot chosen; the
 * API's refusals land at the field they are about: a plot taken at the plot, hours at the time.
 */
export function MoveBookingForm(props: { edition: Edition; booking: Booking; choosePlot(id: string): void; onSaved(): void }) {
  const { s, language } = useStaffI18n();
  const f = s.festival.queue;
  const move = useStaffMutation(MOVE_BOOKING);
  const { edition, booking } = props;
  const form = useStaffForm({
    schema: moveSchema,
    defaultValues: { plotId: booking.plot.id, block: SAME_TIME },
    apiFields: { startsAt: 'block', endsAt: 'block', plotId: 'plotId' },
  });
  const chosen = form.watch('plotId');
  const blocks = edition.openingHours.map((block, index) => ({ id: String(index), label: `${dayLabel(block.day, language)}, ${timeRange(block, block.day)}` }));
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const block = values.block === SAME_TIME ? null : edition.openingHours[Number(values.block)];
        const input = { plotId: values.plotId, ...(block ? { startsAt: block.startsAt, endsAt: block.endsAt } : {}) };
        try {
          await move.mutateAsync({ id: booking.id, input });
        } catch (error) {
          if (error instanceof GraphQLRequestError && error.code === 'STAND_UNAVAILABLE') {
            form.setError('plotId', { type: 'api', message: apiMessage(error.code) }, { shouldFocus: true });
            return;
          }
          throw error;
        }
        props.choosePlot(values.plotId);
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <SelectInput
        control={form.control}
        name="plotId"
        label={f.toPlot}
        isRequired
        options={edition.plots.map((plot) => ({ id: plot.id, label: plot.code }))}
      />
      <SelectInput
        control={form.control}
        name="block"
        label={f.toTime}
        isRequired
        options={[{ id: SAME_TIME, label: `${f.sameTime} (${dayLabel(booking.day, language)}, ${timeRange(booking, booking.day)})` }, ...blocks]}
      />
      <SiteMap plots={edition.plots} chosenId={chosen} hidden className="festival-plan festival-plan--small">
        {(plot) => <span className="stand-map__code">{plot.code}</span>}
      </SiteMap>
      <SubmitButton control={form.control}>{f.move}</SubmitButton>
    </form>
  );
}

const refuseSchema = z.object({ reason: v.text(500) });

/** Refusing a requested slot: the association reads the reason in its message. */
export function RefuseBookingForm(props: { booking: Booking; organisation: string; onSaved(): void }) {
  const { s, format } = useStaffI18n();
  const f = s.festival.queue;
  const refuse = useStaffMutation(REFUSE_BOOKING);
  const form = useStaffForm({ schema: refuseSchema, defaultValues: { reason: '' } });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await refuse.mutateAsync({ id: props.booking.id, reason: values.reason });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="reason" label={f.reason} description={format(f.reasonHint, { name: props.organisation })} isRequired multiline />
      <SubmitButton control={form.control}>{f.refuse}</SubmitButton>
    </form>
  );
}
