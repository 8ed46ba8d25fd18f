import { DOCUMENT_FORMATS, documentFormatInfo } from '../../../../core';

/** One `<option>` per document format the core reads and writes, by its label. */
export function FormatOptions() {
  return DOCUMENT_FORMATS.map((f) => (
    <option key={f} value={f}>
      {documentFormatInfo(f).label}
    </option>
  ));
}
