// Tables as CSV (RFC 4180): what a report shows, for a spreadsheet.

export type CsvValue = string | number | null | undefined;

const cell = (v: CsvValue) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export const toCsv = (headers: readonly string[], rows: readonly (readonly CsvValue[])[]) =>
  [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** Hands the browser a CSV file to save. */
export function downloadCsv(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
