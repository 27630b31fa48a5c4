import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

const ALL = 'ALL';

/** A list filter: one of the options, or all of them (the empty value). */
export function FilterSelect(props: {
  label: string;
  allLabel: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onChange(value: string): void;
  className?: string;
}) {
  const options = [{ id: ALL, label: props.allLabel }, ...props.options];
  return (
    <Select
      className={`field ${props.className ?? ''}`.trim()}
      selectedKey={props.value || ALL}
      onSelectionChange={(key) => props.onChange(key === ALL ? '' : String(key))}
    >
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
