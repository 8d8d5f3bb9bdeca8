import { useId, type ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  /** The settings key (e.g. alerts.smtp.port): ties server `issues` to this field. */
  path?: string;
  help?: ReactNode;
  error?: string | null;
  className?: string;
  children: ReactNode;
}

function FieldFrame({ id, label, path, help, error, className, children }: FieldFrameProps): React.JSX.Element {
  return (
    <div className={`field${className ? ` ${className}` : ''}`} data-field={path}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : help ? (
        <div className="field__help" id={`${id}-help`}>
          {help}
        </div>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string | null, help?: ReactNode): string | undefined {
  if (error) return `${id}-error`;
  return help ? `${id}-help` : undefined;
}

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  path?: string;
  help?: ReactNode;
  error?: string | null;
  placeholder?: string;
  type?: 'text' | 'password' | 'email' | 'url';
  inputMode?: 'text' | 'numeric' | 'email' | 'url';
  autoComplete?: string;
  className?: string;
  disabled?: boolean;
  onEnter?: () => void;
}

export function TextField(props: TextFieldProps): React.JSX.Element {
  const id = useId();
  const { label, value, onChange, path, help, error, placeholder, type = 'text', inputMode, autoComplete = 'off', className, disabled, onEnter } = props;
  return (
    <FieldFrame id={id} label={label} path={path} help={help} error={error} className={className}>
      <input
        id={id}
        className="input"
        type={type}
        inputMode={inputMode}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        spellCheck={false}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
    </FieldFrame>
  );
}

export interface SelectFieldProps<V extends string> {
  label: ReactNode;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  path?: string;
  help?: ReactNode;
  error?: string | null;
  className?: string;
}

export function SelectField<V extends string>({ label, value, options, onChange, path, help, error, className }: SelectFieldProps<V>): React.JSX.Element {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} path={path} help={help} error={error} className={className}>
      <select
        id={id}
        className="select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface CheckFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  path?: string;
  help?: ReactNode;
  error?: string | null;
  className?: string;
  disabled?: boolean;
}

export function CheckField({ label, checked, onChange, path, help, error, className, disabled }: CheckFieldProps): React.JSX.Element {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`} data-field={path}>
      <label className="check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy(id, error, help)} />
        <span className="check__text">
          <span className="field__label">{label}</span>
          {help && !error ? (
            <span className="field__help" id={`${id}-help`}>
              {help}
            </span>
          ) : null}
        </span>
      </label>
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
