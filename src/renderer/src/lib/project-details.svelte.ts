import type { ProjectDetails } from '../../../shared/entities';
import {
  RECURRING_PERIODS,
  detailProblems,
  sameRecurrence,
  type DetailField,
  type DetailProblems,
  type EditableDetails,
} from '../../../shared/project-details';
import { notAnAmount, readAmount as amount, shownAmount as shown } from '../../../shared/money';
import { DEFAULT_RATE_CHANGE_MODE, type RateChangeMode } from '../../../shared/rate-change';

/** What the Details section gives a save: the details set, Toggl's names aside. */
export type DetailValues = Partial<EditableDetails> & { templateId?: number | null };

/**
 * The project form's "Details" (issue 22, item 1): folded until opened; the fields as typed,
 * read and checked on save with a message beside each field that is wrong (nothing typed is
 * lost). The rules are shared with main (shared/project-details.ts).
 */
export class ProjectDetailsForm {
  open = $state(false);
  estimate = $state('');
  autoEstimates = $state(false);
  startDate = $state('');
  endDate = $state('');
  template = $state(false);
  /** The template a new project is made from ("" none), as the select holds it. */
  templateId = $state('');
  currency = $state('');
  rate = $state('');
  fixedFee = $state('');
  recurring = $state(false);
  /** A recurring project's period ("" leaves Toggl's default), its days when "custom", and its start. */
  period = $state('');
  customPeriod = $state('');
  recurringFrom = $state('');
  /** How a new hourly rate counts for time already tracked (asked only when the rate changes). */
  rateChangeMode = $state<RateChangeMode>(DEFAULT_RATE_CHANGE_MODE);
  problems = $state<DetailProblems>({});

  constructor(private readonly project?: ProjectDetails) {
    if (!project) return;
    this.estimate = shown(project.estimatedHours);
    this.autoEstimates = project.autoEstimates;
    this.startDate = project.startDate ?? '';
    this.endDate = project.endDate ?? '';
    this.template = project.template;
    this.currency = project.currency ?? '';
    this.rate = shown(project.rate);
    this.fixedFee = shown(project.fixedFee);
    this.recurring = project.recurring;
    const recurrence = project.recurringParameters;
    this.period = recurrence?.period ?? '';
    this.customPeriod = recurrence?.customPeriod === null || !recurrence ? '' : String(recurrence.customPeriod);
    this.recurringFrom = recurrence?.startDate ?? '';
  }

  /** The periods the select offers: ours, and the project's own when Toggl sent another. */
  get periods(): [string, string][] {
    const known = this.project?.recurringParameters?.period;
    const offered = Object.entries(RECURRING_PERIODS);
    return known && !Object.hasOwn(RECURRING_PERIODS, known) ? [...offered, [known, known]] : offered;
  }

  /** Toggl's default can be chosen only while none is set (nothing clears a period once set). */
  get periodOptional(): boolean {
    return !this.project?.recurringParameters;
  }

  /** An existing project's hourly rate typed anew (a number, not the one it has): ask how it applies. */
  get rateChanged(): boolean {
    const typed = amount(this.rate);
    return this.project !== undefined && typeof typed === 'number' && typed !== this.project.rate;
  }

  /** The mode to send with the changes: only with a new hourly rate. */
  modeFor(changed: DetailValues): RateChangeMode | undefined {
    return this.project && typeof changed.rate === 'number' ? this.rateChangeMode : undefined;
  }

  /** The first field with a problem, to take focus after a refused save. */
  get firstProblem(): DetailField | undefined {
    return Object.keys(this.problems)[0] as DetailField | undefined;
  }

  /**
   * Every detail as typed, read; undefined (and `problems` set, the section open) when one is
   * wrong. `paid` says which paid details the plan allows (others are left as they were).
   */
  read(paid: {
    autoEstimates: boolean;
    templates: boolean;
    rates: boolean;
    recurring: boolean;
  }): DetailValues | undefined {
    const problems: DetailProblems = {};
    const number = (field: 'estimatedHours' | 'rate' | 'fixedFee', text: string, words: string) => {
      const value = amount(text);
      if (value === undefined)
        problems[field] = field === 'estimatedHours' ? `Write the ${words} as a number, e.g. 40.` : notAnAmount(words);
      return value ?? null;
    };
    const values: DetailValues = {
      estimatedHours: number('estimatedHours', this.estimate, 'estimate in hours'),
      startDate: this.startDate.trim() || null,
      endDate: this.endDate.trim() || null,
    };
    if (paid.autoEstimates) values.autoEstimates = this.autoEstimates;
    if (paid.templates) {
      values.template = this.template;
      if (!this.project && this.templateId !== '') values.templateId = Number(this.templateId);
    }
    if (paid.rates) {
      values.currency = this.currency.trim().toUpperCase() || null;
      values.rate = number('rate', this.rate, 'hourly rate');
      values.fixedFee = number('fixedFee', this.fixedFee, 'fixed fee');
    }
    if (paid.recurring) {
      values.recurring = this.recurring;
      if (this.recurring && this.period !== '') values.recurringParameters = this.recurrence(problems);
    }
    if (this.project?.startDate && values.startDate === null)
      problems.startDate = 'Toggl keeps a start date for every project: give one as YYYY-MM-DD.';
    const rules = detailProblems(values, this.project);
    this.problems = { ...rules, ...problems };
    if (Object.keys(this.problems).length > 0) {
      this.open = true;
      return undefined;
    }
    return values;
  }

  /** The period as typed; a custom period's days that are not a whole number are told in `problems`. */
  private recurrence(problems: DetailProblems): NonNullable<DetailValues['recurringParameters']> {
    const custom = this.period === 'custom';
    const days = this.customPeriod.trim();
    const whole = /^\d+$/.test(days);
    if (custom && days !== '' && !whole) problems.customPeriod = 'Write the days as a whole number, e.g. 14.';
    return {
      period: this.period,
      customPeriod: custom && whole ? Number(days) : null,
      startDate: this.recurringFrom.trim() || null,
    };
  }

  /** Of the values read, those that differ from the project's (an edit sends only these). */
  changed(values: DetailValues): DetailValues {
    const project = this.project;
    if (!project)
      return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== false));
    return Object.fromEntries(
      Object.entries(values).filter(
        ([field, value]) =>
          field !== 'templateId' &&
          (field === 'recurringParameters'
            ? !sameRecurrence(project.recurringParameters, values.recurringParameters)
            : project[field as keyof ProjectDetails] !== value),
      ),
    );
  }
}
