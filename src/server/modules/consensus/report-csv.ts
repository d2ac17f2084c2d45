import type { Executor } from '../../db/database.ts';
import { annotatorSummaries, reportStage, roundListing, roundSummary } from './report.ts';

// The agreement report's tables as CSV downloads (RFC 4180), for spreadsheets: `tasks` lists every
// task's latest round, the others are the report's arrays. Each table reads only what it needs.

export const AGREEMENT_TABLES = ['tasks', 'annotators', 'questions', 'classes'] as const;
export type AgreementTable = (typeof AGREEMENT_TABLES)[number];

type Cell = string | number | null;

const COLUMNS: Record<AgreementTable, string[]> = {
  tasks: ['taskId', 'dataUnitName', 'score', 'state', 'closedAt', 'closedBy', 'annotators'],
  annotators: ['userId', 'name', 'tasks', 'agreement', 'resolvedAgreement', 'won', 'overruled'],
  questions: ['featureId', 'name', 'alpha', 'units', 'agreement'],
  classes: ['featureId', 'name', 'alpha', 'units', 'meanSimilarity'],
};

export async function agreementCsv(
  db: Executor,
  projectId: string,
  stageId: string | undefined,
  table: AgreementTable,
): Promise<string> {
  const stage = await reportStage(db, projectId, stageId);
  const rows = stage.stageId === null ? [] : await tableRows(db, projectId, stage.stageId, table);
  return toCsv(COLUMNS[table], rows);
}

async function tableRows(db: Executor, projectId: string, stageId: string, table: AgreementTable) {
  const columns = COLUMNS[table];
  const pick = (row: Record<string, Cell>): Cell[] => columns.map((c) => row[c] ?? null);
  switch (table) {
    case 'tasks':
      return (await roundListing(db, projectId, stageId)).map(pick);
    case 'annotators':
      return (await annotatorSummaries(db, projectId, stageId)).map(pick);
    case 'questions':
      return (await roundSummary(db, projectId, stageId)).questions.map(pick);
    case 'classes':
      return (await roundSummary(db, projectId, stageId)).classes.map(pick);
  }
}

/** RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted, its quotes doubled; null is empty. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => cells.map(csvField).join(',');
  return [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? plainDecimal(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A number as spreadsheets read it everywhere: no exponent (String gives 1e-7 for small values). */
export function plainDecimal(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toFixed(20).replace(/\.?0+$/, '');
}
