import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { z } from 'zod';
import { usePageTitle } from '../../components/page-title';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { useStaffMutation, useStaffQuery } from '../data';
import { useStaffI18n } from '../staff-strings';
import { DialogButton } from '../ui/confirm-dialog';
import { DataTable } from '../ui/data-table';
import { FormProblem, SelectInput, SubmitButton, TextInput } from '../ui/fields';
import { QueryStatus } from '../ui/query-status';
import { useStaffForm } from '../ui/use-staff-form';
import { v } from '../ui/validation';

/** Organisations and their venues, under /staff/places. */
export default function PlacesRoutes() {
  return (
    <Switch>
      <Route path="/organisations">
        <OrganisationsPage />
      </Route>
      <Route path="/">
        <Redirect to="/organisations" replace />
      </Route>
    </Switch>
  );
}

const ORGANISATIONS_QUERY = graphql(`
  query StaffOrganisations {
    organisations {
      id
      name
      kind
      phone
    }
  }
`);

type OrganisationRow = ResultOf<typeof ORGANISATIONS_QUERY>['organisations'][number];

const KINDS = ['SCHOOL', 'NEIGHBOURHOOD_CENTRE', 'KIND_EN_GEZIN', 'ASSOCIATION', 'CITY', 'PARTNER'] as const;

function OrganisationsPage() {
  const { s } = useStaffI18n();
  usePageTitle(s.places.organisations.title);
  const organisations = useStaffQuery(ORGANISATIONS_QUERY, {});
  const columns: ColumnDef<OrganisationRow, unknown>[] = [
    { id: 'name', header: s.places.organisations.name, accessorFn: (row) => row.name },
    { id: 'kind', header: s.places.organisations.kind, accessorFn: (row) => s.places.kinds[row.kind] },
    { id: 'phone', header: s.places.organisations.phone, accessorFn: (row) => row.phone ?? '', enableSorting: false },
  ];
  return (
    <>
      <h1>{s.places.organisations.title}</h1>
      <div className="toolbar">
        <DialogButton label={s.places.organisations.new} title={s.places.organisations.new}>
          {(close) => <OrganisationForm onSaved={close} />}
        </DialogButton>
      </div>
      <QueryStatus query={organisations}>
        {(data) => (
          <DataTable
            caption={s.places.organisations.caption}
            columns={columns}
            data={data.organisations}
            rowId={(row) => row.id}
            initialSort={[{ id: 'name', desc: false }]}
          />
        )}
      </QueryStatus>
    </>
  );
}

const CREATE_ORGANISATION = graphql(`
  mutation StaffCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);

const organisationSchema = z.object({ name: v.text(200), kind: v.choice(), phone: v.optionalPhone() });

function OrganisationForm(props: { onSaved(): void }) {
  const { s } = useStaffI18n();
  const create = useStaffMutation(CREATE_ORGANISATION);
  const [saved, setSaved] = useState(false);
  const form = useStaffForm({ schema: organisationSchema, defaultValues: { name: '', kind: '', phone: '' }, onSaved: () => setSaved(true) });
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        await create.mutateAsync({ input: { name: values.name, kind: values.kind as (typeof KINDS)[number], phone: values.phone || null } });
        props.onSaved();
      })}
    >
      <FormProblem control={form.control} />
      <TextInput control={form.control} name="name" label={s.places.organisations.name} isRequired />
      <SelectInput
        control={form.control}
        name="kind"
        label={s.places.organisations.kind}
        isRequired
        options={KINDS.map((kind) => ({ id: kind, label: s.places.kinds[kind] }))}
      />
      <TextInput control={form.control} name="phone" type="tel" label={s.places.organisations.phone} description={s.places.organisations.phoneHint} />
      <SubmitButton control={form.control}>{s.common.actions.save}</SubmitButton>
      {saved && <p role="status">{s.common.saved}</p>}
    </form>
  );
}
