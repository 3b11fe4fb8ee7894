export { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '@tdkt/platform';
