import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  AWARD_CODES,
  MODEL_FIELDS,
  MODEL_STAGES,
  MODEL_SUBJECT_KINDS,
  type ModelField,
  type ModelStage,
  type ModelSubjectKind,
} from '@tdkt/domain';
import { DossierViewDto } from '../dossiers/dossier-view.dto';

const UNIT_CODE = /^[A-Za-z0-9._-]{1,64}$/;
const isoDate = (field: string) =>
  IsISO8601({ strict: true }, { message: `${field} must be an ISO date (YYYY-MM-DD)` });

export class ModelIdParam {
  @ApiProperty({ format: 'uuid', description: 'The exemplary model id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class ModelSubjectDto {
  @ApiProperty({ enum: MODEL_SUBJECT_KINDS, description: 'Cá nhân hoặc tập thể' })
  @IsIn(MODEL_SUBJECT_KINDS as readonly string[])
  kind!: ModelSubjectKind;
  @ApiProperty({ example: 'Hà Thị Yến' }) @IsString() @Length(2, 200) name!: string;
  @ApiPropertyOptional({ example: 'Giáo viên tiểu học', description: 'A person only' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  position?: string;
  @ApiPropertyOptional({
    example: 'SGDDT',
    description: "The model's unit; a unit's staff register their own unit's models (default: the caller's unit)",
  })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode?: string;
}

export class ModelEvidenceDto {
  @ApiProperty({ example: 'Báo cáo sơ kết học kỳ I' }) @IsString() @Length(1, 300) title!: string;
  @ApiProperty({ example: '15/BC-SGDDT', description: 'Document number, file id or link' })
  @IsString()
  @Length(1, 500)
  ref!: string;
}

export class RegisterModelDto {
  @ApiProperty({ example: 'Mô hình "Lớp học hạnh phúc" ở vùng cao', description: 'Tên điển hình, mô hình' })
  @IsString()
  @Length(3, 300)
  title!: string;
  @ApiProperty({ example: 'Đưa phương pháp lớp học hạnh phúc vào trường bán trú; tỷ lệ chuyên cần từ 82% lên 99%.' })
  @IsString()
  @Length(10, 5000)
  summary!: string;
  @ApiProperty({ type: ModelSubjectDto }) @ValidateNested() @Type(() => ModelSubjectDto) subject!: ModelSubjectDto;
  @ApiProperty({ enum: MODEL_FIELDS, description: 'Lĩnh vực' })
  @IsIn(MODEL_FIELDS as readonly string[])
  field!: ModelField;
  @ApiPropertyOptional({ format: 'uuid', description: 'The movement (GET /api/movements) the model grew in' })
  @IsOptional()
  @IsUUID('all', { message: 'movementId must be a UUID' })
  movementId?: string;
  @ApiProperty({ example: '2026-03-01', description: 'Ngày phát hiện' }) @isoDate('foundOn') foundOn!: string;
  @ApiProperty({ type: [ModelEvidenceDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ModelEvidenceDto)
  evidence!: ModelEvidenceDto[];
}

export class AdvanceModelDto {
  @ApiProperty({ enum: MODEL_STAGES, description: 'The next stage: FOUND → FOSTERED → REPLICATED → HONOURED' })
  @IsIn(MODEL_STAGES as readonly string[])
  to!: ModelStage;
  @ApiPropertyOptional({ example: 'Tuyên dương tại Hội nghị điển hình tiên tiến tỉnh' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class AddEvidenceDto {
  @ApiProperty({ type: [ModelEvidenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ModelEvidenceDto)
  evidence!: ModelEvidenceDto[];
}

export class ReplicationDto {
  @ApiPropertyOptional({ example: 'SYT', description: "The replicating unit (default: the caller's unit)" })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode?: string;
  @ApiPropertyOptional({ example: 'Áp dụng tại 5 trạm y tế xã' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class ProposeModelDto {
  @ApiProperty({ enum: AWARD_CODES, example: 'BK_TINH', description: 'The ad-hoc award the model is proposed for' })
  @IsIn(AWARD_CODES as string[])
  awardCode!: string;
  @ApiProperty({
    example: '2026-05-01',
    description: 'The achievement the ad-hoc award answers (intake ≤ 45 days after it, rule 31)',
  })
  @isoDate('achievementDate')
  achievementDate!: string;
}

export class ModelListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'movementId must be a UUID' })
  movementId?: string;
  @ApiPropertyOptional({ enum: MODEL_STAGES }) @IsOptional() @IsIn(MODEL_STAGES as readonly string[]) stage?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE, { message: 'unitCode is a unit code' })
  unitCode?: string;
  @ApiPropertyOptional({ enum: MODEL_FIELDS }) @IsOptional() @IsIn(MODEL_FIELDS as readonly string[]) field?: string;
}

export class ModelViewDto {
  @ApiProperty() modelId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MODEL_SUBJECT_KINDS }) subjectKind!: string;
  @ApiProperty() subjectName!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: MODEL_FIELDS }) field!: string;
  @ApiProperty({ type: String, nullable: true }) movementId!: string | null;
  @ApiProperty({ enum: MODEL_STAGES }) stage!: string;
  @ApiProperty() foundOn!: string;
  @ApiProperty({
    description:
      'The model as the domain holds it: definition (summary, subject, evidence), replications, proposals, transitions',
    type: 'object',
    additionalProperties: true,
  })
  state!: Record<string, unknown>;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ModelProposalResultDto {
  @ApiProperty({ type: ModelViewDto }) model!: ModelViewDto;
  @ApiProperty({
    type: DossierViewDto,
    description: 'The draft ad-hoc dossier created from the model (the clerk completes and submits it)',
  })
  dossier!: DossierViewDto;
}
