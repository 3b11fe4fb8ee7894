export * from './holidays';
export * from './working-days';
/**
 * The calendar date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) of an instant in epoch milliseconds: the same
 * function as rule-set's vietnamDate, under the name the calendar's callers look for.
 */
export { vietnamDate as isoDateInVietnam } from '../rule-set/select';
