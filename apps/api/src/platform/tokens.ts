export { CONFIG } from '@tdkt/platform';
