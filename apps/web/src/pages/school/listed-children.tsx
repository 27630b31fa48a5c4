import type { FormErrorState } from '../../components/form-error';
import { useI18n } from '../../i18n/i18n';

/** One child as typed: kept as text until it is sent, so a half-typed age is not lost. */
export interface ChildRow {
  key: number;
  firstName: string;
  age: string;
  school: string;
}

let nextKey = 1;
export const newChildRow = (): ChildRow => ({ key: nextKey++, firstName: '', age: '', school: '' });

/**
 * The zomerschool registers each child under the parent: first name, age and school, with a
 * button to add a child and one per child to take it off again (at least one child stays).
 */
export function ListedChildren(props: { rows: ChildRow[]; onChange(rows: ChildRow[]): void; problem: FormErrorState; idPrefix: string; listId: string }) {
  const { t, format } = useI18n();
  const { rows, problem } = props;
  const change = (key: number, patch: Partial<ChildRow>) => props.onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field children-list" id={props.listId} tabIndex={-1} {...problem.fieldProps(props.listId, `${props.listId}-hint`)}>
      <legend>{t.school.childrenList}</legend>
      <p id={`${props.listId}-hint`} className="muted">
        {t.school.childrenListHint}
      </p>
      {problem.fieldError(props.listId)}
      <ol className="children-list__rows">
        {rows.map((row, index) => {
          const id = (field: string) => `${props.idPrefix}-${index}-${field}`;
          const number = index + 1;
          return (
            <li key={row.key} className="children-list__child">
              <div className="field">
                <label htmlFor={id('first-name')}>{format(t.school.childFirstName, { number })}</label>
                <input
                  id={id('first-name')}
                  value={row.firstName}
                  autoComplete="off"
                  onChange={(event) => change(row.key, { firstName: event.target.value })}
                  {...problem.fieldProps(id('first-name'))}
                />
                {problem.fieldError(id('first-name'))}
              </div>
              <div className="field">
                <label htmlFor={id('age')}>{format(t.school.childAge, { number })}</label>
                <input
                  id={id('age')}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={row.age}
                  onChange={(event) => change(row.key, { age: event.target.value })}
                  {...problem.fieldProps(id('age'))}
                />
                {problem.fieldError(id('age'))}
              </div>
              <div className="field">
                <label htmlFor={id('school')}>{format(t.school.childSchool, { number })}</label>
                <input
                  id={id('school')}
                  value={row.school}
                  autoComplete="off"
                  onChange={(event) => change(row.key, { school: event.target.value })}
                  {...problem.fieldProps(id('school'))}
                />
                {problem.fieldError(id('school'))}
              </div>
              {rows.length > 1 && (
                <button type="button" className="button--secondary" onClick={() => props.onChange(rows.filter((other) => other.key !== row.key))}>
                  {format(t.school.removeChild, { number })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {rows.length < 10 && (
        <p>
          <button type="button" className="button--secondary" onClick={() => props.onChange([...rows, newChildRow()])}>
            {t.school.addChild}
          </button>
        </p>
      )}
    </fieldset>
  );
}
