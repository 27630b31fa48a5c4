import { Checkbox } from 'react-aria-components';
import { useStaffI18n } from '../../staff-strings';
import { FilterSelect } from '../../ui/filter-select';

/** One filter of the case board: a choice, or all. */
export function CaseFilter(props: { label: string; value: string; options: readonly { id: string; label: string }[]; onChange(value: string): void }) {
  const { s } = useStaffI18n();
  return <FilterSelect {...props} allLabel={s.picnik.board.all} className="cases__filter" />;
}

export function FilterCheckbox(props: { label: string; value: boolean; onChange(value: boolean): void }) {
  return (
    <Checkbox className="checkbox-field cases__filter-check" isSelected={props.value} onChange={props.onChange}>
      <span className="checkbox-field__box" aria-hidden="true" />
      <span>{props.label}</span>
    </Checkbox>
  );
}
