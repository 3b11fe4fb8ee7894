import { Injectable } from '@nestjs/common';
import { Refused } from '@tdkt/domain';
import { MovementQueries, type StatisticsFilter } from '@tdkt/persistence';
import { filterOf } from './report-columns';
import type { FiveYearQuery, StatisticsQuery } from './reports-query.dto';

/**
 * The reports' filters, checked against the read models: a movement that does not exist is a 400 on movementId
 * rather than an empty report, which would read as "the movement exists and nothing was awarded".
 */
@Injectable()
export class ReportsService {
  constructor(private readonly movements: MovementQueries) {}

  async filterOf(q: StatisticsQuery): Promise<StatisticsFilter> {
    await this.mustKnowMovement(q.movementId);
    return filterOf(q);
  }

  async fiveYearParams(
    q: FiveYearQuery,
  ): Promise<{ provinceCode: string; fromYear: number; toYear: number; movementId?: string }> {
    await this.mustKnowMovement(q.movementId);
    return {
      provinceCode: q.provinceCode,
      fromYear: q.fromYear,
      toYear: q.toYear,
      ...(q.movementId ? { movementId: q.movementId } : {}),
    };
  }

  /** A 400 on movementId when it names no movement (the reports of other controllers check it here too). */
  async mustKnowMovement(movementId: string | undefined): Promise<void> {
    if (movementId && !(await this.movements.findById(movementId)))
      throw Refused.invalidField('movementId', `no movement ${movementId} (GET /api/movements)`);
  }
}
