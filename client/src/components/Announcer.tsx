/**
 * One polite live region for the whole app: actions whose result is not otherwise visible
 * where the focus is (a row moved, a member removed) announce a sentence here. The text is
 * also shown briefly as a toast, so sighted keyboard users get the same confirmation.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

interface Announcement {
  id: number;
  text: string;
  tone: 'info' | 'danger';
}

const AnnouncerContext = createContext<(text: string, tone?: 'info' | 'danger') => void>(() => {});

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Announcement | null>(null);
  const counter = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const announce = useCallback((text: string, tone: 'info' | 'danger' = 'info') => {
    counter.current += 1;
    setCurrent({ id: counter.current, text, tone });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCurrent(null), tone === 'danger' ? 12_000 : 6_000);
  }, []);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="k-toast-region" role="status" aria-live="polite" aria-atomic="true">
        {current ? (
          <div key={current.id} className={`k-toast k-toast--${current.tone}`}>
            {current.text}
          </div>
        ) : null}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce() {
  return useContext(AnnouncerContext);
}
