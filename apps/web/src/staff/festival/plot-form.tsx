import { z } from 'zod';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffMutation } from '../data';
import { useStaffI18n } from '../staff-strings';
import { CheckboxInput, FormProblem, NumberInput, SubmitButton, TextInput } from '../ui/fields';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { CREATE_PLOT, type Plot, UPDATE_PLOT } from './queries';

/** The API's rule for a plot code: a letter or digit first, then letters, digits, spaces, dots, dashes or underscores. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,19}$/;

const plotSchema = z.object({
  code: v.text(20).regex(CODE, { error: 'plotCode' }),
  description: v.optionalText(500),
  widthMetres: v.int(1, 50),
  depthMetres: v.int(1, 50),
  mapX: v.int(0, 100),
  mapY: v.int(0, 100),
  hasPower: z.boolean(),
  hasWater: z.boolean(),
  cookingAllowed: z.boolean(),
  active: z.boolean(),
});

/** A plot of the square: its code, where it is on the plan (percent from the left and the top), its size and what it offers. */
export function PlotForm(props: { editionId: string; plot?: Plot; onSaved(): void }) {
  const { s } = useStaffI18n();
  const f = s.festival.plots;
  const create = useStaffMutation(CREATE_PLOT);
  const update = useStaffMutation(UPDATE_PLOT);
  const existing = props.plot;
  const form = useStaffForm({
    schema: plotSchema,
    defaultValues: {
      code: existing?.code ?? '',
      description: existing?.description ?? '',
      widthMetres: existing?.widthMetres ?? 3,
      depthMetres: existing?.depthMetres ?? 3,
      mapX: existing?.mapX ?? 50,
      mapY: existing?.mapY ?? 50,
      hasPower: existing?.hasPower ?? false,
      hasWater: existing?.hasWater ?? false,
      cookingAllowed: existing?.cookingAllowed ?? false,
      active: existing?.active ?? true,
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const details = {
          code: values.code,
          description: values.description || null,
          widthMetres: values.widthMetres,
          depthMetres: values.depthMetres,
          mapX: values.mapX,
          mapY: values.mapY,
          hasPower: values.hasPower,
          hasWater: values.hasWater,
          cookingAllowed: values.cookingAllowed,
        };
        try {
          if (existing) await update.mutateAsync({ id: existing.id, input: { ...details, active: values.active } });
          else await create.mutateAsync({ input: { ...details, editionId: props.editionId } });
        } catch (error) {
          // One code per plot on the square: the API refuses a second one.
          if (error instanceof GraphQLRequestError && error.code === 'CONFLICT' && error.extensions.field === 'code') {
            form.setError('code', { type: 'api', message: 'codeTaken' }, { shouldFocus: true });
            return;
          }
          throw error;
        }
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="code" label={f.code} description={f.codeHint} isRequired />
      <TextInput control={form.control} name="description" label={f.description} />
      <div className="festival-pair">
        <NumberInput control={form.control} name="mapX" label={f.mapX} description={f.mapXHint} isRequired minValue={0} maxValue={100} />
        <NumberInput control={form.control} name="mapY" label={f.mapY} description={f.mapYHint} isRequired minValue={0} maxValue={100} />
      </div>
      <div className="festival-pair">
        <NumberInput control={form.control} name="widthMetres" label={f.width} isRequired minValue={1} maxValue={50} />
        <NumberInput control={form.control} name="depthMetres" label={f.depth} isRequired minValue={1} maxValue={50} />
      </div>
      <CheckboxInput control={form.control} name="hasPower" label={f.power} />
      <CheckboxInput control={form.control} name="hasWater" label={f.water} />
      <CheckboxInput control={form.control} name="cookingAllowed" label={f.cooking} />
      {existing && <CheckboxInput control={form.control} name="active" label={f.active} description={f.activeHint} />}
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
    </form>
  );
}
