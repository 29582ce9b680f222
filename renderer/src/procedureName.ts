/** A consultation's procedure in the screen's language (the record carries both names). */
export function procedureNameIn(c: { procedureName: string; procedureNameEn: string }, locale: string): string {
  return locale === 'en' ? c.procedureNameEn : c.procedureName;
}
