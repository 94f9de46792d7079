/** A message block with an icon and a word-level tone, so it never relies on colour alone. */
import type { ReactNode } from 'react';

export interface AlertProps {
  tone: 'info' | 'error' | 'success';
  children: ReactNode;
  /** `alert` interrupts a screen reader; use it only for errors a person must act on. */
  role?: 'alert' | 'status';
  id?: string;
}

const icons = { info: 'i', error: '!', success: '✓' } as const;

export function Alert({ tone, children, role, id }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={role} id={id}>
      <span className="alert__icon" aria-hidden="true">
        {icons[tone]}
      </span>
      <div className="alert__body">{children}</div>
    </div>
  );
}
