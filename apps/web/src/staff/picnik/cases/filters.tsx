import { Button, Checkbox, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { useStaffI18n } from '../../staff-strings';

const ALL = 'ALL';

/** One filter of the case board: a choice, or all. */
export function FilterSelect(props: { label: string; value: string; options: readonly { id: string; label: string }[]; onChange(value: string): void }) {
  const { s } = useStaffI18n();
  const options = [{ id: ALL, label: s.picnik.board.all }, ...props.options];
  return (
    <Select className="field cases__filter" selectedKey={props.value || ALL} onSelectionChange={(key) => props.onChange(key === ALL ? '' : String(key))}>
      <Label>{props.label}</Label>
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

export function FilterCheckbox(props: { label: string; value: boolean; onChange(value: boolean): void }) {
  return (
    <Checkbox className="checkbox-field cases__filter-check" isSelected={props.value} onChange={props.onChange}>
      <span className="checkbox-field__box" aria-hidden="true" />
      <span>{props.label}</span>
    </Checkbox>
  );
}
