import { parseDate, parseTime } from '@internationalized/date';
import type { ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  Checkbox,
  CheckboxGroup,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
  TimeField,
} from 'react-aria-components';
import { type Control, Controller, type FieldValues, type Path, useFormState } from 'react-hook-form';
import { useStaffI18n } from '../staff-strings';

/** A validation key ("tooLong:200") or an API refusal ("api:CONFLICT") in the reader's words. */
export function useErrorText(): (message: string | undefined) => string | null {
  const { s, format } = useStaffI18n();
  return (message) => {
    if (!message) return null;
    if (message.startsWith('api:')) {
      const code = message.slice(4) as keyof typeof s.common.apiErrors;
      return s.common.apiErrors[code] ?? s.common.apiErrors.other;
    }
    const [key, number] = message.split(':') as [keyof typeof s.common.validation, string | undefined];
    const text = s.common.validation[key] ?? s.common.validation.invalid;
    return format(text, number === undefined ? {} : { max: number, min: number });
  };
}

interface FieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  description?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
}

function Description(props: { text?: string }) {
  return props.text ? (
    <Text slot="description" className="field__hint">
      {props.text}
    </Text>
  ) : null;
}

export function TextInput<Values extends FieldValues>(
  props: FieldProps<Values> & { type?: 'text' | 'email' | 'tel' | 'search' | 'url'; autoComplete?: string; multiline?: boolean },
) {
  const errorText = useErrorText();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <TextField
          className="field"
          name={field.name}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          isRequired={props.isRequired}
          isDisabled={props.isDisabled}
          validationBehavior="aria"
          type={props.multiline ? undefined : (props.type ?? 'text')}
          autoComplete={props.autoComplete}
        >
          <Label>{props.label}</Label>
          {props.multiline ? <TextArea ref={field.ref} rows={4} /> : <Input ref={field.ref} />}
          <Description text={props.description} />
          <FieldError className="field-error">{errorText(fieldState.error?.message)}</FieldError>
        </TextField>
      )}
    />
  );
}

export function NumberInput<Values extends FieldValues>(props: FieldProps<Values> & { minValue?: number; maxValue?: number }) {
  const errorText = useErrorText();
  const { s } = useStaffI18n();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <NumberField
          className="field"
          name={field.name}
          value={typeof field.value === 'number' ? field.value : NaN}
          onChange={(value) => field.onChange(Number.isNaN(value) ? null : value)}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          isRequired={props.isRequired}
          isDisabled={props.isDisabled}
          minValue={props.minValue}
          maxValue={props.maxValue}
          validationBehavior="aria"
          formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
          incrementAriaLabel={`${props.label} +1`}
          decrementAriaLabel={`${props.label} −1`}
        >
          <Label>{props.label}</Label>
          <Group className="number-field">
            <Button slot="decrement" className="number-field__step">
              −
            </Button>
            <Input ref={field.ref} inputMode="numeric" />
            <Button slot="increment" className="number-field__step">
              +
            </Button>
          </Group>
          <Description text={props.description ?? (props.isRequired ? undefined : s.common.optional)} />
          <FieldError className="field-error">{errorText(fieldState.error?.message)}</FieldError>
        </NumberField>
      )}
    />
  );
}

export interface Option {
  id: string;
  label: string;
}

export function SelectInput<Values extends FieldValues>(props: FieldProps<Values> & { options: readonly Option[]; placeholder?: string }) {
  const errorText = useErrorText();
  const { s } = useStaffI18n();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Select
          className="field"
          name={field.name}
          selectedKey={field.value || null}
          onSelectionChange={(key) => field.onChange(key === null ? '' : String(key))}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          isRequired={props.isRequired}
          isDisabled={props.isDisabled}
          validationBehavior="aria"
          placeholder={props.placeholder ?? s.common.choose}
        >
          <Label>{props.label}</Label>
          <Button ref={field.ref} className="select__button">
            <SelectValue />
            <span aria-hidden="true">▾</span>
          </Button>
          <Description text={props.description} />
          <FieldError className="field-error">{errorText(fieldState.error?.message)}</FieldError>
          <Popover className="popover">
            <ListBox className="listbox" items={props.options}>
              {(option) => (
                <ListBoxItem id={option.id} className="listbox__item">
                  {option.label}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </Select>
      )}
    />
  );
}

export function CheckboxInput<Values extends FieldValues>(props: Omit<FieldProps<Values>, 'isRequired'>) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Checkbox
          className="checkbox-field"
          name={field.name}
          isSelected={Boolean(field.value)}
          onChange={field.onChange}
          isDisabled={props.isDisabled}
          inputRef={field.ref}
        >
          <span className="checkbox-field__box" aria-hidden="true" />
          <span>{props.label}</span>
          {props.description && <span className="field__hint">{props.description}</span>}
        </Checkbox>
      )}
    />
  );
}

