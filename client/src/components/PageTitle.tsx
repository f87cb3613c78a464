/**
 * The page's h1 and document title. The heading takes focus after a client-side navigation
 * to another path, so screen-reader users hear where they are (the skip link stays the first
 * tab stop). A change of the query string alone (a filter, `?thread=`) keeps the focus where
 * the person is working. A heading that renders after its data arrives takes the focus only if
 * the person has not pressed a key or pointer button since the navigation: by then they have
 * moved on (see focusIntent).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { actedSinceNavigation } from './focusIntent';

let firstRender = true;

export function PageTitle({ children, title, actions }: { children: string; title?: string; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const navigationType = useNavigationType();
  const { pathname } = useLocation();
  // Read by the focus effect, which must run on a new path only, not on a new navigation type.
  const scrollOnFocus = useRef(true);
  useEffect(() => {
    scrollOnFocus.current = navigationType !== 'POP';
  });
  useEffect(() => {
    document.title = `${title ?? children} – Konvent`;
  }, [children, title]);
  useEffect(() => {
    if (firstRender) {
      firstRender = false;
      return;
    }
    if (actedSinceNavigation()) return;
    ref.current?.focus({ preventScroll: !scrollOnFocus.current });
  }, [pathname]);
  return (
    <div className="k-page-head">
      <h1 className="kern-heading-large k-page-title" tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {actions ? <div className="k-page-actions">{actions}</div> : null}
    </div>
  );
}
