import { Injectable } from '@nestjs/common';
import { vietnamDate, Refused } from '@tdkt/domain';
import {
  EmulationQueries,
  ExemplaryModelQueries,
  MovementQueries,
  NomineePriorityQueries,
  RegistrationQueries,
  type RegistrationView,
} from '@tdkt/persistence';
import { PdfRenderer } from '../documents/pdf-renderer.service';
import { reviewReportHtml, reviewReportXlsx, type ReviewKind, type ReviewReport } from './review-report';

/** Gathers a movement's review report from the read models and renders it. */
@Injectable()
export class MovementReportsService {
  constructor(
    private readonly movements: MovementQueries,
    private readonly registrations: RegistrationQueries,
    private readonly emulation: EmulationQueries,
    private readonly priorities: NomineePriorityQueries,
    private readonly models: ExemplaryModelQueries,
    private readonly pdf: PdfRenderer,
  ) {}

  async report(movementId: string, kind: ReviewKind): Promise<ReviewReport> {
    const movement = await this.movements.findById(movementId);
    if (!movement) throw Refused.notFound(`Movement ${movementId} not found`);
    const fromYear = Number(movement.periodFrom.slice(0, 4));
    const toYear = Number(movement.periodTo.slice(0, 4));
    return {
      kind,
      asOf: vietnamDate(Date.now()),
      movement,
      participants: await this.participants(movement.scopeLevel, movement.scopeCode, fromYear, toYear),
      dossiers: await this.movements.dossierCounts(movementId),
      // Awards are counted by decision year, which may run a year past the movement's period.
      priority: await this.priorities.shares({ fromYear, toYear: toYear + 1, movementId }),
      models: await this.models.list({ movementId }),
      decisions: await this.movements.decisions(movementId),
    };
  }

  xlsx(r: ReviewReport): Promise<Buffer> {
    return reviewReportXlsx(r);
  }

  pdfOf(r: ReviewReport): Promise<Buffer> {
    return this.pdf.render(reviewReportHtml(r));
  }

  /** The registrations for the movement's years from the units in its scope (the province, a block's members, one unit). */
  private async participants(
    level: string | null,
    code: string | null,
    fromYear: number,
    toYear: number,
  ): Promise<RegistrationView[]> {
    const all: RegistrationView[] = [];
    for (let y = fromYear; y <= toYear; y++) all.push(...(await this.registrations.list({ year: y })));
    if (level === 'UNIT') return all.filter((r) => r.unitCode === code);
    if (level === 'BLOCK') {
      const members = new Set(
        (await this.emulation.listBlocks())
          .filter((b) => b.code === code)
          .flatMap((b) => b.members.map((m) => m.unitCode)),
      );
      return all.filter((r) => members.has(r.unitCode));
    }
    if (level === 'PROVINCE') return all.filter((r) => r.provinceCode === code);
    return all;
  }
}
