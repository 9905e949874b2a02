/** The Danish deadline engine: pure date arithmetic with an explanation for every computed date. */
export * from './types';
export { danishPublicHolidays, easterSunday, profileDays, LAST_STORE_BEDEDAG_YEAR, type NamedDay } from './holidays';
export {
  addCalendarDays,
  addMonthsClamped,
  addWorkingDays,
  calendarDaysBetween,
  countWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingReason,
  rollForward,
  weekdayIndex,
  workingDaysBetween,
} from './calendar';
export { computeDeadline } from './compute';
export { DeadlineOwnerVocab } from './owner';
export {
  capitalize,
  danishMonthYear,
  danishWeekday,
  formatDanishDate,
  formatDanishDateWithWeekday,
  formatDanishLetterDate,
  formatDanishLetterDateWithWeekday,
  formatSpec,
  MAX_DEADLINE_AMOUNT,
  MONTHS_DA,
  parseDeadlineAmount,
  unitWord,
  WEEKDAYS_DA,
} from './text';
