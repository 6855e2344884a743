// What a presenter types once for the park brochures (园区名片) of a place: the contact block
// printed on every brochure and the map-approval number (审图号). Plain data saved with the
// place's work (place-work.ts); anything malformed in a saved copy falls back to empty fields.

export interface BrochureContact {
  /** Issuing office, e.g. 宁津县投资促进局. */
  unit: string;
  person: string;
  phone: string;
  email: string;
  address: string;
}

export interface BrochureInfo {
  contact: BrochureContact;
  /** 审图号 of the base map the brochures use; empty = none (the brochure then says so). */
  approvalNo: string;
}

export const EMPTY_BROCHURE: BrochureInfo = {
  contact: { unit: '', person: '', phone: '', email: '', address: '' },
  approvalNo: '',
};

/** Longest text kept per field: a brochure block, not a document. */
export const BROCHURE_FIELD_MAX = 120;

const str = (v: unknown): string => (typeof v === 'string' ? v.slice(0, BROCHURE_FIELD_MAX) : '');

export function brochureFromSaved(value: unknown): BrochureInfo {
  if (!value || typeof value !== 'object') return EMPTY_BROCHURE;
  const o = value as Record<string, unknown>;
  const c = (o.contact && typeof o.contact === 'object' ? o.contact : {}) as Record<string, unknown>;
  return {
    contact: { unit: str(c.unit), person: str(c.person), phone: str(c.phone), email: str(c.email), address: str(c.address) },
    approvalNo: str(o.approvalNo),
  };
}
