import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  RECOVERY_ITEMS,
  REVOCATION_GROUND_INFO,
  REVOCATION_GROUNDS,
  type RecoveryItem,
  type RevocationGround,
} from '@tdkt/domain';

const GROUNDS_DOC = REVOCATION_GROUNDS.map(
  (g) =>
    `${g} — (${REVOCATION_GROUND_INFO[g].clause}) ${REVOCATION_GROUND_INFO[g].vi} / ${REVOCATION_GROUND_INFO[g].en}`,
).join('; ');

/** Revocation of an award (hủy bỏ quyết định khen thưởng) on a ground of Law Ch. VII. */
export class RevocationDto {
  @ApiProperty({ enum: REVOCATION_GROUNDS, description: `Law Ch. VII ground: ${GROUNDS_DOC}` })
  @IsIn(REVOCATION_GROUNDS)
  ground!: RevocationGround;

  @ApiProperty({ description: 'Written reason', example: 'Báo cáo thành tích kê khai sai số liệu sáng kiến' })
  @IsString()
  @Length(10, 4000)
  reason!: string;

  @ApiProperty({ description: 'The decision that revokes the award', example: '45/QĐ-UBND' })
  @IsString()
  @Length(1, 200)
  decisionRef!: string;
}

/** One recovered item: the award objects (hiện vật) or the bonus money (tiền thưởng). */
export class RecoveryDto {
  @ApiProperty({ enum: RECOVERY_ITEMS })
  @IsIn(RECOVERY_ITEMS)
  item!: RecoveryItem;

  @ApiPropertyOptional({ example: 'Đã thu hồi bằng và huy hiệu' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({ description: 'Bonus actually recovered, in đồng (BONUS only)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  amountVnd?: number;
}

export class RecoveryTaskDto {
  @ApiProperty({ enum: RECOVERY_ITEMS }) item!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Bonus to recover: multiplier × base salary (rule 35); null without a sourced rate',
  })
  amountVnd!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) multiplier!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) basis!: string | null;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Null while the task is open' }) recoveredOn!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) recordedBy!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) recoveredAmountVnd!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'The bonus only: what the award fund ledger records as actually paid, which is what is recovered (0 when no payment was recorded)',
  })
  paidVnd!: number | null;
}
