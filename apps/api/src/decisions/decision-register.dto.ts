import { ApiProperty } from '@nestjs/swagger';

export class RegisterDossierDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() signerId!: string;
  @ApiProperty({ example: '2026-12-18' }) signedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: "The dossier's status now (REVOKED after a revocation)" })
  status!: string | null;
}

export class RegisterVoidedDto {
  @ApiProperty() reason!: string;
  @ApiProperty() voidedBy!: string;
  @ApiProperty() voidedRole!: string;
  @ApiProperty() voidedAt!: string;
}

/** One allocated number: the dossiers its decision awarded, or its voiding (the number stays used). */
export class RegisterEntryDto {
  @ApiProperty({ example: 12 }) number!: number;
  @ApiProperty({ example: '12/QĐ-UBND' }) formatted!: string;
  @ApiProperty() allocatedAt!: string;
  @ApiProperty({ type: [RegisterDossierDto] }) dossiers!: RegisterDossierDto[];
  @ApiProperty({ type: RegisterVoidedDto, nullable: true }) voided!: RegisterVoidedDto | null;
}

/** The decision register (sổ quyết định) of one issuing authority's series and year. */
export class RegisterDto {
  @ApiProperty({ example: 'PROVINCIAL_CHAIRMAN:HN' }) authority!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: "The register's own stream (voidings) in the event table" }) streamId!: string;
  @ApiProperty({ description: 'The last number allocated in the series (0 before the first)' }) lastNumber!: number;
  @ApiProperty({ type: [RegisterEntryDto] }) entries!: RegisterEntryDto[];
}
