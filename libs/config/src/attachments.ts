import { ConfigError } from './config-error';

/** Where attachments' bytes are kept, and how large one may be (README "Attachments"). */
export interface AttachmentConfig {
  /** Largest file accepted, in bytes (TDKT_ATTACHMENT_MAX_BYTES, default 20 MiB); larger answers 413. */
  maxBytes: number;
  store:
    | { kind: 'postgres' }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint?: string;
        forcePathStyle: boolean;
        credentials?: { accessKeyId: string; secretAccessKey: string };
      };
}

export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

type Env = Record<string, string | undefined>;

/** Reads and checks the attachment settings; a bad one throws ConfigError naming the variable (start-up stops). */
export function loadAttachmentConfig(env: Env = process.env): AttachmentConfig {
  const problems: string[] = [];
  const get = (name: string): string | undefined => env[name]?.trim() || undefined;
  const rawMax = get('TDKT_ATTACHMENT_MAX_BYTES');
  const maxBytes = rawMax === undefined ? DEFAULT_ATTACHMENT_MAX_BYTES : Number(rawMax);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1)
    problems.push(`TDKT_ATTACHMENT_MAX_BYTES must be a positive whole number of bytes, got "${rawMax}"`);
  const kind = get('TDKT_ATTACHMENT_STORE') ?? 'postgres';
  let store: AttachmentConfig['store'] = { kind: 'postgres' };
  if (kind === 's3') {
    const bucket = get('TDKT_S3_BUCKET');
    if (!bucket) problems.push('TDKT_S3_BUCKET is required when TDKT_ATTACHMENT_STORE=s3');
    const endpoint = get('TDKT_S3_ENDPOINT');
    if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint))
      problems.push(`TDKT_S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
    const [accessKeyId, secretAccessKey] = [get('TDKT_S3_ACCESS_KEY_ID'), get('TDKT_S3_SECRET_ACCESS_KEY')];
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
      problems.push('TDKT_S3_ACCESS_KEY_ID and TDKT_S3_SECRET_ACCESS_KEY go together');
    const pathStyle = get('TDKT_S3_FORCE_PATH_STYLE')?.toLowerCase();
    if (pathStyle && !['true', 'false', '1', '0'].includes(pathStyle))
      problems.push(`TDKT_S3_FORCE_PATH_STYLE must be true or false, got "${pathStyle}"`);
    store = {
      kind: 's3',
      bucket: bucket ?? '',
      region: get('TDKT_S3_REGION') ?? 'us-east-1',
      ...(endpoint ? { endpoint } : {}),
      forcePathStyle: pathStyle ? pathStyle === 'true' || pathStyle === '1' : Boolean(endpoint),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    };
  } else if (kind !== 'postgres') problems.push(`TDKT_ATTACHMENT_STORE must be postgres or s3, got "${kind}"`);
  if (problems.length) throw new ConfigError(problems);
  return { maxBytes, store };
}
