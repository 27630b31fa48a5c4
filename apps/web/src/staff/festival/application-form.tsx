import { z } from 'zod';
import { GraphQLRequestError } from '../../graphql/client';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { CheckboxInput, FormProblem, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { apiMessage, useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';
import { dayLabel, timeRange } from './festival-time';
import { APPLY_FOR_STAND, ASSOCIATIONS_QUERY, type Edition } from './queries';

const OFFERINGS = ['FOOD', 'CULTURE', 'FOOD_AND_CULTURE'] as const;

const applicationSchema = z.object({
  organisationId: v.choice(),
  offering: v.choice(),
  community: v.text(200),
  countryCode: z
    .string()
    .trim()
    .regex(/^$|^[A-Za-z]{2}$/, { error: 'countryCode' }),
  description: v.optionalText(2000),
  needsPower: z.boolean(),
  needsWater: z.boolean(),
  cooking: z.boolean(),
  plotId: v.choice(),
  block: v.choice(),
});

/**
 * An application the city enters for an association (on paper, by phone or at the counter). The
 * city's own booking is confirmed at once; the API's rules (plot taken, limit per day, opening
 * hours) are the same as for the organiser and land at the field they are about.
 */
export function ApplicationForm(props: { edition: Edition; onSaved(): void }) {
  const associations = useStaffQuery(ASSOCIATIONS_QUERY, {});
  return (
    <QueryStatus query={associations}>
      {(data) => <Form {...props} associations={data.organisations.filter((organisation) => organisation.kind === 'ASSOCIATION')} />}
    </QueryStatus>
  );
}

function Form(props: { edition: Edition; associations: readonly { id: string; name: string }[]; onSaved(): void }) {
  const { s, language } = useStaffI18n();
  const f = s.festival.apply;
  const apply = useStaffMutation(APPLY_FOR_STAND);
  const { edition } = props;
  const form = useStaffForm({
    schema: applicationSchema,
    defaultValues: {
      organisationId: '',
      offering: '',
      community: '',
      countryCode: '',
      description: '',
      needsPower: false,
      needsWater: false,
      cooking: false,
      plotId: '',
      block: '',
    },
    apiFields: { startsAt: 'block', endsAt: 'block', 'slots.plotId': 'plotId', slots: 'block' },
  });
  const blocks = edition.openingHours.map((block, index) => ({ id: String(index), label: `${dayLabel(block.day, language)}, ${timeRange(block, block.day)}` }));
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        const block = edition.openingHours[Number(values.block)];
        const input = {
          editionId: edition.id,
          organisationId: values.organisationId,
          offering: values.offering as (typeof OFFERINGS)[number],
          community: values.community,
          countryCode: values.countryCode || null,
          description: values.description || null,
          needsPower: values.needsPower,
          needsWater: values.needsWater,
          cooking: values.cooking,
          slots: [{ plotId: values.plotId, startsAt: block.startsAt, endsAt: block.endsAt }],
        };
        try {
          await apply.mutateAsync({ input });
        } catch (error) {
          if (error instanceof GraphQLRequestError && error.code === 'STAND_UNAVAILABLE') {
            form.setError('plotId', { type: 'api', message: apiMessage(error.code) }, { shouldFocus: true });
            return;
          }
          throw error;
        }
        props.onSaved();
      })}
    >
      <p className="field__hint">{f.hint}</p>
      <FormProblem control={form.control} />
      <SelectInput
        control={form.control}
        name="organisationId"
        label={f.association}
        isRequired
        options={props.associations.map((association) => ({ id: association.id, label: association.name }))}
      />
      <SelectInput
        control={form.control}
        name="offering"
        label={f.offering}
        isRequired
        options={OFFERINGS.map((offering) => ({ id: offering, label: s.festival.offerings[offering] }))}
      />
      <TextInput control={form.control} name="community" label={f.community} description={f.communityHint} isRequired />
      <TextInput control={form.control} name="countryCode" label={f.countryCode} description={f.countryCodeHint} />
      <TextInput control={form.control} name="description" label={f.description} multiline />
      <CheckboxInput control={form.control} name="needsPower" label={f.needsPower} />
      <CheckboxInput control={form.control} name="needsWater" label={f.needsWater} />
      <CheckboxInput control={form.control} name="cooking" label={f.cooking} />
      <SelectInput
        control={form.control}
        name="plotId"
        label={f.plot}
        isRequired
        options={edition.plots.filter((plot) => plot.active).map((plot) => ({ id: plot.id, label: plot.code }))}
      />
      <SelectInput control={form.control} name="block" label={f.time} isRequired options={blocks} />
      <SubmitButton control={form.control}>{f.save}</SubmitButton>
    </form>
  );
}
