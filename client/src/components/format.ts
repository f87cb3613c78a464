/** Dates in the reader's language. Due dates are calendar dates (YYYY-MM-DD), not instants. */

export function formatDate(value: string, lng: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function formatDateTime(value: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** Today as YYYY-MM-DD in local time, to compare with due dates. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function isOverdue(dueDate: string | null): boolean {
  return !!dueDate && dueDate < todayIso();
}

const relativeSteps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "vor 5 Minuten": how long ago an instant was, in the reader's language. */
export function formatRelative(value: string, lng: string, now = Date.now()): string {
  let amount = Math.round((new Date(value).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(amount) < size) return rtf.format(unit === 'second' ? Math.min(0, amount) : amount, unit);
    amount = Math.round(amount / size);
  }
  return rtf.format(amount, 'year');
}
