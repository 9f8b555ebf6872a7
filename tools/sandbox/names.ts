/**
 * Names like people give their projects and tasks: words from several languages, accents,
 * client codes, punctuation ("Überarbeitung Website", "ACME-2291 Q3 audit", "Mobile app –
 * onboarding"). Seeded (seededRandom), so a benchmark or a test sees the same names every run.
 */
export { seededRandom } from './faults';

const WORDS = [
  'website',
  'redesign',
  'mobile',
  'app',
  'onboarding',
  'audit',
  'migration',
  'review',
  'launch',
  'campaign',
  'budget',
  'report',
  'research',
  'interviews',
  'prototype',
  'wireframes',
  'backend',
  'frontend',
  'billing',
  'invoices',
  'support',
  'hiring',
  'training',
  'workshop',
  'strategy',
  'roadmap',
  'analytics',
  'dashboard',
  'integration',
  'security',
  'compliance',
  'newsletter',
  'überarbeitung',
  'entwicklung',
  'buchhaltung',
  'übersetzung',
  'kundenportal',
  'prüfung',
  'développement',
  'réunion',
  'stratégie',
  'présentation',
  'café',
  'équipe',
  'diseño',
  'campaña',
  'año',
  'señal',
  'gestión',
  'evaluación',
  'projekt',
  'współpraca',
  'zarządzanie',
  'łączność',
  'søknad',
  'økonomi',
  'ärende',
  'förbättring',
];
const CLIENTS = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA', 'STARK', 'WAYNE', 'HOOLI', 'VANDELAY'];
const SEPARATORS = [' ', ' ', ' ', ' – ', ': ', ' / ', ' & '];

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A project name: two to four words, sometimes a client code or a quarter in front. */
export function projectName(random: Random): string {
  const count = 2 + Math.floor(random() * 3);
  const words = Array.from({ length: count }, () => pick(random, WORDS));
  const roll = random();
  const prefix =
    roll < 0.25
      ? `${pick(random, CLIENTS)}-${1000 + Math.floor(random() * 9000)} `
      : roll < 0.35
        ? `Q${1 + Math.floor(random() * 4)} `
        : '';
  return (
    prefix +
    capital(words[0] ?? '') +
    words
      .slice(1)
      .map((word) => pick(random, SEPARATORS).trimEnd() + ' ' + word)
      .join('')
      .replace(/ {2,}/g, ' ')
  );
}

/** A task name: one to three words. */
export function taskName(random: Random): string {
  const count = 1 + Math.floor(random() * 3);
  return capital(Array.from({ length: count }, () => pick(random, WORDS)).join(' '));
}

const ACTIVITIES = [
  'Code review',
  'Sprint planning',
  'Client call',
  'Bug fixing',
  'Design review',
  'Documentation',
  'Research',
  'Email',
  'Testing',
  'Deployment',
  'Standup',
  'Pairing session',
  'Workshop prep',
  'Invoices',
  'Überarbeitung Entwurf',
  'Réunion équipe',
  'Revisión de campaña',
];

/** A time entry's description: an activity, sometimes with a word of the work, sometimes none (null). */
export function timeEntryDescription(random: Random): string | null {
  const roll = random();
  if (roll < 0.05) return null;
  const activity = pick(random, ACTIVITIES);
  return roll < 0.35 ? `${activity}: ${pick(random, WORDS)}` : activity;
}

/** A client name. */
export function clientName(random: Random): string {
  return `${capital(pick(random, CLIENTS).toLowerCase())} ${pick(random, ['Corp', 'GmbH', 'SA', 'Ltd', 'AB'])}`;
}

/** One typo of the kinds people make: a letter wrong, missing, doubled, or two swapped. */
export function withTypo(random: Random, word: string): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return word.slice(0, at) + pick(random, Array.from('aeiourstln')) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
  return word.slice(0, at - 1) + (word[at] ?? '') + (word[at - 1] ?? '') + word.slice(at + 1);
}
