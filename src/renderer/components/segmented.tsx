export interface SegmentedProps<T extends string | number> {
  /** Names the group for screen readers. */
  label: string;
  /** The radio inputs' shared name. */
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** What each option reads as, in the user's language. */
  text: (option: T) => string;
}

/** A row of mutually exclusive choices drawn as one segmented control (radio inputs underneath). */
export function Segmented<T extends string | number>({ label, name, options, value, onChange, text }: SegmentedProps<T>): React.JSX.Element {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={name} value={String(option)} checked={value === option} onChange={() => onChange(option)} />
          <span>{text(option)}</span>
        </label>
      ))}
    </div>
  );
}
