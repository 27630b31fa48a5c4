import { Button, Input, Label, ListBox, ListBoxItem, Popover, SearchField, Select, SelectValue } from 'react-aria-components';
import { useStaffI18n } from '../staff-strings';
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

const ALL = 'ALL';

/** The organisation kinds, or all of them. */
export function KindFilter(props: { value: string; onChange(value: string): void }) {
  const { s } = useStaffI18n();
  const options = [{ id: ALL, label: s.places.allKinds }, ...KINDS.map((kind) => ({ id: kind, label: s.places.kinds[kind] }))];
  return (
    <Select className="field places__filter" selectedKey={props.value || ALL} onSelectionChange={(key) => props.onChange(key === ALL ? '' : String(key))}>
      <Label>{s.places.organisations.kind}</Label>
      <Button className="select__button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox__item">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** "Actief" or "Uitgeschakeld", in words (not only a colour). */
export function ActiveBadge(props: { active: boolean }) {
  const { s } = useStaffI18n();
  return <span className={props.active ? 'places__badge' : 'places__badge places__badge--off'}>{props.active ? s.common.active : s.common.inactive}</span>;
}
