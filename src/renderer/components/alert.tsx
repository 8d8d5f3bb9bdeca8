import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon, InfoIcon, WarningIcon } from './icons';

type Tone = 'error' | 'warning' | 'success' | 'info';

const ICONS: Record<Tone, (props: { size?: number }) => React.JSX.Element> = {
  error: AlertIcon,
  warning: WarningIcon,
  success: CheckIcon,
  info: InfoIcon,
};

export function Alert({ tone, title, children, testId }: { tone: Tone; title?: ReactNode; children?: ReactNode; testId?: string }): React.JSX.Element {
  const Icon = ICONS[tone];
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="alert__icon">
        <Icon size={18} />
      </span>
      <div className="alert__content">
        {title ? <div className="alert__title">{title}</div> : null}
        {children}
      </div>
    </div>
  );
}
