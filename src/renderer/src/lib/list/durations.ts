// Shared with the quick-add parser (src/shared/quick-add), which main's command line reuses.
export { formatDuration, parseEstimate } from '../../../../shared/durations';