function safe<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/** A date typed or picked (a calendar in a popover), kept in the form as YYYY-MM-DD. */
export function DateInputField<Values extends FieldValues>(props: FieldProps<Values>) {
  const errorText = useErrorText();
  const { s } = useStaffI18n();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <DatePicker
          className="field"
          name={field.name}
          value={typeof field.value === 'string' && field.value ? safe(() => parseDate(field.value)) : null}
          onChange={(value) => field.onChange(value ? value.toString() : '')}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          isRequired={props.isRequired}
          isDisabled={props.isDisabled}
          validationBehavior="aria"
        >
          <Label>{props.label}</Label>
          <Group className="date-field">
            <DateInput className="date-field__input">{(segment) => <DateSegment segment={segment} className="date-field__segment" />}</DateInput>
            <Button className="date-field__open" ref={field.ref}>
              <span aria-hidden="true">▦</span>
            </Button>
          </Group>
          <Description text={props.description} />
          <FieldError className="field-error">{errorText(fieldState.error?.message)}</FieldError>
          <Popover className="popover">
            <Dialog className="date-field__dialog" aria-label={props.label}>
              <Calendar>
                <header className="calendar-popover__header">
                  <Button slot="previous" aria-label={s.common.table.previous}>
                    ‹
                  </Button>
                  <Heading />
                  <Button slot="next" aria-label={s.common.table.next}>
                    ›
                  </Button>
                </header>
                <CalendarGrid>{(date) => <CalendarCell date={date} className="calendar-popover__cell" />}</CalendarGrid>
              </Calendar>
            </Dialog>
          </Popover>
        </DatePicker>
      )}
    />
  );
}

/** A wall-clock time in Europe/Brussels, kept in the form as HH:mm. */
export function TimeInputField<Values extends FieldValues>(props: FieldProps<Values>) {
  const errorText = useErrorText();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <TimeField
          className="field"
          name={field.name}
          hourCycle={24}
          value={typeof field.value === 'string' && field.value ? safe(() => parseTime(field.value)) : null}
          onChange={(value) => field.onChange(value ? value.toString().slice(0, 5) : '')}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          isRequired={props.isRequired}
          isDisabled={props.isDisabled}
          validationBehavior="aria"
        >
          <Label>{props.label}</Label>
          <DateInput className="date-field__input">{(segment) => <DateSegment segment={segment} className="date-field__segment" />}</DateInput>
          <Description text={props.description} />
          <FieldError className="field-error">{errorText(fieldState.error?.message)}</FieldError>
        </TimeField>
      )}
    />
  );
}

/** Several choices of one list (React Aria CheckboxGroup), kept in the form as their ids. */
export function CheckboxGroupInput<Values extends FieldValues>(props: {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  description?: string;
  options: readonly Option[];
  columns?: boolean;
  isRequired?: boolean;
}) {
  const errorText = useErrorText();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <CheckboxGroup
          className="field checkbox-group"
          name={field.name}
          value={(field.value as string[]) ?? []}
          onChange={field.onChange}
          isInvalid={fieldState.invalid}
          isRequired={props.isRequired}
          validationBehavior="aria"
        >
          <Label className="checkbox-group__label">{props.label}</Label>
          {props.description && (
            <Text slot="description" className="field__hint">
              {props.description}
            </Text>
          )}
          <div className={props.columns ? 'checkbox-group__options checkbox-group__options--columns' : 'checkbox-group__options'}>
            {props.options.map((option, index) => (
              <Checkbox key={option.id} value={option.id} className="checkbox-field" inputRef={index === 0 ? field.ref : undefined}>
                <span className="checkbox-field__box" aria-hidden="true" />
                <span>{option.label}</span>
              </Checkbox>
            ))}
          </div>
          <FieldError className="field-error">{errorText(fieldState.error?.message)}</FieldError>
        </CheckboxGroup>
      )}
    />
  );
}

/** The refusal about the whole form (not one field), read out when it appears. */
export function FormProblem<Values extends FieldValues>(props: { control: Control<Values> }) {
  const { errors } = useFormState({ control: props.control });
  const errorText = useErrorText();
  const text = errorText(errors.root?.server?.message);
  return (
    <div role="alert" className={text ? 'notice notice--error' : undefined}>
      {text}
    </div>
  );
}

export function SubmitButton<Values extends FieldValues>(props: { control: Control<Values>; children: ReactNode }) {
  const { isSubmitting } = useFormState({ control: props.control });
  const { s } = useStaffI18n();
  return (
    <button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
      {isSubmitting ? s.common.actions.saving : props.children}
    </button>
  );
}
