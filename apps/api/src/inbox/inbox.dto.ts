import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TASK_KINDS, type TaskKind } from '@tdkt/domain';

export class InboxQuery {
  @ApiPropertyOptional({
    default: 200,
    minimum: 1,
    maximum: 500,
    description: 'At most this many tasks, the most urgent first',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class InboxTaskDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty() status!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Legal deadline of the task (ISO date, Asia/Ho_Chi_Minh), when one runs',
  })
  due!: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Working days from today to due; negative when overdue; null without a due date or outside the calendar',
  })
  daysLeft!: number | null;
  @ApiProperty() overdue!: boolean;
}

export class InboxDto {
  @ApiProperty({ description: 'The day daysLeft counts from (Asia/Ho_Chi_Minh)' }) today!: string;
  @ApiProperty({ type: [InboxTaskDto] }) tasks!: InboxTaskDto[];
  @ApiProperty({ description: 'More tasks exist than the limit returned' }) truncated!: boolean;
}
