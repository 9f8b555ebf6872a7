/**
 * A changed field in the user's words, as the forms label it: a conflict says "Estimate
 * (hours)", never `estimatedHours`. A field without a label here is split into words.
 */
const LABELS: Record<string, string> = {
  name: 'Name',
  cid: 'Client',
  color: 'Color',
  isPrivate: 'Private',
  billable: 'Billable',
  active: 'Active',
  estimatedHours: 'Estimate (hours)',
  estimatedSeconds: 'Estimate',
  assigneeId: 'Assignee',
  autoEstimates: 'Auto estimates',
  startDate: 'Start date',
  endDate: 'End date',
  template: 'Template',
  templateId: 'From template',
  currency: 'Currency',
  rate: 'Hourly rate',
  fixedFee: 'Fixed fee',
  recurring: 'Recurring',
};

export function fieldLabel(field: string): string {
  const label = LABELS[field];
  if (label !== undefined && Object.hasOwn(LABELS, field)) return label;
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field's value as a person reads it: text quoted, nothing as "none", yes/no for on/off. */
export function fieldValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}
