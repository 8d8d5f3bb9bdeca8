import type { ReactNode } from 'react';

export interface CardHeaderProps {
  /** The heading's id, for the card's `aria-labelledby`. */
  titleId: string;
  title: ReactNode;
  subtitle?: ReactNode;
  /** Controls on the header's right (a segmented choice, a button). */
  children?: ReactNode;
}

/** A card's title and one-line subtitle, with optional controls beside them. */
export function CardHeader({ titleId, title, subtitle, children }: CardHeaderProps): React.JSX.Element {
  return (
    <div className="card__header">
      <div>
        <h2 className="card__title" id={titleId}>
          {title}
        </h2>
        {subtitle === undefined ? null : <div className="card__subtitle">{subtitle}</div>}
      </div>
      {children}
    </div>
  );
}
