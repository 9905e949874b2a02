/**
 * Labelled form controls in the DKFDS pattern: label, optional hint, error text above the control,
 * and the control itself with aria-describedby pointing at hint and error, so a screen reader reads
 * the Danish message when focus lands on the field.
 */
import type { ReactNode, Ref } from 'react';
import { tooLongMessage } from '../../../shared/domain/case';

type Common = Readonly<{
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
}>;

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x): x is string => x !== null);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, error, hint, className, children }: Common & { children: ReactNode }) {
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      {children}
    </div>
  );
}

export function TextField(props: Common & Readonly<{
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  onKeyDown?: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  type?: 'text' | 'email' | 'tel' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  width?: 'xs' | 's' | 'm' | 'l';
  placeholder?: string;
  after?: ReactNode;
}>) {
  const { id, value, onChange, error, hint, required, type, width, after } = props;
  return (
    <FieldFrame {...props}>
      <div className="field-row">
        <input
          id={id}
          ref={props.inputRef}
          className={`input input--${width ?? 'l'}`}
          type={type ?? 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={props.onBlur}
          onFocus={props.onFocus}
          onKeyDown={props.onKeyDown}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          readOnly={props.readOnly}
          placeholder={props.placeholder}
          aria-invalid={error ? true : undefined}
          aria-required={required ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          spellCheck={false}
        />
        {after}
      </div>
    </FieldFrame>
  );
}

/** From this share of the limit on, a text area shows how many characters are used. */
const COUNTER_FROM = 0.9;

export function TextAreaField(props: Common & Readonly<{
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /** A hard cap the browser enforces (for short notes). */
  maxLength?: number;
  /**
   * A limit the form's validation enforces: nothing typed or pasted is cut; near the limit a counter
   * shows, and over it the field says by how much at once (a 132,000-character paste is refused
   * out loud, not silently shortened).
   */
  limit?: number;
  onKeyDown?: (e: React.KeyboardEvent<HTMLTextAreaElement>) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  spellCheck?: boolean;
}>) {
  const { id, value, onChange, hint, required, limit } = props;
  const over = limit !== undefined && value.length > limit;
  // The validation's own words (shared/domain/case.ts), so the field and the summary say the same.
  const error = props.error ?? (over ? (tooLongMessage(value, limit) ?? undefined) : undefined);
  const showCount = limit !== undefined && value.length >= limit * COUNTER_FROM;
  const countId = `${id}-count`;
  const described = [describedBy(id, hint, error), showCount ? countId : null].filter(Boolean).join(' ') || undefined;
  return (
    <FieldFrame {...props} error={error}>
      <textarea
        id={id}
        className="textarea"
        value={value}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={props.onKeyDown}
        ref={props.textareaRef}
        spellCheck={props.spellCheck}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={described}
      />
      {limit !== undefined ? (
        // Polite and only near the limit, so typing a normal text is not read out character by character.
        <p id={countId} className={over ? 'field-hint field-count field-count--over' : 'field-hint field-count'} aria-live="polite">
          {showCount ? `${value.length.toLocaleString('da-DK')} af ${limit.toLocaleString('da-DK')} tegn` : ''}
        </p>
      ) : null}
    </FieldFrame>
  );
}

export type Option = Readonly<{ value: string; label: string }>;

export function SelectField(props: Common & Readonly<{
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<Option>;
  selectRef?: Ref<HTMLSelectElement>;
  width?: 'xs' | 's' | 'm' | 'l';
}>) {
  const { id, value, onChange, error, hint, required, options, width } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={id}
        ref={props.selectRef}
        className={`select input--${width ?? 'l'}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ id, label, checked, onChange, hint }: Readonly<{
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}>) {
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
    </div>
  );
}

/** One file chosen with the system's dialog; the file is kept by the parent until it is sent. */
export function FileField(props: Common & Readonly<{ accept?: string; onChange: (file: File | null) => void }>) {
  const { id, error, hint, required, accept, onChange } = props;
  return (
    <FieldFrame {...props}>
      <input id={id} className="input input--l" type="file" accept={accept} aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined} aria-required={required || undefined}
        onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)} />
    </FieldFrame>
  );
}
