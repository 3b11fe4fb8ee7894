import { ApiError, type ErrorBody, type Schemas } from './client';
import { session } from '../auth/session';

export type Unit = Schemas['UnitDto'];
export type User = Schemas['UserDto'];
export type CouncilTerm = Schemas['CouncilTermWithSeatsDto'];
export type HistoryEntry = Schemas['DirectoryHistoryEntryDto'];
export type DirectoryImportReport = Schemas['DirectoryImportReportDto'];
export type DirectoryImportStarted = Schemas['DirectoryImportStartedDto'];
export type AdminJob = Schemas['AdminJobDto'];
export type AwardImportJob = Schemas['AwardImportJobDto'];

/** A multipart upload (the typed client sends JSON): the API's JSON answer, or an ApiError with its error body. */
export async function upload<T>(path: string, fields: Record<string, string | Blob>): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token() ?? ''}` },
    body: form,
  });
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    if (res.status === 401 && session.token()) session.signOut();
    throw new ApiError(res.status, body as Partial<ErrorBody>);
  }
  return body as T;
}

/** Saves a file the API answers (an export) under its name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => ({}))) as Partial<ErrorBody>);
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), {
    href: url,
    download: name ? decodeURIComponent(name) : fallbackName,
  });
  a.click();
  URL.revokeObjectURL(url);
}
