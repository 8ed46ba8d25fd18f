import { CODE_FORMATS, DOCUMENT_FORMATS, documentFormatInfo, EXPORT_TARGETS, exportTargetInfo, sourceFormatLabel } from '../../../../core';
import { webText } from '../../../lib/i18n/feature-text';

/** One `<option>` per document format the core reads and writes, by its label. */
export function FormatOptions() {
  return DOCUMENT_FORMATS.map((f) => (
    <option key={f} value={f}>
      {documentFormatInfo(f).label}
    </option>
  ));
}

/** The stored formats, then the infrastructure-code shapes and other clouds' lists the import reads. */
export function SourceFormatOptions() {
  return (
    <>
      <optgroup label={webText('import-export.stored-formats')}>
        <FormatOptions />
      </optgroup>
      <optgroup label={webText('import-export.code-formats')}>
        {/* Product and resource names (Terraform, aws_s3_bucket_cors_configuration, wrangler): never translated. */}
        {CODE_FORMATS.map((f) => (
          <option key={f} value={f} translate="no">
            {sourceFormatLabel(f)}
          </option>
        ))}
      </optgroup>
    </>
  );
}

/** The stored formats, then Terraform, CloudFormation and the provider CLIs' files. */
export function ExportTargetOptions() {
  return (
    <>
      <optgroup label={webText('import-export.stored-formats')}>
        <FormatOptions />
      </optgroup>
      <optgroup label={webText('import-export.code-targets')}>
        {EXPORT_TARGETS.map((target) => (
          <option key={target} value={target} translate="no">
            {exportTargetInfo(target).label}
          </option>
        ))}
      </optgroup>
    </>
  );
}
