import { Input, Label, SearchField } from 'react-aria-components';
import { useStaffI18n } from '../staff-strings';
import { FilterSelect } from '../ui/filter-select';
import { KINDS } from './queries';

/** The search box above a list: filters by name as you type. */
export function NameSearch(props: { value: string; onChange(value: string): void }) {
  const { s } = useStaffI18n();
  return (
    <SearchField className="field places__search" value={props.value} onChange={props.onChange}>
      <Label>{s.places.search}</Label>
      <Input />
    </SearchField>
  );
}

/** The organisation kinds, or all of them. */
export function KindFilter(props: { value: string; onChange(value: string): void }) {
  const { s } = useStaffI18n();
  return (
    <FilterSelect
      className="places__filter"
      label={s.places.organisations.kind}
      allLabel={s.places.allKinds}
      value={props.value}
      onChange={props.onChange}
      options={KINDS.map((kind) => ({ id: kind, label: s.places.kinds[kind] }))}
    />
  );
}

/** "Actief" or "Uitgeschakeld", in words (not only a colour). */
export function ActiveBadge(props: { active: boolean }) {
  const { s } = useStaffI18n();
  return <span className={props.active ? 'places__badge' : 'places__badge places__badge--off'}>{props.active ? s.common.active : s.common.inactive}</span>;
}
