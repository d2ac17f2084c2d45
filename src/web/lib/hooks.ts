import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Sets the browser tab's title while the page is shown. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Gloss` : 'Gloss';
  }, [title]);
}
