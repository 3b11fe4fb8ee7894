import { Module } from '@nestjs/common';
import { BoardExportController } from './board-export.controller';

/** List exports that live beside their list's own controller (the board's .xlsx). */
@Module({ controllers: [BoardExportController] })
export class ExportsModule {}
