import { applyDecorators } from '@nestjs/common';
import { IsISO8601, ValidateBy, type ValidationOptions } from 'class-validator';
import { vietnamDate } from '@tdkt/domain';

/**
 * An ISO date (YYYY-MM-DD) that a person could mean: a real calendar day, not before `earliest`, and — for facts that
 * already happened (a birth, an achievement, a past decision) — not after today, or — for something still to come (a
 * voting deadline) — not before today; "today" in Asia/Ho_Chi_Minh.
 */
export function PlausibleDate(
  when: 'past' | 'future' | 'any',
  earliest = '1900-01-01',
  options: ValidationOptions = {},
) {
  return applyDecorators(
    IsISO8601(
      { strict: true },
      { ...options, message: ({ property }) => `${property} must be an ISO date (YYYY-MM-DD)` },
    ),
    ValidateBy(
      {
        name: 'plausibleDate',
        validator: {
          validate: (value: unknown) => {
            if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return typeof value !== 'string';
            const day = new Date(`${value}T00:00:00Z`);
            if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return false;
            const today = vietnamDate(Date.now());
            if (value < earliest) return false;
            if (when === 'past' && value > today) return false;
            if (when === 'future' && value < today) return false;
            return true;
          },
          defaultMessage: ({ property } = { property: 'date' } as never) =>
            when === 'past'
              ? `${property} must be a real date between ${earliest} and today`
              : when === 'future'
                ? `${property} must be a real date from today on`
                : `${property} must be a real date from ${earliest} on`,
        },
      },
      options,
    ),
  );
}
