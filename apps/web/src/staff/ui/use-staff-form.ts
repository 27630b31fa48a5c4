import { zodResolver } from '@hookform/resolvers/zod';
import { type DefaultValues, type FieldValues, type Path, useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { GraphQLRequestError } from '../../graphql/client';

export interface StaffForm<Values extends FieldValues> extends UseFormReturn<Values> {
  /**
   * Runs `save` with the checked values. When the API refuses, its `extensions.code` is shown
   * next to the field it names (extensions.field, mapped through `apiFields`), or above the form;
   * what was typed stays. Resolves true when saved.
   */
  submit(save: (values: Values) => Promise<unknown>): (event?: React.BaseSyntheticEvent) => Promise<void>;
}

/** The message of an API refusal, read by errorText (fields.tsx): "api:<CODE>". */
export const apiMessage = (code: string | undefined) => `api:${code ?? 'other'}`;

export function useStaffForm<Schema extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: Schema;
  defaultValues: DefaultValues<z.infer<Schema>>;
  /** The API's field names (extensions.field, e.g. "input.name") → this form's field, when they differ. */
  apiFields?: Readonly<Record<string, Path<z.infer<Schema>>>>;
  onSaved?: () => void;
}): StaffForm<z.infer<Schema>> {
  type Values = z.infer<Schema>;
  const form = useForm<Values>({
    // The resolver's input and output types are the schema's; react-hook-form sees the output.
    resolver: zodResolver(options.schema as never) as never,
    defaultValues: options.defaultValues,
    // Checked on submit, then again as the field is corrected: a message appearing on blur would
    // move the save button away from under the pointer between press and release.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const fieldOf = (apiField: unknown): Path<Values> | null => {
    if (typeof apiField !== 'string') return null;
    const mapped = options.apiFields?.[apiField];
    if (mapped) return mapped;
    const last = apiField.slice(apiField.lastIndexOf('.') + 1);
    const values = form.getValues() as Record<string, unknown>;
    return Object.prototype.hasOwnProperty.call(values, last) ? (last as Path<Values>) : null;
  };
  const submit: StaffForm<Values>['submit'] = (save) =>
    form.handleSubmit(async (values) => {
      try {
        await save(values);
        options.onSaved?.();
      } catch (error) {
        const code = error instanceof GraphQLRequestError ? error.code : undefined;
        const field = error instanceof GraphQLRequestError ? fieldOf(error.extensions.field) : null;
        if (field) form.setError(field, { type: 'api', message: code === 'BAD_USER_INPUT' ? 'invalid' : apiMessage(code) }, { shouldFocus: true });
        else form.setError('root.server', { type: 'api', message: apiMessage(code) });
      }
    });
  return { ...form, submit };
}
