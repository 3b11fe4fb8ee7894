import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsString, Length } from 'class-validator';
import { AWARD_CODES } from '@tdkt/domain';

export class CreateRoundDto {
  @ApiProperty({ example: 'Phong trào thi đua chuyển đổi số năm 2025' }) @IsString() @Length(3, 300) name!: string;
  @ApiProperty({ example: '2025-10-01', description: 'First day of the intake window (ISO date)' })
  @IsISO8601({ strict: true }, { message: 'opensOn must be an ISO date (YYYY-MM-DD)' })
  opensOn!: string;
  @ApiProperty({ example: '2025-10-31', description: 'Last day of the intake window, inclusive (ISO date)' })
  @IsISO8601({ strict: true }, { message: 'closesOn must be an ISO date (YYYY-MM-DD)' })
  closesOn!: string;
  @ApiProperty({ enum: AWARD_CODES, isArray: true, example: ['BK_TINH'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsIn(AWARD_CODES as string[], { each: true })
  awardCodes!: string[];
}

export class RoundViewDto {
  @ApiProperty() roundId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() opensOn!: string;
  @ApiProperty() closesOn!: string;
  @ApiProperty({ type: [String] }) awardCodes!: string[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}
