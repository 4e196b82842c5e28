/**
 * Today in Asia/Shanghai by the database clock, as a SQL date expression: the calendar
 * every due date, report day and snapshot day is read in. One expression for every
 * feature (tasks, cockpit, insights…), so they all agree on when a day ends.
 */
export const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
