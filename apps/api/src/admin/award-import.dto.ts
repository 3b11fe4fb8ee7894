import { ApiProperty } from '@nestjs/swagger';

export class AwardImportStartedDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({ example: 'RUNNING' }) status!: string;
  @ApiProperty({ example: '/api/admin/award-imports/…' }) statusUrl!: string;
}
