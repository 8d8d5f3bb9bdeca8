/** `fraction` null = the engine cannot tell how far it is: an indeterminate bar, not a fake 0 %. */
export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }): React.JSX.Element {
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className={`progress${percent === null ? ' progress--indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
    >
      <div className="progress__bar" style={percent === null ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
