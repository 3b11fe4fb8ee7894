export * from './holidays';
export * from './working-days';
export * from './calendar-file';
