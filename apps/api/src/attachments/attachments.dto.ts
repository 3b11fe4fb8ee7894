import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { ATTACHMENT_CONTENT_TYPES, DOSSIER_PART_KINDS } from '@tdkt/domain';

/** One stored version of a dossier part's file. */
export class DossierFileDto {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({ enum: DOSSIER_PART_KINDS }) part!: string;
  @ApiProperty({ format: 'uuid', description: 'The first version of this file; every replacement keeps it' })
  lineageId!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ description: 'False once a newer version replaced it (it stays stored and downloadable)' })
  current!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) replacedBy!: string | null;
  @ApiProperty({ example: 'to-trinh.pdf' }) name!: string;
  @ApiProperty({ enum: ATTACHMENT_CONTENT_TYPES, description: 'Sniffed from the content, never taken from the client' })
  contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({
    description: 'SHA-256 (hex) of the bytes, as recorded in the AttachmentAdded event',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  })
  sha256!: string;
  @ApiProperty() storageKey!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty() uploadedRole!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ format: 'uuid', description: "The dossier's ATTACHMENT stream" }) streamId!: string;
  @ApiProperty({ description: 'The AttachmentAdded event in that stream' }) seq!: number;
}

export class DossierFileListedDto extends DossierFileDto {
  @ApiProperty({ type: String, nullable: true, description: "The uploader's name in the directory" }) uploadedByName!:
    string | null;
}

export class DossierFilesDto {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({
    description:
      'Whether the caller may attach files now (the clerk of the unit while the dossier is a draft, returned or asked to supplement)',
  })
  editable!: boolean;
  @ApiProperty({ description: 'The largest file accepted, in bytes' }) maxBytes!: number;
  @ApiProperty({ type: [DossierFileListedDto], description: 'Every version of every file, by part and upload order' })
  files!: DossierFileListedDto[];
}

export class UploadQueryDto {
  @ApiProperty({ description: 'The file name (shown in lists and used for downloads)', example: 'to-trinh.pdf' })
  name!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The current version this file replaces (same part); absent: a new file of the part',
  })
  replaces?: string;
}

/** A dossier and one of its parts (the part is checked after the dossier's scope, so a stranger learns nothing). */
export class DossierPartParams {
  @ApiProperty({ format: 'uuid', description: 'The dossier id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
  @ApiProperty({ enum: DOSSIER_PART_KINDS }) @IsString() @Length(1, 64) part!: string;
}

/** A dossier and one of its files (an unknown or malformed file id is a 404 once the dossier is visible). */
export class DossierFileParams {
  @ApiProperty({ format: 'uuid', description: 'The dossier id' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
  @ApiProperty({ format: 'uuid', description: 'The file (version) id' }) @IsString() @Length(1, 64) fileId!: string;
}
