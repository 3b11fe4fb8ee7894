import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DOCUMENT_KINDS } from '@tdkt/domain';

export class DocumentSignatureDto {
  @ApiProperty({ example: 'ETSI.CAdES.detached' }) subFilter!: string;
  @ApiProperty({
    description: 'The signing certificate: subject, serial number (hex), SHA-256 of its DER',
    example: { subject: 'CN=…', serialNumber: '01ab…', sha256: '…' },
  })
  certificate!: { subject: string; serialNumber: string; sha256: string };
  @ApiProperty({
    description: '"local-test" (the embedded default\'s self-made certificate) or the signing service\'s host',
  })
  signer!: string;
}

export class IssuedDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'The dossier or council session the document is rendered from' }) subjectId!: string;
  @ApiProperty({ example: '12/QĐ-UBND' }) number!: string;
  @ApiProperty({
    description: 'SHA-256 (hex) of the PDF as issued (signed when a signer is configured): the file served afterwards',
  })
  sha256!: string;
  @ApiProperty({ example: 'qd-khen-thuong@1' }) templateVersion!: string;
  @ApiProperty({ description: "Seq of the subject's event the document was rendered up to" }) sourceSeq!: number;
  @ApiPropertyOptional({
    type: DocumentSignatureDto,
    description: 'The digital signature (PAdES) embedded in the issued PDF',
  })
  signature?: DocumentSignatureDto;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() issuedBy!: string;
}

export class DocumentEntryDto {
  @ApiProperty({ example: 'decision', description: "The name in the document's URL: …/documents/<name>.pdf" })
  name!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'Whether the events hold the document yet (it can be printed)' }) available!: boolean;
  @ApiPropertyOptional({
    description:
      'Why not yet, as a rule code (document.decided, document.proposed, document.closed, document.template)',
  })
  rule?: string;
  @ApiPropertyOptional({ type: IssuedDocumentDto }) issued?: IssuedDocumentDto;
}

export class PdfQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Render again from the events instead of serving the issued file (an auditor compares the text)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  fresh?: 'true' | 'false';
}
