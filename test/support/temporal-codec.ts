/** Reading workflow histories in tests: their payloads as stored (encrypted by the codec) and as the workflow wrote them. */
import type { Payload } from '@temporalio/common';
import { dataConverterFromEnv } from '@tdkt/platform';

/** Every payload anywhere in a history (inputs, results, update arguments, failures' details…), as stored. */
export function storedPayloads(history: unknown): Payload[] {
  const found: Payload[] = [];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if ('data' in v && 'metadata' in v && (v as { data: unknown }).data instanceof Uint8Array) found.push(v as Payload);
    else for (const x of Object.values(v)) walk(x);
  };
  walk(history);
  return found;
}

/** The same payloads decoded by the run's codec (TEMPORAL_CODEC_KEYS), i.e. as the workflow and the API wrote them. */
export async function decodedPayloads(history: unknown): Promise<Payload[]> {
  let payloads = storedPayloads(history);
  for (const codec of dataConverterFromEnv().payloadCodecs ?? []) payloads = await codec.decode(payloads);
  return payloads;
}
