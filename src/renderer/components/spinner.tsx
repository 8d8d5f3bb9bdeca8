export function Spinner({ label }: { label?: string }): React.JSX.Element {
  return <span className="spinner" role={label ? 'status' : undefined} aria-label={label} />;
}
