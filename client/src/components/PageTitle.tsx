/**
 * The page's h1 and document title. The heading takes focus after a client-side navigation
 * so screen-reader users hear where they are (the skip link stays the first tab stop).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigationType } from 'react-router';

let firstRender = true;

export function PageTitle({ children, title, actions }: { children: string; title?: string; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const navigationType = useNavigationType();
  useEffect(() => {
    document.title = `${title ?? children} – Konvent`;
  }, [children, title]);
  useEffect(() => {
    if (firstRender) {
      firstRender = false;
      return;
    }
    ref.current?.focus({ preventScroll: navigationType === 'POP' });
  }, [navigationType]);
  return (
    <div className="k-page-head">
      <h1 className="kern-heading-large k-page-title" tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {actions ? <div className="k-page-actions">{actions}</div> : null}
    </div>
  );
}
